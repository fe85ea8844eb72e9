// Workspace files (`*.clonoscope.json`) main has read or written in this session, and the strings
// each one holds. A data file a workspace names by a relative path ("../data/cells.csv") is granted
// only for a workspace in this registry, and only when that exact string occurs in the workspace:
//   - in the text main read from disk (the user's own file, chosen in a dialog, dropped, recent), or
//   - in the text the window asked main to write, and the file it names is already granted (the
//     window cannot mint a grant for an arbitrary file by saving a workspace that names it).

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/errors.ts';
import { MAX_WORKSPACE_BYTES, WORKSPACE_SUFFIX, type GrantedFile, type WorkspaceFile } from '../../shared/ipc.ts';
import { describeFsError, type FileGrants } from './files.ts';
import { atomicWrite } from './save.ts';

export function isWorkspacePath(p: string): boolean {
  return p.toLowerCase().endsWith(WORKSPACE_SUFFIX);
}

/** The path to write for a name chosen in the save dialog: `.clonoscope.json` added when it has no `.json` ending. */
export function workspaceTarget(chosen: string): string {
  return chosen.toLowerCase().endsWith('.json') ? chosen : `${chosen}${WORKSPACE_SUFFIX}`;
}

/** Every string value in a JSON text (keys excluded); empty when it is not JSON. */
export function jsonStrings(text: string): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // not JSON: the window reports the format problem; nothing can be granted through it
  }
  return out;
}

/** Decodes a workspace's bytes: UTF-8, BOM dropped; null when the bytes are not UTF-8 text. */
export function decodeWorkspace(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

export interface WorkspaceRegistry {
  /** Reads a workspace the user chose (dialog, drop, recent list, command line) and registers it. */
  read(file: string): Promise<Result<WorkspaceFile>>;
  /** Writes `text` atomically to `target` and registers the path written. */
  write(target: string, text: string): Promise<Result<string>>;
  /** True for a workspace read or written in this session (absolute path). */
  has(file: string): boolean;
  grantRelative(workspacePath: string, relativePath: string): Promise<Result<GrantedFile>>;
  /** Registers a file (the recovered autosave) as a workspace that names exactly `files` (absolute paths). */
  adopt(file: string, files: readonly string[]): void;
}

export function createWorkspaceRegistry(grants: FileGrants): WorkspaceRegistry {
  /** absolute workspace path → strings in the text read from disk / in the text the window wrote */
  const named = new Map<string, { readonly read: ReadonlySet<string>; readonly written: ReadonlySet<string> }>();

  async function read(file: string): Promise<Result<WorkspaceFile>> {
    const abs = path.resolve(file);
    try {
      const st = await stat(abs);
      if (!st.isFile()) return fail('file-unreadable', `${abs} is ${st.isDirectory() ? 'a folder' : 'not a regular file'}, not a workspace.`, { file: abs });
      if (st.size > MAX_WORKSPACE_BYTES) return fail('file-too-large', `${abs} is too large for a workspace (${Math.round(st.size / 1e6)} MB; at most ${MAX_WORKSPACE_BYTES / 1024 / 1024} MiB).`, { file: abs });
      const text = decodeWorkspace(await readFile(abs));
      if (text === null) return fail('file-binary', `${abs} is not a text file, so it cannot be a Clonoscope workspace.`, { file: abs });
      const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
      named.set(abs, { read: jsonStrings(clean), written: new Set() });
      return ok({ path: abs, text: clean });
    } catch (e) {
      return fail('file-unreadable', describeFsError(abs, e), { file: abs });
    }
  }

  async function write(target: string, text: string): Promise<Result<string>> {
    const bytes = new TextEncoder().encode(text);
    if (bytes.byteLength > MAX_WORKSPACE_BYTES) return fail('file-too-large', `The workspace is too large to save (${Math.round(bytes.byteLength / 1e6)} MB; at most ${MAX_WORKSPACE_BYTES / 1024 / 1024} MiB).`);
    const r = await atomicWrite(target, bytes);
    if (r.ok) named.set(r.value, { read: named.get(r.value)?.read ?? new Set(), written: jsonStrings(text) });
    return r;
  }

  async function grantRelative(workspacePath: string, relativePath: string): Promise<Result<GrantedFile>> {
    const abs = path.resolve(workspacePath);
    const strings = named.get(abs);
    if (!strings) return fail('invalid-argument', `${workspacePath} was not opened as a workspace in Clonoscope: open it with File → Open Workspace….`);
    const target = path.resolve(path.dirname(abs), relativePath);
    const allowed = strings.read.has(relativePath) || (strings.written.has(relativePath) && grants.isPathGranted(target));
    if (!allowed) return fail('invalid-argument', `"${relativePath}" is not a file named in the workspace ${path.basename(workspacePath)}.`);
    return grants.grant(target);
  }

  const adopt = (file: string, files: readonly string[]) => void named.set(path.resolve(file), { read: new Set(files), written: new Set() });
  return { read, write, has: (file) => named.has(path.resolve(file)), grantRelative, adopt };
}
