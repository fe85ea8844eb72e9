// Closing a window whose workspace has unsaved changes asks Save / Don't Save / Cancel.
//   Save         → the close is held; the window gets the 'save-and-close' command, saves, and
//                  answers closeAfterSave(true) (the window then closes, and a pending quit goes
//                  on) or closeAfterSave(false) (cancelled or failed: it stays open).
//   Don't Save   → closes; the autosave is discarded (nothing to recover later).
//   Cancel       → stays open; a quit that asked to close it is abandoned.
// Electron abandons app.quit() by itself when a window's close is prevented.

import { dialog, type BrowserWindow } from 'electron';

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The parts of a BrowserWindow used here (a fake in tests). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

export interface CloseGuardDeps {
  readonly ask: () => Promise<CloseChoice>;
  /** Sends the 'save-and-close' menu command to the window. */
  readonly requestSave: () => void;
  /** The user chose Don't Save. */
  readonly discard: () => void;
  /** The close goes ahead (save the window state here). */
  readonly closing: () => void;
  /** Quits the app (called after a save when the close came from a quit). */
  readonly quit: () => void;
}

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  isDirty(): boolean;
  /** app 'before-quit': the coming close is part of a quit. */
  quitting(): void;
  closeAfterSave(saved: boolean): void;
  /** The page is gone or reloading: it can neither save nor have changes, so a close goes ahead. */
  reset(): void;
}

export function guardClose(win: ClosableWindow, deps: CloseGuardDeps): CloseGuard {
  let dirty = false;
  let asking = false;
  let awaitingSave = false;
  let quitRequested = false;
  let allowClose = false;

  win.on('close', (event) => {
    if (!dirty || allowClose) {
      deps.closing();
      return;
    }
    event.preventDefault();
    if (asking || awaitingSave) return;
    asking = true;
    void deps.ask().catch((): CloseChoice => 'cancel').then((choice) => {
      asking = false;
      if (choice === 'discard') {
        allowClose = true;
        deps.discard();
        const quit = quitRequested; // the prevented close abandoned the quit: resume it
        win.close();
        if (quit) deps.quit();
      } else if (choice === 'save') {
        awaitingSave = true;
        deps.requestSave();
      } else {
        quitRequested = false;
      }
    });
  });

  return {
    setDirty: (d) => void (dirty = d),
    isDirty: () => dirty,
    quitting: () => void (quitRequested = true),
    reset() {
      dirty = false;
      awaitingSave = false;
    },
    closeAfterSave(saved) {
      if (!awaitingSave) return; // only as the answer to 'save-and-close'
      awaitingSave = false;
      if (!saved) {
        quitRequested = false;
        return;
      }
      dirty = false;
      const quit = quitRequested;
      win.close();
      if (quit) deps.quit();
    },
  };
}

/** The native question; Save is the default, Escape means Cancel. */
export async function askToSave(win: BrowserWindow | null): Promise<CloseChoice> {
  const options = {
    type: 'warning' as const,
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: 'Save the changes to this workspace before closing?',
    detail: "If you don't save, your changes since the last save will be lost.",
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}
