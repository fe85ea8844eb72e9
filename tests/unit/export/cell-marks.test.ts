import { describe, expect, it } from 'vitest';
import { packRgba } from '../../../renderer/render/cell-raster.ts';
import { cellMarksSvg, cssOfPacked, num, visibleCells, worldToBox, type SectionWindow } from '../../../renderer/export/cell-marks.ts';
import { parseXml } from './decode-png.ts';

const RED = packRgba(255, 0, 0), BLUE = packRgba(0, 0, 255), HALF = packRgba(0, 128, 0, 128);

function cells(points: [number, number][]) {
  return { n: points.length, x: Float32Array.from(points, (p) => p[0]), y: Float32Array.from(points, (p) => p[1]) };
}

/** The absolute grid points of each <path> (stroke colour → points), from "M x y h0" and "m dx dy h0". */
function marks(svg: string): { scale: number; strokeWidth: number; paths: { stroke: string; opacity: string | null; points: [number, number][] }[] } {
  const g = parseXml(svg).documentElement!;
  const scale = Number(/^scale\(([^)]+)\)$/.exec(g.getAttribute('transform')!)![1]);
  const paths = Array.from(g.getElementsByTagName('path')).map((p) => {
    const d = p.getAttribute('d')!;
    const points: [number, number][] = [];
    let x = 0, y = 0, used = 0;
    for (const m of d.matchAll(/([Mm])(-?\d+) ?(-?\d+)h0/g)) {
      used += m[0].length;
      if (m[1] === 'M') (x = Number(m[2])), (y = Number(m[3]));
      else (x += Number(m[2])), (y += Number(m[3]));
      points.push([x, y]);
    }
    expect(used).toBe(d.length); // nothing in d that is not a mark
    return { stroke: p.getAttribute('stroke')!, opacity: p.getAttribute('stroke-opacity'), points };
  });
  return { scale, strokeWidth: Number(g.getAttribute('stroke-width')), paths };
}

describe('worldToBox', () => {
  const w: SectionWindow = { cx: 100, cy: 50, worldPerUnit: 2, yUp: false };
  it('puts the window centre at the box centre, world units / worldPerUnit', () => {
    expect(worldToBox(w, 40, 20, 100, 50)).toEqual([20, 10]);
    expect(worldToBox(w, 40, 20, 120, 60)).toEqual([30, 15]);
    expect(worldToBox({ ...w, yUp: true }, 40, 20, 120, 60)).toEqual([30, 5]);
  });
});

describe('visibleCells', () => {
  const w: SectionWindow = { cx: 50, cy: 50, worldPerUnit: 1, yUp: false }; // box 100 × 100 = world [0, 100]²
  it('keeps marks at least partly inside the box, in table order, and drops hidden and NaN cells', () => {
    const c = cells([[10, 10], [-0.9, 50], [-1.1, 50], [50, 100.9], [50, 101.1], [NaN, 5], [60, 60], [99, 99]]);
    const rgba = Uint32Array.from([RED, RED, RED, BLUE, BLUE, RED, 0, BLUE]);
    expect([...visibleCells(c, rgba, w, 100, 100, 2)]).toEqual([0, 1, 3, 7]); // mark radius 1: −0.9 touches, −1.1 does not
  });
});

describe('cssOfPacked and num', () => {
  it('unpacks r | g << 8 | b << 16 | a << 24', () => {
    expect(cssOfPacked(packRgba(255, 128, 1, 255))).toEqual({ colour: '#ff8001', opacity: 1 });
    expect(cssOfPacked(HALF).opacity).toBeCloseTo(128 / 255, 6);
  });
  it('writes short numbers, never -0', () => {
    expect(num(-0.001)).toBe('0');
    expect(num(2.5)).toBe('2.5');
    expect(num(1 / 3, 3)).toBe('0.333');
    expect(num(-12.345, 1)).toBe('-12.3');
  });
});

describe('cellMarksSvg', () => {
  it('draws every visible cell once, at its box position (within 1/32 of a mark), one path per colour, most common first', () => {
    const pts: [number, number][] = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) pts.push([rand() * 2000, rand() * 1000]);
    const c = cells(pts);
    const rgba = Uint32Array.from(pts, (_, i) => (i % 5 === 0 ? BLUE : i % 7 === 0 ? HALF : RED));
    const w: SectionWindow = { cx: 1000, cy: 500, worldPerUnit: 10, yUp: true }; // box 200 × 100
    const markSize = 1.3;
    const vis = visibleCells(c, rgba, w, 200, 100, markSize);
    const svg = cellMarksSvg(c, rgba, vis, w, 200, 100, markSize);
    const m = marks(svg);
    expect(m.scale * m.strokeWidth).toBeCloseTo(markSize, 9); // the disc diameter in box units
    const byColour = (col: number) => [...vis].filter((i) => rgba[i] === col);
    expect(m.paths.map((p) => p.stroke)).toEqual(['#ff0000', '#0000ff', '#008000']); // 343, 100, 57 cells
    expect(m.paths.map((p) => p.points.length)).toEqual([RED, BLUE, HALF].map((col) => byColour(col).length));
    expect(m.paths[0]!.opacity).toBeNull();
    expect(Number(m.paths[2]!.opacity)).toBeCloseTo(128 / 255, 3);
    for (const [k, col] of [RED, BLUE, HALF].entries()) {
      const want = byColour(col).map((i) => worldToBox(w, 200, 100, c.x[i]!, c.y[i]!));
      const left = new Set(want.keys());
      for (const [gx, gy] of m.paths[k]!.points) {
        // each mark matches one cell not matched yet, within 1/32 of the mark per axis
        const j = [...left].find((j) => Math.abs(gx * m.scale - want[j]![0]) <= markSize / 32 + 1e-9 && Math.abs(gy * m.scale - want[j]![1]) <= markSize / 32 + 1e-9);
        expect(j, `mark at ${gx * m.scale}, ${gy * m.scale}`).toBeDefined();
        left.delete(j!);
      }
      expect(left.size).toBe(0);
    }
  });

  it('draws nothing for no cells or no mark size', () => {
    const c = cells([[1, 1]]);
    const w: SectionWindow = { cx: 0, cy: 0, worldPerUnit: 1, yUp: false };
    expect(cellMarksSvg(c, Uint32Array.of(RED), new Uint32Array(0), w, 10, 10, 1)).toBe('');
    expect(cellMarksSvg(c, Uint32Array.of(RED), Uint32Array.of(0), w, 10, 10, 0)).toBe('');
  });
});
