// MCMICRO quantification (mcquant): CellID, one column per marker, X_centroid, Y_centroid (older
// exports: X_position, Y_position), Area, ... in pixels of the stitched image.

import { type CellFormat, has } from './types.ts';

export const mcmicro: CellFormat = {
  id: 'mcmicro',
  label: 'MCMICRO quantification',
  detect(ctx) {
    const coords = has(ctx, 'X_centroid', 'Y_centroid') || has(ctx, 'X_position', 'Y_position');
    if (!coords) return 0;
    return has(ctx, 'CellID') || has(ctx, 'MajorAxisLength', 'Eccentricity') ? 0.95 : 0.6;
  },
  propose(ctx) {
    const centroid = has(ctx, 'X_centroid', 'Y_centroid');
    return {
      mapping: {
        x: centroid ? 'X_centroid' : 'X_position',
        y: centroid ? 'Y_centroid' : 'Y_position',
        id: has(ctx, 'CellID') ? 'CellID' : undefined,
        units: 'px',
      },
      sure: true,
      notes: ['Coordinates are in image pixels: set the pixel size to work in µm.'],
    };
  },
};
