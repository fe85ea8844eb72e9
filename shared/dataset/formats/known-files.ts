// Files that travel with cell tables but are not cell tables themselves. Opening one alone gets a
// sentence saying what it is and what to open instead, rather than "no coordinates".

import { baseName } from './types.ts';

/** What a non-table text file is, from its first characters; null when it may be a table. */
export function describeJsonOrMarkup(text: string): string | null {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    if (/"FeatureCollection"|"geometry"\s*:/.test(t)) return 'is a GeoJSON file of shapes (regions or annotations), not a cell table';
    if (/spot_diameter_fullres/.test(t)) return 'is a Visium scale-factor file: open the tissue_positions file in the same folder (its scale factors are read automatically)';
    return 'is a JSON file, not a cell table';
  }
  if (/^<(\?xml|!doctype|html)/i.test(t)) return 'is an XML/HTML document, not a cell table';
  return null;
}

/** Known companion tables recognised by their columns or name. */
export function describeCompanionTable(fileName: string, header: readonly string[]): string | null {
  const name = baseName(fileName).toLowerCase();
  const h = new Set(header);
  if (h.has('Object') && h.has('Neighbor')) return 'is a steinbock neighbour list (Object, Neighbor, Distance): open the regionprops table of the same image';
  if (h.has('channel') && h.has('name') && (h.has('keep') || h.has('ilastik'))) return 'is a steinbock panel (channel names), not a cell table';
  if (h.has('Number of Spots Under Tissue')) return 'is a Space Ranger metrics summary: open spatial/tissue_positions.csv instead';
  if (/^features\.tsv$/.test(name)) return 'is a 10x feature (gene) list: open the cells or tissue_positions file instead';
  if (/micron_to_mosaic_pixel_transform/.test(name)) return 'is a MERSCOPE micron-to-pixel transform: open cell_metadata.csv instead';
  if (/fov_positions/.test(name) && header.length <= 4 && !h.has('x_global_px')) return 'is a CosMx FOV position list';
  return null;
}
