// Byte-level facts about a file's head: compression, binary formats, text encoding.

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * Names the binary format of a file head that is not a text table, with what to do about it;
 * null for text. Call after gzip has been removed.
 */
export function describeBinary(head: Uint8Array): string | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]))
    return 'is a zip archive or an Excel workbook (.xlsx), not a text table — unzip it, or save the sheet as CSV';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'is an old Excel workbook (.xls) — save the sheet as CSV';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'is a Parquet file — export the table as CSV';
  if (startsWith(head, [0x89, 0x48, 0x44, 0x46]))
    return 'is an HDF5 file (.h5 / .h5ad / AnnData) — export the cell metadata (obs with spatial coordinates) as CSV';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'is a PDF document, not a table';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'is a PNG image, not a table';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'is a JPEG image, not a table';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'is a TIFF image, not a table — open the cell table exported by your segmentation pipeline';
  if (startsWith(head, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return 'is an SQLite database, not a table';
  if (isGzip(head)) return 'is gzip-compressed data that was not decompressed (compressed twice?) — decompress it and open the result';
  if (startsWith(head, [0x42, 0x5a, 0x68])) return 'is bzip2-compressed — decompress it first (gzip is read directly)';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'is zstd-compressed — decompress it first (gzip is read directly)';
  const n = Math.min(head.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) return 'contains binary data (NUL bytes), not text';
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) controls++;
  }
  if (n > 0 && controls / n > 0.05) return 'contains binary data, not text';
  return null;
}

export interface EncodingGuess {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

/** BOM first; otherwise UTF-8 if the head is valid UTF-8, else Windows-1252 (Latin-1 with µ = 0xB5). */
export function detectEncoding(head: Uint8Array, complete: boolean): EncodingGuess {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  // A head cut inside a multi-byte sequence is not an error: drop up to 3 trailing continuation bytes.
  let end = head.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && head[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/** Decoder for field text; for UTF-16 the bytes have already been transcoded to UTF-8. */
export function fieldDecoder(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
}

/**
 * Re-encodes a UTF-16 stream as UTF-8 so the byte tokenizer only ever sees ASCII-compatible bytes.
 */
export async function* utf16ToUtf8(chunks: AsyncIterable<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Uint8Array> {
  const dec = new TextDecoder(encoding);
  const enc = new TextEncoder();
  for await (const chunk of chunks) yield enc.encode(dec.decode(chunk, { stream: true }));
  yield enc.encode(dec.decode());
}
