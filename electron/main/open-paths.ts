// Paths the OS or the menu asks us to open (command line, second instance, macOS open-file, Open
// Recent): workspaces (*.clonoscope.json) are read and go to the window as `workspace` events, every
// other file is granted and goes as `openFiles`. Each failure becomes one sentence in `problems`.

import type { GrantedFile, WorkspaceFile } from '../../shared/ipc.ts';
import type { FileGrants } from './files.ts';
import { grantPaths, openEach } from './handlers.ts';
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

/** Reads workspaces the OS or the menu asked to open (see openEach). */
export function readWorkspacePaths(workspaces: WorkspaceRegistry, recent: RecentList, paths: readonly string[]): Promise<{ opened: WorkspaceFile[]; problems: string[] }> {
  return openEach((p) => workspaces.read(p), recent, paths);
}
