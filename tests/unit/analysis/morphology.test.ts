// The additions made for outlines: the fast small-radius dilation (must equal the distance-transform
// one exactly), small-component removal, and filling only the small holes.
import { describe, expect, it } from 'vitest';
import { squaredDistanceTransform } from '../../../shared/analysis/distance-transform.ts';
import { dilate, erode, fillHoles, removeSmallComponents } from '../../../shared/analysis/morphology.ts';
import { createRng } from '../../../shared/sim/rng.ts';

describe('dilate with a small radius', () => {
  it('equals thresholding the exact distance transform', () => {
    const rng = createRng(2);
    for (const [w, h, density] of [[37, 23, 0.02], [50, 50, 0.3], [9, 40, 0.6], [1, 1, 1]] as const) {
      const mask = new Uint8Array(w * h);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < density ? 1 : 0;
      const d2 = squaredDistanceTransform(mask, w, h);
      for (const radius of [0, 1, 1.42, 2, 2.5, 2.99]) {
        const want = Array.from(d2, (d) => (d <= radius * radius ? 1 : 0));
        expect([...dilate(mask, w, h, radius)]).toEqual(want);
      }
    }
  });

  it('erodes as the dual', () => {
    const w = 7, h = 5, mask = new Uint8Array(w * h).fill(1);
    mask[2 * w + 3] = 0;
    const e = erode(mask, w, h, 1);
    expect([e[2 * w + 3], e[1 * w + 3], e[2 * w + 2], e[1 * w + 2], e[0]]).toEqual([0, 0, 0, 1, 1]);
  });
});

describe('removeSmallComponents and fillHoles(maxHolePixels)', () => {
  // 8 × 6: a 4 × 4 ring of set pixels with a 2 × 2 hole, plus a lone pixel and a diagonal pair
  const rows = ['11110000', '10010001', '10010000', '11110000', '00000010', '00000001'];
  const w = 8, h = 6;
  const mask = Uint8Array.from(rows.join(''), (c) => Number(c));
  const show = (m: Uint8Array) => Array.from({ length: h }, (_, r) => [...m.subarray(r * w, r * w + w)].join(''));

  it('drops components below the size (8-connected: the diagonal pair is one component of 2)', () => {
    expect(show(removeSmallComponents(mask, w, h, 2))).toEqual(['11110000', '10010000', '10010000', '11110000', '00000010', '00000001']);
    expect(show(removeSmallComponents(mask, w, h, 3))).toEqual(['11110000', '10010000', '10010000', '11110000', '00000000', '00000000']);
    expect(show(removeSmallComponents(mask, w, h, 2, 4))[4]).toBe('00000000');
  });

  it('fills holes up to the size given, all by default', () => {
    expect(show(fillHoles(mask, w, h, 3))[1]).toBe('10010001');
    expect(show(fillHoles(mask, w, h, 4))[1]).toBe('11110001');
    expect(show(fillHoles(mask, w, h))[2]).toBe('11110000');
  });
});
