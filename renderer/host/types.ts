// HostApi: everything the window needs from its host. Two implementations: Electron (through the
// preload's window.api) and the browser (file input, drag-and-drop, downloads). Views call this,
// never Electron or the file system directly.

import type { Result } from '../../shared/errors.ts';
import type { GrantedFile, MenuCommand, OpenPurpose } from '../../shared/ipc.ts';

/** A file the user chose. In the browser a File; in Electron a granted token read through main. */
export type FileRef =
  | { readonly kind: 'blob'; readonly file: File; /** relative path for folder drops, else the name */ readonly path: string }
  | { readonly kind: 'granted'; readonly file: GrantedFile };

export function refName(ref: FileRef): string {
  return ref.kind === 'blob' ? ref.file.name : ref.file.name;
}
export function refPath(ref: FileRef): string {
  return ref.kind === 'blob' ? ref.path : ref.file.path;
}
export function refSize(ref: FileRef): number {
  return ref.kind === 'blob' ? ref.file.size : ref.file.size;
}

export interface RecentEntry {
  readonly path: string;
  readonly name: string;
  readonly openedAt: number;
  /** False in the browser when the file must be picked again (no stored handle). */
  readonly reopenable: boolean;
}

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for files (native dialog, or the file input); chosen files arrive via onFiles. */
  requestOpen(purpose: OpenPurpose): Promise<void>;
  /** Files dropped on the window (folders are walked). */
  filesFromDrop(data: DataTransfer): Promise<FileRef[]>;
  /** A file beside `of` (relative path), for formats with companions; null when absent. */
  companion(of: FileRef, relativePath: string, siblings: readonly FileRef[]): Promise<FileRef | null>;
  recent(): Promise<RecentEntry[]>;
  openRecent(entry: RecentEntry): Promise<FileRef | null>;
  clearRecent(): Promise<void>;
  /** Remembers an opened file in the recent list. */
  noteOpened(ref: FileRef): void;
  /** Files chosen by the user, a menu, the command line or the OS. */
  onFiles(listener: (purpose: OpenPurpose, files: FileRef[]) => void): void;
  onMenu(listener: (command: MenuCommand) => void): void;
  /** Saves bytes where the user chooses (Electron: save dialog, atomic write; browser: a download). The path, or null if cancelled. */
  saveFile(suggestedName: string, data: Blob): Promise<Result<string | null>>;
  /** "Show in folder" for a file saved this session (Electron only). */
  reveal?(path: string): Promise<void>;

  // ---- workspaces ----
  /** Save (in place when `currentPath` is this session's workspace and not `saveAs`) or Save As; Electron: atomic. The path or name written, null when cancelled. */
  saveWorkspace(suggestedName: string, text: string, currentPath: string | null, saveAs: boolean): Promise<Result<string | null>>;
  /** Asks for a workspace file (native dialog, or the file input); it arrives via onWorkspace. */
  requestWorkspace(): Promise<void>;
  /** Reads a workspace file that was dropped or chosen with data files. */
  readWorkspace(ref: FileRef): Promise<Result<WorkspaceText>>;
  /** Workspaces opened by a menu, the command line, the OS or the dialog. */
  onWorkspace(listener: (ws: WorkspaceText) => void): void;
  /** A data file a workspace names (relative to the workspace's folder); null when it cannot be reached (moved, or the browser). */
  workspaceFile(workspacePath: string | null, stored: string): Promise<FileRef | null>;
  /** "Find the moved file": the user picks a file in place of `name`; null when cancelled. */
  relink(name: string): Promise<FileRef | null>;

  // ---- crash recovery and closing ----
  /** Keeps the unsaved workspace where a crash cannot lose it (rate-limited by the caller). */
  autosave(text: string): void;
  clearAutosave(): void;
  /** The autosave of a session that ended without saving, once; null when there is none. */
  takeRecovery(): Promise<Recovered | null>;
  /** Unsaved changes: closing the window asks first. */
  setDirty(dirty: boolean): void;
  /** Answer to the 'save-and-close' menu command. */
  closeAfterSave(saved: boolean): void;
  /** One quiet sentence when WebGL is software-rendered (Electron), else null. */
  renderingNote(): Promise<string | null>;
}

/** A workspace file's text and where it is (path null: the browser, which knows only the name). */
export interface WorkspaceText {
  readonly path: string | null;
  readonly name: string;
  readonly text: string;
}

export interface Recovered {
  readonly text: string;
  /** ms since epoch */
  readonly savedAt: number;
  /** The workspace the autosave belongs to, when it had been saved (relative paths resolve against it). */
  readonly path: string | null;
}

export const isWorkspaceName = (name: string): boolean => /\.clonoscope\.json$/i.test(name);
