// THE contract between the Electron main process and the window. The preload API, the main
// handlers and the renderer's `window.api` type are all derived from `InvokeApi` and `EventApi`:
// a handler or a call whose types drift from this file does not compile.
//
// Files: the window never names a path. Main grants a token for each file the user chose (dialog,
// drop, recent list, command line) and reads only granted files, in capped chunks.

import type { Result } from './errors.ts';

/** A file the user chose, as the window may know it. */
export interface GrantedFile {
  /** Opaque handle; the only way to read the file. */
  readonly token: string;
  /** Base name ("cells.csv.gz"). */
  readonly name: string;
  /** Full path, for display and the recent list. */
  readonly path: string;
  readonly size: number;
  /** Last modification, ms since epoch (tells a changed file from the one a workspace names). */
  readonly modifiedAt?: number;
}

export interface RecentFile {
  readonly path: string;
  readonly name: string;
  /** ms since epoch */
  readonly openedAt: number;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly electron: string;
  readonly platform: string;
}

export type OpenPurpose = 'cells' | 'annotation';

/** A workspace file main read for the window: its absolute path and its whole text. */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

/** The autosaved workspace a session that did not exit cleanly left behind. */
export interface Recovery {
  readonly text: string;
  /** ms since epoch */
  readonly savedAt: number;
  /** The recovered copy's file: grantRelative(path, p) re-grants the data files that session had open. */
  readonly path?: string;
}

export type OsTheme = 'light' | 'dark';

/** How the window's WebGL is drawn; `detail` is one quiet sentence for the status bar. */
export interface RenderingInfo {
  readonly software: boolean;
  readonly detail: string;
}

/** The workspace file name ending (file association, dialogs). */
export const WORKSPACE_SUFFIX = '.clonoscope.json';

/** Largest workspace text main reads, writes or autosaves (UTF-8 bytes). */
export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024;

/** Largest chunk the window may ask for in one call (bytes). */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** Renderer → main requests (ipcRenderer.invoke / ipcMain.handle). */
export interface InvokeApi {
  /** Shows the native open dialog; an empty list when the user cancels. */
  openFileDialog(purpose: OpenPurpose): Result<GrantedFile[]>;
  /** Bytes [offset, offset + length) of a granted file (fewer at its end). */
  readFileChunk(token: string, offset: number, length: number): Result<ArrayBuffer>;
  /** A file beside a granted one, for formats with companions (Visium scale factors); null if absent. */
  openCompanion(token: string, relativePath: string): Result<GrantedFile | null>;
  /** Grants a file dropped on the window (path from webUtils.getPathForFile in the preload). */
  grantDroppedFile(path: string): Result<GrantedFile>;
  listRecent(): RecentFile[];
  /** Re-grants a file from the recent list (only paths on that list are accepted). */
  openRecent(path: string): Result<GrantedFile>;
  clearRecent(): void;
  appInfo(): AppInfo;
  /**
   * Asks where to save (native save dialog, `suggestedName` in the user's documents folder) and
   * writes the bytes atomically (temporary file, then rename). The saved path, or null if cancelled.
   */
  saveFile(suggestedName: string, bytes: ArrayBuffer): Result<string | null>;
  /** "Show in folder" for a file saved in this session (saveFile, saveWorkspace); any other path is refused. */
  revealFile(path: string): Result<null>;

  // ---- workspaces (text is the workspace JSON; its format is the renderer's) ----
  /** Native open dialog for a workspace; null when cancelled. */
  openWorkspace(): Result<WorkspaceFile | null>;
  /** Reads a workspace dropped on the window (path from pathForFile). */
  openDroppedWorkspace(path: string): Result<WorkspaceFile>;
  /** Reads a workspace from the recent list (only paths on that list are accepted). */
  openRecentWorkspace(path: string): Result<WorkspaceFile>;
  /**
   * Save (`saveAs` false and `currentPath` a workspace opened or saved in this session: written in
   * place) or Save As (a save dialog at `currentPath`, else at `suggestedName` in the documents
   * folder). Atomic. The path written, or null when the user cancelled.
   */
  saveWorkspace(suggestedName: string, text: string, currentPath: string | null, saveAs: boolean): Result<string | null>;
  /**
   * Grants the file a workspace names by `relativePath` (resolved against the workspace's folder;
   * `../data/cells.csv` is fine). Only for workspaces main opened or saved in this session, and only
   * for strings that occur as a value in that workspace's text: in the text main read from disk, or
   * in text the window saved when the file it names is already granted (saving cannot mint grants).
   */
  grantRelative(workspacePath: string, relativePath: string): Result<GrantedFile>;
  /** "Find the moved file": a native open dialog titled with `name`; null when cancelled. */
  relinkFile(name: string): Result<GrantedFile | null>;

  // ---- crash recovery ----
  /** Writes the workspace to the app's data folder (atomic; at most one write per 3 s, the latest text wins). */
  autosave(text: string): Result<null>;
  /** Removes the autosave (after a save, or when the user declines recovery). */
  clearAutosave(): void;
  /**
   * The autosave a previous session left when it did not exit cleanly (or this window's page, after it
   * crashed and reloaded); once, then null. After restoring it, mark the workspace dirty (setDirty):
   * a taken copy is deleted at the next clean exit; one never taken is offered again next start.
   */
  takeRecovery(): Result<Recovery | null>;

  // ---- closing with unsaved changes ----
  /** Whether the workspace has unsaved changes; closing the window then asks Save / Don't Save / Cancel. */
  setDirty(dirty: boolean): void;
  /** Answer to the 'save-and-close' menu command: true (saved) closes the window, false keeps it open. */
  closeAfterSave(saved: boolean): void;

  // ---- appearance ----
  osTheme(): OsTheme;
  renderingInfo(): RenderingInfo;
}

/** Largest file the window may ask main to save (bytes). */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/**
 * Menu commands the window carries out. 'save-and-close' comes when the user closes a window with
 * unsaved changes and picks Save: save as 'save-workspace' does, then answer closeAfterSave(saved).
 * 'about' is no longer sent by the Electron menu (main shows a native About box with the version).
 */
export type MenuCommand =
  | 'open'
  | 'open-annotation'
  | 'open-sample-data'
  | 'new-simulation'
  | 'column-mapping'
  | 'close-all'
  | 'toggle-theme'
  | 'about'
  | 'open-workspace'
  | 'save-workspace'
  | 'save-workspace-as'
  | 'export-figure'
  | 'save-and-close'
  | 'undo'
  | 'redo';

/** Main → renderer notifications (webContents.send / ipcRenderer.on). */
export interface EventApi {
  menu: MenuCommand;
  /** Files to open: command line, second instance, recent menu, OS "open with". */
  openFiles: GrantedFile[];
  /** A workspace to open: command line, second instance, OS "open with", Open Recent menu. */
  workspace: WorkspaceFile;
  /** The OS switched between light and dark. */
  osTheme: OsTheme;
}

export type InvokeChannel = keyof InvokeApi;
export type EventChannel = keyof EventApi;

export const INVOKE_CHANNELS = [
  'openFileDialog',
  'readFileChunk',
  'openCompanion',
  'grantDroppedFile',
  'listRecent',
  'openRecent',
  'clearRecent',
  'appInfo',
  'saveFile',
  'revealFile',
  'openWorkspace',
  'openDroppedWorkspace',
  'openRecentWorkspace',
  'saveWorkspace',
  'grantRelative',
  'relinkFile',
  'autosave',
  'clearAutosave',
  'takeRecovery',
  'setDirty',
  'closeAfterSave',
  'osTheme',
  'renderingInfo',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['menu', 'openFiles', 'workspace', 'osTheme'] as const satisfies readonly EventChannel[];

// Compile-time proof that the lists above name every channel.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
export const channelListsAreComplete: Exhaustive<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> &
  Exhaustive<EventChannel, (typeof EVENT_CHANNELS)[number]> = true;

/** The IPC channel name on the wire. */
export function wireChannel(name: InvokeChannel | EventChannel): string {
  return `clonoscope:${name}`;
}

type Fn = (...args: never[]) => unknown;
type Async<F extends Fn> = (...args: Parameters<F>) => Promise<ReturnType<F>>;

/** `window.api` in the renderer, as the preload exposes it. */
export type RendererApi = { readonly [K in InvokeChannel]: Async<InvokeApi[K]> } & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventApi[E]) => void): () => void;
  /** Path of a dropped File (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: object): string;
};

/** What main must implement: one handler per channel, with exactly the contract's types. */
export type MainHandlers = {
  readonly [K in InvokeChannel]: (...args: Parameters<InvokeApi[K]>) => ReturnType<InvokeApi[K]> | Promise<ReturnType<InvokeApi[K]>>;
};

// ---- argument validation (main runs these on every call before its handler) ----

export type Validated<K extends InvokeChannel> = { ok: true; args: Parameters<InvokeApi[K]> } | { ok: false; reason: string };

const MAX_PATH = 4096;
const isToken = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(v);
const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH && !v.includes('\0');
const isFileName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 255 && !/[\\/\0]/.test(v) && v !== '.' && v !== '..';
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Relative companion paths a format may ask for: a sibling, or a file in a sibling folder. */
export function isCompanionPath(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 512 && /^(\.\.\/[A-Za-z0-9_.-]+\/)?[A-Za-z0-9_. -]+$/.test(v) && !/(^|\/)\.\.?$/.test(v) && !v.startsWith('../..');
}

function arity(args: readonly unknown[], n: number): string | null {
  return args.length === n ? null : `expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`;
}

/** Workspace text: a string no longer than the byte cap (UTF-8 never has fewer bytes than UTF-16 units). */
const isWorkspaceText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_WORKSPACE_BYTES;

function none<K extends InvokeChannel>(a: readonly unknown[]): Validated<K> {
  return a.length === 0 ? ({ ok: true, args: [] as unknown as Parameters<InvokeApi[K]> }) : { ok: false, reason: arity(a, 0)! };
}

function onePath<K extends InvokeChannel>(a: readonly unknown[]): Validated<K> {
  const bad = arity(a, 1) ?? (!isPath(a[0]) ? 'path must be a non-empty string' : null);
  return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0]] as unknown as Parameters<InvokeApi[K]> };
}

function oneBoolean<K extends InvokeChannel>(a: readonly unknown[]): Validated<K> {
  const bad = arity(a, 1) ?? (typeof a[0] !== 'boolean' ? 'expected true or false' : null);
  return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0]] as unknown as Parameters<InvokeApi[K]> };
}

export const VALIDATORS: { readonly [K in InvokeChannel]: (args: readonly unknown[]) => Validated<K> } = {
  openFileDialog: (a) => {
    const bad = arity(a, 1) ?? (a[0] === 'cells' || a[0] === 'annotation' ? null : 'purpose must be "cells" or "annotation"');
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as OpenPurpose] };
  },
  readFileChunk: (a) => {
    const bad = arity(a, 3) ?? (!isToken(a[0]) ? 'token is not a file token' : !isCount(a[1], Number.MAX_SAFE_INTEGER) ? 'offset must be a non-negative integer' : !isCount(a[2], MAX_CHUNK_BYTES) ? `length must be an integer in 0..${MAX_CHUNK_BYTES}` : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string, a[1] as number, a[2] as number] };
  },
  openCompanion: (a) => {
    const bad = arity(a, 2) ?? (!isToken(a[0]) ? 'token is not a file token' : !isCompanionPath(a[1]) ? 'not an allowed companion path' : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string, a[1] as string] };
  },
  grantDroppedFile: onePath,
  listRecent: none,
  openRecent: onePath,
  clearRecent: none,
  appInfo: none,
  saveFile: (a) => {
    const bad =
      arity(a, 2) ??
      (!isFileName(a[0]) ? 'suggestedName must be a plain file name (no folders), at most 255 characters' : !(a[1] instanceof ArrayBuffer) ? 'bytes must be an ArrayBuffer' : a[1].byteLength > MAX_SAVE_BYTES ? 'bytes exceed the 2 GiB limit' : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string, a[1] as ArrayBuffer] };
  },
  revealFile: onePath,
  openWorkspace: none,
  openDroppedWorkspace: onePath,
  openRecentWorkspace: onePath,
  saveWorkspace: (a) => {
    const bad =
      arity(a, 4) ??
      (!isFileName(a[0])
        ? 'suggestedName must be a plain file name (no folders), at most 255 characters'
        : !isWorkspaceText(a[1])
          ? `text must be a string of at most ${MAX_WORKSPACE_BYTES} bytes`
          : a[2] !== null && !isPath(a[2])
            ? 'currentPath must be null or a non-empty path'
            : typeof a[3] !== 'boolean'
              ? 'saveAs must be true or false'
              : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string, a[1] as string, a[2] as string | null, a[3] as boolean] };
  },
  grantRelative: (a) => {
    const bad = arity(a, 2) ?? (!isPath(a[0]) ? 'workspacePath must be a non-empty path' : !isPath(a[1]) ? 'relativePath must be a non-empty path' : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string, a[1] as string] };
  },
  relinkFile: (a) => {
    const bad = arity(a, 1) ?? (!isFileName(a[0]) ? 'name must be a plain file name, at most 255 characters' : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string] };
  },
  autosave: (a) => {
    const bad = arity(a, 1) ?? (!isWorkspaceText(a[0]) ? `text must be a string of at most ${MAX_WORKSPACE_BYTES} bytes` : null);
    return bad ? { ok: false, reason: bad } : { ok: true, args: [a[0] as string] };
  },
  clearAutosave: none,
  takeRecovery: none,
  setDirty: oneBoolean,
  closeAfterSave: oneBoolean,
  osTheme: none,
  renderingInfo: none,
};
