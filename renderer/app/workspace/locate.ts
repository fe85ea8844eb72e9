// Finding the data files a workspace names: beside the workspace (relative path), among files the
// user chose with it, or — when moved, renamed or changed — by asking the user to relink.

import type { WorkspaceSample } from '../../../shared/workspace/format.ts';
import { formatCount } from '../../../shared/errors.ts';
import { refName, refSize, type FileRef, type HostApi } from '../../host/types.ts';
import { askChoice } from '../../views/ask-choice.ts';

const formatBytes = (n: number) => `${formatCount(n)} bytes`;

export const baseName = (p: string) => p.replace(/^.*[\\/]/, '');

/** Size or modification time differ from what the workspace recorded. */
export function fileChanged(ref: FileRef, s: Pick<WorkspaceSample, 'size' | 'modifiedMs'>): string | null {
  const size = refSize(ref);
  const modified = ref.kind === 'blob' ? ref.file.lastModified : ref.file.modifiedAt;
  if (s.size !== undefined && size !== s.size) return `it is ${formatBytes(size)} now, ${formatBytes(s.size)} when the workspace was saved`;
  if (s.modifiedMs !== undefined && modified !== undefined && Math.abs(modified - s.modifiedMs) > 2000)
    return `it was modified on ${new Date(modified).toLocaleString()}, after the workspace was saved`;
  return null;
}

/** A file the workspace names, without asking: beside the workspace, or chosen with it (same name). */
export async function findQuietly(host: HostApi, workspacePath: string | null, stored: string, provided: readonly FileRef[]): Promise<FileRef | null> {
  const near = await host.workspaceFile(workspacePath, stored);
  if (near) return near;
  const name = baseName(stored);
  return provided.find((r) => refName(r) === name) ?? null;
}

/**
 * The data file of a workspace sample, asking the user when it moved ("Find it…" / "Skip") or
 * changed ("Open it anyway" / "Find another…" / "Skip"). Null: skip this sample.
 */
export async function locateSampleFile(host: HostApi, workspacePath: string | null, s: WorkspaceSample, provided: readonly FileRef[]): Promise<FileRef | null> {
  const name = baseName(s.path);
  let ref = await findQuietly(host, workspacePath, s.path, provided);
  if (ref) {
    const why = fileChanged(ref, s);
    if (!why) return ref;
    const answer = await askChoice(
      'The file changed',
      `${name} (${s.name}) changed since the workspace was saved: ${why}. Its regions and biopsies may no longer line up with the cells.`,
      [
        { value: 'open', label: 'Open it anyway', primary: true },
        { value: 'find', label: 'Find another…', title: 'Choose the file to use instead' },
        { value: 'skip', label: 'Skip this sample' },
      ],
      'changed-dialog',
    );
    if (answer === 'open') return ref;
    if (answer !== 'find') return null;
    ref = null;
  } else {
    const where = host.kind === 'browser' ? 'A browser page cannot open files by their path: choose it to go on.' : `It is not at ${s.path} (relative to the workspace) any more: it was moved or renamed.`;
    const what = s.name === name ? `${name} is one of this workspace’s cell tables.` : `The cells of ${s.name} come from ${name}.`;
    const answer = await askChoice('Where is this file?', `${what} ${where}`, [{ value: 'find', label: 'Find it…', primary: true }, { value: 'skip', label: 'Skip this sample' }], 'relink-dialog');
    if (answer !== 'find') return null;
  }
  return host.relink(name);
}
