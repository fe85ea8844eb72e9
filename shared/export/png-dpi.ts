// PNG resolution metadata: the pHYs chunk, which tells slide and layout programs how large a
// figure is meant to be printed (a 4000-px-wide PNG at 300 dpi is 13.33 in wide). Browsers write
// no pHYs (canvas PNGs open at 72 or 96 dpi), so exports add it here. Pure byte work, no DOM.
//
// PNG layout: 8-byte signature, then chunks [length u32 BE][type 4 ASCII][data][CRC-32 of type+data].
// IHDR comes first (width, height u32 BE); pHYs must come before the first IDAT:
//   pHYs data = pixels per unit X u32 BE, pixels per unit Y u32 BE, unit u8 (1 = metre).

import { AppErrorException } from '../errors.ts';

export interface PngInfo {
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  /**
   * Dots per inch from pHYs (x axis), or null when the file has no pHYs in metres. A whole number
   * when one gives exactly the stored pixels per metre (2835 px/m → 72), else rounded to 0.01.
   */
  readonly dpi: number | null;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const INCHES_PER_METRE = 1 / 0.0254;

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as in PNG, zlib and gzip) of bytes[start, end). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Pixels per metre for a resolution in dots per inch, as pHYs stores it. */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi * INCHES_PER_METRE);
}

function invalid(message: string): never {
  throw new AppErrorException({ code: 'invalid-argument', message });
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const type = (b: Uint8Array, at: number) => String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);

function writeU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v >>> 24;
  b[at + 1] = (v >>> 16) & 255;
  b[at + 2] = (v >>> 8) & 255;
  b[at + 3] = v & 255;
}

interface Chunk {
  readonly type: string;
  /** Offset of the length field. */
  readonly at: number;
  readonly length: number;
}

/** The chunks of a PNG, checked for a signature, an IHDR first and no chunk running past the end. */
function chunks(png: Uint8Array): Chunk[] {
  if (!(png instanceof Uint8Array)) invalid('Not a PNG image: expected bytes (a Uint8Array).');
  if (png.length < 8 || SIGNATURE.some((v, i) => png[i] !== v)) invalid(`Not a PNG image: the file does not start with the PNG signature (${png.length} bytes).`);
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = u32(png, at);
    if (at + 12 + length > png.length) invalid(`Damaged PNG image: chunk '${type(png, at)}' at byte ${at} runs past the end of the file.`);
    out.push({ type: type(png, at), at, length });
    at += 12 + length;
    if (out[out.length - 1]!.type === 'IEND') break;
  }
  if (at < png.length && out[out.length - 1]?.type !== 'IEND') invalid(`Damaged PNG image: it ends in the middle of a chunk (byte ${at} of ${png.length}).`);
  if (out[0]?.type !== 'IHDR' || out[0].length !== 13) invalid('Damaged PNG image: it does not begin with an IHDR chunk.');
  return out;
}

/** Width, height and resolution of a PNG. Throws AppErrorException ('invalid-argument') for anything else. */
export function pngInfo(png: Uint8Array): PngInfo {
  const list = chunks(png);
  const ihdr = list[0]!;
  const phys = list.find((c) => c.type === 'pHYs' && c.length === 9);
  let dpi: number | null = null;
  if (phys && png[phys.at + 16] === 1) {
    const ppm = u32(png, phys.at + 8);
    const whole = Math.round(ppm / INCHES_PER_METRE);
    dpi = pixelsPerMetre(whole) === ppm ? whole : Math.round((ppm / INCHES_PER_METRE) * 100) / 100;
  }
  return { width: u32(png, ihdr.at + 8), height: u32(png, ihdr.at + 12), dpi };
}

/**
 * The PNG with its resolution set to `dpi` (both axes): a pHYs chunk (pixels per metre =
 * round(dpi / 0.0254), unit 1 = metre) right after IHDR; any pHYs already there is removed. The
 * pixels and every other chunk are kept byte for byte. A new array; the input is not changed.
 */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!(dpi > 0) || !Number.isFinite(dpi)) invalid(`The resolution must be a positive number of dots per inch, not ${dpi}.`);
  const ppm = pixelsPerMetre(dpi);
  if (ppm > 0xffffffff || ppm < 1) invalid(`The resolution ${dpi} dpi cannot be stored in a PNG.`);
  const list = chunks(png);
  const old = list.filter((c) => c.type === 'pHYs');
  const removed = old.reduce((s, c) => s + 12 + c.length, 0);
  const out = new Uint8Array(png.length - removed + 21);
  const afterIhdr = 8 + 12 + 13;
  out.set(png.subarray(0, afterIhdr), 0);
  // the new pHYs chunk
  writeU32(out, afterIhdr, 9);
  out.set([0x70, 0x48, 0x59, 0x73], afterIhdr + 4); // 'pHYs'
  writeU32(out, afterIhdr + 8, ppm);
  writeU32(out, afterIhdr + 12, ppm);
  out[afterIhdr + 16] = 1;
  writeU32(out, afterIhdr + 17, crc32(out, afterIhdr + 4, afterIhdr + 17));
  // everything else, leaving out the old pHYs chunks
  let from = afterIhdr, to = afterIhdr + 21;
  for (const c of old) {
    out.set(png.subarray(from, c.at), to);
    to += c.at - from;
    from = c.at + 12 + c.length;
  }
  out.set(png.subarray(from), to);
  return out;
}
