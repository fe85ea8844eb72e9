// The main-process side of every invoke channel. Typed as MainHandlers: a handler whose arguments
// or result drift from shared/ipc.ts does not compile. Arguments arrive already validated (ipc.ts).
// Files (open, read, recent, save) are here; workspaces, recovery and the rest in session-handlers.ts.

import { fail, ok, toAppError, type Result } from '../../shared/errors.ts';
import type { AppInfo, GrantedFile, MainHandlers, OpenPurpose } from '../../shared/ipc.ts';
import type { FileGrants } from './files.ts';
import type { RecentList } from './recent.ts';
import { atomicWrite } from './save.ts';
import { createSessionHandlers, type SessionDeps } from './session-handlers.ts';

export interface FileHandlerDeps {
  readonly grants: FileGrants;
  readonly recent: RecentList;
  /** Native open dialog: chosen paths, [] when cancelled. */
  readonly chooseFiles: (purpose: OpenPurpose) => Promise<string[]>;
  /** Native save dialog, opened at `suggestedName` in the documents folder: the path, null when cancelled. */
  readonly chooseSavePath: (suggestedName: string) => Promise<string | null>;
  readonly appInfo: () => AppInfo;
  /** Absolute paths main wrote in this session (revealFile shows only these). */
  readonly written: Set<string>;
  /** Where non-fatal problems go (a recent.json that cannot be written). */
  readonly warn?: (message: string) => void;
}

export type HandlerDeps = FileHandlerDeps & SessionDeps;

export function createHandlers(deps: HandlerDeps): MainHandlers {
  return { ...createFileHandlers(deps), ...createSessionHandlers(deps) };
}

type FileChannel = 'openFileDialog' | 'readFileChunk' | 'openCompanion' | 'grantDroppedFile' | 'listRecent' | 'openRecent' | 'clearRecent' | 'appInfo' | 'saveFile';

export function createFileHandlers(deps: FileHandlerDeps): Pick<MainHandlers, FileChannel> {
  const { grants, recent } = deps;
  const warn = deps.warn ?? ((m: string) => console.warn(m));

  /** Remembers an opened file; a failure to save the list never fails the open. */
  async function remember(file: GrantedFile): Promise<void> {
    await recent.add(file.path).catch((e: unknown) => warn(`The recent-files list could not be saved (${String(e)}).`));
  }

  return {
    async openFileDialog(purpose) {
      try {
        const granted: GrantedFile[] = [];
        for (const p of await deps.chooseFiles(purpose)) {
          const r = await grants.grant(p);
          if (!r.ok) return r;
          granted.push(r.value);
        }
        // Open Recent reopens as cells, so only cell tables go on the list.
        if (purpose === 'cells') for (const f of granted) await remember(f);
        return ok(granted);
      } catch (e) {
        return { ok: false, error: toAppError(e) };
      }
    },

    readFileChunk: (token, offset, length) => grants.readChunk(token, offset, length),

    openCompanion: (token, relativePath) => grants.openCompanion(token, relativePath),

    async grantDroppedFile(path) {
      const r = await grants.grant(path);
      if (r.ok) await remember(r.value);
      return r;
    },

    listRecent: () => recent.list(),

    async openRecent(path): Promise<Result<GrantedFile>> {
      if (!(await recent.has(path))) return fail('invalid-argument', `${path} is not on the recent-files list.`);
      const r = await grants.grant(path);
      if (r.ok) await remember(r.value);
      else if (r.error.code === 'file-unreadable') await recent.remove(path).catch(() => undefined);
      return r;
    },

    clearRecent: () => recent.clear(),

    appInfo: () => deps.appInfo(),

    async saveFile(suggestedName, bytes): Promise<Result<string | null>> {
      const target = await deps.chooseSavePath(suggestedName);
      if (target === null) return ok(null);
      const r = await atomicWrite(target, bytes);
      if (r.ok) deps.written.add(r.value);
      return r;
    },
  };
}

/**
 * Opens what the OS or the menu asked for (command line, second instance, open-file, Open Recent)
 * with `open` (grant a data file, read a workspace) and puts each on the recent list. `problems`
 * holds one sentence per path that failed; a recent entry whose file is gone is removed.
 */
export async function openEach<T extends { readonly path: string }>(open: (p: string) => Promise<Result<T>>, recent: RecentList, paths: readonly string[]): Promise<{ opened: T[]; problems: string[] }> {
  const opened: T[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const r = await open(p);
    if (r.ok) {
      opened.push(r.value);
      await recent.add(r.value.path).catch(() => undefined);
    } else {
      problems.push(r.error.message);
      if (await recent.has(p).catch(() => false)) await recent.remove(p).catch(() => undefined);
    }
  }
  return { opened, problems };
}

/** Grants data files the OS or the menu asked to open (see openEach). */
export async function grantPaths(grants: FileGrants, recent: RecentList, paths: readonly string[]): Promise<{ files: GrantedFile[]; problems: string[] }> {
  const { opened, problems } = await openEach((p) => grants.grant(p), recent, paths);
  return { files: opened, problems };
}
