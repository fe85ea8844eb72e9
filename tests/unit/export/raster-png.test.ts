import { describe, expect, it } from 'vitest';
import { packRgba } from '../../../renderer/render/cell-raster.ts';
import { encodeIndexedPng, encodePng, encodeRgbaPng } from '../../../renderer/export/indexed-png.ts';
import { base64, MAX_RASTER_PIXELS, MAX_RASTER_SIDE, rasterCellsPng, rasterSize } from '../../../renderer/export/raster-png.ts';
import { pngInfo } from '../../../shared/export/png-dpi.ts';
import { bytesOfDataUri, countColour, decodePng, pixelAt } from './decode-png.ts';

function image(w: number, h: number, colourOf: (x: number, y: number) => number): Uint8ClampedArray {
  const px = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[y * w + x] = colourOf(x, y);
  return new Uint8ClampedArray(px.buffer);
}

describe('encodeIndexedPng', () => {
  it('round-trips: palette PNG, transparent pixels as entry 0, exact colours', async () => {
    const colours = [0, packRgba(230, 159, 0), packRgba(86, 180, 233), packRgba(0, 158, 115, 128), packRgba(9, 9, 9, 0)];
    const rgba = image(7, 5, (x, y) => colours[(x + 2 * y) % colours.length]!);
    const png = (await encodeIndexedPng(rgba, 7, 5))!;
    expect(pngInfo(png)).toEqual({ width: 7, height: 5, dpi: null });
    const d = decodePng(png);
    expect(d.colourType).toBe(3);
    expect(d.palette!.length).toBe(4); // transparent + 3 colours (both alpha-0 colours are one entry)
    expect(d.palette![0]).toEqual([0, 0, 0, 0]);
    for (let y = 0; y < 5; y++)
      for (let x = 0; x < 7; x++) {
        const c = colours[(x + 2 * y) % colours.length]!, o = 4 * (y * 7 + x);
        const want = c >>> 24 === 0 ? [0, 0, 0, 0] : [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24];
        expect([...d.rgba.subarray(o, o + 4)]).toEqual(want);
      }
  });

  it('gives null above 256 colours; encodePng then writes RGBA, exactly', async () => {
    const rgba = image(20, 20, (x, y) => packRgba(x * 10, y * 10, 7, 255));
    expect(await encodeIndexedPng(rgba, 20, 20)).toBeNull();
    const d = decodePng(await encodePng(rgba, 20, 20));
    expect(d.colourType).toBe(6);
    expect(Buffer.from(d.rgba).equals(Buffer.from(rgba))).toBe(true);
    expect(decodePng(await encodeRgbaPng(rgba, 20, 20)).rgba).toEqual(new Uint8Array(rgba.buffer));
  });

  it('accepts pixels at an unaligned offset', async () => {
    const buf = new Uint8Array(1 + 4 * 6);
    buf.set(new Uint8Array(image(3, 2, () => packRgba(1, 2, 3)).buffer), 1);
    expect(pixelAt(decodePng((await encodeIndexedPng(buf.subarray(1), 3, 2))!), 2, 1)).toEqual({ hex: '#010203', alpha: 255 });
  });
});

describe('base64', () => {
  it('matches Node for sizes around its 32 KiB chunking', () => {
    for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 2 + 5]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      expect(base64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
});

describe('rasterSize', () => {
  it('is width × pxPerUnit, lowered to the pixel and side limits', () => {
    expect(rasterSize(300, 200, 300 / 72)).toEqual({ widthPx: 1250, heightPx: 833, pxPerUnit: 300 / 72 });
    const big = rasterSize(1000, 1000, 100);
    expect(big.widthPx * big.heightPx).toBeLessThanOrEqual(MAX_RASTER_PIXELS * 1.001);
    const long = rasterSize(10_000, 10, 10);
    expect(long.widthPx).toBe(MAX_RASTER_SIDE);
  });
});

describe('rasterCellsPng', () => {
  const red = packRgba(213, 94, 0), blue = packRgba(0, 114, 178);

  it('draws each cell in its colour at its place, transparent elsewhere, at pxPerUnit', async () => {
    // box 50 × 30 units at 4 px/unit = 200 × 120 px; world = box × 10 (µm), y down, centre (250, 150)
    const c = { n: 3, x: Float32Array.of(50, 450, 250), y: Float32Array.of(50, 250, 150) };
    const r = await rasterCellsPng(c, Uint32Array.of(red, blue, 0), { cx: 250, cy: 150, worldPerUnit: 10, yUp: false }, 50, 30, 2, 4);
    expect([r.widthPx, r.heightPx, r.pxPerUnit]).toEqual([200, 120, 4]);
    const d = decodePng(bytesOfDataUri(r.dataUri));
    expect([d.width, d.height]).toEqual([200, 120]);
    expect(pixelAt(d, 20, 20).hex).toBe('#d55e00'); // world (50, 50) → box (5, 5) → px (20, 20)
    expect(pixelAt(d, 180, 100).hex).toBe('#0072b2');
    expect(pixelAt(d, 100, 60).alpha).toBe(0); // the hidden cell
    expect(pixelAt(d, 0, 0).alpha).toBe(0);
    expect(countColour(d, '#d55e00')).toBe(countColour(d, '#0072b2')); // same 8-px disc
    expect(countColour(d, '#d55e00')).toBeGreaterThan(40); // π × 4² ≈ 50
  });

  it('centres odd-sized marks on the cell (±½ px), y down and y up', async () => {
    for (const yUp of [false, true]) {
      // 100 × 100 px; the cell at box (5.05, 4.05) = px (50.5, 40.5) either way, mark 5 px
      const c = { n: 1, x: Float32Array.of(5.05), y: Float32Array.of(yUp ? 5.95 : 4.05) };
      const r = await rasterCellsPng(c, Uint32Array.of(red), { cx: 5, cy: 5, worldPerUnit: 1, yUp }, 10, 10, 0.5, 10);
      const d = decodePng(bytesOfDataUri(r.dataUri));
      let sx = 0, sy = 0, n = 0;
      for (let y = 0; y < 100; y++) for (let x = 0; x < 100; x++) if (d.rgba[4 * (y * 100 + x) + 3]) (sx += x + 0.5), (sy += y + 0.5), n++;
      expect(n).toBe(21); // 5-px disc stamp
      expect(Math.abs(sx / n - 50.5)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(sy / n - 40.5)).toBeLessThanOrEqual(0.5);
    }
  });
});
