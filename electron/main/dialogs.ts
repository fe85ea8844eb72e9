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

// ---- workspaces ----

/** "json", not "clonoscope.json": dialogs want one extension without dots (macOS maps it to a file type). */
const WORKSPACE_FILTER = { name: 'Clonoscope workspaces (*.clonoscope.json)', extensions: ['json'] };

export function openWorkspaceOptions(): OpenDialogOptions {
  return { title: 'Open workspace', buttonLabel: 'Open Workspace', filters: [WORKSPACE_FILTER, ALL_FILES], properties: ['openFile'] };
}

/** At `near` (the workspace's current path) when there is one, else `suggestedName` in `folder`. */
export function saveWorkspaceOptions(suggestedName: string, near: string | null, folder: string): SaveDialogOptions {
  return {
    title: 'Save workspace',
    buttonLabel: 'Save Workspace',
    defaultPath: near ?? path.join(folder, suggestedName),
    filters: [WORKSPACE_FILTER, ALL_FILES],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Finding a file a workspace names that has moved: the dialog says which file, filtered to its extension. */
export function relinkOptions(name: string): OpenDialogOptions {
  const ext = path.extname(name).slice(1).toLowerCase();
  return {
    title: `Where is ${name} now?`,
    message: `The workspace uses ${name}, which is no longer where it was. Choose it (or its new version).`,
    buttonLabel: 'Use This File',
    filters: ext ? [{ name: `${name} and similar (*.${ext})`, extensions: [ext] }, ALL_FILES] : [ALL_FILES],
    properties: ['openFile'],
  };
}

async function openOne(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

export const chooseWorkspace = (win: BrowserWindow | null) => openOne(win, openWorkspaceOptions());
export const chooseRelink = (win: BrowserWindow | null, name: string) => openOne(win, relinkOptions(name));

export async function chooseWorkspaceSavePath(win: BrowserWindow | null, suggestedName: string, near: string | null, folder: string): Promise<string | null> {
  const options = saveWorkspaceOptions(suggestedName, near, folder);
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** Asks before replacing `file`; true to replace. */
export async function confirmReplace(win: BrowserWindow | null, file: string): Promise<boolean> {
  const options = { type: 'question' as const, buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1, noLink: true, message: `${path.basename(file)} already exists. Replace it?`, detail: file };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 0;
}

// ---- About ----

export interface AboutFacts {
  readonly name: string;
  readonly version: string;
  readonly versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
}

/** The About box's text: the app and its version first, then the runtime versions. */
export function aboutText(f: AboutFacts): { message: string; detail: string } {
  const runtime = (['electron', 'chrome', 'node'] as const).filter((k) => f.versions[k]).map((k) => `${k === 'chrome' ? 'Chromium' : k[0]!.toUpperCase() + k.slice(1)} ${f.versions[k]}`);
  return {
    message: `${f.name} ${f.version}`,
    detail: `See intratumoral heterogeneity and show biopsy sampling bias on spatial cell tables.\n\n${runtime.join(' · ')}`,
  };
}

export async function showAbout(win: BrowserWindow | null, facts: AboutFacts): Promise<void> {
  const options = { type: 'info' as const, title: `About ${facts.name}`, buttons: ['OK'], noLink: true, ...aboutText(facts) };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

// ---- tests ----

/** The environment variable that makes saves skip the dialog (end-to-end tests only). */
export const SAVE_DIR_ENV = 'CLONOSCOPE_SAVE_DIR';

/**
 * Where a save goes without a dialog: `suggestedName` (already a plain file name, validated) in the
 * folder CLONOSCOPE_SAVE_DIR names — only when that variable is set to an absolute path. Automated
 * tests set it, since they cannot click native dialogs; a user never needs it. Null: ask as usual.
 */
export function presetSavePath(env: NodeJS.ProcessEnv, suggestedName: string): string | null {
  const dir = env[SAVE_DIR_ENV];
  return dir && path.isAbsolute(dir) ? path.join(dir, suggestedName) : null;
}
