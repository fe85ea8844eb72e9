// What a loaded table holds, in the shape `clonoscope inspect --json` prints and the app shows.

import { boundsOf, categoryCounts, type CellTable, type Column, type ColumnRole, type Units } from './cell-table.ts';
import type { LoadedCells } from './load.ts';

export type ColumnType = 'number' | 'category' | 'text' | 'id' | 'empty';

export interface ColumnInfo {
  readonly name: string;
  readonly role: ColumnRole;
  readonly type: ColumnType;
}

export function columnType(col: Column): ColumnType {
  if (col.kind === 'id') return 'id';
  if (col.kind === 'category') return col.text ? 'text' : col.labels.length === 0 ? 'empty' : 'category';
  for (let i = 0; i < col.values.length; i++) if (col.values[i] === col.values[i]) return 'number';
  return 'empty';
}

export function columnRole(table: CellTable, col: Column): ColumnRole {
  const r = table.roles;
  if (r.x.includes(col.name)) return 'x';
  if (r.y.includes(col.name)) return 'y';
  if (r.z?.includes(col.name)) return 'z';
  if (r.id?.includes(col.name)) return 'id';
  if (r.clone === col.name) return 'clone';
  if (r.region === col.name) return 'region';
  if (r.sample === col.name) return 'sample';
  if (r.phenotype === col.name) return 'phenotype';
  const type = columnType(col);
  return type === 'category' ? 'category' : type === 'number' ? 'measurement' : 'other';
}

export function describeColumns(table: CellTable): ColumnInfo[] {
  return table.columns.map((c) => ({ name: c.name, role: columnRole(table, c), type: columnType(c) }));
}

/** Categorical columns (not free text, not ids) with their label counts. */
export function categoriesOf(table: CellTable): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of table.columns) {
    if (c.kind !== 'category' || c.text || c.labels.length === 0) continue;
    out[c.name] = Object.fromEntries(categoryCounts(c));
  }
  return out;
}

export interface InspectSummary {
  readonly file: string;
  readonly format: string;
  readonly formatLabel: string;
  readonly rows: number;
  readonly skippedRows: number;
  readonly errors: readonly { line: number; message: string }[];
  readonly droppedRows: number;
  readonly droppedWhat?: string;
  readonly columns: readonly ColumnInfo[];
  readonly units: Units;
  readonly pixelSizeUm?: number;
  readonly bounds: { readonly x: [number, number]; readonly y: [number, number] };
  readonly categories: Record<string, Record<string, number>>;
  readonly samples?: readonly { name: string; rows: number }[];
  readonly joins: LoadedCells['report']['joins'];
  readonly notes: readonly string[];
  readonly encoding: string;
  readonly delimiter: string;
}

export function inspectSummary(loaded: LoadedCells): InspectSummary {
  const { table, report } = loaded;
  const categories = categoriesOf(table);
  const sampleCol = table.roles.sample;
  const samples = sampleCol && categories[sampleCol] ? Object.entries(categories[sampleCol]).map(([name, rows]) => ({ name, rows })) : undefined;
  return {
    file: report.file,
    format: report.format,
    formatLabel: report.formatLabel,
    rows: table.n,
    skippedRows: report.skippedRows,
    errors: report.errors.slice(0, 20),
    droppedRows: report.droppedRows,
    ...(report.droppedWhat ? { droppedWhat: report.droppedWhat } : {}),
    columns: describeColumns(table),
    units: table.units,
    ...(table.pixelSizeUm !== undefined ? { pixelSizeUm: table.pixelSizeUm } : {}),
    bounds: boundsOf(table),
    categories,
    ...(samples ? { samples } : {}),
    joins: report.joins,
    notes: report.notes,
    encoding: report.encoding,
    delimiter: report.delimiter === '\t' ? 'tab' : report.delimiter,
  };
}
