import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../shared/errors.ts';
import { crc32, pixelsPerMetre, pngInfo, withDpi } from '../../../shared/export/png-dpi.ts';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function chunk(type: string, data: number[] | Uint8Array): number[] {
  const body = [...type].map((c) => c.charCodeAt(0)).concat([...data]);
  const len = data.length;
  const crc = crc32(Uint8Array.from(body));
  return [len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...body, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255];
}

const be32 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

/** A real w × h RGBA PNG (filter 0 rows), with optional extra chunks after IHDR. */
function png(w: number, h: number, extra: number[][] = []): Uint8Array {
  const raw = new Uint8Array(h * (1 + 4 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set([x * 40, y * 40, 200, 255], y * (1 + 4 * w) + 1 + 4 * x);
  const ihdr = chunk('IHDR', [...be32(w), ...be32(h), 8, 6, 0, 0, 0]);
  return Uint8Array.from([...SIGNATURE, ...ihdr, ...extra.flat(), ...chunk('IDAT', deflateSync(raw)), ...chunk('IEND', [])]);
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('crc32', () => {
  it('matches published check values', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard CRC-32 check value
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082); // every PNG ends with AE 42 60 82
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('matches the pHYs chunk that image programs write at 72 dpi (2835 px/m)', () => {
    // 'pHYs' 00000B13 00000B13 01 → CRC 00 9A 9C 18, found in countless PNGs
    const body = Uint8Array.from([0x70, 0x48, 0x59, 0x73, 0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]);
    expect(crc32(body)).toBe(0x009a9c18);
  });
});

describe('pixelsPerMetre', () => {
  it('rounds dpi / 0.0254', () => {
    expect(pixelsPerMetre(72)).toBe(2835); // 2834.6
    expect(pixelsPerMetre(300)).toBe(11811); // 11811.02
    expect(pixelsPerMetre(600)).toBe(23622); // 23622.05
    expect(pixelsPerMetre(96)).toBe(3780); // 3779.5
  });
});

describe('withDpi / pngInfo', () => {
  it('reads the size of a PNG without pHYs as dpi null', () => {
    expect(pngInfo(png(3, 2))).toEqual({ width: 3, height: 2, dpi: null });
  });

  it('inserts pHYs right after IHDR with hand-checked bytes at 72 dpi', () => {
    const src = png(2, 2);
    const out = withDpi(src, 72);
    expect(out.length).toBe(src.length + 21);
    // IHDR ends at 8 + 25 = 33; the next 21 bytes are the new chunk
    expect(hex(out.subarray(33, 54))).toBe('00000009' + '70485973' + '00000b13' + '00000b13' + '01' + '009a9c18');
    expect(hex(out.subarray(0, 33))).toBe(hex(src.subarray(0, 33)));
    expect(hex(out.subarray(54))).toBe(hex(src.subarray(33)));
    expect(pngInfo(out)).toEqual({ width: 2, height: 2, dpi: 72 }); // 2835 px/m is 72.009 dpi, and what 72 dpi stores
  });

  it('writes 300 and 600 dpi (11811 and 23622 px/m, unit metre) with a correct CRC', () => {
    for (const [dpi, ppm] of [[300, 11811], [600, 23622]] as const) {
      const out = withDpi(png(4, 1), dpi);
      const c = out.subarray(33, 54);
      expect(hex(c.subarray(8, 17))).toBe(Buffer.from([...be32(ppm), ...be32(ppm), 1]).toString('hex'));
      const crc = (c[17]! << 24 | c[18]! << 16 | c[19]! << 8 | c[20]!) >>> 0;
      expect(crc).toBe(crc32(c, 4, 17));
      expect(Math.round(pngInfo(out).dpi!)).toBe(dpi);
    }
  });

  it('replaces an existing pHYs (anywhere before IDAT) instead of adding a second', () => {
    const text = chunk('tEXt', [...new TextEncoder().encode('Software\0test')]);
    const src = png(5, 3, [text, chunk('pHYs', [...be32(2835), ...be32(2835), 1])]);
    expect(pngInfo(src).dpi).toBe(72);
    const out = withDpi(src, 300);
    expect(out.length).toBe(src.length);
    const types: string[] = [];
    for (let at = 8; at < out.length; ) {
      const len = (out[at]! << 24 | out[at + 1]! << 16 | out[at + 2]! << 8 | out[at + 3]!) >>> 0;
      types.push(String.fromCharCode(...out.subarray(at + 4, at + 8)));
      at += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'pHYs', 'tEXt', 'IDAT', 'IEND']);
    expect(pngInfo(out)).toEqual({ width: 5, height: 3, dpi: 300 });
  });

  it('round-trips: setting a dpi twice gives the same bytes; the pixel data is untouched', () => {
    const src = png(7, 5);
    const a = withDpi(src, 600);
    expect(hex(withDpi(a, 600))).toBe(hex(a));
    expect(hex(withDpi(withDpi(src, 72), 600))).toBe(hex(a));
    expect(pngInfo(withDpi(a, 150)).dpi).toBe(150);
    expect(hex(src)).toBe(hex(png(7, 5))); // input unchanged
  });

  it('reports a resolution that is not a whole number of dpi to 0.01', () => {
    const src = png(1, 1, [chunk('pHYs', [...be32(5000), ...be32(5000), 1])]);
    expect(pngInfo(src).dpi).toBe(127); // 5000 px/m = 127.0 dpi exactly
    expect(pngInfo(png(1, 1, [chunk('pHYs', [...be32(4000), ...be32(4000), 1])])).dpi).toBe(101.6);
  });

  it('ignores a pHYs whose unit is not the metre', () => {
    const src = png(1, 1, [chunk('pHYs', [...be32(1), ...be32(1), 0])]);
    expect(pngInfo(src).dpi).toBeNull();
  });

  it('says clearly when the bytes are not a PNG or are damaged', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
    expect(() => pngInfo(jpeg)).toThrow(/Not a PNG image: the file does not start with the PNG signature/);
    expect(() => withDpi(jpeg, 300)).toThrow(AppErrorException);
    expect(() => pngInfo(new Uint8Array(0))).toThrow(/Not a PNG image/);
    const truncated = png(2, 2).subarray(0, 40);
    expect(() => pngInfo(truncated)).toThrow(/Damaged PNG image: it ends in the middle of a chunk/);
    const cut = png(2, 2).subarray(0, 50);
    expect(() => pngInfo(cut)).toThrow(/Damaged PNG image: chunk 'IDAT' at byte 33 runs past the end/);
    const noIhdr = Uint8Array.from([...SIGNATURE, ...chunk('IEND', [])]);
    expect(() => pngInfo(noIhdr)).toThrow(/does not begin with an IHDR/);
    expect(() => withDpi(png(1, 1), 0)).toThrow(/positive number of dots per inch/);
    expect(() => withDpi(png(1, 1), Number.NaN)).toThrow(/positive number/);
    try {
      pngInfo(jpeg);
    } catch (e) {
      expect((e as AppErrorException).error.code).toBe('invalid-argument');
    }
  });
});
