// Workspaces in a plain browser: saved as a download, opened with a file input (or dropped),
// data files found again only by the user choosing them (a page cannot open a path by itself),
// and the autosave kept in localStorage: it survives a crash or a closed tab until the workspace
// is saved or the user declines to recover it.

import { ok } from '../../shared/errors.ts';
import type { FileRef, HostApi, Recovered, WorkspaceText } from './types.ts';
import { readText } from './read.ts';

const AUTOSAVE_KEY = 'clonoscope.autosave';

type WorkspaceHost = Pick<HostApi, 'requestWorkspace' | 'readWorkspace' | 'onWorkspace' | 'workspaceFile' | 'relink' | 'autosave' | 'clearAutosave' | 'takeRecovery' | 'setDirty' | 'closeAfterSave' | 'renderingNote'>;

/** A one-off hidden file input: resolves with the chosen files, or [] when the picker is cancelled. */
function pick(accept: string, multiple: boolean, testid: string): Promise<File[]> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.multiple = multiple;
  input.hidden = true;
  input.dataset.testid = testid;
  document.body.append(input);
  return new Promise((resolve) => {
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]));
    input.addEventListener('cancel', () => done([]));
    input.click();
  });
}

export function browserWorkspaces(): WorkspaceHost {
  let listener: (ws: WorkspaceText) => void = () => {};
  let dirty = false;
  let recoveryTaken = false;
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault(); // the browser asks "Leave site? Changes may not be saved"
  });
  const read = async (ref: FileRef) => {
    const text = await readText(ref);
    return text.ok ? ok<WorkspaceText>({ path: null, name: ref.kind === 'blob' ? ref.file.name : ref.file.name, text: text.value }) : text;
  };
  return {
    async requestWorkspace() {
      const [file] = await pick('.json,application/json', false, 'workspace-file');
      if (!file) return;
      const r = await read({ kind: 'blob', file, path: file.name });
      if (r.ok) listener(r.value);
    },
    readWorkspace: read,
    onWorkspace(l) {
      listener = l;
    },
    async workspaceFile() {
      return null; // a page cannot open a path: the user chooses the file (relink)
    },
    async relink() {
      const [file] = await pick('', false, 'relink-file');
      return file ? { kind: 'blob', file, path: file.name } : null;
    },
    autosave(text) {
      try {
        localStorage.setItem(AUTOSAVE_KEY, JSON.stringify({ text, savedAt: Date.now(), path: null } satisfies Recovered));
      } catch {
        // storage full or disabled: nothing to keep it in (the workspace can still be saved)
      }
    },
    clearAutosave() {
      localStorage.removeItem(AUTOSAVE_KEY);
    },
    async takeRecovery() {
      if (recoveryTaken) return null;
      recoveryTaken = true;
      try {
        const saved = JSON.parse(localStorage.getItem(AUTOSAVE_KEY) ?? 'null') as Recovered | null;
        return saved && typeof saved.text === 'string' && typeof saved.savedAt === 'number' ? { text: saved.text, savedAt: saved.savedAt, path: null } : null;
      } catch {
        return null;
      }
    },
    setDirty(d) {
      dirty = d;
    },
    closeAfterSave() {
      // the browser closes tabs itself
    },
    async renderingNote() {
      return null;
    },
  };
}
