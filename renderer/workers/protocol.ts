// Messages between the window and the parse worker. Files travel as FileRef: a File (cloned, not
// copied) in the browser, a granted token in Electron — whose bytes the window fetches on request.

import type { LoadedCells } from '../../shared/dataset/load.ts';
import type { ColumnMapping } from '../../shared/dataset/mapping.ts';
import type { FormatId } from '../../shared/dataset/formats/types.ts';
import type { ColumnTable } from '../../shared/dataset/join.ts';
import type { Result } from '../../shared/errors.ts';
import type { FileRef } from '../host/types.ts';

export interface WorkerLoadOptions {
  readonly mapping?: Partial<ColumnMapping>;
  readonly format?: FormatId;
  readonly keepAllRows?: boolean;
  /** Mappings the user asked to remember, by format. */
  readonly remembered?: Partial<Record<FormatId, Partial<ColumnMapping>>>;
}

export type ToWorker =
  | { readonly type: 'load'; readonly purpose: 'cells' | 'annotation'; readonly file: FileRef; readonly options: WorkerLoadOptions }
  | { readonly type: 'chunk'; readonly requestId: number; readonly result: Result<ArrayBuffer> }
  | { readonly type: 'companion'; readonly requestId: number; readonly file: FileRef | null };

export interface Progress {
  /** Bytes of the file read so far (compressed bytes for .gz). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
  /** ms since the load started */
  readonly elapsedMs: number;
}

export type FromWorker =
  | ({ readonly type: 'progress' } & Progress)
  | { readonly type: 'read-chunk'; readonly requestId: number; readonly token: string; readonly offset: number; readonly length: number }
  | { readonly type: 'find-companion'; readonly requestId: number; readonly of: FileRef; readonly relativePath: string }
  | { readonly type: 'cells'; readonly result: Result<LoadedCells>; readonly elapsedMs: number }
  | { readonly type: 'columns'; readonly result: Result<{ table: ColumnTable; header: readonly string[] }>; readonly elapsedMs: number };
