// electron/main/menu.ts: the template (pure) has the expected items, accelerators and commands.
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
  const actions = { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
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

  it('File has Open…, Open Annotations…, Open Recent, the sample data, a new simulation, Column Mapping…, Close All with their accelerators and commands', () => {
    const { template, actions } = build();
    const file = sub(template[0]);
    const expected: [string, string | undefined, string][] = [
      ['Open…', 'CmdOrCtrl+O', 'open'],
      ['Open Annotations…', 'CmdOrCtrl+Shift+O', 'open-annotation'],
      ['Open Sample Data', undefined, 'open-sample-data'],
      ['New Simulated Tumour…', 'CmdOrCtrl+Shift+N', 'new-simulation'],
      ['Column Mapping…', 'CmdOrCtrl+M', 'column-mapping'],
      ['Close All', undefined, 'close-all'],
    ];
    for (const [label, accelerator, cmd] of expected) {
      const item = byLabel(file, label);
      expect(item.accelerator, label).toBe(accelerator);
      click(item);
      expect(actions.command).toHaveBeenLastCalledWith(cmd);
    }
    expect(file.some((i) => i.role === 'quit')).toBe(true);
    expect(build({ platform: 'darwin' }).template[1]!.submenu).not.toContainEqual({ role: 'quit' });
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

  it('Edit has the standard roles', () => {
    expect(sub(build().template[1]).map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has zoom, full screen and Toggle Theme; dev tools only when not packaged', () => {
    const { template, actions } = build();
    const view = sub(template[2]);
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    click(byLabel(view, 'Toggle Theme'));
    expect(actions.command).toHaveBeenLastCalledWith('toggle-theme');
    const dev = sub(build({ isPackaged: false }).template[2]);
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('Help → About Clonoscope sends about', () => {
    const { template, actions } = build();
    click(byLabel(sub(template.at(-1)), 'About Clonoscope'));
    expect(actions.command).toHaveBeenLastCalledWith('about');
  });

  it('installMenu sets the application menu', () => {
    installMenu({ recent, isPackaged: true, platform: 'linux' }, { command: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
