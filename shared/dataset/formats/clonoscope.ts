// Clonoscope's own cell table (written by the simulator and by exports): cell_id, x, y in µm,
// region, clone, cell_type, then marker columns.

import { type CellFormat, findName, has } from './types.ts';

export const clonoscope: CellFormat = {
  id: 'clonoscope',
  label: 'Clonoscope cell table',
  detect: (ctx) => (ctx.header[0] === 'cell_id' && ctx.header[1] === 'x' && ctx.header[2] === 'y' && has(ctx, 'clone', 'region') ? 0.95 : 0),
  propose: (ctx) => ({
    mapping: { x: 'x', y: 'y', id: 'cell_id', clone: 'clone', region: 'region', phenotype: findName(ctx, 'cell_type'), sample: findName(ctx, 'sample'), units: 'um' },
    sure: true,
    notes: [],
  }),
};
