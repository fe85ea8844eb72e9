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
}
