// A tissue section around a grown tumour: every lattice site out to `marginUm` beyond the tumour
// mask may hold a cell. Inside the tumour, stromal septa (a ridge network of the noise field, a
// fixed fraction of tumour sites) separate tumour nests, and a few immune cells infiltrate; outside,
// loose stroma; the invasive front carries an immune-rich band (a Gaussian in the signed distance d,
// σ = w/4). Non-tumour cells replace tumour cells at their sites independently of clone, so clone
// fractions among tumour cells stay unbiased. Cells are listed in raster order (rows, then x).

import { labelRegions, signedDistanceAt, tumourRegions, type TumourRegions } from '../analysis/regions.ts';
import type { Growth } from './growth.ts';
import { columnOf, qOf, rowPitch, siteX, siteY } from './lattice.ts';
import { ridge } from './noise.ts';
import type { LatticeKind, TissueParams } from './params.ts';
import { hashUnit, streamFor } from './rng.ts';

export const CELL_TYPES = ['tumour', 'fibroblast', 'CD8 T cell', 'macrophage'] as const;
export type CellTypeName = (typeof CELL_TYPES)[number];
export const TUMOUR = 0;
export const FIBROBLAST = 1;
export const T_CELL = 2;
export const MACROPHAGE = 3;

export interface Section {
  readonly name: string;
  readonly n: number;
  /** Cell centres, µm; the section spans [0, widthUm] × [0, heightUm]. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly widthUm: number;
  readonly heightUm: number;
  /** Index into CELL_TYPES. */
  readonly cellType: Uint8Array;
  /** Genotype node of tumour cells; −1 for the others. */
  readonly node: Int32Array;
  /** Index into REGION_NAMES (analysis/regions.ts). */
  readonly region: Uint8Array;
  /** Signed distance to the tumour boundary, µm (positive inside). */
  readonly distance: Float32Array;
  readonly regions: TumourRegions;
  /** d ≥ −marginUm is tissue. */
  readonly marginUm: number;
}

/** Stream numbers of the section's random draws (fixed, so adding one never shifts another). */
const STREAM_TISSUE = 11;
const SEED_SEPTA = 12;
const SEED_JITTER = 13;

export function buildSection(name: string, growth: Growth, lattice: LatticeKind, spacingUm: number, t: TissueParams, seed: number): Section {
  // the tumour's box in (column, row) site coordinates, grown by the margin
  let cMin = Infinity;
  let cMax = -Infinity;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (let i = 0; i < growth.n; i++) {
    const c = columnOf(lattice, growth.q[i]!, growth.r[i]!);
    cMin = Math.min(cMin, c);
    cMax = Math.max(cMax, c);
    rMin = Math.min(rMin, growth.r[i]!);
    rMax = Math.max(rMax, growth.r[i]!);
  }
  const reach = t.marginUm + t.dilateUm + 60;
  const padC = Math.ceil(reach / spacingUm) + 1;
  const padR = Math.ceil(reach / rowPitch(lattice, spacingUm)) + 1;
  cMin -= padC;
  cMax += padC;
  rMin -= padR;
  rMax += padR;
  const W = cMax - cMin + 1;
  const H = rMax - rMin + 1;
  const occupant = new Int32Array(W * H).fill(-1);
  for (let i = 0; i < growth.n; i++) occupant[(growth.r[i]! - rMin) * W + columnOf(lattice, growth.q[i]!, growth.r[i]!) - cMin] = i;

  const x0 = siteX(lattice, qOf(lattice, cMin, rMin), rMin, spacingUm) - spacingUm;
  const y0 = siteY(lattice, rMin, spacingUm) - spacingUm;
  const jitterSeed = seed ^ SEED_JITTER;
  const siteXY = (s: number): [number, number] => {
    const row = Math.floor(s / W);
    const col = s - row * W;
    const r = row + rMin;
    const q = qOf(lattice, col + cMin, r);
    const jx = (2 * hashUnit(jitterSeed, 2 * s, 1) - 1) * t.jitterUm;
    const jy = (2 * hashUnit(jitterSeed, 2 * s + 1, 7) - 1) * t.jitterUm;
    return [siteX(lattice, q, r, spacingUm) - x0 + jx, siteY(lattice, r, spacingUm) - y0 + jy];
  };

  // stromal septa: the stromaFraction of tumour sites with the lowest ridge value
  const septaSeed = seed ^ SEED_SEPTA;
  const ridgeOf = new Float64Array(growth.n);
  const tumourSites: number[] = [];
  for (let s = 0; s < occupant.length; s++) if (occupant[s]! >= 0) tumourSites.push(s);
  tumourSites.forEach((s, k) => {
    const [x, y] = siteXY(s);
    ridgeOf[k] = ridge(septaSeed, x, y, t.nestSizeUm);
  });
  const sorted = ridgeOf.slice().sort();
  const cut = t.stromaFraction > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(t.stromaFraction * sorted.length))]! : -1;
  const septum = new Uint8Array(occupant.length);
  tumourSites.forEach((s, k) => {
    if (ridgeOf[k]! < cut) septum[s] = 1;
  });

  // regions from the tumour cells that remain
  const tx: number[] = [];
  const ty: number[] = [];
  for (const s of tumourSites) {
    if (septum[s]) continue;
    const [x, y] = siteXY(s);
    tx.push(x);
    ty.push(y);
  }
  const regions = tumourRegions(tx, ty, new Uint8Array(tx.length).fill(1), {
    pixelUm: t.pixelUm,
    dilateUm: t.dilateUm,
    closingUm: t.closingUm,
    frontWidthUm: t.frontWidthUm,
    paddingUm: reach,
  });

  const rng = streamFor(seed, STREAM_TISSUE);
  const sigma = Math.max(t.frontWidthUm / 4, 1e-9);
  const xs: number[] = [];
  const ys: number[] = [];
  const types: number[] = [];
  const nodes: number[] = [];
  const dists: number[] = [];
  for (let s = 0; s < occupant.length; s++) {
    const [x, y] = siteXY(s);
    const d = signedDistanceAt(regions, x, y);
    if (!(d >= -t.marginUm)) continue;
    const g = Math.exp(-(d * d) / (2 * sigma * sigma)); // 1 at the tumour boundary
    const cell = occupant[s]!;
    let type: number;
    if (cell >= 0 && !septum[s]) {
      // a tumour site: a few infiltrating immune cells, more at the front
      const u = rng.uniform();
      const pT = 0.015 + 0.1 * g;
      type = u < pT ? T_CELL : u < pT + 0.015 + 0.05 * g ? MACROPHAGE : TUMOUR;
    } else {
      const density = cell >= 0 ? 1 : d >= 0 ? 0.9 : t.outsideDensity;
      if (rng.uniform() >= density) continue;
      const u = rng.uniform();
      const pT = 0.06 + 0.3 * g;
      type = u < pT ? T_CELL : u < pT + 0.06 + 0.14 * g ? MACROPHAGE : FIBROBLAST;
    }
    xs.push(x);
    ys.push(y);
    types.push(type);
    nodes.push(type === TUMOUR ? growth.node[cell]! : -1);
    dists.push(d);
  }
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  return {
    name,
    n: x.length,
    x,
    y,
    widthUm: Math.ceil((W + 1) * spacingUm),
    heightUm: Math.ceil((H - 1) * rowPitch(lattice, spacingUm) + 2 * spacingUm),
    cellType: Uint8Array.from(types),
    node: Int32Array.from(nodes),
    region: labelRegions(regions, x, y),
    distance: Float32Array.from(dists),
    regions,
    marginUm: t.marginUm,
  };
}
