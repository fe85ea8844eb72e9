// HostApi in a plain browser: the hidden file input, drag-and-drop of files and folders, and a
// recent list kept in the browser (dropped files can be reopened where the browser gives handles).

import { ok } from '../../shared/errors.ts';
import type { MenuCommand, OpenPurpose } from '../../shared/ipc.ts';
import { browserWorkspaces } from './browser-workspace.ts';
import { findCompanion } from './companions.ts';
import { clearRecentList, listRecent, recentHandle, rememberRecent } from './recent-store.ts';
import type { FileRef, HostApi, RecentEntry } from './types.ts';

type PermissionHandle = FileSystemFileHandle & { requestPermission?: (d: { mode: 'read' }) => Promise<PermissionState> };

/** Handles of dropped files, so they can be reopened from the recent list. */
const handles = new WeakMap<File, FileSystemFileHandle>();

export function createBrowserHost(inputs: Record<OpenPurpose, HTMLInputElement>): HostApi {
  let fileListener: (purpose: OpenPurpose, files: FileRef[]) => void = () => {};
  const menuListeners: ((c: MenuCommand) => void)[] = [];
  for (const [purpose, input] of Object.entries(inputs) as [OpenPurpose, HTMLInputElement][]) {
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])].map((file): FileRef => ({ kind: 'blob', file, path: file.webkitRelativePath || file.name }));
      input.value = ''; // choosing the same file again must fire 'change' again
      if (files.length) fileListener(purpose, files);
    });
  }

  const host: HostApi = {
    kind: 'browser',
    ...browserWorkspaces(),
    async saveWorkspace(suggestedName, text) {
      return host.saveFile(suggestedName, new Blob([text], { type: 'application/json' }));
    },
    async requestOpen(purpose) {
      // The file input, not showOpenFilePicker: it works in every browser and in tests.
      inputs[purpose].click();
    },
    async filesFromDrop(data) {
      // Handles and entries must be requested synchronously, before the first await.
      const items = [...data.items].filter((i) => i.kind === 'file');
      const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
      const handlePromises = items.map((i) => (i as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }).getAsFileSystemHandle?.() ?? Promise.resolve(null));
      const loose = [...data.files];
      const refs: FileRef[] = [];
      for (let k = 0; k < items.length; k++) {
        const entry = entries[k];
        if (entry?.isDirectory) refs.push(...(await walk(entry as FileSystemDirectoryEntry, '')));
        else {
          const file = loose[k] ?? items[k]!.getAsFile();
          if (!file) continue;
          const handle = await handlePromises[k]!.catch(() => null);
          if (handle && handle.kind === 'file') handles.set(file, handle as FileSystemFileHandle);
          refs.push({ kind: 'blob', file, path: file.name });
        }
      }
      return refs;
    },
    async companion(of, relativePath, siblings) {
      return findCompanion(of, relativePath, siblings);
    },
    recent: () => listRecent(),
    async openRecent(entry: RecentEntry) {
      const handle = (await recentHandle(entry.path)) as PermissionHandle | undefined;
      if (!handle) return null;
      const state = (await handle.requestPermission?.({ mode: 'read' })) ?? 'granted';
      if (state !== 'granted') return null;
      const file = await handle.getFile();
      handles.set(file, handle);
      return { kind: 'blob', file, path: entry.path };
    },
    clearRecent: () => clearRecentList(),
    noteOpened(ref) {
      if (ref.kind !== 'blob') return;
      void rememberRecent(ref.path, ref.file.name, handles.get(ref.file));
    },
    onFiles(listener) {
      fileListener = listener;
    },
    onMenu(listener) {
      menuListeners.push(listener);
    },
    async saveFile(suggestedName, data) {
      // a download: the browser decides where it goes (usually the Downloads folder)
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return ok(suggestedName);
    },
  };
  return host;
}

/** All files under a dropped folder, with paths relative to the folder's parent. */
async function walk(dir: FileSystemDirectoryEntry, prefix: string): Promise<FileRef[]> {
  const out: FileRef[] = [];
  const reader = dir.createReader();
  const path = `${prefix}${dir.name}/`;
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory) out.push(...(await walk(e as FileSystemDirectoryEntry, path)));
      else {
        const file = await new Promise<File>((resolve, reject) => (e as FileSystemFileEntry).file(resolve, reject));
        out.push({ kind: 'blob', file, path: `${path}${e.name}` });
      }
    }
  }
  return out;
}
