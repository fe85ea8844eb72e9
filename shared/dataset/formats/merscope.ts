// Vizgen MERSCOPE. cell_metadata.csv: center_x, center_y in µm (global mosaic frame); the id is
// EntityID (vpt, 19 digits), an unnamed first column (legacy MERlin, 38–39 digits) or "X"
// (R-rewritten) — never a coordinate. detected_transcripts.csv: global_x, global_y (µm), gene.

import { type CellFormat, findName, has, profileOf } from './types.ts';

export const merscope: CellFormat = {
  id: 'merscope',
  label: 'Vizgen MERSCOPE',
  detect(ctx) {
    if (has(ctx, 'center_x', 'center_y') && (has(ctx, 'volume') || has(ctx, 'EntityID') || has(ctx, 'fov'))) return 0.95;
    if (has(ctx, 'global_x', 'global_y', 'gene')) return 0.9;
    return 0;
  },
  propose(ctx) {
    if (has(ctx, 'global_x', 'global_y')) {
      return {
        mapping: { x: 'global_x', y: 'global_y', ...(has(ctx, 'global_z') ? { z: 'global_z' } : {}), units: 'um' },
        sure: true,
        notes: ['Transcript table: each row is one detected transcript.'],
      };
    }
    const first = ctx.header[0]!;
    const firstIsId = first === 'X' || first === 'column 1' || first === 'cell' || first === 'EntityID';
    const id = findName(ctx, 'EntityID') ?? (firstIsId && profileOf(ctx, first)?.kind !== 'empty' ? first : undefined);
    return { mapping: { x: 'center_x', y: 'center_y', id, units: 'um' }, sure: true, notes: [] };
  },
};
