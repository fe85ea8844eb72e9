// Paths the OS or the menu asks us to open (command line, second instance, macOS open-file, Open
// Recent): workspaces (*.clonoscope.json) are read and go to the window as `workspace` events, every
// other file is granted and goes as `openFiles`. Each failure becomes one sentence in `problems`.

import type { GrantedFile, WorkspaceFile } from '../../shared/ipc.ts';
import type { FileGrants } from './files.ts';
import { grantPaths } from './handlers.ts';
import type { RecentList } from './recent.ts';
import { isWorkspacePath, type WorkspaceRegistry } from './workspaces.ts';

export interface OpenPathsDeps {
  readonly grants: FileGrants;
  readonly workspaces: WorkspaceRegistry;
  readonly recent: RecentList;
}

export async function openPaths(deps: OpenPathsDeps, paths: readonly string[]): Promise<{ files: GrantedFile[]; workspaces: WorkspaceFile[]; problems: string[] }> {
  const tables = await grantPaths(deps.grants, deps.recent, paths.filter((p) => !isWorkspacePath(p)));
  const ws = await readWorkspacePaths(deps.workspaces, deps.recent, paths.filter(isWorkspacePath));
  return { files: tables.files, workspaces: ws.opened, problems: [...tables.problems, ...ws.problems] };
}

/**
 * Reads workspaces the OS or the menu asked to open (command line, second instance, open-file, Open
 * Recent) and puts them on the recent list. `problems` holds one sentence per workspace that failed;
 * a recent entry whose file is gone is removed from the list.
 */
export async function readWorkspacePaths(workspaces: WorkspaceRegistry, recent: RecentList, paths: readonly string[]): Promise<{ opened: WorkspaceFile[]; problems: string[] }> {
  const opened: WorkspaceFile[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const r = await workspaces.read(p);
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
