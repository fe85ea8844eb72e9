// The workspace the window is working on: its file (path, or only a name in the browser), whether
// it has unsaved changes (title bar "•", the close prompt), the autosave that crash recovery
// offers back, and Save / Save As / Open.

import { parseWorkspace, serializeWorkspace } from '../../../shared/workspace/format.ts';
import { folderOf } from '../../../shared/workspace/paths.ts';
import type { FileRef, WorkspaceText } from '../../host/types.ts';
import type { ColourBook } from '../../scene/palette.ts';
import { askChoice } from '../../views/ask-choice.ts';
import type { OpenContext } from '../open.ts';
import type { SampleEdits } from '../sample-edits.ts';
import type { AppState } from '../store.ts';
import { fileSafe, sampleTitle } from '../../figure/name.ts';
import { restoreWorkspace } from './restore.ts';
import { SETTING_KEYS, workspaceOf, type SnapshotEnv } from './snapshot.ts';

export interface SessionDeps {
  readonly ctx: OpenContext;
  readonly book: ColourBook;
  readonly edits: SampleEdits;
  readonly view: SnapshotEnv['view'];
  readonly showView: (sampleId: string, v: { cx: number; cy: number; scale: number }) => void;
  readonly sampling: { settings(): Record<string, unknown>; restore(s: Readonly<Record<string, unknown>>): void };
  readonly app: string;
}

export interface WorkspaceSession {
  /** Save (Ctrl+S) or Save As (Ctrl+Shift+S); true when written. */
  save(as: boolean): Promise<boolean>;
  /** Opens a workspace's text (files chosen with it are used before asking for moved ones). */
  open(ws: WorkspaceText, provided?: readonly FileRef[], recovered?: boolean): Promise<void>;
  /** Offers the autosave of a session that ended without saving; true when it was recovered. */
  offerRecovery(): Promise<boolean>;
  readonly dirty: boolean;
}

/** Milliseconds after the last change before the autosave is written. */
const AUTOSAVE_DELAY = 1500;

/** The parts of the state a workspace holds: any change to one is an unsaved change. */
const documentKey = (s: AppState): unknown[] => [s.samples, s.referenceSampleId, s.cloneTree, s.biopsyTemplate, s.figure, s.colourVersion, ...SETTING_KEYS.map((k) => s[k])];

export function createWorkspaceSession(d: SessionDeps): WorkspaceSession {
  const { store, host } = d.ctx;
  let path: string | null = null;
  let name: string | null = null;
  let saved = documentKey(store.get());
  let dirty = false;
  let extra: SnapshotEnv['extra'] = undefined;
  let version = 0;
  let timer = 0;

  const env = (folder: string | null): SnapshotEnv => ({ folder, view: d.view, colours: d.book.all(), sampling: d.sampling.settings(), app: d.app, version, ...(extra ? { extra } : {}) });
  const text = (folder: string | null) => serializeWorkspace(workspaceOf(store.get(), env(folder)));
  const showTitle = () => (document.title = `${name ? name.replace(/\.clonoscope\.json$/i, '') : 'Untitled'}${dirty ? ' •' : ''} — Clonoscope`);
  const setDirty = (on: boolean) => {
    if (on !== dirty) host.setDirty(on);
    dirty = on;
    document.documentElement.dataset.dirty = on ? '1' : '';
    showTitle();
  };
  const markSaved = () => {
    saved = documentKey(store.get());
    setDirty(false);
    window.clearTimeout(timer);
    host.clearAutosave();
  };

  let kept: unknown[] = []; // the document key the pending (or last) autosave was scheduled for
  store.subscribe((state) => {
    const key = documentKey(state);
    const same = (other: unknown[]) => key.every((v, k) => v === other[k]);
    if (state.samples.length === 0 || same(saved)) {
      if (dirty) setDirty(false);
      return;
    }
    setDirty(true);
    if (same(kept)) return; // a message, a tool, progress: nothing new to keep
    kept = key;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => host.autosave(text(null)), AUTOSAVE_DELAY); // absolute paths: the autosave lives elsewhere
  });
  showTitle();

  async function save(as: boolean): Promise<boolean> {
    const state = store.get();
    if (state.samples.length === 0) return false;
    const suggested = name ?? `${fileSafe(sampleTitle(state.samples[0]!.name))} workspace.clonoscope.json`;
    const folder = path && !as ? folderOf(path) : null;
    const r = await host.saveWorkspace(suggested, text(folder), path, as || !path);
    if (!r.ok) {
      store.set({ message: { kind: 'error', text: `The workspace was not saved: ${r.error.message}` } });
      return false;
    }
    if (!r.value) return false; // cancelled
    if (host.kind === 'electron' && folderOf(r.value) !== folder) {
      // the folder was chosen in the dialog: write the paths again, relative to it
      const again = await host.saveWorkspace(suggested, text(folderOf(r.value)), r.value, false);
      if (!again.ok) store.set({ message: { kind: 'error', text: `The workspace was saved with absolute paths only: ${again.error.message}` } });
    }
    path = host.kind === 'electron' ? r.value : null;
    name = r.value.replace(/^.*[\\/]/, '');
    markSaved();
    const where = r.value;
    store.set({
      message:
        host.kind === 'browser'
          ? { kind: 'info', text: `Workspace ${where} was downloaded. To reopen it, open it with its data files.` }
          : { kind: 'info', text: `Saved workspace ${where}.`, ...(host.reveal ? { action: { label: 'Show in folder', run: () => void host.reveal!(where) } } : {}) },
    });
    return true;
  }

  async function open(ws: WorkspaceText, provided: readonly FileRef[] = [], recovered = false): Promise<void> {
    if (store.get().loading) return store.set({ message: { kind: 'error', text: `${ws.name} was not opened: a file is still being read. Wait for it (or Cancel it), then open the workspace again.` } });
    const parsed = parseWorkspace(ws.text, ws.name);
    if (!parsed.ok) return store.set({ message: { kind: 'error', text: parsed.error.message } });
    if (dirty && store.get().samples.length && !recovered) {
      const answer = await askChoice('Unsaved changes', `Opening ${ws.name} closes the open samples. Save your changes first?`, [
        { value: 'save', label: 'Save', primary: true },
        { value: 'discard', label: 'Don’t save' },
        { value: 'cancel', label: 'Cancel' },
      ], 'unsaved-dialog');
      if (answer === 'cancel' || answer === null) return;
      if (answer === 'save' && !(await save(false))) return;
    }
    d.edits.reset();
    const restored = await restoreWorkspace(d.ctx, d.book, parsed.value.workspace, ws.path, provided);
    for (const [id, v] of restored.views) d.showView(id, v);
    if (restored.sampling) d.sampling.restore(restored.sampling);
    extra = restored.extra;
    version = parsed.value.workspace.version;
    path = recovered ? null : ws.path;
    name = recovered ? null : ws.name;
    saved = recovered ? [] : documentKey(store.get()); // recovered work stays unsaved until saved
    setDirty(recovered);
    if (!recovered) host.clearAutosave();
    const notes = [...parsed.value.notes, ...restored.notes];
    const opened = store.get().samples.length;
    store.set({
      message: notes.length
        ? { kind: restored.notes.length ? 'error' : 'info', text: `${recovered ? 'Recovered' : 'Opened'} ${ws.name} with ${opened} sample${opened === 1 ? '' : 's'}; ${notes[0]}`, ...(notes.length > 1 ? { details: notes.slice(1) } : {}) }
        : { kind: 'info', text: `${recovered ? 'Recovered your unsaved work' : `Opened ${ws.name}`}: ${opened} sample${opened === 1 ? '' : 's'}.` },
    });
  }

  async function offerRecovery(): Promise<boolean> {
    const r = await host.takeRecovery();
    if (!r) return false;
    const when = new Date(r.savedAt).toLocaleString();
    const answer = await askChoice('Recover unsaved work?', `Clonoscope closed without saving your work. It was kept automatically at ${when}.`, [
      { value: 'recover', label: 'Recover', primary: true },
      { value: 'discard', label: 'Discard', title: 'Forget the kept work for good' },
    ], 'recovery-dialog');
    if (answer !== 'recover') {
      host.clearAutosave();
      return false;
    }
    await open({ path: r.path, name: 'the recovered workspace', text: r.text }, [], true);
    return true;
  }

  return {
    save,
    open,
    offerRecovery,
    get dirty() {
      return dirty;
    },
  };
}
