// The grant registry: the window reads a file only through a token that main handed out for a
// path the user chose. Files are opened read-only ('r'), one short-lived handle per chunk; nothing
// here ever writes to, truncates or creates a user's file.

import { randomBytes } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/errors.ts';
import { isCompanionPath, MAX_CHUNK_BYTES, type GrantedFile } from '../../shared/ipc.ts';

/** 18 random bytes → 24 base64url characters (144 bits). */
export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The Node error code ('ENOENT', 'EACCES', …) of a failed fs call; '' when there is none. */
export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** One sentence a biologist understands for a failed stat/open/read. */
export function describeFsError(file: string, e: unknown): string {
  switch (errorCode(e)) {
    case 'ENOENT':
      return `${file} was not found (was it moved, renamed or deleted?).`;
    case 'EACCES':
    case 'EPERM':
      return `${file} could not be opened: you do not have permission to read it.`;
    case 'EISDIR':
      return `${file} is a folder, not a file.`;
    case 'EBUSY':
      return `${file} is locked by another program.`;
    default:
      return `${file} could not be read (${e instanceof Error ? e.message : String(e)}).`;
  }
}

/** True when `child` lies strictly inside folder `parent`. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export interface FileGrants {
  /** Stats and test-opens the file (it must be a regular, readable file) and returns its grant. */
  grant(file: string): Promise<Result<GrantedFile>>;
  isGranted(token: string): boolean;
  /** True when the file at `file` (resolved) already has a token. */
  isPathGranted(file: string): boolean;
  /** Bytes [offset, offset + length) of a granted file; fewer at its end, none past it. */
  readChunk(token: string, offset: number, length: number): Promise<Result<ArrayBuffer>>;
  /** Grants a companion beside a granted file; null when it does not exist. */
  openCompanion(token: string, relativePath: string): Promise<Result<GrantedFile | null>>;
}

export function createFileGrants(): FileGrants {
  const byToken = new Map<string, string>(); // token → absolute path
  const byPath = new Map<string, string>(); // absolute path → token (one token per file)

  function unknownToken<T>(): Result<T> {
    return fail('invalid-argument', 'That file was not opened in Clonoscope: open it again with File → Open.');
  }

  async function grant(file: string): Promise<Result<GrantedFile>> {
    const abs = path.resolve(file);
    try {
      const st = await stat(abs);
      if (st.isDirectory()) return fail('file-unreadable', `${abs} is a folder, not a file.`, { file: abs });
      if (!st.isFile()) return fail('file-unreadable', `${abs} is not a regular file.`, { file: abs });
      await (await open(abs, 'r')).close(); // readable? (permissions, locks)
      let token = byPath.get(abs);
      if (!token) {
        token = newToken();
        byPath.set(abs, token);
        byToken.set(token, abs);
      }
      return ok({ token, name: path.basename(abs), path: abs, size: st.size, modifiedAt: st.mtimeMs });
    } catch (e) {
      return fail('file-unreadable', describeFsError(abs, e), { file: abs });
    }
  }

  async function readChunk(token: string, offset: number, length: number): Promise<Result<ArrayBuffer>> {
    const file = byToken.get(token);
    if (!file) return unknownToken();
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0 || length > MAX_CHUNK_BYTES) {
      return fail('invalid-argument', `A chunk must start at a non-negative byte offset and be at most ${MAX_CHUNK_BYTES} bytes long.`);
    }
    try {
      const handle = await open(file, 'r');
      try {
        const { size } = await handle.stat();
        const want = Math.max(0, Math.min(length, size - offset));
        const bytes = new Uint8Array(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await handle.read(bytes, got, want - got, offset + got);
          if (bytesRead === 0) break; // the file shrank meanwhile
          got += bytesRead;
        }
        return ok(got === want ? bytes.buffer : bytes.buffer.slice(0, got));
      } finally {
        await handle.close();
      }
    } catch (e) {
      return fail('file-unreadable', describeFsError(file, e), { file });
    }
  }

  async function openCompanion(token: string, relativePath: string): Promise<Result<GrantedFile | null>> {
    const file = byToken.get(token);
    if (!file) return unknownToken();
    if (!isCompanionPath(relativePath)) return fail('invalid-argument', `"${relativePath}" is not a file a format may read beside a table.`);
    const folder = path.dirname(file);
    const companion = path.resolve(folder, relativePath);
    // isCompanionPath allows a sibling or one level up then down; never further out.
    if (!isInside(path.dirname(folder), companion)) return fail('invalid-argument', `"${relativePath}" is outside the table's folder.`);
    try {
      if (!(await stat(companion)).isFile()) return ok(null);
    } catch (e) {
      if (errorCode(e) === 'ENOENT' || errorCode(e) === 'ENOTDIR') return ok(null);
      return fail('file-unreadable', describeFsError(companion, e), { file: companion });
    }
    return grant(companion);
  }

  return { grant, isGranted: (token) => byToken.has(token), isPathGranted: (file) => byPath.has(path.resolve(file)), readChunk, openCompanion };
}
