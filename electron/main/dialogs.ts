// The native open dialog. Cell tables and annotation tables are both delimited text, often gzipped
// (".csv.gz" matches the "gz" filter); "All Files" stays available for odd extensions.

import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { OpenPurpose } from '../../shared/ipc.ts';

export const TABLE_EXTENSIONS = ['csv', 'tsv', 'txt', 'gz'] as const;

export function openDialogOptions(purpose: OpenPurpose): OpenDialogOptions {
  const all = { name: 'All Files', extensions: ['*'] };
  if (purpose === 'annotation') {
    return {
      title: 'Open annotations (joined to the open cells by id)',
      buttonLabel: 'Open Annotations',
      filters: [{ name: 'Annotation tables (CSV, TSV, gzipped)', extensions: [...TABLE_EXTENSIONS] }, all],
      properties: ['openFile', 'multiSelections'],
    };
  }
  return {
    title: 'Open cell table',
    buttonLabel: 'Open',
    filters: [{ name: 'Cell tables (CSV, TSV, gzipped)', extensions: [...TABLE_EXTENSIONS] }, all],
    properties: ['openFile', 'multiSelections'],
  };
}

/** The paths the user chose; empty when cancelled. */
export async function chooseFiles(win: BrowserWindow | null, purpose: OpenPurpose): Promise<string[]> {
  const options = openDialogOptions(purpose);
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}
