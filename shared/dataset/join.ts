// Joining annotations (clusters, clone calls, cell types, intensities) onto a cell table by id.
// The key columns are found by matching values; R-mangled barcodes ("H2_1_ACGT….1") are recognised.

import { fail, formatCount, ok, type Result } from '../errors.ts';
import { MISSING16, MISSING32, idAt, labelAt, type CellTable, type Column } from './cell-table.ts';

/** A table without coordinates (annotation / intensities). */
export interface ColumnTable {
  readonly n: number;
  readonly columns: readonly Column[];
}

export interface JoinReport {
  readonly file: string;
  /** Key column in the cell table ("id" columns joined by "_" for composite ids). */
  readonly cellKey: string;
  /** Key column in the annotation table. */
  readonly annotationKey: string;
  /** How annotation keys were rewritten to match (R-mangled barcodes). */
  readonly keyRewrite?: string;
  /** Cells that received annotations. */
  readonly matched: number;
  /** Cells with no annotation row. */
  readonly unmatchedCells: number;
  /** Annotation rows whose key is not a cell of the table. */
  readonly unmatchedAnnotations: number;
  readonly addedColumns: readonly string[];
}

/** Key strings of every row of a column; null for columns that cannot be keys (real numbers). */
function keysOf(col: Column): string[] | null {
  const n = col.kind === 'number' ? col.values.length : col.kind === 'category' ? col.codes.length : (col.strings?.length ?? col.numbers!.length);
  const out = new Array<string>(n);
  if (col.kind === 'id') for (let i = 0; i < n; i++) out[i] = idAt(col, i);
  else if (col.kind === 'category') for (let i = 0; i < n; i++) out[i] = labelAt(col, i) ?? '';
  else {
    for (let i = 0; i < n; i++) {
      const v = col.values[i]!;
      if (v === v && !Number.isInteger(v)) return null;
      out[i] = v === v ? String(v) : '';
    }
  }
  return out;
}

interface Rewrite {
  readonly name: string;
  readonly apply: (k: string) => string;
}
const REWRITES: readonly Rewrite[] = [
  { name: '', apply: (k) => k },
  { name: 'trimmed', apply: (k) => k.trim() },
  // R make.names / inferCNV: "H2_1_ACGTACGTACGTACGT.1" → "ACGTACGTACGTACGT-1"
  { name: 'R-mangled barcodes', apply: (k) => k.replace(/^.*?[_.](?=[ACGTN]{10,}[-.]\d+$)/, '').replace(/\.(\d+)$/, '-$1') },
];

/** The cell table's candidate keys: its id (composite ids joined by "_") and its text columns. */
function cellKeyCandidates(table: CellTable): { name: string; keys: string[] }[] {
  const out: { name: string; keys: string[] }[] = [];
  const ids = table.roles.id ?? [];
  const cols = ids.map((name) => table.columns.find((c) => c.name === name)).filter((c): c is Column => !!c);
  if (cols.length > 1) {
    const parts = cols.map(keysOf);
    if (parts.every(Boolean)) out.push({ name: ids.join('_'), keys: Array.from({ length: table.n }, (_, i) => parts.map((p) => p![i]).join('_')) });
  }
  for (const c of table.columns) {
    if (c.kind === 'number' && !ids.includes(c.name)) continue;
    const keys = keysOf(c);
    if (keys) out.push({ name: c.name, keys });
  }
  return out;
}

const listNames = (names: readonly string[]) =>
  names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} columns)` : names.join(', ');

export interface JoinOptions {
  readonly file: string;
  /** Key column name (in the annotation table, the cell table, or both). */
  readonly on?: string;
}

export function joinColumns(table: CellTable, annotation: ColumnTable, opts: JoinOptions): Result<{ table: CellTable; report: JoinReport }> {
  // With `on`, each side is limited to a column of that name when it has one.
  const pick = <T extends { name: string }>(all: T[]): T[] => {
    const named = opts.on ? all.filter((c) => c.name === opts.on) : [];
    return named.length ? named : all;
  };
  const allCell = cellKeyCandidates(table);
  const allAnn = annotation.columns.map((c) => ({ name: c.name, keys: keysOf(c) })).filter((c): c is { name: string; keys: string[] } => c.keys !== null);
  if (opts.on && !allCell.some((c) => c.name === opts.on) && !allAnn.some((c) => c.name === opts.on)) {
    const names = listNames(annotation.columns.map((c) => c.name));
    return fail('join-no-key', `${opts.file}: there is no key column '${opts.on}' in it or in the cell table (its columns: ${names}).`, { file: opts.file, column: opts.on });
  }
  const cellCandidates = pick(allCell);
  const annCandidates = pick(allAnn);
  let best: { cell: (typeof cellCandidates)[number]; ann: (typeof annCandidates)[number]; rewrite: Rewrite; hits: number } | null = null;
  // Score = distinct annotation keys found among the cells: a label column ("1".."8") that happens
  // to match a category of the cells scores its handful of labels, the real key every row.
  for (const cell of cellCandidates) {
    const set = new Set(cell.keys);
    for (const ann of annCandidates) {
      const head = ann.keys.slice(0, 5000).filter((k) => k !== '');
      const probe = [...new Set(head)];
      // a key names rows: a column that repeats its values (cluster numbers, labels) is not one
      if (probe.length < 0.8 * head.length) continue;
      for (const rewrite of REWRITES) {
        const found = new Set<string>();
        for (const k of probe) {
          const key = rewrite.apply(k);
          if (set.has(key)) found.add(key);
        }
        const hits = found.size;
        if (hits > 0 && hits >= 0.05 * probe.length && (!best || hits > best.hits)) best = { cell, ann, rewrite, hits };
        if (hits === probe.length) break;
      }
    }
  }
  if (!best) {
    const names = listNames(annotation.columns.map((c) => c.name));
    return fail('join-no-key', `${opts.file}: none of its columns (${names}) matches the ids of the cells${opts.on ? ` on '${opts.on}'` : ''}.`, { file: opts.file });
  }
  const { cell, ann, rewrite } = best;
  const rowOf = new Map<string, number>();
  ann.keys.forEach((k, i) => {
    const key = rewrite.apply(k);
    if (key !== '' && !rowOf.has(key)) rowOf.set(key, i);
  });
  const cellKeys = new Set(cell.keys);
  let unmatchedAnnotations = 0;
  for (const k of rowOf.keys()) if (!cellKeys.has(k)) unmatchedAnnotations++;
  const index = new Int32Array(table.n);
  let matched = 0;
  for (let i = 0; i < table.n; i++) {
    const r = rowOf.get(cell.keys[i]!);
    index[i] = r ?? -1;
    if (r !== undefined) matched++;
  }
  const existing = new Set(table.columns.map((c) => c.name));
  const added: Column[] = [];
  for (const col of annotation.columns) {
    if (col.name === ann.name) continue;
    let name = col.name;
    if (existing.has(name)) name = `${col.name} (${opts.file.replace(/^.*[\\/]/, '')})`;
    existing.add(name);
    added.push(gather(col, name, index));
  }
  const report: JoinReport = {
    file: opts.file,
    cellKey: cell.name,
    annotationKey: ann.name,
    ...(rewrite.name ? { keyRewrite: rewrite.name } : {}),
    matched,
    unmatchedCells: table.n - matched,
    unmatchedAnnotations,
    addedColumns: added.map((c) => c.name),
  };
  return ok({ table: { ...table, columns: [...table.columns, ...added] }, report });
}

/** Column `col` reordered to the cell table's rows; index -1 gives a missing value. */
function gather(col: Column, name: string, index: Int32Array): Column {
  const n = index.length;
  if (col.kind === 'number') {
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = index[i]! < 0 ? NaN : col.values[index[i]!]!;
    return { kind: 'number', name, values, ...(col.percent ? { percent: true } : {}) };
  }
  if (col.kind === 'category') {
    const wide = col.codes instanceof Uint32Array;
    const codes = wide ? new Uint32Array(n) : new Uint16Array(n);
    const missing = wide ? MISSING32 : MISSING16;
    for (let i = 0; i < n; i++) codes[i] = index[i]! < 0 ? missing : col.codes[index[i]!]!;
    return { kind: 'category', name, codes, labels: col.labels, ...(col.text ? { text: true } : {}) };
  }
  const strings = Array.from(index, (r) => (r < 0 ? '' : idAt(col, r)));
  return { kind: 'id', name, strings };
}

export function describeJoin(r: JoinReport): string {
  return (
    `Joined ${r.file} on ${r.annotationKey} = ${r.cellKey}${r.keyRewrite ? ` (${r.keyRewrite})` : ''}: ` +
    `${formatCount(r.matched)} cells matched, ${formatCount(r.unmatchedCells)} without annotation, ` +
    `${formatCount(r.unmatchedAnnotations)} annotation rows not in the table.`
  );
}
