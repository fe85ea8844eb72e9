// Writing a user's file atomically: the bytes go to a temporary file in the target's folder
// (".<name>.<random>.tmp", so the rename never crosses disks), are flushed to disk, and only then
// renamed over the target. A failure at any step removes the temporary file, so the target is either
// the old file, untouched, or the complete new one — never half-written.

import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/errors.ts';
import { errorCode } from './files.ts';

/** The temporary file beside `target`; its name is cut so it stays within 255 bytes (NAME_MAX). */
export function tempPathFor(target: string): string {
  let name = '';
  for (const ch of path.basename(target)) {
    if (Buffer.byteLength(name + ch) > 200) break;
    name += ch;
  }
  return path.join(path.dirname(target), `.${name}.${randomBytes(6).toString('hex')}.tmp`);
}

/** One sentence a biologist understands for a failed save. */
export function describeWriteError(file: string, e: unknown): string {
  const cannot = `${file} could not be saved`;
  switch (errorCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return `${cannot}: you do not have permission to write there (or the file is open in another program).`;
    case 'ENOSPC':
      return `${cannot}: the disk is full.`;
    case 'EDQUOT':
      return `${cannot}: your disk quota is used up.`;
    case 'EROFS':
      return `${cannot}: the disk is read-only.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `${cannot}: its folder no longer exists.`;
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return `${cannot}: a folder of that name is in the way.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${cannot}: the file is locked by another program.`;
    case 'ENAMETOOLONG':
      return `${cannot}: the name is too long.`;
    case 'EIO':
      return `${cannot}: the disk reported a read/write error.`;
    default:
      return `${cannot} (${e instanceof Error ? e.message : String(e)}).`;
  }
}

/**
 * Writes `bytes` to `target` atomically and returns the path written (the real file when `target` is
 * a symbolic link). An existing target keeps its permissions. Failures are 'file-unwritable'.
 */
export async function atomicWrite(target: string, bytes: ArrayBuffer | Uint8Array): Promise<Result<string>> {
  const file = await realpath(target).catch(() => path.resolve(target));
  const tmp = tempPathFor(file);
  let handle: FileHandle | null = null;
  try {
    const mode = await stat(file).then((s) => (s.isDirectory() ? 0o666 : s.mode & 0o777), () => 0o666);
    handle = await open(tmp, 'wx', mode); // 'wx': never reuse an existing file
    await handle.writeFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    return fail('file-unwritable', describeWriteError(file, e), { file });
  }
  await syncFolder(path.dirname(file));
  return ok(file);
}

/** Makes the rename itself durable where the OS allows it (POSIX; Windows cannot open folders). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const h = await open(folder, 'r');
    await h.sync().finally(() => h.close());
  } catch {
    // best effort: the file is complete and renamed either way
  }
}
