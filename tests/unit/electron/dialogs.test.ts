// electron/main/dialogs.ts: table filters, multiple selection, cancel → []; workspace and relink
// dialogs; the About box; the CLONOSCOPE_SAVE_DIR bypass for end-to-end tests.
import { describe, expect, it, vi } from 'vitest';

const { showOpenDialog, showSaveDialog, showMessageBox } = vi.hoisted(() => ({ showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showOpenDialog, showSaveDialog, showMessageBox } }));

import path from 'node:path';
import { aboutText, chooseFiles, chooseRelink, chooseSavePath, chooseWorkspace, chooseWorkspaceSavePath, confirmReplace, openDialogOptions, openWorkspaceOptions, presetSavePath, relinkOptions, saveDialogOptions, saveWorkspaceOptions, showAbout } from '../../../electron/main/dialogs.ts';

describe('open dialog', () => {
  it.each(['cells', 'annotation'] as const)('offers tables (csv, tsv, txt, gz) and All Files for %s, several at once', (purpose) => {
    const o = openDialogOptions(purpose);
    expect(o.filters![0]!.extensions).toEqual(['csv', 'tsv', 'txt', 'gz']);
    expect(o.filters![1]).toEqual({ name: 'All Files', extensions: ['*'] });
    expect(o.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(o.properties).not.toContain('openDirectory');
  });

  it('returns the chosen paths, or [] when cancelled', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/a.csv', '/d/b.csv.gz'] });
    expect(await chooseFiles(null, 'cells')).toEqual(['/d/a.csv', '/d/b.csv.gz']);
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseFiles(null, 'annotation')).toEqual([]);
  });
});

describe('save dialog', () => {
  const docs = path.resolve('/home/lab/Documents');

  it('opens at the suggested name in the documents folder', () => {
    expect(saveDialogOptions('section.png', docs).defaultPath).toBe(path.join(docs, 'section.png'));
  });

  it.each([
    ['composition.csv', 'CSV table', 'csv'],
    ['section.PNG', 'PNG image', 'png'],
    ['section.svg', 'SVG image', 'svg'],
    ['figure.pdf', 'PDF document', 'pdf'],
    ['biopsies.json', 'JSON file', 'json'],
    ['cells.csv.gz', 'Gzipped file', 'gz'],
    ['tree.nwk', 'NWK file', 'nwk'],
  ])('filters %s as "%s", then All Files', (name, kind, ext) => {
    const o = saveDialogOptions(name, docs);
    expect(o.filters).toEqual([{ name: kind, extensions: [ext] }, { name: 'All Files', extensions: ['*'] }]);
    expect(o.properties).toEqual(expect.arrayContaining(['createDirectory', 'showOverwriteConfirmation']));
  });

  it('offers only All Files for a name without an extension', () => {
    expect(saveDialogOptions('notes', docs).filters).toEqual([{ name: 'All Files', extensions: ['*'] }]);
  });

  it('returns the chosen path, or null when cancelled; the dialog belongs to the window', async () => {
    const win = { id: 1 } as never;
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/figure.png' });
    expect(await chooseSavePath(win, 'figure.png', docs)).toBe('/d/figure.png');
    expect(showSaveDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({ defaultPath: path.join(docs, 'figure.png') }));
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await chooseSavePath(win, 'figure.png', docs)).toBeNull();
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await chooseSavePath(null, 'figure.png', docs)).toBeNull();
  });
});

describe('workspace dialogs', () => {
  const docs = path.resolve('/home/lab/Documents');

  it('open: one workspace file, workspaces first then All Files', async () => {
    const o = openWorkspaceOptions();
    expect(o.properties).toEqual(['openFile']);
    expect(o.filters![0]).toEqual({ name: 'Clonoscope workspaces (*.clonoscope.json)', extensions: ['json'] });
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/t.clonoscope.json'] });
    expect(await chooseWorkspace(null)).toBe('/d/t.clonoscope.json');
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseWorkspace(null)).toBeNull();
  });

  it('save: at the current workspace when there is one, else the suggested name in the documents folder', async () => {
    expect(saveWorkspaceOptions('t.clonoscope.json', null, docs).defaultPath).toBe(path.join(docs, 't.clonoscope.json'));
    expect(saveWorkspaceOptions('t.clonoscope.json', '/lab/a.clonoscope.json', docs).defaultPath).toBe('/lab/a.clonoscope.json');
    expect(saveWorkspaceOptions('t.clonoscope.json', null, docs).properties).toEqual(expect.arrayContaining(['showOverwriteConfirmation']));
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/t.clonoscope.json' });
    expect(await chooseWorkspaceSavePath(null, 't.clonoscope.json', null, docs)).toBe('/d/t.clonoscope.json');
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await chooseWorkspaceSavePath(null, 't.clonoscope.json', null, docs)).toBeNull();
  });

  it('relink: says which file is missing, filtered to its extension', async () => {
    const o = relinkOptions('cells.csv');
    expect(o.title).toBe('Where is cells.csv now?');
    expect(o.filters![0]).toEqual({ name: 'cells.csv and similar (*.csv)', extensions: ['csv'] });
    expect(relinkOptions('README').filters).toEqual([{ name: 'All Files', extensions: ['*'] }]);
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/new/cells.csv'] });
    expect(await chooseRelink(null, 'cells.csv')).toBe('/new/cells.csv');
  });

  it('confirmReplace: Replace is not the default', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await confirmReplace(null, '/d/t.clonoscope.json')).toBe(true);
    expect(showMessageBox).toHaveBeenLastCalledWith(expect.objectContaining({ buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1 }));
    showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await confirmReplace(null, '/d/t.clonoscope.json')).toBe(false);
  });
});

describe('About', () => {
  it('names the app and its version first, then the runtime', async () => {
    const facts = { name: 'Clonoscope', version: '0.1.0', versions: { electron: '41.7.1', chrome: '140.0', node: '22.1.0' } };
    expect(aboutText(facts).message).toBe('Clonoscope 0.1.0');
    expect(aboutText(facts).detail).toMatch(/Electron 41\.7\.1 · Chromium 140\.0 · Node 22\.1\.0$/);
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    await showAbout(null, facts);
    expect(showMessageBox).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'info', title: 'About Clonoscope', message: 'Clonoscope 0.1.0' }));
  });
});

describe('presetSavePath (CLONOSCOPE_SAVE_DIR, for end-to-end tests)', () => {
  it('saves into the folder without a dialog only when the variable names an absolute folder', () => {
    expect(presetSavePath({ CLONOSCOPE_SAVE_DIR: '/tmp/e2e' }, 'section.png')).toBe(path.join('/tmp/e2e', 'section.png'));
    expect(presetSavePath({}, 'section.png')).toBeNull();
    expect(presetSavePath({ CLONOSCOPE_SAVE_DIR: '' }, 'section.png')).toBeNull();
    expect(presetSavePath({ CLONOSCOPE_SAVE_DIR: 'relative/dir' }, 'section.png')).toBeNull();
  });
});
