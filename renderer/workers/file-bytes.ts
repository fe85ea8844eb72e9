// Byte sources over a FileRef inside the worker: Files are sliced directly; granted files (Electron)
// are read in chunks through the window. Gzip is recognised by its magic bytes and removed with the
// platform's DecompressionStream. Chunks are coalesced to ≥ 1 MiB for the tokenizer.

import { isGzip } from '../../shared/dataset/bytes.ts';
import type { ByteSource } from '../../shared/dataset/source.ts';
import { AppErrorException } from '../../shared/errors.ts';
import type { FileRef } from '../host/types.ts';

export const READ_CHUNK = 4 * 1024 * 1024;
const MIN_CHUNK = 1 << 20;

export type ReadRange = (token: string, offset: number, length: number) => Promise<ArrayBuffer>;

export function fileSize(ref: FileRef): number {
  return ref.kind === 'blob' ? ref.file.size : ref.file.size;
}

export async function readRange(ref: FileRef, offset: number, length: number, rpc: ReadRange): Promise<Uint8Array> {
  if (ref.kind === 'blob') return new Uint8Array(await ref.file.slice(offset, offset + length).arrayBuffer());
  return new Uint8Array(await rpc(ref.file.token, offset, length));
}

/** Expected size of the text: gzip's ISIZE trailer for gzip files, the file size otherwise. */
export async function textSizeOf(ref: FileRef, gzip: boolean, rpc: ReadRange): Promise<number> {
  const size = fileSize(ref);
  if (!gzip || size < 18) return size;
  const tail = await readRange(ref, size - 4, 4, rpc);
  const isize = (tail[0]! | (tail[1]! << 8) | (tail[2]! << 16) | (tail[3]! << 24)) >>> 0;
  return isize >= size ? isize : size * 4;
}

function rawStream(ref: FileRef, rpc: ReadRange, onRead: (bytes: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  const size = fileSize(ref);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= size) {
        controller.close();
        return;
      }
      const bytes = await readRange(ref, offset, Math.min(READ_CHUNK, size - offset), rpc);
      if (bytes.length === 0) {
        controller.close();
        return;
      }
      offset += bytes.length;
      onRead(offset);
      controller.enqueue(bytes);
    },
  });
}

export interface OpenedFileBytes {
  readonly source: ByteSource;
  readonly gzip: boolean;
  readonly textSize: number;
}

export async function openFileBytes(ref: FileRef, rpc: ReadRange, onRead: (bytes: number) => void = () => {}): Promise<OpenedFileBytes> {
  const gzip = isGzip(await readRange(ref, 0, 2, rpc));
  const textSize = await textSizeOf(ref, gzip, rpc);
  let stream = rawStream(ref, rpc, onRead);
  if (gzip) stream = stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return { source: coalesce(stream, ref), gzip, textSize };
}

async function* coalesce(stream: ReadableStream<Uint8Array>, ref: FileRef): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let parts: Uint8Array[] = [];
  let total = 0;
  const flush = () => {
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts = [];
    total = 0;
    return out;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length >= MIN_CHUNK && total === 0) {
        yield value;
        continue;
      }
      parts.push(value);
      total += value.length;
      if (total >= MIN_CHUNK) yield flush();
    }
  } catch (e) {
    const name = ref.kind === 'blob' ? ref.file.name : ref.file.path;
    const detail = e instanceof Error ? e.message : String(e);
    const message = `${name} could not be read: it is not a valid gzip file, or it changed while being read (${detail}).`;
    throw new AppErrorException({ code: 'file-unreadable', message, file: name });
  }
  if (total > 0) yield flush();
}
