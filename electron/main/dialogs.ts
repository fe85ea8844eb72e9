// The native open and save dialogs. Cell tables and annotation tables are both delimited text, often
// gzipped (".csv.gz" matches the "gz" filter); "All Files" stays available for odd extensions.

import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import type { OpenPurpose } from '../../shared/ipc.ts';

export const TABLE_EXTENSIONS = ['csv', 'tsv', 'txt', 'gz'] as const;

const ALL_FILES = { name: 'All Files', extensions: ['*'] };

export function openDialogOptions(purpose: OpenPurpose): OpenDialogOptions {
  if (purpose === 'annotation') {
    return {
      title: 'Open annotations (joined to the open cells by id)',
      buttonLabel: 'Open Annotations',
      filters: [{ name: 'Annotation tables (CSV, TSV, gzipped)', extensions: [...TABLE_EXTENSIONS] }, ALL_FILES],
      properties: ['openFile', 'multiSelections'],
    };
  }
  return {
    title: 'Open cell table',
    buttonLabel: 'Open',
    filters: [{ name: 'Cell tables (CSV, TSV, gzipped)', extensions: [...TABLE_EXTENSIONS] }, ALL_FILES],
    properties: ['openFile', 'multiSelections'],
  };
}

/** The paths the user chose; empty when cancelled. */
export async function chooseFiles(win: BrowserWindow | null, purpose: OpenPurpose): Promise<string[]> {
  const options = openDialogOptions(purpose);
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}

const SAVE_KINDS: Readonly<Record<string, string>> = {
  csv: 'CSV table',
  tsv: 'TSV table',
  txt: 'Text file',
  gz: 'Gzipped file',
  png: 'PNG image',
  svg: 'SVG image',
  pdf: 'PDF document',
  json: 'JSON file',
  geojson: 'GeoJSON regions',
};

/** Save-dialog options: `suggestedName` in `folder`, a filter for its extension, then All Files. */
export function saveDialogOptions(suggestedName: string, folder: string): SaveDialogOptions {
  const ext = path.extname(suggestedName).slice(1).toLowerCase();
  const kind = ext ? { name: SAVE_KINDS[ext] ?? `${ext.toUpperCase()} file`, extensions: [ext] } : null;
  return {
    title: 'Save',
    defaultPath: path.join(folder, suggestedName),
    filters: kind ? [kind, ALL_FILES] : [ALL_FILES],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The path the user chose to save to; null when cancelled. */
export async function chooseSavePath(win: BrowserWindow | null, suggestedName: string, folder: string): Promise<string | null> {
  const options = saveDialogOptions(suggestedName, folder);
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}
