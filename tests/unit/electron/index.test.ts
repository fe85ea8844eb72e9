// electron/main/index.ts with Electron mocked: the scheme is registered before ready, IPC and the
// menu are set up, and files from the command line / a second instance reach the window as
// `openFiles` once it has loaded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  type Fn = (...a: unknown[]) => unknown;
  const appEvents = new Map<string, Fn>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const windows: { wc: { events: Map<string, Fn>; send: ReturnType<typeof vi.fn> }; loadURL: ReturnType<typeof vi.fn> }[] = [];
  return { appEvents, ready, resolveReady: () => resolveReady(), windows, order: [] as string[], userData: '' };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => m.windows;
    loadURL = vi.fn(async () => undefined);
    wc = { events: new Map(), send: vi.fn() };
    webContents = {
      on: (e: string, f: never) => this.wc.events.set(e, f),
      send: this.wc.send,
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    };
    constructor() {
      m.order.push('window');
      m.windows.push(this as never);
    }
    once = vi.fn();
    on = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
  }
  const app = {
    on: (e: string, f: never) => m.appEvents.set(e, f),
    whenReady: () => m.ready,
    isReady: () => true,
    requestSingleInstanceLock: () => true,
    setName: vi.fn(),
    getName: () => 'Clonoscope',
    getVersion: () => '0.1.0',
    getPath: () => m.userData,
    isPackaged: false,
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: vi.fn(() => m.order.push('ipc')), removeHandler: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(() => m.order.push('menu')), buildFromTemplate: vi.fn((t: unknown) => t) },
    protocol: { registerSchemesAsPrivileged: vi.fn(() => m.order.push('scheme')), handle: vi.fn(() => m.order.push('protocol')) },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cells = path.join(dir, 'cells.csv');
const second = path.join(dir, 'second.csv');
writeFileSync(cells, 'x,y\n1,2\n');
writeFileSync(second, 'x,y\n3,4\n');

const OPEN_FILES = 'clonoscope:openFiles';

describe('main process lifecycle', () => {
  it('registers the scheme before ready, then protocol, IPC, menu and the window', async () => {
    m.userData = path.join(dir, 'userData');
    const argv = process.argv;
    process.argv = ['/opt/Clonoscope/clonoscope', cells, '--enable-logging'];
    try {
      await import('../../../electron/main/index.ts');
    } finally {
      process.argv = argv;
    }
    expect(m.order).toEqual(['scheme']);
    m.resolveReady();
    await vi.waitFor(() => expect(m.windows).toHaveLength(1));
    expect(m.order.slice(0, 2)).toEqual(['scheme', 'protocol']);
    expect(m.order.filter((s) => s === 'ipc')).toHaveLength(9);
    expect(m.order.indexOf('menu')).toBeLessThan(m.order.indexOf('window'));
    // Files were given, so the window opens without the sample data (the files come as openFiles).
    expect(m.windows[0]!.loadURL).toHaveBeenCalledWith('app://clonoscope/index.html');
  });

  it('sends command-line files only after the window has loaded', async () => {
    const w = m.windows[0]!;
    expect(w.wc.send).not.toHaveBeenCalled();
    w.wc.events.get('did-finish-load')!();
    await vi.waitFor(() => expect(w.wc.send).toHaveBeenCalledWith(OPEN_FILES, [expect.objectContaining({ path: cells, name: 'cells.csv', size: 8 })]));
    const [, [file]] = w.wc.send.mock.calls[0] as [string, { token: string }[]];
    expect(file!.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('sends a second instance’s files to the running window', async () => {
    const w = m.windows[0]!;
    m.appEvents.get('second-instance')!({}, ['/opt/Clonoscope/clonoscope', 'second.csv'], dir);
    await vi.waitFor(() => expect(w.wc.send).toHaveBeenLastCalledWith(OPEN_FILES, [expect.objectContaining({ path: second })]));
  });

  it('sends macOS open-file requests too', async () => {
    const w = m.windows[0]!;
    const event = { preventDefault: vi.fn() };
    m.appEvents.get('open-file')!(event, cells);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(w.wc.send).toHaveBeenLastCalledWith(OPEN_FILES, [expect.objectContaining({ path: cells })]));
  });
});
