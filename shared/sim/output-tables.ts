// Text outputs of a simulation, byte-deterministic: fixed decimals (toFixed), LF line ends, a final
// newline, rows in a fixed order. Labels never contain commas, quotes or newlines.
//   cells CSV       cell_id,x,y,region,clone,cell_type,PanCK,Vimentin,CD8,CD68,Ki67
//                   (µm with 2 decimals; markers in arbitrary units, 2 decimals; clone 'normal'
//                   for non-tumour cells)
//   clone tree CSV  clone,parent,mutations (root's parent empty; the clone node's own mutations,
//                   separated by ';' — see clones.ts for why this keeps CCFs exact)

import { REGION_NAMES } from '../analysis/regions.ts';
import { cloneMutationNames, type CloneTree } from './clones.ts';
import { MARKERS } from './markers.ts';
import type { SimulatedSection } from './simulate.ts';
import { CELL_TYPES } from './tissue.ts';

export const NORMAL_CLONE = 'normal';
export const CELLS_HEADER = ['cell_id', 'x', 'y', 'region', 'clone', 'cell_type', ...MARKERS].join(',');

/** The cells CSV in chunks of `rowsPerChunk` rows (the header is part of the first chunk). */
export function* cellsCsvChunks(s: SimulatedSection, clones: CloneTree, rowsPerChunk = 65536): Generator<string> {
  const { section, clone, markers } = s;
  let lines: string[] = [CELLS_HEADER];
  for (let i = 0; i < section.n; i++) {
    const c = clone[i]!;
    let row = `${i + 1},${section.x[i]!.toFixed(2)},${section.y[i]!.toFixed(2)},${REGION_NAMES[section.region[i]!]},${c >= 0 ? clones.names[c] : NORMAL_CLONE},${CELL_TYPES[section.cellType[i]!]}`;
    for (const m of markers) row += `,${m[i]!.toFixed(2)}`;
    lines.push(row);
    if (lines.length >= rowsPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

export function cellsCsv(s: SimulatedSection, clones: CloneTree): string {
  return [...cellsCsvChunks(s, clones)].join('');
}

export function cloneTreeCsv(clones: CloneTree): string {
  const lines = ['clone,parent,mutations'];
  clones.names.forEach((name, c) => {
    const p = clones.parent[c]!;
    lines.push(`${name},${p >= 0 ? clones.names[p] : ''},${cloneMutationNames(clones, c).join(';')}`);
  });
  return `${lines.join('\n')}\n`;
}
