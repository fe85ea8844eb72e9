// Window-wide keyboard shortcuts. In Electron the menu's accelerators send Open, Save, Undo, Redo,
// Export Figure… as menu commands, so only the browser handles those keys here.

import type { HostApi } from '../host/types.ts';
import type { Store, Tool } from './store.ts';

export interface ShortcutActions {
  open(purpose: 'cells' | 'annotation'): void;
  mapping(): void;
  simulate(): void;
  tool(tool: Tool): void;
  compare(): void;
  /** Opens or closes the sampling (Monte Carlo) panel. */
  sampling(): void;
  /** Undoes the last edit; false when there was nothing to undo. */
  undo(): boolean;
  /** Redoes the last undone edit; false when there was nothing to redo. */
  redo(): boolean;
  figure(): void;
  save(as: boolean): void;
}

const typing = (e: KeyboardEvent) => {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
};

export function installShortcuts(store: Store, host: HostApi, a: ShortcutActions): void {
  window.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape' && store.get().loading) return store.get().loading!.cancel();
    if (!mod) {
      if (typing(e) || e.altKey) return;
      const tool = ({ p: 'pan', r: 'rect', l: 'lasso', g: 'poly', f: 'free', b: 'punch', n: 'needle' } as Record<string, Tool>)[e.key.toLowerCase()];
      if (tool && store.get().samples.length) a.tool(tool);
      else if (e.key.toLowerCase() === 'c' && store.get().samples.length) a.compare();
      else if (e.key.toLowerCase() === 's' && store.get().samples.length) a.sampling();
      return;
    }
    const key = e.key.toLowerCase();
    if (host.kind === 'electron') return; // the menu's accelerators send these as menu commands
    if (key === 'z' && !e.shiftKey && !typing(e)) {
      if (a.undo()) e.preventDefault();
      return;
    }
    if (((key === 'z' && e.shiftKey) || key === 'y') && !typing(e)) {
      if (a.redo()) e.preventDefault();
      return;
    }
    if (key === 'o') {
      e.preventDefault();
      a.open(e.shiftKey ? 'annotation' : 'cells');
    } else if (key === 'm') {
      e.preventDefault();
      a.mapping();
    } else if (key === 'n' && e.shiftKey) {
      e.preventDefault();
      a.simulate();
    } else if (key === 'e' && store.get().samples.length) {
      e.preventDefault();
      a.figure();
    } else if (key === 's') {
      e.preventDefault();
      a.save(e.shiftKey);
    }
  });
}

/** Drag-and-drop anywhere on the window, with a hint while files are over it. */
export function installDrop(host: HostApi, hint: HTMLElement, open: (files: Awaited<ReturnType<HostApi['filesFromDrop']>>) => void): void {
  let depth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    hint.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    if (--depth <= 0) hint.hidden = true;
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', async (e) => {
    e.preventDefault();
    depth = 0;
    hint.hidden = true;
    if (!e.dataTransfer) return;
    const files = await host.filesFromDrop(e.dataTransfer);
    if (files.length) open(files);
  });
}
