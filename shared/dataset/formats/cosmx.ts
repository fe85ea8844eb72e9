// NanoString CosMx SMI flat files. Metadata: CenterX/Y_global_px preferred over _local_px; the
// cell key is fov + cell_ID (cell_ID restarts in every FOV) or the AtoMx `cell` column. Transcript
// and FOV-position files: x_global_px, y_global_px. Units are pixels (0.12 µm in recent releases,
// 0.18 µm in the 2022 NSCLC release); the global frame has y pointing up.

import { type CellFormat, has, hasAny } from './types.ts';

const PIXEL_NOTE = 'CosMx coordinates are in pixels (0.12 µm each in recent releases, 0.18 µm in the 2022 lung release): set the pixel size to work in µm.';

export const cosmx: CellFormat = {
  id: 'cosmx',
  label: 'NanoString CosMx',
  detect(ctx) {
    if (hasAny(ctx, 'CenterX_global_px', 'CenterX_local_px')) return 0.95;
    if (has(ctx, 'x_global_px', 'y_global_px') && hasAny(ctx, 'fov', 'FOV')) return 0.9;
    return 0;
  },
  propose(ctx) {
    const fov = has(ctx, 'fov') ? 'fov' : has(ctx, 'FOV') ? 'FOV' : undefined;
    if (hasAny(ctx, 'CenterX_global_px', 'CenterX_local_px')) {
      const global = has(ctx, 'CenterX_global_px', 'CenterY_global_px');
      const id = has(ctx, 'cell') ? 'cell' : fov && has(ctx, 'cell_ID') ? [fov, 'cell_ID'] : undefined;
      return {
        mapping: {
          x: global ? 'CenterX_global_px' : 'CenterX_local_px',
          y: global ? 'CenterY_global_px' : 'CenterY_local_px',
          id,
          units: 'px',
          yUp: global,
        },
        sure: true,
        notes: [global ? PIXEL_NOTE : `Only FOV-local coordinates: cells of different FOVs overlap. ${PIXEL_NOTE}`],
      };
    }
    return {
      mapping: { x: 'x_global_px', y: 'y_global_px', units: 'px', yUp: true },
      sure: true,
      notes: [has(ctx, 'target') ? 'Transcript table: each row is one detected transcript.' : 'FOV positions.', PIXEL_NOTE],
    };
  },
};
