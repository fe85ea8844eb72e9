// Test helpers: a small, independent PNG decoder (8-bit greyscale, RGB, palette, grey + alpha and
// RGBA; every filter type; no interlace) to RGBA, and a strict XML parser for SVG checks.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { inflateSync } from 'node:zlib';

export interface Decoded {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  readonly rgba: Uint8Array;
  readonly colourType: number;
  /** Palette entries (RGBA), for colour type 3. */
  readonly palette: number[][] | null;
}

export function decodePng(png: Uint8Array): Decoded {
  const b = Buffer.from(png.buffer, png.byteOffset, png.length);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let at = 8, width = 0, height = 0, depth = 0, ct = 0, interlace = 0;
  let plte: Buffer | null = null, trns: Buffer | null = null;
  const idat: Buffer[] = [];
  while (at < b.length) {
    const len = b.readUInt32BE(at), type = b.toString('latin1', at + 4, at + 8), data = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') [width, height, depth, ct, interlace] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8]!, data[9]!, data[12]!];
    else if (type === 'PLTE') plte = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${interlace}`);
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[ct];
  if (!channels) throw new Error(`unsupported colour type ${ct}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`IDAT holds ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!, src = y * (stride + 1) + 1, o = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? px[o + i - channels]! : 0, up = y > 0 ? px[o - stride + i]! : 0, c = y > 0 && i >= channels ? px[o - stride + i - channels]! : 0;
      const p = a + up - c, pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? up : f === 3 ? (a + up) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      if (f > 4) throw new Error(`bad filter ${f}`);
      px[o + i] = (raw[src + i]! + pred) & 255;
    }
  }
  const palette = plte ? Array.from({ length: plte.length / 3 }, (_, k) => [plte![3 * k]!, plte![3 * k + 1]!, plte![3 * k + 2]!, trns && k < trns.length ? trns[k]! : 255]) : null;
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const v = ct === 0 ? [px[s]!, px[s]!, px[s]!, 255] : ct === 2 ? [px[s]!, px[s + 1]!, px[s + 2]!, 255] : ct === 3 ? palette![px[s]!]! : ct === 4 ? [px[s]!, px[s]!, px[s]!, px[s + 1]!] : [px[s]!, px[s + 1]!, px[s + 2]!, px[s + 3]!];
    rgba.set(v, 4 * p);
  }
  return { width, height, rgba, colourType: ct, palette };
}

/** "#rrggbb" and alpha of pixel (x, y). */
export function pixelAt(d: Decoded, x: number, y: number): { hex: string; alpha: number } {
  const o = 4 * (Math.floor(y) * d.width + Math.floor(x));
  const h = (v: number) => v.toString(16).padStart(2, '0');
  return { hex: `#${h(d.rgba[o]!)}${h(d.rgba[o + 1]!)}${h(d.rgba[o + 2]!)}`, alpha: d.rgba[o + 3]! };
}

/** Pixels within `tolerance` (per channel) of `hex`, opaque, in [x0, x1) × [y0, y1) (whole image by default). */
export function countColour(d: Decoded, hex: string, tolerance = 0, box: [number, number, number, number] = [0, 0, d.width, d.height]): number {
  const v = parseInt(hex.slice(1), 16), r = v >> 16, g = (v >> 8) & 255, b = v & 255;
  let n = 0;
  for (let y = Math.max(0, box[1]); y < Math.min(d.height, box[3]); y++)
    for (let x = Math.max(0, box[0]); x < Math.min(d.width, box[2]); x++) {
      const o = 4 * (y * d.width + x);
      if (d.rgba[o + 3]! > 250 && Math.abs(d.rgba[o]! - r) <= tolerance && Math.abs(d.rgba[o + 1]! - g) <= tolerance && Math.abs(d.rgba[o + 2]! - b) <= tolerance) n++;
    }
  return n;
}

/**
 * Parses XML, throwing on any warning or error (unescaped '<', mismatched tags, repeated
 * attributes …) and, which xmldom lets through, on a bare '&' and on characters XML forbids.
 */
export function parseXml(text: string): Document {
  const bareAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
  if (bareAmp) throw new Error(`XML: bare '&' at ${bareAmp.index}: ${text.slice(bareAmp.index, bareAmp.index + 20)}`);
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (bad) throw new Error(`XML: character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed (at ${bad.index})`);
  const parser = new DOMParser({
    onError: (level: string, message: string) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  });
  return parser.parseFromString(text, 'image/svg+xml');
}

export function bytesOfDataUri(uri: string): Uint8Array {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(uri);
  if (!m) throw new Error(`not a base64 PNG data URI: ${uri.slice(0, 40)}…`);
  return new Uint8Array(Buffer.from(m[1]!, 'base64'));
}
