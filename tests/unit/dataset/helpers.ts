// Shared by the dataset tests: load a file from disk the way the app and the CLI do (streamed,
// gzip removed by magic bytes, companions read from beside it), or load bytes held in memory.

import path from 'node:path';
import { fileFacts, fileSource, folderCompanions } from '../../../electron/common/file-source.ts';
import type { CategoryColumn, CellTable, Column, IdColumn, NumberColumn } from '../../../shared/dataset/cell-table.ts';
import { categoryCounts, idAt } from '../../../shared/dataset/cell-table.ts';
import { loadCells, loadColumnTable, type LoadOptions, type LoadedCells } from '../../../shared/dataset/load.ts';
import { bytesSource } from '../../../shared/dataset/source.ts';
import type { AppError, Result } from '../../../shared/errors.ts';
import { FIXTURES } from '../../paths.ts';

export const fixture = (rel: string) => path.join(FIXTURES, rel);

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

/** Loads a file from disk through the same byte source and companion reader as the CLI. */
export async function loadFile(file: string, opts: Partial<LoadOptions> = {}): Promise<Result<LoadedCells>> {
  let facts;
  try {
    facts = await fileFacts(file);
  } catch (e) {
    return { ok: false, error: { code: 'file-unreadable', message: `${file} cannot be opened: ${(e as Error).message}` } };
  }
  return loadCells(fileSource(file, facts.gzip), { fileName: file, sizeHint: facts.textSize, companions: folderCompanions(file), ...opts });
}

export async function loadFileTable(file: string) {
  const facts = await fileFacts(file);
  return loadColumnTable(fileSource(file, facts.gzip), { fileName: file });
}

/** Loads text or bytes held in memory, fed in chunks of `chunkSize`. */
export function loadText(content: string | Uint8Array, fileName = 'cells.csv', chunkSize?: number, opts: Partial<LoadOptions> = {}) {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  return loadCells(bytesSource(bytes, chunkSize), { fileName, ...opts });
}

export function expectOk<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function expectError<T>(r: Result<T>): AppError {
  if (r.ok) throw new Error('expected an error, the load succeeded');
  return r.error;
}

export function column(table: Pick<CellTable, 'columns'>, name: string): Column {
  const c = table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column '${name}' (columns: ${table.columns.map((col) => col.name).join(', ')})`);
  return c;
}

export function numbers(table: Pick<CellTable, 'columns'>, name: string): number[] {
  const c = column(table, name);
  if (c.kind !== 'number') throw new Error(`column '${name}' is ${c.kind}, not number`);
  return Array.from((c as NumberColumn).values);
}

/** Labels of a categorical column row by row (undefined = missing). */
export function labels(table: Pick<CellTable, 'columns'>, name: string): (string | undefined)[] {
  const c = column(table, name);
  if (c.kind !== 'category') throw new Error(`column '${name}' is ${c.kind}, not category`);
  const cat = c as CategoryColumn;
  const missing = cat.codes instanceof Uint16Array ? 0xffff : 0xffffffff;
  return Array.from(cat.codes, (code) => (code === missing ? undefined : cat.labels[code]));
}

export function counts(table: Pick<CellTable, 'columns'>, name: string): Record<string, number> {
  return Object.fromEntries(categoryCounts(column(table, name) as CategoryColumn));
}

export function ids(table: Pick<CellTable, 'columns'>, name: string): string[] {
  const c = column(table, name);
  if (c.kind !== 'id') throw new Error(`column '${name}' is ${c.kind}, not id`);
  const col = c as IdColumn;
  const n = col.strings?.length ?? col.numbers!.length;
  return Array.from({ length: n }, (_, i) => idAt(col, i));
}

/** Every column has exactly n entries. */
export function columnLengths(table: Pick<CellTable, 'columns'>): number[] {
  return table.columns.map((c) => (c.kind === 'number' ? c.values.length : c.kind === 'category' ? c.codes.length : (c.strings?.length ?? c.numbers!.length)));
}

export const f32 = (v: number) => Math.fround(v);
