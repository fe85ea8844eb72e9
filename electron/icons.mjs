#!/usr/bin/env node
// Draws the app icon — a tumour section of cells coloured by clone (Okabe–Ito, colour-blind safe),
// with a punch biopsy circled — and writes it as a 512 × 512 RGBA PNG to electron/resources/icon.png,
// where electron-builder (directories.buildResources) makes every platform's icon from it.
//   node electron/icons.mjs            (re)write the icon; deterministic: same bytes every run
// No dependencies: shapes are drawn with analytic anti-aliasing, the PNG is encoded with zlib.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_FILE = path.join(root, 'electron/resources/icon.png');
export const ICON_SIZE = 512;

const CLONES = [[0xe6, 0x9f, 0x00], [0x56, 0xb4, 0xe9], [0x00, 0x9e, 0x73], [0xcc, 0x79, 0xa7]];
const BACKGROUND = [0x1b, 0x26, 0x36];
const TISSUE = [0xf3, 0xee, 0xe6];
const INK = BACKGROUND; // the biopsy ring, dark on the light tissue

/** mulberry32: a small seeded generator, so the icon is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RGBA pixels (Uint8Array, row-major) of the icon at `size` px. */
export function drawIcon(size = ICON_SIZE) {
  const px = new Uint8Array(size * size * 4);
  const s = size / 512; // shapes are laid out on a 512 grid
  // paint(x, y, [r,g,b], coverage 0..1): "over" compositing onto an opaque or transparent pixel
  const paint = (x, y, rgb, cover) => {
    if (cover <= 0 || x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    const a = Math.min(1, cover);
    const da = px[i + 3] / 255;
    const oa = a + da * (1 - a);
    for (let c = 0; c < 3; c++) px[i + c] = Math.round((rgb[c] * a + px[i + c] * da * (1 - a)) / (oa || 1));
    px[i + 3] = Math.round(oa * 255);
  };
  /** Fills the shape whose signed distance (px, negative inside) is sdf(x, y), within a bounding box. */
  const fill = (x0, y0, x1, y1, rgb, sdf) => {
    for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(size - 1, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(size - 1, Math.ceil(x1)); x++) paint(x, y, rgb, 0.5 - sdf(x + 0.5, y + 0.5));
    }
  };
  // rounded square
  const half = 240 * s;
  const radius = 96 * s;
  const c = size / 2;
  fill(0, 0, size, size, BACKGROUND, (x, y) => {
    const qx = Math.abs(x - c) - (half - radius);
    const qy = Math.abs(y - c) - (half - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  });
  // the section: a wobbly disc
  const sectionR = (a) => 176 * s * (1 + 0.07 * Math.sin(3 * a + 0.4) + 0.04 * Math.sin(5 * a + 1.3));
  const sectionSdf = (x, y) => Math.hypot(x - c, y - c) - sectionR(Math.atan2(y - c, x - c));
  fill(c - 200 * s, c - 200 * s, c + 200 * s, c + 200 * s, TISSUE, sectionSdf);
  // cells: jittered grid inside the section, coloured by the nearest clone seed
  const seeds = [[-70, -60], [80, -40], [-30, 90], [60, 80]].map(([dx, dy]) => [c + dx * s, c + dy * s]);
  const random = rng(20240611);
  const step = 19 * s;
  for (let gy = c - 190 * s; gy < c + 190 * s; gy += step) {
    for (let gx = c - 190 * s; gx < c + 190 * s; gx += step) {
      const x = gx + (random() - 0.5) * step * 0.6;
      const y = gy + (random() - 0.5) * step * 0.6;
      if (sectionSdf(x, y) > -10 * s) continue;
      let best = 0;
      let bestD = Infinity;
      seeds.forEach(([sx, sy], k) => {
        const d = Math.hypot(x - sx, y - sy) * (0.85 + 0.3 * random());
        if (d < bestD) [best, bestD] = [k, d];
      });
      const r = 6.5 * s;
      fill(x - r - 1, y - r - 1, x + r + 1, y + r + 1, CLONES[best], (px_, py) => Math.hypot(px_ - x, py - y) - r);
    }
  }
  // a punch biopsy: a dark ring
  const [bx, by, br, bw] = [c + 58 * s, c - 70 * s, 46 * s, 9 * s];
  fill(bx - br - bw, by - br - bw, bx + br + bw, by + br + bw, INK, (x, y) => Math.abs(Math.hypot(x - bx, y - by) - br) - bw / 2);
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG file (8-bit RGBA, no interlace) of `rgba` pixels. */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA)
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1); // filter 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(ICON_FILE), { recursive: true });
  writeFileSync(ICON_FILE, encodePng(drawIcon(ICON_SIZE), ICON_SIZE, ICON_SIZE));
  console.log(`wrote ${path.relative(root, ICON_FILE)} (${ICON_SIZE} × ${ICON_SIZE})`);
}
