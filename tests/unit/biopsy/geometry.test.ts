import { describe, expect, it } from 'vitest';
import { CountingGrid } from '../../../shared/analysis/biopsy/counting.ts';
import {
  BIOPSY_PRESETS, cellsInBiopsy, contains, halfExtents, needleAt, outline, placeBiopsy, prepareShape, punchAt, templateOf, templateProblem, tmaGrid,
  type BiopsyShape,
} from '../../../shared/analysis/biopsy/geometry.ts';
import { createRng } from '../../../shared/sim/rng.ts';
import { latticeSection, sampleSection, sectionOf } from './helpers.ts';

/** Brute force: every cell tested with `contains`, counted per category. */
function bruteCounts(section: ReturnType<typeof latticeSection>, shape: BiopsyShape): Int32Array {
  const p = prepareShape(shape);
  const out = new Int32Array(section.categories);
  for (let i = 0; i < section.n; i++) if (section.category[i]! < section.categories && contains(p, section.x[i]!, section.y[i]!)) out[section.category[i]!]!++;
  return out;
}

describe('biopsy shapes (SCIENCE.md §4.1)', () => {
  it('a punch is a closed disc: a cell exactly at distance r is inside', () => {
    const p = prepareShape(punchAt(0, 0, 10)); // r = 5
    expect(contains(p, 5, 0)).toBe(true);
    expect(contains(p, 3, 4)).toBe(true); // 3-4-5: on the edge
    expect(contains(p, 3, 4.0001)).toBe(false);
    expect(contains(p, 0, -5)).toBe(true);
  });

  it('a needle is a closed rectangle along its angle', () => {
    const flat = prepareShape(needleAt(0, 0, 100, 10, 0));
    expect(contains(flat, 50, 5)).toBe(true); // corner
    expect(contains(flat, 50.001, 0)).toBe(false);
    expect(contains(flat, 0, 5.001)).toBe(false);
    const upright = prepareShape(needleAt(0, 0, 100, 10, 90));
    expect(contains(upright, 5, 50)).toBe(true); // exact at 90°: cos = 0, sin = 1
    expect(contains(upright, 50, 0)).toBe(false);
    const diagonal = prepareShape(needleAt(0, 0, 100, 10, 45));
    expect(contains(diagonal, 30, 30)).toBe(true);
    expect(contains(diagonal, 30, -30)).toBe(false);
  });

  it('half-extents follow h_x = (L/2)|cos θ| + (W/2)|sin θ|, h_y = (L/2)|sin θ| + (W/2)|cos θ|', () => {
    expect(halfExtents({ kind: 'punch', radius: 7 })).toEqual({ hx: 7, hy: 7 });
    expect(halfExtents({ kind: 'needle', length: 100, width: 10, angleDeg: 0 })).toEqual({ hx: 50, hy: 5 });
    expect(halfExtents({ kind: 'needle', length: 100, width: 10, angleDeg: 90 })).toEqual({ hx: 5, hy: 50 });
    const d = halfExtents({ kind: 'needle', length: 100, width: 10, angleDeg: 30 });
    expect(d.hx).toBeCloseTo(50 * Math.cos(Math.PI / 6) + 5 * 0.5, 10);
    expect(d.hy).toBeCloseTo(50 * 0.5 + 5 * Math.cos(Math.PI / 6), 10);
    // the corners of the outline lie on the box
    const o = outline(needleAt(0, 0, 100, 10, 30));
    expect(Math.max(...[0, 2, 4, 6].map((k) => o[k]!))).toBeCloseTo(d.hx, 9);
  });

  it('templates, presets and a TMA grid', () => {
    expect(templateOf(placeBiopsy({ kind: 'needle', length: 9, width: 2, angleDeg: 15 }, 1, 2))).toEqual({ kind: 'needle', length: 9, width: 2, angleDeg: 15 });
    expect(templateProblem({ kind: 'punch', radius: 0 })).toMatch(/radius must be a positive number/);
    expect(templateProblem({ kind: 'needle', length: 10, width: NaN, angleDeg: 0 })).toMatch(/width/);
    const tma = BIOPSY_PRESETS.filter((p) => p.id.startsWith('tma')).map((p) => (p.template.kind === 'punch' ? 2 * p.template.radius : 0));
    expect(tma).toEqual([600, 1000, 1500, 2000]);
    expect(BIOPSY_PRESETS.filter((p) => p.id.startsWith('needle')).every((p) => /approx/.test(p.label))).toBe(true); // [R] numbers
    const grid = tmaGrid(1000, 500, 2, 3, 600, 900);
    expect(grid.map((p) => [p.cx, p.cy])).toEqual([[100, 50], [1000, 50], [1900, 50], [100, 950], [1000, 950], [1900, 950]]);
    expect(grid.every((p) => p.radius === 300)).toBe(true);
  });

  it('cells in a biopsy through the spatial index = every cell tested', () => {
    const section = sampleSection(undefined, false);
    const rng = createRng(11);
    for (let t = 0; t < 40; t++) {
      const cx = rng.uniform() * 2800, cy = rng.uniform() * 2800;
      const shape = t % 2 ? punchAt(cx, cy, 50 + rng.uniform() * 600) : needleAt(cx, cy, 200 + rng.uniform() * 2000, 50 + rng.uniform() * 300, rng.uniform() * 360);
      const p = prepareShape(shape);
      const expected: number[] = [];
      for (let i = 0; i < section.n; i++) if (contains(p, section.x[i]!, section.y[i]!)) expected.push(i);
      expect([...cellsInBiopsy(section.index, shape)]).toEqual(expected);
    }
  });
});

describe('counting grid (the Monte Carlo counter)', () => {
  it('counts what the exact test counts, for punches and needles at any angle, cells on edges included', () => {
    // integer lattice: punches of integer radius centred on lattice points have cells exactly on the edge
    const section = latticeSection(200, 1, (x, y) => (x < 80 ? 'A' : y < 120 ? 'B' : 'normal'));
    for (const side of [undefined, 1.7, 6, 23]) {
      const grid = new CountingGrid(section, side);
      const rng = createRng(5);
      for (let t = 0; t < 120; t++) {
        const onLattice = t % 3 === 0;
        const cx = onLattice ? Math.round(rng.uniform() * 200) : rng.uniform() * 200;
        const cy = onLattice ? Math.round(rng.uniform() * 200) : rng.uniform() * 200;
        const shape: BiopsyShape =
          t % 2 === 0
            ? punchAt(cx, cy, 2 * (onLattice ? [5, 13, 25, 50][t % 4]! : 1 + rng.uniform() * 90))
            : needleAt(cx, cy, onLattice ? 40 : 5 + rng.uniform() * 300, onLattice ? 10 : 1 + rng.uniform() * 60, onLattice ? [0, 90, 180, 270][t % 4]! : rng.uniform() * 360);
        const counts = new Int32Array(grid.K);
        grid.count(prepareShape(shape), counts);
        expect([...counts], JSON.stringify(shape)).toEqual([...bruteCounts(section, shape)]);
      }
    }
  });

  it('counts many biopsies at once in any order with the same result', () => {
    const section = sampleSection(undefined, false);
    const grid = new CountingGrid(section);
    const rng = createRng(9);
    const n = 300;
    const centres = Float64Array.from({ length: 2 * n }, () => 200 + rng.uniform() * 2400);
    const template = prepareShape(punchAt(0, 0, 400));
    const out = new Int32Array(n * grid.K);
    grid.countMany(template, centres, n, out);
    for (let i = 0; i < n; i += 37) expect([...out.subarray(i * grid.K, (i + 1) * grid.K)]).toEqual([...bruteCounts(section, punchAt(centres[2 * i]!, centres[2 * i + 1]!, 400))]);
  });

  it('ignores cells without a position', () => {
    const section = sectionOf([0, 1, NaN, 2], [0, 1, 5, Infinity], ['A', 'A', 'A', 'B']);
    expect(section.cells).toBe(2);
    expect([...section.cloneCells]).toEqual([2]);
    const counts = new Int32Array(section.categories);
    new CountingGrid(section).count(prepareShape(punchAt(0, 0, 100)), counts);
    expect([...counts]).toEqual([2, 0]);
  });
});
