import { describe, expect, it } from 'vitest';
import { distanceToEdges, insidePolygon, labelPoint } from '../../../shared/analysis/label-point.ts';

const square = (x0: number, y0: number, s: number) => Float64Array.of(x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s);

describe('label point', () => {
  it('is the centre of a square', () => {
    const p = labelPoint([square(0, 0, 10)])!;
    expect(p[0]).toBeCloseTo(5, 0);
    expect(p[1]).toBeCloseTo(5, 0);
  });

  it('lands in the band of a square annulus, not in its hole', () => {
    const rings = [square(0, 0, 100), square(20, 20, 60)];
    const p = labelPoint(rings)!;
    expect(insidePolygon(rings, p[0], p[1])).toBe(true);
    expect(distanceToEdges(rings, p[0], p[1])).toBeGreaterThan(9); // the band is 20 wide
  });

  it('even-odd: a hole is outside', () => {
    const rings = [square(0, 0, 100), square(20, 20, 60)];
    expect(insidePolygon(rings, 50, 50)).toBe(false);
    expect(insidePolygon(rings, 10, 50)).toBe(true);
    expect(insidePolygon(rings, 150, 50)).toBe(false);
  });
});
