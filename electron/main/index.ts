// Electron main process: lifecycle only. Wiring: app:// protocol (protocol.ts), one window
// (window.ts), typed IPC (ipc.ts + handlers.ts), menu (menu.ts), recent list (recent.ts), and files
// the OS asks us to open (launch.ts). Bundled to .build/main/index.cjs, so __dirname is .build/main.

import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import path from 'node:path';
import type { MenuCommand, RecentFile } from '../../shared/ipc.ts';
import { chooseFiles, chooseSavePath } from './dialogs.ts';
import { createFileGrants } from './files.ts';
import { createHandlers, grantPaths } from './handlers.ts';
import { registerIpc, sendEvent } from './ipc.ts';
import { createOpenQueue, filesFromArgv } from './launch.ts';
import { installMenu } from './menu.ts';
import { handleAppProtocol, registerAppScheme } from './protocol.ts';
import { createRecentList, type RecentList } from './recent.ts';
import { createMainWindow, preloadPath, startPageUrl } from './window.ts';

const buildDir = path.resolve(__dirname, '..');
/** argv entries before the user's: the executable, plus the app path when run as `electron <app>`. */
const argvSkip = process.defaultApp ? 2 : 1;

registerAppScheme(); // must precede 'ready'

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance receives our argv through 'second-instance'
} else {
  start();
}

function start(): void {
  app.setName('Clonoscope');
  const grants = createFileGrants();
  let win: BrowserWindow | null = null;
  let recent: RecentList | null = null;
  let windowsOpened = 0;

  const queue = createOpenQueue((paths) => void deliver(paths));
  queue.push(filesFromArgv(process.argv, process.cwd(), argvSkip));

  async function deliver(paths: string[]): Promise<void> {
    if (!recent || !win) {
      queue.markNotReady();
      return queue.push(paths);
    }
    const { files, problems } = await grantPaths(grants, recent, paths);
    if (files.length > 0) sendEvent(win.webContents, 'openFiles', files);
    if (problems.length > 0) {
      await dialog.showMessageBox(win, { type: 'warning', message: problems.length === 1 ? 'A file could not be opened.' : `${problems.length} files could not be opened.`, detail: problems.join('\n') });
    }
  }

  function openWindow(): BrowserWindow {
    // The first window shows the sample data unless files wait to be opened.
    const url = startPageUrl({ firstWindow: windowsOpened++ === 0, filesWaiting: queue.hasPending() });
    const w = createMainWindow(preloadPath(__dirname), url);
    w.webContents.on('did-start-loading', () => queue.markNotReady());
    w.webContents.on('did-finish-load', () => queue.markReady());
    w.webContents.on('render-process-gone', (_e, d) => console.error(`The window's renderer stopped (${d.reason}).`));
    w.on('closed', () => {
      queue.markNotReady();
      if (win === w) win = null;
    });
    win = w;
    return w;
  }

  function focusWindow(): BrowserWindow {
    const w = win ?? openWindow();
    if (w.isMinimized()) w.restore();
    w.focus();
    return w;
  }

  const menuActions = {
    command: (cmd: MenuCommand) => sendEvent(focusWindow().webContents, 'menu', cmd),
    openRecent: (p: string) => {
      focusWindow();
      queue.push([p]);
    },
    clearRecent: () => void recent?.clear().catch((e: unknown) => console.warn(`The recent-files list could not be cleared (${String(e)}).`)),
  };
  const rebuildMenu = (files: readonly RecentFile[]) => installMenu({ recent: files, isPackaged: app.isPackaged, platform: process.platform }, menuActions);

  // macOS: double-clicked files and dock drops (may fire before 'ready').
  app.on('open-file', (event, file) => {
    event.preventDefault();
    queue.push([file]);
    if (app.isReady()) focusWindow();
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (app.isReady()) focusWindow();
    queue.push(filesFromArgv(argv, workingDirectory, argvSkip));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  /** Where the save dialog opens; the home folder where the OS has no documents folder. */
  function documentsFolder(): string {
    try {
      return app.getPath('documents');
    } catch {
      return app.getPath('home');
    }
  }

  app.whenReady().then(async () => {
    handleAppProtocol(path.join(buildDir, 'renderer'));
    const osRecent = process.platform === 'darwin' || process.platform === 'win32' ? { add: (p: string) => app.addRecentDocument(p), clear: () => app.clearRecentDocuments() } : undefined;
    recent = createRecentList({ file: path.join(app.getPath('userData'), 'recent.json'), onChange: rebuildMenu, ...(osRecent ? { os: osRecent } : {}) });
    registerIpc(
      ipcMain,
      createHandlers({
        grants,
        recent,
        chooseFiles: (purpose) => chooseFiles(win, purpose),
        chooseSavePath: (name) => chooseSavePath(win, name, documentsFolder()),
        appInfo: () => ({ name: app.getName(), version: app.getVersion(), electron: process.versions.electron ?? '', platform: process.platform }),
      }),
      { isGranted: grants.isGranted },
    );
    rebuildMenu(await recent.list().catch(() => []));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  }).catch((e: unknown) => {
    dialog.showErrorBox('Clonoscope could not start', e instanceof Error ? e.message : String(e));
    app.quit();
  });
}
