// 10x Visium (Space Ranger): spatial/tissue_positions_list.csv (no header, < 2.0) and
// spatial/tissue_positions.csv (header, ≥ 2.0). Pixel columns are full-resolution image pixels;
// pxl_row is y and pxl_col is x. scalefactors_json.json beside it gives µm per pixel:
// a spot is 65 µm across and spans `spot_diameter_fullres` pixels.

import { type CellFormat, has, profileOf } from './types.ts';

export const VISIUM_COLUMNS = ['barcode', 'in_tissue', 'array_row', 'array_col', 'pxl_row_in_fullres', 'pxl_col_in_fullres'];
export const VISIUM_SPOT_DIAMETER_UM = 65;

export const visium: CellFormat = {
  id: 'visium',
  label: '10x Visium spot positions',
  headerless(ctx) {
    if (ctx.profiles.length !== 6) return null;
    const [barcode, inTissue, ...rest] = ctx.profiles;
    const barcodes = barcode!.kind === 'text' && barcode!.examples.every((v) => /^[ACGTN]+-\d+$/.test(v.trim()));
    const flags = inTissue!.integer && inTissue!.min >= 0 && inTissue!.max <= 1;
    return barcodes && flags && rest.every((p) => p.kind === 'number') ? [...VISIUM_COLUMNS] : null;
  },
  detect: (ctx) => (has(ctx, 'pxl_row_in_fullres', 'pxl_col_in_fullres') ? 1 : 0),
  propose(ctx) {
    const inTissue = profileOf(ctx, 'in_tissue');
    return {
      mapping: {
        x: 'pxl_col_in_fullres',
        y: 'pxl_row_in_fullres',
        id: has(ctx, 'barcode') ? 'barcode' : undefined,
        units: 'px',
        ...(inTissue ? { keepRows: { column: 'in_tissue', equals: 1, what: 'spots outside the tissue (in_tissue = 0)' } } : {}),
      },
      sure: true,
      notes: [],
    };
  },
  companions: () => [{ kind: 'scalefactors', path: 'scalefactors_json.json' }],
};

/** µm per full-resolution pixel from scalefactors_json.json text; null when it cannot be read. */
export function visiumPixelSize(json: string): number | null {
  try {
    const parsed: unknown = JSON.parse(json);
    const d = (parsed as { spot_diameter_fullres?: unknown }).spot_diameter_fullres;
    return typeof d === 'number' && d > 0 ? VISIUM_SPOT_DIAMETER_UM / d : null;
  } catch {
    return null;
  }
}
