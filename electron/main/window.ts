// The main window and the rules every web page in the app lives under: no Node, an isolated and
// sandboxed preload, no navigation away from app://clonoscope/, no new windows, no permissions, and
// no request to the network or to file:// (the page is served from app:// only).

import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { APP_INDEX_URL, APP_ORIGIN } from './protocol.ts';
import { DEFAULT_SIZE, MIN_SIZE, type PlacedBounds } from './window-state.ts';

/** Bundled preload, next to the bundled main: `.build/main/index.cjs` → `.build/preload/index.cjs`. */
export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '..', 'preload', 'index.cjs');
}

/** Size, position and chrome of a new window (no x/y: the OS centres it). */
export function windowFrame(bounds: PlacedBounds = DEFAULT_SIZE): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Clonoscope',
    show: false, // shown on ready-to-show, so the user never sees a blank frame
  };
}

/** Blocks navigation, redirects, new windows and <webview> for any web contents. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault()); // sub-frames too
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

/**
 * Whether the page may load `url`: its own origin (app://clonoscope/), blob: and data: URLs it made,
 * and DevTools. Everything else — the network, file://, other custom schemes — is refused.
 */
export function isLocalRequest(url: string): boolean {
  return url.startsWith(APP_ORIGIN) || url.startsWith(`blob:${APP_ORIGIN}`) || url.startsWith('data:') || url.startsWith('devtools://');
}

/** Cancels every request that is not local (isLocalRequest), whoever makes it (page, worker, CSS). */
export function blockRemoteRequests(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalRequest(details.url) }));
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

export function createMainWindow(preload: string, url: string = APP_INDEX_URL, bounds?: PlacedBounds): BrowserWindow {
  // The options are written out here, in the call, so that Electronegativity can read them.
  const win = new BrowserWindow({
    ...windowFrame(bounds),
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
      disableBlinkFeatures: 'Auxclick', // a middle click cannot even ask for a new window
    },
  });
  lockDownContents(win.webContents);
  denyAllPermissions(win.webContents.session);
  blockRemoteRequests(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
