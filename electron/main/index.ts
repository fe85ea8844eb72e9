// Electron main process: lifecycle only. Wiring: app:// protocol (protocol.ts), software GL when
// needed (gpu.ts), one instance, one window (main-window.ts, window.ts), typed IPC (ipc.ts +
// handlers.ts + session-handlers.ts), menu (menu.ts), recent list (recent.ts), workspaces and crash
// recovery (workspaces.ts, recovery.ts), and files the OS asks us to open (launch.ts, open-paths.ts).
// Bundled to .build/main/index.cjs, so __dirname is .build/main.

import { app, BrowserWindow, dialog, ipcMain, nativeTheme, shell } from 'electron';
import path from 'node:path';
import type { MenuCommand, OsTheme, RecentFile, RenderingInfo } from '../../shared/ipc.ts';
import { chooseFiles, chooseRelink, chooseSavePath, chooseWorkspace, chooseWorkspaceSavePath, confirmReplace, presetSavePath, showAbout } from './dialogs.ts';
import { createFileGrants } from './files.ts';
import { describeRendering, glPlan, glRendererOf, isGpuCrash, readGpuCrash, recordGpuCrash } from './gpu.ts';
import { createHandlers } from './handlers.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { createOpenQueue, filesFromArgv } from './launch.ts';
import { openMainWindow, type MainWindow } from './main-window.ts';
import { installMenu } from './menu.ts';
import { openPaths } from './open-paths.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { createRecentList, type RecentList } from './recent.ts';
import { createRecoveryStore } from './recovery.ts';
import { preloadPath, startPageUrl } from './window.ts';
import { createWorkspaceRegistry } from './workspaces.ts';

const buildDir = path.resolve(__dirname, '..');
/** argv entries before the user's: the executable, plus the app path when run as `electron <app>`. */
const argvSkip = process.defaultApp ? 2 : 1;

// Before 'ready': the scheme, one data folder for development and packaged builds, and the GL switches.
registerAppScheme();
app.setPath('userData', path.join(app.getPath('appData'), 'Clonoscope'));
const userData = app.getPath('userData');
const gl = glPlan({ argv: process.argv, env: process.env, gpuCrashedAt: readGpuCrash(userData), now: Date.now() });
for (const [name, value] of gl.switches) app.commandLine.appendSwitch(name, value);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance receives our argv through 'second-instance'
} else {
  start();
}

function start(): void {
  app.setName('Clonoscope');
  const grants = createFileGrants();
  const written = new Set<string>();
  const workspaces = createWorkspaceRegistry(grants);
  const recovery = createRecoveryStore({ folder: userData });
  let main: MainWindow | null = null;
  let opening: Promise<MainWindow> | null = null;
  let recent: RecentList | null = null;
  let windowsOpened = 0;

  const queue = createOpenQueue((paths) => void deliver(paths));
  queue.push(filesFromArgv(process.argv, process.cwd(), argvSkip));

  async function deliver(paths: string[]): Promise<void> {
    if (!recent || !main) {
      queue.markNotReady();
      return queue.push(paths);
    }
    const win = main.win;
    const { files, workspaces: opened, problems } = await openPaths({ grants, workspaces, recent }, paths);
    if (win.isDestroyed()) return;
    if (files.length > 0) sendEvent(win.webContents, 'openFiles', files);
    for (const ws of opened) sendEvent(win.webContents, 'workspace', ws);
    if (problems.length > 0) {
      await dialog.showMessageBox(win, { type: 'warning', message: problems.length === 1 ? 'A file could not be opened.' : `${problems.length} files could not be opened.`, detail: problems.join('\n') });
    }
  }

  function openWindow(): Promise<MainWindow> {
    // The first window shows the sample data unless files wait to be opened.
    const url = startPageUrl({ firstWindow: windowsOpened++ === 0, filesWaiting: queue.hasPending() });
    opening = openMainWindow({
      preload: preloadPath(__dirname),
      url,
      stateFile: path.join(userData, 'window-state.json'),
      recovery,
      quit: () => app.quit(),
      loading: () => queue.markNotReady(),
      loaded: () => queue.markReady(),
      closed: (w) => {
        queue.markNotReady();
        if (main?.win === w) main = null;
      },
    }).then((m) => ((main = m), m));
    void opening.finally(() => (opening = null));
    return opening;
  }

  async function focusWindow(): Promise<MainWindow> {
    const m = main ?? (await (opening ?? openWindow()));
    if (m.win.isMinimized()) m.win.restore();
    m.win.focus();
    return m;
  }

  const osTheme = (): OsTheme => (nativeTheme.shouldUseDarkColors ? 'dark' : 'light');
  let rendering: Promise<RenderingInfo> | null = null;
  const renderingInfo = () => (rendering ??= glRendererOf(() => app.getGPUInfo('complete')).then((r) => describeRendering(gl.forcedBy, r, String(app.getGPUFeatureStatus().webgl ?? ''))));
  const aboutFacts = () => ({ name: 'Clonoscope', version: app.getVersion(), versions: process.versions });

  const menuActions = {
    // (macOS: with no window open, the menu opens one and the command waits for its page)
    command: (cmd: MenuCommand) => void focusWindow().then(async (m) => (await m.loaded, m.win.isDestroyed() || sendEvent(m.win.webContents, 'menu', cmd))),
    openRecent: (p: string) => {
      void focusWindow();
      queue.push([p]);
    },
    clearRecent: () => void recent?.clear().catch((e: unknown) => console.warn(`The recent-files list could not be cleared (${String(e)}).`)),
    about: () => void showAbout(main?.win ?? null, aboutFacts()),
  };
  const rebuildMenu = (files: readonly RecentFile[]) => installMenu({ recent: files, isPackaged: app.isPackaged, platform: process.platform }, menuActions);

  // macOS: double-clicked files and dock drops (may fire before 'ready').
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queue.push([file]);
    if (app.isReady()) void focusWindow();
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (app.isReady()) void focusWindow();
    queue.push(filesFromArgv(argv, workingDirectory, argvSkip));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => main?.guard.quitting());
  app.on('will-quit', () => recovery.endCleanly()); // the clean-exit marker: no recovery next time
  app.on('child-process-gone', (_event, details) => {
    if (isGpuCrash(details)) recordGpuCrash(userData, Date.now()); // software GL for a while (gpu.ts)
  });

  /** Where the save dialog opens; the home folder where the OS has no documents folder. */
  function documentsFolder(): string {
    try {
      return app.getPath('documents');
    } catch {
      return app.getPath('home');
    }
  }
  const win = () => main?.win ?? null;

  app.whenReady().then(async () => {
    handleAppProtocol(path.join(buildDir, 'renderer'));
    const osRecent = process.platform === 'darwin' || process.platform === 'win32' ? { add: (p: string) => app.addRecentDocument(p), clear: () => app.clearRecentDocuments() } : undefined;
    recent = createRecentList({ file: path.join(userData, 'recent.json'), onChange: rebuildMenu, ...(osRecent ? { os: osRecent } : {}) });
    await recovery.begin().catch((e: unknown) => console.warn(`Crash recovery could not start (${String(e)}).`));
    registerIpc(
      ipcMain,
      createHandlers({
        grants,
        recent,
        written,
        workspaces,
        recovery,
        chooseFiles: (purpose) => chooseFiles(win(), purpose),
        chooseSavePath: async (name) => presetSavePath(process.env, name) ?? chooseSavePath(win(), name, documentsFolder()),
        chooseWorkspace: () => chooseWorkspace(win()),
        chooseWorkspaceSavePath: async (name, near) => presetSavePath(process.env, name) ?? chooseWorkspaceSavePath(win(), name, near, documentsFolder()),
        confirmReplace: (file) => confirmReplace(win(), file),
        chooseRelink: (name) => chooseRelink(win(), name),
        reveal: (file) => shell.showItemInFolder(file),
        closeGuard: () => main?.guard ?? null,
        appInfo: () => ({ name: app.getName(), version: app.getVersion(), electron: process.versions.electron ?? '', platform: process.platform }),
        osTheme,
        renderingInfo,
      }),
      { isGranted: grants.isGranted },
    );
    nativeTheme.on('updated', () => main && !main.win.isDestroyed() && sendEvent(main.win.webContents, 'osTheme', osTheme()));
    if (process.platform !== 'win32') app.setAboutPanelOptions({ applicationName: 'Clonoscope', applicationVersion: app.getVersion() });
    rebuildMenu(await recent.list().catch(() => []));
    await openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0 && !opening) void openWindow();
    });
  }).catch((e: unknown) => {
    dialog.showErrorBox('Clonoscope could not start', e instanceof Error ? e.message : String(e));
    app.quit();
  });
}
