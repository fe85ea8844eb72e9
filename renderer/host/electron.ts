// HostApi inside Electron: everything goes through window.api (the preload); the window never
// sees a path it could read by itself — main grants tokens for files the user chose.

import type { RendererApi } from '../../shared/ipc.ts';
import { findCompanion } from './companions.ts';
import type { FileRef, HostApi } from './types.ts';

export function createElectronHost(api: RendererApi, showError: (message: string) => void): HostApi {
  let fileListener: HostApi['onFiles'] extends (l: infer L) => void ? L : never = () => {};
  api.on('openFiles', (files) => fileListener('cells', files.map((file) => ({ kind: 'granted', file }))));
  return {
    kind: 'electron',
    async requestOpen(purpose) {
      const r = await api.openFileDialog(purpose);
      if (!r.ok) showError(r.error.message);
      else if (r.value.length) fileListener(purpose, r.value.map((file) => ({ kind: 'granted', file })));
    },
    async filesFromDrop(data) {
      const refs: FileRef[] = [];
      for (const file of [...data.files]) {
        const path = api.pathForFile(file);
        if (!path) {
          refs.push({ kind: 'blob', file, path: file.name });
          continue;
        }
        const r = await api.grantDroppedFile(path);
        if (r.ok) refs.push({ kind: 'granted', file: r.value });
        else showError(r.error.message);
      }
      return refs;
    },
    async companion(of, relativePath, siblings) {
      if (of.kind !== 'granted') return findCompanion(of, relativePath, siblings);
      const r = await api.openCompanion(of.file.token, relativePath);
      return r.ok && r.value ? { kind: 'granted', file: r.value } : null;
    },
    async recent() {
      return (await api.listRecent()).map((r) => ({ ...r, reopenable: true }));
    },
    async openRecent(entry) {
      const r = await api.openRecent(entry.path);
      if (!r.ok) {
        showError(r.error.message);
        return null;
      }
      return { kind: 'granted', file: r.value };
    },
    clearRecent: () => api.clearRecent(),
    noteOpened() {
      // main records granted files in the recent list itself
    },
    onFiles(listener) {
      fileListener = listener;
    },
    onMenu(listener) {
      api.on('menu', listener);
    },
    async saveFile(suggestedName, data) {
      return api.saveFile(suggestedName, await data.arrayBuffer());
    },
  };
}
