// Reading a file from disk as a byte source for the shared loader: streamed in 1 MiB chunks,
// gzip removed on the fly (recognised by its magic bytes, not its name). Never writes.

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { AppErrorException } from '../../shared/errors.ts';
import type { ByteSource, CompanionReader } from '../../shared/dataset/source.ts';

const CHUNK = 1 << 20;

export interface FileFacts {
  readonly size: number;
  readonly gzip: boolean;
  /** Expected decompressed size (gzip's ISIZE trailer for .gz, else the file size). */
  readonly textSize: number;
}

export async function fileFacts(file: string): Promise<FileFacts> {
  const st = await stat(file);
  if (!st.isFile()) throw new AppErrorException({ code: 'file-unreadable', message: `${file} cannot be opened: ${st.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file'}.`, file });
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    await fh.read(head, 0, 2, 0);
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    let textSize = st.size;
    if (gzip && st.size >= 18) {
      const tail = Buffer.alloc(4);
      await fh.read(tail, 0, 4, st.size - 4);
      const isize = tail.readUInt32LE(0);
      // ISIZE is the size modulo 2^32; trust it only when it is plausible
      textSize = isize >= st.size ? isize : st.size * 4;
    }
    return { size: st.size, gzip, textSize };
  } finally {
    await fh.close();
  }
}

/** Decompressed bytes of a file. `onRead` reports raw bytes read so far (for progress). */
export async function* fileSource(file: string, gzip: boolean, onRead?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  let read = 0;
  raw.on('data', (c) => {
    read += c.length;
    onRead?.(read);
  });
  const stream = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  if (gzip) raw.on('error', (e) => stream.destroy(e));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const message = gzip ? `${file} could not be decompressed: it is not a valid gzip file (${detail}).` : `${file} could not be read (${detail}).`;
    throw new AppErrorException({ code: 'file-unreadable', message, file });
  } finally {
    raw.destroy();
  }
}

/** Companions resolved against the opened file's folder. */
export function folderCompanions(file: string): CompanionReader {
  return {
    async read(relativePath) {
      const target = path.resolve(path.dirname(file), relativePath);
      try {
        const facts = await fileFacts(target);
        return { name: path.relative(process.cwd(), target) || target, bytes: fileSource(target, facts.gzip) };
      } catch {
        return null;
      }
    },
  };
}

export type { ByteSource };

/** One sentence saying why a file could not be opened (fileFacts failed). */
export function cannotOpen(file: string, e: unknown): string {
  if (e instanceof AppErrorException) return e.error.message;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
  return `${file} cannot be opened: ${why}.`;
}
