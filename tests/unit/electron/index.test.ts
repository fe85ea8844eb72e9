// electron/main/index.ts with Electron mocked: what happens before 'ready' (scheme, data folder,
// GL switches), the wiring after it (protocol, IPC, menu, window), files and workspaces from the
// command line / a second instance / macOS open-file, crash recovery across sessions, the save
// bypass for tests, the OS theme, closing with unsaved changes, a crashed page, and a clean exit.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, wireChannel, type InvokeChannel } from '../../../shared/ipc.ts';

type Fn = (...a: unknown[]) => unknown;
const m = vi.hoisted(() => {
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  return {
    appEvents: new Map<string, (...a: unknown[]) => unknown>(),
    ready,
    resolveReady: () => resolveReady(),
    windows: [] as FakeWin[],
    order: [] as string[],
    paths: new Map<string, string>(),
    switches: [] as [string, string | undefined][],
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    themeListeners: [] as (() => void)[],
    dark: false,
  };
});
interface FakeWin {
  events: Map<string, Fn[]>;
  wc: { events: Map<string, Fn>; send: ReturnType<typeof vi.fn>; reload: ReturnType<typeof vi.fn> };
  loadURL: ReturnType<typeof vi.fn>;
  close(): void;
  destroyed: boolean;
}

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => m.windows.filter((w) => !w.destroyed);
    options: unknown;
    destroyed = false;
    events = new Map<string, Fn[]>();
    loadURL = vi.fn(async () => undefined);
    wc = { events: new Map<string, Fn>(), send: vi.fn(), reload: vi.fn() };
    webContents = {
      on: (e: string, f: Fn) => this.wc.events.set(e, f),
      send: this.wc.send,
      reload: this.wc.reload,
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn(), webRequest: { onBeforeRequest: vi.fn() } },
    };
    constructor(options: unknown) {
      this.options = options;
      m.order.push('window');
      m.windows.push(this as never);
    }
    once = vi.fn();
    on(e: string, f: Fn) {
      this.events.set(e, [...(this.events.get(e) ?? []), f]);
    }
    close() {
      let prevented = false;
      for (const f of this.events.get('close') ?? []) f({ preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      for (const f of this.events.get('closed') ?? []) f();
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    maximize = vi.fn();
    setFullScreen = vi.fn();
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    isMaximized = () => false;
    isFullScreen = () => false;
  }
  const app = {
    on: (e: string, f: never) => m.appEvents.set(e, f),
    whenReady: () => m.ready,
    isReady: () => true,
    requestSingleInstanceLock: () => true,
    setName: vi.fn(),
    getName: () => 'Clonoscope',
    getVersion: () => '0.1.0',
    getPath: (name: string) => m.paths.get(name) ?? path.join(m.paths.get('root')!, name),
    setPath: (name: string, p: string) => m.paths.set(name, p),
    commandLine: { appendSwitch: (name: string, value?: string) => void m.switches.push([name, value]) },
    isPackaged: false,
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    getGPUInfo: vi.fn(async () => ({ auxAttributes: { glRenderer: 'ANGLE (SwiftShader Device)' } })),
    getGPUFeatureStatus: () => ({ webgl: 'enabled' }),
    setAboutPanelOptions: vi.fn(),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: vi.fn((c: string, f: Fn) => (m.order.push('ipc'), m.ipc.set(c, f))), removeHandler: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(() => m.order.push('menu')), buildFromTemplate: vi.fn((t: unknown) => t) },
    protocol: { registerSchemesAsPrivileged: vi.fn(() => m.order.push('scheme')), handle: vi.fn(() => m.order.push('protocol')) },
    nativeTheme: { get shouldUseDarkColors() { return m.dark; }, on: (_e: string, f: () => void) => m.themeListeners.push(f) },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { showItemInFolder: vi.fn() },
  };
});

import { app, dialog, Menu, shell } from 'electron';

const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-index-'));
afterAll(() => {
  delete process.env.CLONOSCOPE_SAVE_DIR;
  rmSync(dir, { recursive: true, force: true });
});
const put = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), path.join(dir, name));
const cells = put('cells.csv', 'x,y\n1,2\n');
const second = put('second.csv', 'x,y\n3,4\n');
const workspace = put('tumour.clonoscope.json', '{"version":1}');
const userData = path.join(dir, 'appData', 'Clonoscope');
// The previous session crashed: its autosave is there, the clean-exit marker is not.
mkdirSync(userData, { recursive: true });
writeFileSync(path.join(userData, 'autosave.clonoscope.json'), '{"unsaved":"biopsies"}');
m.paths.set('root', dir);
m.paths.set('appData', path.join(dir, 'appData'));

const win = () => m.windows[0]!;
const call = (name: InvokeChannel, ...args: unknown[]) => m.ipc.get(wireChannel(name))!({ senderFrame: { url: 'app://clonoscope/index.html' } }, ...args);
const sent = (channel: string) => win().wc.send.mock.calls.filter(([c]) => c === wireChannel(channel as never)).map(([, payload]) => payload);

describe('main process lifecycle', () => {
  it('before ready: registers the scheme, fixes the data folder, allows software GL (forced when asked)', async () => {
    const argv = process.argv;
    process.argv = ['/opt/Clonoscope/clonoscope', cells, workspace, '--software-gl', '--enable-logging'];
    try {
      await import('../../../electron/main/index.ts');
    } finally {
      process.argv = argv;
    }
    expect(m.order).toEqual(['scheme']);
    expect(m.paths.get('userData')).toBe(userData);
    expect(m.switches).toEqual([['enable-unsafe-swiftshader', undefined], ['use-angle', 'swiftshader']]);
  });

  it('after ready: protocol, one IPC handler per channel, the menu, then the window', async () => {
    m.resolveReady();
    await vi.waitFor(() => expect(m.windows).toHaveLength(1));
    expect(m.order.slice(0, 2)).toEqual(['scheme', 'protocol']);
    expect(m.order.filter((s) => s === 'ipc')).toHaveLength(INVOKE_CHANNELS.length);
    expect(m.order.indexOf('menu')).toBeLessThan(m.order.indexOf('window'));
    // Files were given, so the window opens without the sample data (they come as events).
    expect(win().loadURL).toHaveBeenCalledWith('app://clonoscope/index.html');
  });

  it('sends command-line files as openFiles and workspaces as workspace, only after the page loaded', async () => {
    expect(win().wc.send).not.toHaveBeenCalled();
    win().wc.events.get('did-finish-load')!();
    await vi.waitFor(() => expect(sent('workspace')).toEqual([{ path: workspace, text: '{"version":1}' }]));
    expect(sent('openFiles')).toEqual([[expect.objectContaining({ path: cells, name: 'cells.csv', size: 8, token: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) })]]);
  });

  it('sends a second instance’s files to the running window', async () => {
    m.appEvents.get('second-instance')!({}, ['/opt/Clonoscope/clonoscope', 'second.csv'], dir);
    await vi.waitFor(() => expect(sent('openFiles').at(-1)).toEqual([expect.objectContaining({ path: second })]));
  });

  it('sends macOS open-file requests too', async () => {
    const event = { preventDefault: vi.fn() };
    m.appEvents.get('open-file')!(event, workspace);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(sent('workspace')).toHaveLength(2));
  });

  it('offers the crashed session’s autosave once through takeRecovery', async () => {
    expect(await call('takeRecovery')).toMatchObject({ ok: true, value: { text: '{"unsaved":"biopsies"}' } });
    expect(await call('takeRecovery')).toEqual({ ok: true, value: null });
  });

  it('saves into CLONOSCOPE_SAVE_DIR without a dialog when it is set (tests), and can then show the file', async () => {
    const out = path.join(dir, 'exports');
    mkdirSync(out);
    process.env.CLONOSCOPE_SAVE_DIR = out;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;
    expect(await call('saveFile', 'section.png', png)).toEqual({ ok: true, value: path.join(out, 'section.png') });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(readFileSync(path.join(out, 'section.png'))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await call('revealFile', path.join(out, 'section.png'))).toEqual({ ok: true, value: null });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(path.join(out, 'section.png'));
    delete process.env.CLONOSCOPE_SAVE_DIR;
  });

  it('menu items reach the window as commands; About shows the version natively', async () => {
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const template = vi.mocked(Menu.setApplicationMenu).mock.calls.at(-1)![0] as unknown as Item[];
    const item = (label: string) => template.flatMap((m) => m.submenu ?? []).find((i) => i.label === label)!;
    item('Save Workspace').click!();
    await vi.waitFor(() => expect(sent('menu')).toContain('save-workspace'));
    item('About Clonoscope').click!();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledWith(win(), expect.objectContaining({ message: 'Clonoscope 0.1.0' })));
  });

  it('tells the window the OS theme, and when it changes', async () => {
    expect(await call('osTheme')).toBe('light');
    m.dark = true;
    m.themeListeners.forEach((f) => f());
    expect(sent('osTheme')).toEqual(['dark']);
  });

  it('renderingInfo reads the GL renderer (forced software here: --software-gl)', async () => {
    expect(await call('renderingInfo')).toMatchObject({ software: true, detail: expect.stringMatching(/--software-gl/) });
  });

  it('a crashed page gets its autosave back and reloads', async () => {
    await call('autosave', '{"after":"restart"}');
    win().wc.events.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 133 });
    await vi.waitFor(() => expect(win().wc.reload).toHaveBeenCalledOnce());
    expect(await call('takeRecovery')).toMatchObject({ ok: true, value: { text: '{"after":"restart"}' } });
  });

  it('a page that crashes again soon after is not reloaded again; the user is told the work is kept', async () => {
    win().wc.events.get('render-process-gone')!({}, { reason: 'oom', exitCode: 0 });
    await vi.waitFor(() => expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.stringMatching(/stopped again/), expect.stringMatching(/autosaved workspace is kept/)));
    expect(win().wc.reload).toHaveBeenCalledOnce();
  });

  it('records a GPU process crash, so the next start uses software GL', () => {
    m.appEvents.get('child-process-gone')!({}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(JSON.parse(readFileSync(path.join(userData, 'gpu.json'), 'utf8'))).toEqual({ gpuCrashedAt: expect.any(Number) });
  });

  it('closing with unsaved changes asks; Save sends save-and-close and closes on closeAfterSave(true)', async () => {
    await call('setDirty', true);
    vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    m.appEvents.get('before-quit')!();
    win().close();
    await vi.waitFor(() => expect(sent('menu')).toContain('save-and-close'));
    expect(win().destroyed).toBe(false);
    await call('closeAfterSave', true);
    expect(win().destroyed).toBe(true);
    expect(app.quit).toHaveBeenCalled(); // the quit that asked goes on
    const state = JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'));
    expect(state).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false, fullScreen: false });
  });

  it('a clean exit writes the marker and leaves no autosave: the next start offers nothing', () => {
    m.appEvents.get('will-quit')!();
    expect(existsSync(path.join(userData, 'clean-exit.json'))).toBe(true);
    expect(existsSync(path.join(userData, 'autosave.clonoscope.json'))).toBe(false);
  });
});
