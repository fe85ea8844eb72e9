// The application menu. `menuTemplate` is pure (actions come in as callbacks) so it can be tested;
// `installMenu` builds it with Electron. Items that act in the window send a MenuCommand; the
// standard items (undo, zoom, full screen, quit, …) are Electron roles with the platform's shortcuts.

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../shared/ipc.ts';

export interface MenuActions {
  /** Sends `menu` with the command to the window. */
  readonly command: (cmd: MenuCommand) => void;
  /** Reopens a recent entry: a workspace is read and sent as `workspace`, a table granted and sent as `openFiles`. */
  readonly openRecent: (path: string) => void;
  readonly clearRecent: () => void;
  /** The native About box (name and version). */
  readonly about: () => void;
}

export interface MenuContext {
  readonly recent: readonly RecentFile[];
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
}

function recentSubmenu(recent: readonly RecentFile[], actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = recent.map((f) => ({
    label: f.name,
    sublabel: f.path, // shown on macOS; the full path tells same-named files apart
    toolTip: f.path,
    click: () => actions.openRecent(f.path),
  }));
  if (items.length === 0) items.push({ label: 'No Recent Files', enabled: false });
  items.push({ type: 'separator' }, { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() });
  return items;
}

export function menuTemplate(ctx: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const send = (cmd: MenuCommand) => () => actions.command(cmd);
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { label: 'Open Annotations…', sublabel: 'joined to the open cells by id', accelerator: 'CmdOrCtrl+Shift+O', click: send('open-annotation') },
      { label: 'Open Workspace…', click: send('open-workspace') },
      { label: 'Open Recent', submenu: recentSubmenu(ctx.recent, actions) },
      { type: 'separator' },
      { label: 'Open Sample Data', sublabel: 'a simulated primary tumour and metastasis', click: send('open-sample-data') },
      { label: 'New Simulated Tumour…', accelerator: 'CmdOrCtrl+Shift+N', click: send('new-simulation') },
      { type: 'separator' },
      { label: 'Save Workspace', accelerator: 'CmdOrCtrl+S', click: send('save-workspace') },
      { label: 'Save Workspace As…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-workspace-as') },
      { label: 'Export Figure…', accelerator: 'CmdOrCtrl+E', click: send('export-figure') },
      { type: 'separator' },
      { label: 'Column Mapping…', accelerator: 'CmdOrCtrl+M', click: send('column-mapping') },
      { type: 'separator' },
      { label: 'Close All', click: send('close-all') },
      { role: 'close' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // not the undo/redo roles: those only reach text fields, and on macOS the menu takes the keys
      // before the page; the window undoes its region and biopsy edits (or the focused field's text)
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      { label: 'Redo', accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { label: 'Toggle Theme', click: send('toggle-theme') },
      ...(ctx.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  // macOS also has the native About in the app menu (role 'about', fed by app.setAboutPanelOptions).
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ label: 'About Clonoscope', click: () => actions.about() }] };
  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}

export function installMenu(ctx: MenuContext, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(ctx, actions)));
}
