// Lattice growth by thinning (rejection) kinetic Monte Carlo, SCIENCE.md §2.6: each step picks a
// uniform cell i, advances time by Exp(n·r_max) and divides, kills or moves i with probabilities
// b_i/r_max, d₀/r_max, m₀/r_max (else nothing) — exact for birth rates that change with drivers.
//
// State is columnar: cell i sits at grid index site[i] of an occupancy grid (G×G, −1 = empty) and
// belongs to genotype node node[i] with birth rate b[i]. The grid is re-allocated ×1.25 whenever a
// cell lands within 2 sites of its border (Waclaw's rule), so the walk of a push never leaves it.

import { fail, ok, type Result } from '../errors.ts';
import type { NodeTable } from './genealogy.ts';
import { neighbourOffsets, siteArea } from './lattice.ts';
import type { GrowthParams } from './params.ts';
import { Rng, streamSeed } from './rng.ts';

/** The cell a growth starts from: a genotype node and its birth rate. */
export interface Founder {
  readonly node: number;
  readonly birthRate: number;
}

export interface Growth {
  /** Cells alive at the end (N unless t_max stopped it earlier). */
  readonly n: number;
  /** Lattice coordinates (axial on hex) of each cell; the founder started at (0, 0). */
  readonly q: Int32Array;
  readonly r: Int32Array;
  /** Genotype node of each cell. */
  readonly node: Int32Array;
  /** Time at the end, units of 1/b₀. */
  readonly time: number;
  /** Seed that produced this tumour (the seed, or restartSeed(seed, restarts) after extinctions). */
  readonly seedUsed: number;
  readonly restarts: number;
  readonly divisions: number;
  /** KMC steps, including rejected ones (thinning, no empty neighbour). */
  readonly steps: number;
}

/**
 * Grows a tumour from one founder cell (by default a new root node carrying n_truncal mutations)
 * until it has g.cells cells. New genotype nodes are appended to `tree`. Fails only when every
 * allowed restart died out.
 */
export function growTumour(g: GrowthParams, tree: NodeTable, founder?: Founder): Result<Growth> {
  const start = founder ?? { node: tree.add(-1, g.nTruncal, true, 0, g.birth), birthRate: g.birth };
  const count0 = tree.count;
  const mut0 = tree.nextMut;
  for (let attempt = 0; attempt <= g.maxRestarts; attempt++) {
    tree.truncate(count0, mut0);
    const seed = restartSeed(g.seed, attempt);
    const grown = growOnce(g, tree, start, seed);
    if (grown) return ok({ ...grown, seedUsed: seed, restarts: attempt });
  }
  return fail('invalid-argument', `The simulated tumour died out ${g.maxRestarts + 1} times (death rate ${g.death} vs birth rate ${g.birth}); lower the death rate or allow more restarts.`);
}

/**
 * Seed of attempt k: the seed itself, then a hash of (seed, k). SCIENCE.md §2.6 says seed+1, but
 * then neighbouring seeds that die out converge on the same tumour (with d/b = 0.7 most seeds do);
 * hashing keeps every seed's tumour its own. Growing with seed = seedUsed reproduces it directly.
 */
export function restartSeed(seed: number, attempt: number): number {
  return attempt === 0 ? seed >>> 0 : streamSeed(seed, 0x7e57a27 + attempt);
}

type Grown = Omit<Growth, 'seedUsed' | 'restarts'>;

function growOnce(g: GrowthParams, tree: NodeTable, founder: Founder, seed: number): Grown | null {
  const rng = new Rng(seed);
  const N = g.cells;
  const d0 = g.death;
  const m0 = g.migration;
  const mu = g.mu;
  const expMinusMu = Math.exp(-mu);
  const pDriver = g.pDriver;
  const driverFactor = 1 + g.sDriver;
  // a lineage gains at most maxDrivers drivers in this growth: its birth rate stops at the founder's × (1+s)^maxDrivers
  const rateCap = g.sDriver > 0 ? founder.birthRate * driverFactor ** g.maxDrivers * (1 + 1e-9) : Infinity;
  const tMax = g.tMax ?? Infinity;
  const mode = g.mode === 'push' ? 0 : g.mode === 'eden' ? 1 : 2;
  const dirs = neighbourOffsets(g.lattice);
  const K = dirs.length / 2;

  let G = 2 * Math.ceil(1.5 * Math.sqrt((N * siteArea(g.lattice)) / Math.PI)) + 8;
  let off = G >> 1;
  let grid = new Int32Array(G * G).fill(-1);
  const nb = new Int32Array(K);
  const setOffsets = () => {
    for (let k = 0; k < K; k++) nb[k] = dirs[2 * k + 1]! * G + dirs[2 * k]!;
  };
  setOffsets();

  let cap = Math.min(N, 1024);
  let site = new Int32Array(cap);
  let node = new Int32Array(cap);
  let b = new Float64Array(cap);
  let n = 1;
  site[0] = off * G + off;
  node[0] = founder.node;
  b[0] = founder.birthRate;
  grid[site[0]!] = 0;
  let maxB = founder.birthRate;
  let rmax = maxB + d0 + m0;
  let t = 0;
  let divisions = 0;
  let steps = 0;
  const empties = new Int32Array(K);
  const lo = 3;

  const nearBorder = (s: number) => {
    const row = (s / G) | 0;
    const col = s - row * G;
    return row < lo || col < lo || row >= G - lo || col >= G - lo;
  };
  const reallocate = () => {
    const G2 = Math.ceil(G * 1.25) + 1;
    const off2 = off + ((G2 - G) >> 1);
    const grid2 = new Int32Array(G2 * G2).fill(-1);
    for (let c = 0; c < n; c++) {
      const row = (site[c]! / G) | 0;
      const col = site[c]! - row * G;
      const s2 = (row - off + off2) * G2 + (col - off + off2);
      site[c] = s2;
      grid2[s2] = c;
    }
    G = G2;
    off = off2;
    grid = grid2;
    setOffsets();
  };
  /** New genotype for daughter c of a cell in node `parentNode` with birth rate `parentB`. */
  const mutate = (c: number, parentNode: number, parentB: number) => {
    const k = mu > 0 ? rng.poisson(mu, expMinusMu) : 0;
    const drv = pDriver > 0 && rng.uniform() < pDriver && parentB * driverFactor <= rateCap;
    if (k === 0 && !drv) {
      node[c] = parentNode;
      b[c] = parentB;
      return;
    }
    const rate = drv ? parentB * driverFactor : parentB;
    node[c] = tree.add(parentNode, Math.max(k, 1), drv, t, rate);
    b[c] = rate;
    if (rate > maxB) {
      maxB = rate;
      rmax = maxB + d0 + m0;
    }
  };

  while (n < N && t < tMax) {
    steps++;
    const i = Math.floor(rng.uniform() * n);
    t += rng.exponential(n * rmax);
    const v = rng.uniform() * rmax;
    const bi = b[i]!;
    if (v < bi) {
      // DIVIDE: find the daughter's site
      const from = site[i]!;
      let target = -1;
      if (mode === 1) {
        let m = 0;
        for (let k = 0; k < K; k++) if (grid[from + nb[k]!]! < 0) empties[m++] = from + nb[k]!;
        if (m === 0) continue;
        target = empties[m === 1 ? 0 : Math.floor(rng.uniform() * m)]!;
      } else {
        const dir = Math.floor(rng.uniform() * K);
        const step = nb[dir]!;
        target = from + step;
        if (mode === 2 && grid[target]! >= 0) continue;
        if (mode === 0 && grid[target]! >= 0) {
          // push the line of cells from target outward by one site, up to the first empty site
          let pos = target;
          let carry = grid[pos]!;
          for (;;) {
            pos += step;
            const occ = grid[pos]!;
            grid[pos] = carry;
            site[carry] = pos;
            if (occ < 0) break;
            carry = occ;
          }
          if (nearBorder(pos)) {
            grid[target] = -1; // keep the grid consistent: target is emptied just below anyway
            reallocate(); // new grid width: the step in grid indices changes too
            target = site[i]! + nb[dir]!;
          }
        }
      }
      if (n === cap) {
        cap = Math.min(N, cap * 2);
        const s2 = new Int32Array(cap);
        s2.set(site);
        site = s2;
        const n2 = new Int32Array(cap);
        n2.set(node);
        node = n2;
        const b2 = new Float64Array(cap);
        b2.set(b);
        b = b2;
      }
      const j = n++;
      grid[target] = j;
      site[j] = target;
      divisions++;
      const parentNode = node[i]!;
      mutate(i, parentNode, bi);
      mutate(j, parentNode, bi);
      if (nearBorder(target)) reallocate();
    } else if (v < bi + d0) {
      // DIE: swap-remove
      grid[site[i]!] = -1;
      const last = --n;
      if (i !== last) {
        site[i] = site[last]!;
        node[i] = node[last]!;
        b[i] = b[last]!;
        grid[site[i]!] = i;
      }
      if (n === 0) return null;
    } else if (v < bi + d0 + m0) {
      // MIGRATE: swap with a random neighbour, or move into it when empty
      const from = site[i]!;
      const to = from + nb[Math.floor(rng.uniform() * K)]!;
      const occ = grid[to]!;
      grid[to] = i;
      site[i] = to;
      grid[from] = occ;
      if (occ >= 0) site[occ] = from;
      else if (nearBorder(to)) reallocate();
    }
  }

  const q = new Int32Array(n);
  const r = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const row = (site[c]! / G) | 0;
    r[c] = row - off;
    q[c] = site[c]! - row * G - off;
  }
  return { n, q, r, node: node.slice(0, n), time: t, divisions, steps };
}
