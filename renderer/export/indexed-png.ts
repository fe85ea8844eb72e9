// PNG encoders for cell rasters (no canvas: they run in a window, a worker or Node). A section has few distinct colours (clones, or a 256-step
// colormap), so one byte per pixel with a palette is 4× less to compress than the canvas's RGBA
// PNG — and, above all, jsPDF embeds a palette image with one transparent entry as a colour-key
// masked image (no soft mask to split off and recompress in JavaScript): the PDF of a rasterised
// panel is made several times faster. Deflate is the platform's CompressionStream (zlib format,
// as IDAT needs), in browsers and in Node.

import { crc32 } from '../../shared/export/png-dpi.ts';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/**
 * Palette PNG of RGBA pixels (row-major, 4 bytes each), or null when they hold more than 256
 * colours. Fully transparent pixels all become palette entry 0 (listed first in tRNS).
 */
export async function encodeIndexedPng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Uint8Array | null> {
  // one u32 per pixel, little-endian (r | g << 8 | b << 16 | a << 24, as packRgba); copied when unaligned
  const px = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : new Uint32Array(Uint8Array.from(rgba.subarray(0, 4 * width * height)).buffer);
  const index = new Map<number, number>([[0, 0]]);
  const palette: number[] = [0];
  const rows = new Uint8Array(height * (width + 1)); // filter byte 0 (None) then one index per pixel
  let last = 0, lastIndex = 0;
  for (let y = 0; y < height; y++) {
    const o = y * (width + 1) + 1, p0 = y * width;
    for (let x = 0; x < width; x++) {
      let c = px[p0 + x]!;
      if (c >>> 24 === 0) c = 0;
      if (c !== last) {
        let k = index.get(c);
        if (k === undefined) {
          if (palette.length === 256) return null;
          index.set(c, (k = palette.length));
          palette.push(c);
        }
        last = c;
        lastIndex = k;
      }
      rows[o + x] = lastIndex;
    }
  }
  const plte = new Uint8Array(3 * palette.length);
  palette.forEach((c, k) => plte.set([c & 255, (c >>> 8) & 255, (c >>> 16) & 255], 3 * k));
  // alpha per entry, trailing opaque entries left out (they default to 255)
  let nAlpha = palette.length;
  while (nAlpha > 1 && palette[nAlpha - 1]! >>> 24 === 255) nAlpha--;
  const trns = Uint8Array.from(palette.slice(0, nAlpha), (c) => c >>> 24);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit palette, deflate, filter method 0 (every row: None), no interlace
  const idat = await deflate(rows);
  return concat([Uint8Array.from(SIGNATURE), chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('tRNS', trns), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
}

/** Truecolour + alpha PNG (colour type 6, 8 bits) of RGBA pixels (row-major, 4 bytes each). */
export async function encodeRgbaPng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Uint8Array> {
  const stride = 4 * width;
  const rows = new Uint8Array(height * (stride + 1)); // filter byte 0 (None) then the pixels
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return concat([Uint8Array.from(SIGNATURE), chunk('IHDR', ihdr), chunk('IDAT', await deflate(rows)), chunk('IEND', new Uint8Array(0))]);
}

/** A palette PNG when the pixels have ≤ 256 colours (transparent counted once), else RGBA. */
export async function encodePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Uint8Array> {
  return (await encodeIndexedPng(rgba, width, height)) ?? encodeRgbaPng(rgba, width, height);
}

/** zlib-wrapped deflate (RFC 1950), as PNG's IDAT holds. */
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
