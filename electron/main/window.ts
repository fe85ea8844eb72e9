// The main window and the rules every web page in the app lives under: no Node, an isolated and
// sandboxed preload, no navigation away from app://clonoscope/, no new windows, no permissions.

import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { APP_INDEX_URL } from './protocol.ts';

/** Bundled preload, next to the bundled main: `.build/main/index.cjs` → `.build/preload/index.cjs`. */
export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'index.cjs');
}

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Clonoscope',
    show: false, // shown on ready-to-show, so the user never sees a blank frame
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false, // a dropped file goes to the page's drop handler, never replaces the page
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** Blocks navigation, redirects, new windows and <webview> for any web contents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission (camera, notifications, clipboard read, geolocation, devices, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The start page with the query that makes the renderer open the bundled sample data. */
export const SAMPLE_DATA_URL = `${APP_INDEX_URL}?open=sample-data`;

/**
 * The page a new window loads. Only the first window at start-up, with no files waiting to be opened
 * (command line, macOS open-file), shows the sample data; files arrive through `openFiles` instead.
 */
export function startPageUrl(opts: { readonly firstWindow: boolean; readonly filesWaiting: boolean }): string {
  return opts.firstWindow && !opts.filesWaiting ? SAMPLE_DATA_URL : APP_INDEX_URL;
}

export function createMainWindow(preload: string, url: string = APP_INDEX_URL): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preload));
  lockDownContents(win.webContents);
  denyAllPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
