// Main-process handlers for workspaces, crash recovery, closing with unsaved changes and appearance.
// Arguments arrive validated (ipc.ts). Paths the window names are honoured only where main already
// knows them: files it saved this session (revealFile), workspaces it read or wrote (saveWorkspace
// in place, grantRelative), the recent list (openRecentWorkspace) — or they come from a drop.

import { stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../shared/errors.ts';
import type { GrantedFile, MainHandlers, OsTheme, Recovery, RenderingInfo, WorkspaceFile } from '../../shared/ipc.ts';
import { unwrapAutosave, wrapAutosave } from './autosave-envelope.ts';
import type { CloseGuard } from './close-guard.ts';
import { describeFsError, type FileGrants } from './files.ts';
import type { RecentList } from './recent.ts';
import type { RecoveryStore } from './recovery.ts';
import { isWorkspacePath, workspaceTarget, type WorkspaceRegistry } from './workspaces.ts';

export type SessionChannel =
  | 'revealFile'
  | 'openWorkspace'
  | 'openDroppedWorkspace'
  | 'openRecentWorkspace'
  | 'saveWorkspace'
  | 'grantRelative'
  | 'relinkFile'
  | 'autosave'
  | 'clearAutosave'
  | 'takeRecovery'
  | 'setDirty'
  | 'closeAfterSave'
  | 'osTheme'
  | 'renderingInfo';

export interface SessionDeps {
  readonly grants: FileGrants;
  readonly recent: RecentList;
  readonly workspaces: WorkspaceRegistry;
  readonly recovery: RecoveryStore;
  /** Absolute paths main wrote in this session (filled by saveFile and saveWorkspace). */
  readonly written: Set<string>;
  /** Native open dialog for a workspace: the path, null when cancelled. */
  readonly chooseWorkspace: () => Promise<string | null>;
  /** Native save dialog at `near` (a workspace path) or at `suggestedName` in the documents folder. */
  readonly chooseWorkspaceSavePath: (suggestedName: string, near: string | null) => Promise<string | null>;
  /** Asks before replacing a file the save dialog did not ask about (the name gained `.clonoscope.json`). */
  readonly confirmReplace: (file: string) => Promise<boolean>;
  /** Native open dialog to find a moved file called `name`. */
  readonly chooseRelink: (name: string) => Promise<string | null>;
  /** shell.showItemInFolder */
  readonly reveal: (file: string) => void;
  /** The main window's close guard (null while there is no window). */
  readonly closeGuard: () => CloseGuard | null;
  readonly osTheme: () => OsTheme;
  readonly renderingInfo: () => Promise<RenderingInfo>;
  readonly warn?: (message: string) => void;
}

export function createSessionHandlers(deps: SessionDeps): Pick<MainHandlers, SessionChannel> {
  const { grants, recent, workspaces, recovery, written } = deps;
  const warn = deps.warn ?? ((m: string) => console.warn(m));
  const remember = (file: string) => recent.add(file).catch((e: unknown) => warn(`The recent-files list could not be saved (${String(e)}).`));
  const exists = (file: string) => stat(file).then(() => true, () => false);

  async function readAndRemember(file: string): Promise<Result<WorkspaceFile>> {
    const r = await workspaces.read(file);
    if (r.ok) await remember(r.value.path);
    return r;
  }

  return {
    async revealFile(file): Promise<Result<null>> {
      if (!written.has(file)) return fail('invalid-argument', `${file} was not saved by Clonoscope in this session, so it cannot be shown from here.`);
      try {
        await stat(file);
      } catch (e) {
        return fail('file-unreadable', describeFsError(file, e), { file });
      }
      deps.reveal(file);
      return ok(null);
    },

    async openWorkspace() {
      const file = await deps.chooseWorkspace();
      return file === null ? ok(null) : readAndRemember(file);
    },

    async openDroppedWorkspace(file) {
      if (!isWorkspacePath(file)) return fail('invalid-argument', `${file} is not a Clonoscope workspace (*.clonoscope.json).`);
      return readAndRemember(file);
    },

    async openRecentWorkspace(file) {
      if (!isWorkspacePath(file) || !(await recent.has(file))) return fail('invalid-argument', `${file} is not a workspace on the recent-files list.`);
      const r = await readAndRemember(file);
      if (!r.ok && r.error.code === 'file-unreadable') await recent.remove(file).catch(() => undefined);
      return r;
    },

    async saveWorkspace(suggestedName, text, currentPath, saveAs): Promise<Result<string | null>> {
      let target: string;
      if (!saveAs && currentPath !== null && workspaces.has(currentPath)) target = currentPath;
      else {
        const chosen = await deps.chooseWorkspaceSavePath(suggestedName, currentPath);
        if (chosen === null) return ok(null);
        target = workspaceTarget(chosen);
        if (target !== chosen && (await exists(target)) && !(await deps.confirmReplace(target))) return ok(null);
      }
      const r = await workspaces.write(target, text);
      if (!r.ok) return r;
      written.add(r.value);
      await remember(r.value);
      await recovery.clear().catch((e: unknown) => warn(`The autosave could not be removed (${String(e)}).`));
      return r;
    },

    grantRelative: (workspacePath, relativePath) => workspaces.grantRelative(workspacePath, relativePath),

    async relinkFile(name): Promise<Result<GrantedFile | null>> {
      const file = await deps.chooseRelink(name);
      return file === null ? ok(null) : grants.grant(file);
    },

    autosave: (text) => recovery.autosave(wrapAutosave(text, (file) => grants.isPathGranted(file))),
    clearAutosave: () => recovery.clear(),
    async takeRecovery(): Promise<Result<Recovery | null>> {
      const r = await recovery.take();
      if (!r.ok || !r.value) return r;
      const { text, granted } = unwrapAutosave(r.value.text);
      // the recovered copy acts as a workspace that names only the files opened in that session
      workspaces.adopt(recovery.recoveredFile, granted);
      return ok({ text, savedAt: r.value.savedAt, path: recovery.recoveredFile });
    },
    setDirty: (dirty) => deps.closeGuard()?.setDirty(dirty),
    closeAfterSave: (saved) => deps.closeGuard()?.closeAfterSave(saved),
    osTheme: () => deps.osTheme(),
    renderingInfo: () => deps.renderingInfo(),
  };
}
