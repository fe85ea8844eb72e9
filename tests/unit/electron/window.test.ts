// electron/main/window.ts: secure web preferences, no navigation, no new windows, no permissions.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as FakeWindow[]);
interface FakeWindow {
  options: Record<string, unknown>;
  handlers: Map<string, (...a: unknown[]) => void>;
  webContents: { handlers: Map<string, (...a: unknown[]) => void>; openHandler?: () => unknown; on: unknown; setWindowOpenHandler: unknown; session: Record<string, ReturnType<typeof vi.fn>> };
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
      wc.session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
      this.webContents = wc;
      created.push(this as never);
    }
    once(e: string, f: unknown) {
      this.handlers.set(e, f);
    }
  }
  return { BrowserWindow, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };
});

import { createMainWindow, preloadPath, SAMPLE_DATA_URL, startPageUrl, windowOptions } from '../../../electron/main/window.ts';

describe('windowOptions', () => {
  it('isolates and sandboxes the page, with no Node and web security on', () => {
    const p = windowOptions('/x/preload/index.cjs').webPreferences!;
    expect(p).toMatchObject({
      preload: '/x/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
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
    for (const e of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
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

describe('startPageUrl', () => {
  it('opens the sample data only in the first window, and only when no files wait to be opened', () => {
    expect(startPageUrl({ firstWindow: true, filesWaiting: false })).toBe('app://clonoscope/index.html?open=sample-data');
    expect(startPageUrl({ firstWindow: true, filesWaiting: true })).toBe('app://clonoscope/index.html');
    expect(startPageUrl({ firstWindow: false, filesWaiting: false })).toBe('app://clonoscope/index.html');
    expect(startPageUrl({ firstWindow: false, filesWaiting: true })).toBe('app://clonoscope/index.html');
  });
});
