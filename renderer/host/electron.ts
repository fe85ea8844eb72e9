// HostApi inside Electron: everything goes through window.api (the preload); the window never
// sees a path it could read by itself — main grants tokens for files the user chose.

import { ok } from '../../shared/errors.ts';
import type { RendererApi, WorkspaceFile } from '../../shared/ipc.ts';
import { readText } from './read.ts';
import { findCompanion } from './companions.ts';
import type { FileRef, HostApi, WorkspaceText } from './types.ts';

export function createElectronHost(api: RendererApi, showError: (message: string) => void): HostApi {
  let fileListener: HostApi['onFiles'] extends (l: infer L) => void ? L : never = () => {};
  let workspaceListener: (ws: WorkspaceText) => void = () => {};
  const named = (w: WorkspaceFile): WorkspaceText => ({ path: w.path, name: w.path.replace(/^.*[\\/]/, ''), text: w.text });
  api.on('openFiles', (files) => fileListener('cells', files.map((file) => ({ kind: 'granted', file }))));
  api.on('workspace', (w) => workspaceListener(named(w)));
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
    async reveal(path) {
      const r = await api.revealFile(path);
      if (!r.ok) showError(r.error.message);
    },
    saveWorkspace: (suggestedName, text, currentPath, saveAs) => api.saveWorkspace(suggestedName, text, currentPath, saveAs),
    async requestWorkspace() {
      const r = await api.openWorkspace();
      if (!r.ok) showError(r.error.message);
      else if (r.value) workspaceListener(named(r.value));
    },
    async readWorkspace(ref) {
      if (ref.kind === 'granted') {
        const r = await api.openDroppedWorkspace(ref.file.path);
        return r.ok ? ok(named(r.value)) : r;
      }
      const text = await readText(ref);
      return text.ok ? ok({ path: null, name: ref.file.name, text: text.value }) : text;
    },
    onWorkspace(listener) {
      workspaceListener = listener;
    },
    async workspaceFile(workspacePath, stored) {
      if (!workspacePath) return null;
      const r = await api.grantRelative(workspacePath, stored);
      return r.ok ? { kind: 'granted', file: r.value } : null;
    },
    async relink(name) {
      const r = await api.relinkFile(name);
      if (!r.ok) showError(r.error.message);
      return r.ok && r.value ? { kind: 'granted', file: r.value } : null;
    },
    autosave: (text) => void api.autosave(text),
    clearAutosave: () => void api.clearAutosave(),
    async takeRecovery() {
      const r = await api.takeRecovery();
      return r.ok && r.value ? { text: r.value.text, savedAt: r.value.savedAt, path: r.value.path ?? null } : null;
    },
    setDirty: (dirty) => void api.setDirty(dirty),
    closeAfterSave: (saved) => void api.closeAfterSave(saved),
    async renderingNote() {
      const info = await api.renderingInfo();
      return info.software ? info.detail : null;
    },
  };
}
