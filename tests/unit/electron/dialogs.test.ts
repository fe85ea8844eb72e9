// electron/main/dialogs.ts: table filters, multiple selection, cancel → [].
import { describe, expect, it, vi } from 'vitest';

const showOpenDialog = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));

import { chooseFiles, openDialogOptions } from '../../../electron/main/dialogs.ts';

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
