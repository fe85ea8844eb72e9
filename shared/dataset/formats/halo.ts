// Indica Labs HALO object data: a bounding box XMin, XMax, YMin, YMax per cell (centre = midpoint),
// in image pixels; "Classifier Label" from a tissue classifier; "<dye> Positive" 0/1 flags.

import { type CellFormat, findName, has } from './types.ts';

export const halo: CellFormat = {
  id: 'halo',
  label: 'HALO object data',
  detect(ctx) {
    if (!has(ctx, 'XMin', 'XMax', 'YMin', 'YMax')) return 0;
    return has(ctx, 'Object Id') || has(ctx, 'Analysis Region') || has(ctx, 'Image Location') ? 1 : 0.7;
  },
  propose: (ctx) => ({
    mapping: {
      x: { min: 'XMin', max: 'XMax' },
      y: { min: 'YMin', max: 'YMax' },
      id: findName(ctx, 'Object Id', 'Object ID'),
      region: findName(ctx, 'Classifier Label', 'Analysis Region'),
      units: 'px',
    },
    sure: true,
    notes: ['Cell centres are the midpoints of HALO bounding boxes, in image pixels: set the pixel size to work in µm.'],
  }),
};
