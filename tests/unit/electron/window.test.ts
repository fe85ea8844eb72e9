// electron/main/window.ts: secure web preferences, no navigation, no new windows, no permissions,
// no request leaving app://clonoscope/.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as FakeWindow[]);
interface FakeWindow {
  options: Record<string, unknown>;
  handlers: Map<string, (...a: unknown[]) => void>;
  webContents: { handlers: Map<string, (...a: unknown[]) => void>; openHandler?: () => unknown; on: unknown; setWindowOpenHandler: unknown; session: Record<string, ReturnType<typeof vi.fn>> & { webRequest: { onBeforeRequest: ReturnType<typeof vi.fn> } } };
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
}

vi.mock('electron', () => {
  class BrowserWindow {
    options: unknown;
    handlers = new Map();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    webContents: Record<string, unknown>;
    constructor(options: unknown) {
      this.options = options;
      const wc: Record<string, unknown> = { handlers: new Map() };
      wc.on = (e: string, f: unknown) => (wc.handlers as Map<string, unknown>).set(e, f);
      wc.setWindowOpenHandler = (f: unknown) => (wc.openHandler = f);
      wc.session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } };
      this.webContents = wc;
      created.push(this as never);
    }
    once(e: string, f: unknown) {
      this.handlers.set(e, f);
    }
  }
  return { BrowserWindow, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };
});

import { createMainWindow, isLocalRequest, preloadPath, SAMPLE_DATA_URL, startPageUrl, windowFrame } from '../../../electron/main/window.ts';

describe('the window options', () => {
  it('isolates and sandboxes the page, with no Node and web security on', () => {
    createMainWindow('/x/preload/index.cjs');
    const p = created.at(-1)!.options.webPreferences;
    expect(p).toEqual({
      preload: '/x/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens at the restored bounds, hidden until ready, never smaller than 720 × 480', () => {
    createMainWindow('/p.cjs', undefined, { x: 10, y: 20, width: 1000, height: 700 });
    expect(created.at(-1)!.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: 720, minHeight: 480, show: false });
    expect(windowFrame()).toMatchObject({ width: 1400, height: 900 });
    expect(windowFrame()).not.toHaveProperty('x');
  });

  it('finds the bundled preload next to the bundled main', () => {
    expect(preloadPath(path.join('/app', '.build', 'main'))).toBe(path.join('/app', '.build', 'preload', 'index.cjs'));
  });
});

describe('createMainWindow', () => {
  const win = () => {
    createMainWindow('/p.cjs');
    return created.at(-1)!;
  };

  it('loads app://clonoscope/index.html and shows when ready', () => {
    const w = win();
    expect(w.loadURL).toHaveBeenCalledWith('app://clonoscope/index.html');
    w.handlers.get('ready-to-show')!();
    expect(w.show).toHaveBeenCalled();
  });

  it('loads the page it is given (the sample-data start page)', () => {
    createMainWindow('/p.cjs', SAMPLE_DATA_URL);
    expect(created.at(-1)!.loadURL).toHaveBeenCalledWith('app://clonoscope/index.html?open=sample-data');
  });

  it('blocks navigation, redirects and webviews', () => {
    const w = win();
    for (const e of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      w.webContents.handlers.get(e)!(event, 'https://evil.example/');
      expect(event.preventDefault, e).toHaveBeenCalled();
    }
  });

  it('denies every new window', () => {
    expect(win().webContents.openHandler!()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const s = win().webContents.session;
    const callback = vi.fn();
    const request = s.setPermissionRequestHandler!.mock.calls[0]![0] as (...a: unknown[]) => void;
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) request({}, perm, callback, {});
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect((s.setPermissionCheckHandler!.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect((s.setDevicePermissionHandler!.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });
});

describe('requests', () => {
  it('cancels every request that leaves app://clonoscope/', () => {
    const s = (createMainWindow('/p.cjs'), created.at(-1)!.webContents.session);
    const listener = s.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://clonoscope/assets/index.js')).toBe(false);
    expect(verdict('blob:app://clonoscope/2b7c-…')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://cdn.example/pixi.js', 'http://127.0.0.1:5173/', 'wss://evil.example/', 'file:///etc/passwd', 'app://clonoscope.evil/x', 'blob:https://evil.example/x', 'ftp://x/']) {
      expect(verdict(url), url).toBe(true);
    }
  });

  it('isLocalRequest', () => {
    expect(isLocalRequest('app://clonoscope/index.html')).toBe(true);
    expect(isLocalRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isLocalRequest('app://clonoscope')).toBe(false);
    expect(isLocalRequest('https://example.org/')).toBe(false);
  });
});

describe('startPageUrl', () => {
  it('opens the sample data only in the first window, and only when no files wait to be opened', () => {
    expect(startPageUrl({ firstWindow: true, filesWaiting: false })).toBe('app://clonoscope/index.html?open=sample-data');
    expect(startPageUrl({ firstWindow: true, filesWaiting: true })).toBe('app://clonoscope/index.html');
    expect(startPageUrl({ firstWindow: false, filesWaiting: false })).toBe('app://clonoscope/index.html');
    expect(startPageUrl({ firstWindow: false, filesWaiting: true })).toBe('app://clonoscope/index.html');
  });
});
