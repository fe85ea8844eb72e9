// CellProfiler per-object export (also ImcSegmentationPipeline cpout/cell.csv): Location_Center_X/Y
// in pixels; objects keyed by ImageNumber + ObjectNumber; several images per file.

import { type CellFormat, has } from './types.ts';

export const cellprofiler: CellFormat = {
  id: 'cellprofiler',
  label: 'CellProfiler objects',
  detect(ctx) {
    if (!has(ctx, 'Location_Center_X', 'Location_Center_Y')) return 0;
    return has(ctx, 'ObjectNumber') || has(ctx, 'ImageNumber') ? 1 : 0.8;
  },
  propose(ctx) {
    const id = has(ctx, 'ImageNumber', 'ObjectNumber') ? ['ImageNumber', 'ObjectNumber'] : has(ctx, 'ObjectNumber') ? 'ObjectNumber' : undefined;
    const z = has(ctx, 'Location_Center_Z') ? { z: 'Location_Center_Z' } : {};
    return {
      mapping: { x: 'Location_Center_X', y: 'Location_Center_Y', ...z, id, sample: has(ctx, 'ImageNumber') ? 'ImageNumber' : undefined, units: 'px' },
      sure: true,
      notes: ['CellProfiler coordinates are in image pixels: set the pixel size to work in µm.'],
    };
  },
};
