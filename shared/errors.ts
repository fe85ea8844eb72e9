// Errors are values: a code for programs, one sentence for the biologist, and where it happened.

export type ErrorCode =
  | 'file-empty' // zero bytes, or nothing but blank and comment lines
  | 'file-binary' // not text: a workbook, an image, HDF5, parquet, ...
  | 'file-unreadable' // the OS refused, or the gzip stream is corrupt
  | 'file-too-large' // over the size cap of the host
  | 'file-unwritable' // a save failed (permissions, disk full); nothing half-written is left
  | 'no-coordinates' // a table, but no x/y columns could be found
  | 'no-rows' // a header but no usable data rows
  | 'not-a-cell-table' // a known companion file (scale factors, panel, ...) opened on its own
  | 'join-no-key' // no column of the annotation table matches the cell ids
  | 'bad-mapping' // a column mapping names columns the file does not have
  | 'cancelled'
  | 'invalid-argument' // an IPC or CLI argument failed validation
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** One sentence a lab member understands; names the file where there is one. */
  readonly message: string;
  readonly file?: string;
  /** 1-based physical line in the file (after decompression). */
  readonly line?: number;
  readonly column?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, where: Omit<AppError, 'code' | 'message'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...where } };
}

/** Thrown inside long computations to unwind to the nearest Result boundary. */
export class AppErrorException extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppErrorException';
  }
}

export function toAppError(e: unknown, file?: string): AppError {
  if (e instanceof AppErrorException) return e.error;
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message: `${file ? `${file}: ` : ''}unexpected error (${detail}).`, ...(file ? { file } : {}) };
}

/** "1,234,567" — thousands separators for messages and the status bar. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
