import { describe, expect, it } from 'vitest';
import { ringBounds } from '../../../shared/analysis/ring-bounds.ts';

describe('ringBounds', () => {
  it('spans every vertex of every ring, ignoring a dangling coordinate', () => {
    expect(ringBounds(Float64Array.from([0, 5, 10, -2, 4, 7]), [-3, 1, 2, 9, 99])).toEqual({ x0: -3, x1: 10, y0: -2, y1: 9 });
  });
  it('is empty (Infinity to −Infinity) without vertices', () => {
    expect(ringBounds()).toEqual({ x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity });
  });
});
