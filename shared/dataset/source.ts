// Byte sources: the loader reads any async stream of (already decompressed) byte chunks, so the
// same code runs on a Node file stream, a browser File stream and an in-memory buffer.

export type ByteSource = AsyncIterable<Uint8Array>;

/** Reads files that sit beside the opened one (paths relative to its folder); null when absent. */
export interface CompanionReader {
  read(relativePath: string): Promise<{ name: string; bytes: ByteSource } | null>;
}

export const noCompanions: CompanionReader = { read: async () => null };

/** A source over bytes already in memory, in chunks of `chunkSize`. */
export async function* bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
}

export interface Head {
  readonly bytes: Uint8Array;
  /** True when the head is the whole input. */
  readonly complete: boolean;
  /** The chunks after the head. */
  readonly rest: AsyncIterator<Uint8Array>;
}

/** Reads at least `size` bytes (or everything) from the front of a source. */
export async function readHead(source: ByteSource, size: number): Promise<Head> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let total = 0;
  let complete = false;
  while (total < size) {
    const r = await it.next();
    if (r.done) {
      complete = true;
      break;
    }
    if (r.value.length === 0) continue;
    parts.push(r.value);
    total += r.value.length;
  }
  return { bytes: concat(parts, total), complete, rest: it };
}

export function concat(parts: readonly Uint8Array[], total = parts.reduce((s, p) => s + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The head followed by the rest, as one source. */
export async function* replay(head: Head): AsyncGenerator<Uint8Array> {
  if (head.bytes.length) yield head.bytes;
  for (;;) {
    const r = await head.rest.next();
    if (r.done) return;
    yield r.value;
  }
}

/** Collects a whole (small) source, e.g. a scale-factor JSON. */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return concat(parts);
}
