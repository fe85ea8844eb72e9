// electron/main/menu.ts: the template (pure) has the expected items — every item's label or role,
// accelerator and command is listed here, so an item added, lost or re-bound fails a test.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }));

import { Menu } from 'electron';
import type { RecentFile } from '../../../shared/ipc.ts';
import { installMenu, menuTemplate, type MenuContext } from '../../../electron/main/menu.ts';

type Item = MenuItemConstructorOptions;
const recent: RecentFile[] = [
  { path: '/data/a/cells.csv.gz', name: 'cells.csv.gz', openedAt: 2 },
  { path: '/data/b/cells.csv.gz', name: 'cells.csv.gz', openedAt: 1 },
];

function build(ctx: Partial<MenuContext> = {}) {
  const actions = { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn() };
  const template = menuTemplate({ recent, isPackaged: true, platform: 'linux', ...ctx }, actions);
  return { template, actions };
}
const sub = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const byLabel = (items: Item[], label: string): Item => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item "${label}" in ${items.map((i) => i.label ?? i.role).join(', ')}`);
  return found;
};
const click = (item: Item) => (item.click as () => void)();

describe('menuTemplate', () => {
  it('has File, Edit, View and Help menus (plus the app and Window menus on macOS)', () => {
    expect(build().template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'help']);
    expect(build({ platform: 'darwin' }).template.map((m) => m.label ?? m.role)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu', 'help']);
  });

  it('File: every item, in order, with its accelerator and command (roles carry their own shortcuts)', () => {
    const { template, actions } = build();
    const file = sub(template[0]);
    // [label or role or 'separator', accelerator, command sent]
    const expected: [string, string | undefined, string | undefined][] = [
      ['Open…', 'CmdOrCtrl+O', 'open'],
      ['Open Annotations…', 'CmdOrCtrl+Shift+O', 'open-annotation'],
      ['Open Workspace…', undefined, 'open-workspace'],
      ['Open Recent', undefined, undefined],
      ['separator', undefined, undefined],
      ['Open Sample Data', undefined, 'open-sample-data'],
      ['New Simulated Tumour…', 'CmdOrCtrl+Shift+N', 'new-simulation'],
      ['separator', undefined, undefined],
      ['Save Workspace', 'CmdOrCtrl+S', 'save-workspace'],
      ['Save Workspace As…', 'CmdOrCtrl+Shift+S', 'save-workspace-as'],
      ['Export Figure…', 'CmdOrCtrl+E', 'export-figure'],
      ['separator', undefined, undefined],
      ['Column Mapping…', 'CmdOrCtrl+M', 'column-mapping'],
      ['separator', undefined, undefined],
      ['Close All', undefined, 'close-all'],
      ['close', undefined, undefined],
      ['separator', undefined, undefined],
      ['quit', undefined, undefined],
    ];
    expect(file.map((i) => i.label ?? i.role ?? i.type)).toEqual(expected.map(([name]) => name));
    for (const [i, [name, accelerator, cmd]] of expected.entries()) {
      const item = file[i]!;
      expect(item.accelerator, name).toBe(accelerator);
      if (cmd) {
        click(item);
        expect(actions.command, name).toHaveBeenLastCalledWith(cmd);
      } else expect(item.click, name).toBeUndefined();
    }
    const mac = sub(build({ platform: 'darwin' }).template[1]);
    expect(mac.some((i) => i.role === 'quit')).toBe(false); // Quit is in the app menu on macOS
    expect(mac.some((i) => i.role === 'close')).toBe(true);
  });

  it('puts the sample data and the new simulation after Open Recent, set apart by separators', () => {
    const labels = sub(build().template[0]).map((i) => i.label ?? i.type ?? i.role);
    const at = labels.indexOf('Open Recent');
    expect(labels.slice(at, at + 5)).toEqual(['Open Recent', 'separator', 'Open Sample Data', 'New Simulated Tumour…', 'separator']);
  });

  it('uses every accelerator once', () => {
    const accelerators = build().template.flatMap((m) => sub(m)).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('Open Recent lists the recent files newest first, reopens by path, and can be cleared', () => {
    const { template, actions } = build();
    const items = sub(byLabel(sub(template[0]), 'Open Recent'));
    expect(items.slice(0, 2).map((i) => [i.label, i.toolTip])).toEqual([
      ['cells.csv.gz', '/data/a/cells.csv.gz'],
      ['cells.csv.gz', '/data/b/cells.csv.gz'],
    ]);
    click(items[1]!);
    expect(actions.openRecent).toHaveBeenCalledWith('/data/b/cells.csv.gz');
    const clear = byLabel(items, 'Clear Recent');
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(actions.clearRecent).toHaveBeenCalledOnce();
  });

  it('Open Recent says so when empty', () => {
    const items = sub(byLabel(sub(build({ recent: [] }).template[0]), 'Open Recent'));
    expect(items[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(byLabel(items, 'Clear Recent').enabled).toBe(false);
  });

  it('Edit: Undo and Redo go to the window (its edit history), the clipboard items are standard roles', () => {
    const { template, actions } = build();
    const edit = sub(template[1]);
    expect(edit.map((i) => i.role ?? i.label ?? i.type)).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    expect(byLabel(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel(edit, 'Redo').accelerator).toBe('CmdOrCtrl+Y');
    expect(byLabel(sub(build({ platform: 'darwin' }).template[2]), 'Redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    click(byLabel(edit, 'Undo'));
    click(byLabel(edit, 'Redo'));
    expect(actions.command.mock.calls.map((c) => c[0])).toEqual(['undo', 'redo']);
    expect(edit.slice(3).every((i) => i.accelerator === undefined && i.click === undefined)).toBe(true);
  });

  it('View has zoom, full screen and Toggle Theme; reload and dev tools only when not packaged', () => {
    const { template, actions } = build();
    const view = sub(template[2]);
    expect(view.map((i) => i.role ?? i.label ?? i.type)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen', 'Toggle Theme']);
    expect(view.every((i) => i.accelerator === undefined)).toBe(true);
    click(byLabel(view, 'Toggle Theme'));
    expect(actions.command).toHaveBeenLastCalledWith('toggle-theme');
    const dev = sub(build({ isPackaged: false }).template[2]);
    expect(dev.map((i) => i.role ?? i.label ?? i.type).slice(-3)).toEqual(['separator', 'reload', 'toggleDevTools']);
  });

  it('Help → About Clonoscope shows the native About box (main, with the version), not a window command', () => {
    const { template, actions } = build();
    expect(template.at(-1)!.role).toBe('help');
    const help = sub(template.at(-1));
    expect(help.map((i) => i.label)).toEqual(['About Clonoscope']);
    click(help[0]!);
    expect(actions.about).toHaveBeenCalledOnce();
    expect(actions.command).not.toHaveBeenCalled();
  });

  it('macOS: the app menu (About, Hide, Quit, …) and the Window menu are the standard roles', () => {
    const t = build({ platform: 'darwin' }).template;
    expect(t[0]).toEqual({ role: 'appMenu' });
    expect(t[4]).toEqual({ role: 'windowMenu' });
  });

  it('installMenu sets the application menu', () => {
    installMenu({ recent, isPackaged: true, platform: 'linux' }, { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
