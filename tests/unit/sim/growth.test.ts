import { describe, expect, it } from 'vitest';
import { NodeTable } from '../../../shared/sim/genealogy.ts';
import { growTumour, restartSeed, type Growth } from '../../../shared/sim/growth.ts';
import { neighbourOffsets } from '../../../shared/sim/lattice.ts';
import { DEFAULT_GROWTH, type GrowthParams } from '../../../shared/sim/params.ts';

function grow(o: Partial<GrowthParams>): { g: Growth; tree: NodeTable } {
  const tree = new NodeTable();
  const r = growTumour({ ...DEFAULT_GROWTH, ...o }, tree);
  if (!r.ok) throw new Error(r.error.message);
  return { g: r.value, tree };
}

const meanTime = (o: Partial<GrowthParams>, seeds: number) => {
  let t = 0;
  for (let s = 1; s <= seeds; s++) t += grow({ ...o, seed: s }).g.time;
  return t / seeds;
};

describe('lattice growth', () => {
  it('is reproducible: same seed and parameters, same cells and genealogy', () => {
    const a = grow({ cells: 3000, seed: 11 });
    const b = grow({ cells: 3000, seed: 11 });
    const c = grow({ cells: 3000, seed: 12 });
    expect(a.g.q).toEqual(b.g.q);
    expect(a.g.r).toEqual(b.g.r);
    expect(a.g.node).toEqual(b.g.node);
    expect(a.g.time).toBe(b.g.time);
    expect(a.tree.parent.slice(0, a.tree.count)).toEqual(b.tree.parent.slice(0, b.tree.count));
    expect(c.g.q).not.toEqual(a.g.q);
  });

  it('grows to N cells, one per site, in a connected mass without death or migration', () => {
    for (const lattice of ['hex', 'moore', 'neumann'] as const)
      for (const mode of ['push', 'eden', 'random-neighbour'] as const) {
        const { g } = grow({ cells: 1500, seed: 3, lattice, mode });
        expect(g.n).toBe(1500);
        const sites = new Set<string>();
        for (let i = 0; i < g.n; i++) sites.add(`${g.q[i]},${g.r[i]}`);
        expect(sites.size).toBe(g.n);
        // every cell but the last one standing has an occupied neighbour
        const dirs = neighbourOffsets(lattice);
        let isolated = 0;
        for (let i = 0; i < g.n; i++) {
          let any = false;
          for (let k = 0; k < dirs.length; k += 2) if (sites.has(`${g.q[i]! + dirs[k]!},${g.r[i]! + dirs[k + 1]!}`)) any = true;
          if (!any) isolated++;
        }
        expect(isolated).toBe(0);
      }
  });

  it('keeps the node table ordered: children after parents, mutations numbered in order', () => {
    const { g, tree } = grow({ cells: 5000, seed: 5, pDriver: 0.01 });
    expect(tree.parent[0]).toBe(-1);
    expect(tree.nMut[0]).toBe(DEFAULT_GROWTH.nTruncal);
    for (let v = 1; v < tree.count; v++) {
      expect(tree.parent[v]).toBeLessThan(v);
      expect(tree.parent[v]).toBeGreaterThanOrEqual(0);
      expect(tree.firstMut[v]).toBe(tree.firstMut[v - 1]! + tree.nMut[v - 1]!);
      expect(tree.nMut[v]).toBeGreaterThanOrEqual(1);
      expect(tree.tBirth[v]).toBeGreaterThanOrEqual(tree.tBirth[tree.parent[v]!]!);
    }
    for (let i = 0; i < g.n; i++) expect(g.node[i]).toBeLessThan(tree.count);
    // mutations of a node = its ancestors' plus its own, and the lookup goes back to the carrier
    const v = g.node[123]!;
    const muts = tree.mutationsOf(v);
    expect(muts.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const m of muts) expect(tree.isAncestor(tree.nodeOfMutation(m), v)).toBe(true);
  });

  it('adds about μ neutral mutations per daughter per division', () => {
    const { g, tree } = grow({ cells: 20000, seed: 2, pDriver: 0 });
    const perDaughter = (tree.nextMut - DEFAULT_GROWTH.nTruncal) / (2 * g.divisions);
    expect(Math.abs(perDaughter - 1)).toBeLessThan(0.03);
  });

  it('pushing growth reaches N in about ln N / b₀ (exponential); Eden surface growth takes much longer', () => {
    const N = 5000;
    const lnN = Math.log(N);
    // Yule process: E[T] = Σ 1/(k b₀) for k < N ≈ (ln N + 0.577)/b₀, sd ≈ 1.28/b₀ per run
    const push = meanTime({ cells: N, pDriver: 0 }, 8);
    expect(push).toBeGreaterThan(lnN - 0.5);
    expect(push).toBeLessThan(lnN + 1.5);
    const fast = meanTime({ cells: N, pDriver: 0, birth: 2 }, 8);
    expect(fast).toBeCloseTo(push / 2, 0);
    const eden = meanTime({ cells: N, pDriver: 0, mode: 'eden' }, 3);
    expect(eden).toBeGreaterThan(2.5 * push);
  });

  it('drivers raise the birth rate by (1 + s), at most maxDrivers times per lineage', () => {
    const { tree } = grow({ cells: 20000, seed: 9, pDriver: 0.02, sDriver: 0.5, maxDrivers: 2 });
    let drivers = 0;
    for (let v = 1; v < tree.count; v++) {
      const p = tree.parent[v]!;
      const expected = tree.isDriver[v] ? tree.birthRate[p]! * 1.5 : tree.birthRate[p]!;
      expect(tree.birthRate[v]).toBeCloseTo(expected, 12);
      expect(tree.birthRate[v]).toBeLessThanOrEqual(2.25 + 1e-9);
      drivers += tree.isDriver[v]!;
    }
    expect(drivers).toBeGreaterThan(10);
  });

  it('restarts after extinction with a new seed it reports, which regrows the same tumour', () => {
    const o = { cells: 2000, seed: 1, death: 0.8 };
    let restarted: Growth | null = null;
    let from = 0;
    for (let s = 1; s < 30 && !restarted; s++) {
      const { g } = grow({ ...o, seed: s });
      if (g.restarts > 0) [restarted, from] = [g, s];
    }
    expect(restarted).not.toBeNull();
    expect(restarted!.seedUsed).toBe(restartSeed(from, restarted!.restarts));
    expect(restarted!.seedUsed).not.toBe(from + restarted!.restarts);
    const again = grow({ ...o, seed: restarted!.seedUsed }).g;
    expect(again.restarts).toBe(0);
    expect(again.q).toEqual(restarted!.q);
    expect(again.node.length).toBe(restarted!.node.length);
  });

  it('moves cells with migration and re-allocates the grid as they spread', () => {
    const { g } = grow({ cells: 400, seed: 4, migration: 20, pDriver: 0 });
    const sites = new Set<string>();
    let extent = 0;
    for (let i = 0; i < g.n; i++) {
      sites.add(`${g.q[i]},${g.r[i]}`);
      extent = Math.max(extent, Math.abs(g.q[i]!), Math.abs(g.r[i]!));
    }
    expect(sites.size).toBe(g.n);
    // the first grid is G = 2·ceil(1.5·√(N·a/π)) + 8 = 40 sites wide: cells beyond ±20 needed a bigger one
    expect(extent).toBeGreaterThan(20);
  });

  it('stops at t_max', () => {
    const { g } = grow({ cells: 100000, seed: 1, tMax: 3 });
    expect(g.n).toBeLessThan(100000);
    expect(g.time).toBeGreaterThanOrEqual(3);
    expect(g.time).toBeLessThan(3.5);
  });

  it('fails with a sentence when every restart dies out', () => {
    const r = growTumour({ ...DEFAULT_GROWTH, cells: 1000, death: 0.99, maxRestarts: 0, seed: 3 }, new NodeTable());
    if (r.ok) expect(r.value.n).toBe(1000);
    else expect(r.error.message).toMatch(/died out 1 times/);
  });
});
