// 10x Xenium cells.csv(.gz): x_centroid, y_centroid in µm; cell_id a string ("aaadnakl-1") or integer.
// R-rewritten copies add an unnamed row-index column first.

import { type CellFormat, has } from './types.ts';

export const xenium: CellFormat = {
  id: 'xenium',
  label: '10x Xenium cells',
  detect: (ctx) => (has(ctx, 'x_centroid', 'y_centroid') ? (has(ctx, 'cell_id') || has(ctx, 'transcript_counts') ? 1 : 0.7) : 0),
  propose: (ctx) => ({
    mapping: { x: 'x_centroid', y: 'y_centroid', id: has(ctx, 'cell_id') ? 'cell_id' : undefined, units: 'um' },
    sure: true,
    notes: [],
  }),
};
