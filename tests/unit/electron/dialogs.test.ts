// electron/main/dialogs.ts: table filters, multiple selection, cancel → [].
import { describe, expect, it, vi } from 'vitest';

const { showOpenDialog, showSaveDialog } = vi.hoisted(() => ({ showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showOpenDialog, showSaveDialog } }));

import path from 'node:path';
import { chooseFiles, chooseSavePath, openDialogOptions, saveDialogOptions } from '../../../electron/main/dialogs.ts';

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
