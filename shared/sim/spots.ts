// The same section as Visium-like spot data: 55 µm spots on a 100 µm hexagonal grid (rows 86.6 µm
// apart, odd rows shifted by 50 µm) over [0, width] × [0, height]. A spot holds the cells whose
// centre is within 27.5 µm of its centre (closed disc). Columns:
//   barcode,x,y,in_tissue,n_cells,majority_clone,region,fraction_<clone>…,fraction_normal
// in_tissue = 1 when the spot holds a cell; fractions are of all cells in the spot (4 decimals,
// empty for empty spots); majority_clone / region: the most frequent label (ties → first listed).

import { REGION_NAMES } from '../analysis/regions.ts';
import type { CloneTree } from './clones.ts';
import { NORMAL_CLONE } from './output-tables.ts';
import { hashUnit } from './rng.ts';
import type { SimulatedSection } from './simulate.ts';

export const SPOT_DIAMETER_UM = 55;
export const SPOT_PITCH_UM = 100;

export interface SpotTable {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly barcode: readonly string[];
  readonly cells: Int32Array;
  /** counts[spot·(clones+1) + c]: cells of clone c (index `clones` = normal). */
  readonly cloneCounts: Int32Array;
  readonly regionCounts: Int32Array;
  readonly labels: readonly string[];
}

/** Visium-style 16-base barcode of spot (row, col), fixed by position. */
export function spotBarcode(row: number, col: number): string {
  let s = '';
  for (let k = 0; k < 16; k++) s += 'ACGT'[Math.floor(hashUnit(0x5107, row * 4096 + col, k) * 4)];
  return `${s}-1`;
}

export function spotTable(s: SimulatedSection, clones: CloneTree): SpotTable {
  const { section, clone } = s;
  const pitchY = (SPOT_PITCH_UM * Math.sqrt(3)) / 2;
  const rows = Math.floor(section.heightUm / pitchY) + 1;
  const cols = Math.floor(section.widthUm / SPOT_PITCH_UM) + 1;
  const n = rows * cols;
  const k = clones.names.length + 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const barcode: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      x[i] = c * SPOT_PITCH_UM + (r % 2 ? SPOT_PITCH_UM / 2 : 0);
      y[i] = r * pitchY;
      barcode.push(spotBarcode(r, c));
    }
  const cells = new Int32Array(n);
  const cloneCounts = new Int32Array(n * k);
  const regionCounts = new Int32Array(n * REGION_NAMES.length);
  const radius2 = (SPOT_DIAMETER_UM / 2) ** 2;
  for (let i = 0; i < section.n; i++) {
    const r0 = Math.round(section.y[i]! / pitchY);
    // the nearest spot lies in the nearest row or its neighbours; spots are 100 µm apart, so at most one holds the cell
    for (let r = r0 - 1; r <= r0 + 1; r++) {
      if (r < 0 || r >= rows) continue;
      const c = Math.round((section.x[i]! - (r % 2 ? SPOT_PITCH_UM / 2 : 0)) / SPOT_PITCH_UM);
      if (c < 0 || c >= cols) continue;
      const spot = r * cols + c;
      if ((x[spot]! - section.x[i]!) ** 2 + (y[spot]! - section.y[i]!) ** 2 > radius2) continue;
      cells[spot]!++;
      cloneCounts[spot * k + (clone[i]! >= 0 ? clone[i]! : k - 1)]!++;
      regionCounts[spot * REGION_NAMES.length + section.region[i]!]!++;
      break;
    }
  }
  return { n, x, y, barcode, cells, cloneCounts, regionCounts, labels: [...clones.names, NORMAL_CLONE] };
}

function argmax(counts: Int32Array, from: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (counts[from + j]! > counts[from + best]!) best = j;
  return best;
}

export function spotsCsv(t: SpotTable): string {
  const k = t.labels.length;
  const lines = [['barcode', 'x', 'y', 'in_tissue', 'n_cells', 'majority_clone', 'region', ...t.labels.map((l) => `fraction_${l}`)].join(',')];
  for (let i = 0; i < t.n; i++) {
    const m = t.cells[i]!;
    const head = `${t.barcode[i]},${t.x[i]!.toFixed(2)},${t.y[i]!.toFixed(2)},${m > 0 ? 1 : 0},${m}`;
    if (m === 0) {
      lines.push(`${head},,${','.repeat(k)}`);
      continue;
    }
    const fractions = Array.from({ length: k }, (_, c) => (t.cloneCounts[i * k + c]! / m).toFixed(4));
    const region = REGION_NAMES[argmax(t.regionCounts, i * REGION_NAMES.length, REGION_NAMES.length)];
    lines.push(`${head},${t.labels[argmax(t.cloneCounts, i * k, k)]},${region},${fractions.join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}
