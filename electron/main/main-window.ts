// One main window with everything that hangs off it: its size and position restored (and saved when
// it closes), the unsaved-changes question on close, and what happens when its page crashes (the
// autosave is offered again and the page reloads — once; a second crash within RELOAD_WINDOW_MS
// leaves the window alone and says where the work is).

import { dialog, screen, type BrowserWindow } from 'electron';
import { askToSave, guardClose, type CloseGuard } from './close-guard.ts';
import { sendEvent } from './ipc.ts';
import type { RecoveryStore } from './recovery.ts';
import { createMainWindow } from './window.ts';
import { captureWindowState, loadWindowState, restoredBounds, saveWindowStateSync, type Rect } from './window-state.ts';

/** A page that crashes again within this time (ms) of its last reload is not reloaded again. */
export const RELOAD_WINDOW_MS = 30_000;

export interface MainWindowOptions {
  readonly preload: string;
  readonly url: string;
  /** userData/window-state.json */
  readonly stateFile: string;
  readonly recovery: RecoveryStore;
  readonly quit: () => void;
  /** The page started loading (not ready for events) / finished loading (ready). */
  readonly loading: () => void;
  readonly loaded: () => void;
  readonly closed: (win: BrowserWindow) => void;
  readonly now?: () => number;
  readonly warn?: (message: string) => void;
}

export interface MainWindow {
  readonly win: BrowserWindow;
  readonly guard: CloseGuard;
  /** Settles when the page has first finished loading (events sent before then would be lost). */
  readonly loaded: Promise<void>;
}

/** Work areas of the attached displays, the primary one first. */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

export async function openMainWindow(o: MainWindowOptions): Promise<MainWindow> {
  const warn = o.warn ?? ((m: string) => console.warn(m));
  const now = o.now ?? Date.now;
  const state = await loadWindowState(o.stateFile);
  const win = createMainWindow(o.preload, o.url, restoredBounds(state, displayWorkAreas()));
  if (state?.maximized) win.maximize();
  if (state?.fullScreen) win.setFullScreen(true);

  const guard = guardClose(win, {
    ask: () => askToSave(win),
    requestSave: () => sendEvent(win.webContents, 'menu', 'save-and-close'),
    discard: () => void o.recovery.clear().catch((e: unknown) => warn(`The autosave could not be removed (${String(e)}).`)),
    closing: () => {
      try {
        saveWindowStateSync(o.stateFile, captureWindowState(win));
      } catch (e) {
        warn(`The window size could not be remembered (${String(e)}).`);
      }
    },
    quit: o.quit,
  });

  let lastCrash = Number.NEGATIVE_INFINITY;
  let firstLoad: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (firstLoad = resolve));
  const contents = win.webContents;
  contents.on('did-start-loading', () => o.loading());
  contents.on('did-finish-load', () => {
    firstLoad();
    o.loaded();
  });
  contents.on('did-navigate', () => guard.reset()); // a new page (reload) has no unsaved changes yet
  contents.on('render-process-gone', (_event, details) => {
    console.error(`The window's page stopped (${details.reason}).`);
    if (details.reason === 'clean-exit') return;
    guard.reset(); // a dead page can neither save nor be asked to
    const again = now() - lastCrash < RELOAD_WINDOW_MS;
    lastCrash = now();
    void o.recovery.rendererGone().then(() => {
      if (win.isDestroyed()) return;
      if (!again) return contents.reload(); // the reloaded page finds the autosave through takeRecovery
      dialog.showErrorBox('Clonoscope’s window stopped again', 'Your last autosaved workspace is kept and will be offered when you start Clonoscope again. Close this window and restart Clonoscope.');
    });
  });
  win.on('closed', () => {
    firstLoad(); // nothing waits for a window that is gone
    o.closed(win);
  });
  return { win, guard, loaded };
}
