// The in-memory cell table: one typed array per column, never an object per row.
//
// Invariants:
// - every column has exactly `n` entries, row i of every column is the same cell;
// - `x`, `y` (and `z`) are in `units` (µm after conversion, or px when no pixel size is known);
// - categorical columns are dictionary-encoded; a missing value has code `MISSING_CODE[codes type]`;
// - ids are kept exactly: integers up to 2^53 as Float64, anything else as strings.

export type Units = 'um' | 'px';

/** What a column means to Clonoscope. */
export type ColumnRole =
  | 'x'
  | 'y'
  | 'z'
  | 'id'
  | 'clone'
  | 'region'
  | 'sample'
  | 'phenotype'
  | 'category' // another categorical column (cluster, class, fov, ...)
  | 'measurement' // a numeric column (marker, gene, area, ...)
  | 'other'; // free text, or empty on every row

export interface NumberColumn {
  readonly kind: 'number';
  readonly name: string;
  /** NaN where the file had NA / empty. */
  readonly values: Float32Array;
  /** True when the file wrote values as percent strings ("12.5 %"); values are the numbers as written. */
  readonly percent?: boolean;
}

export interface CategoryColumn {
  readonly kind: 'category';
  readonly name: string;
  readonly codes: Uint16Array | Uint32Array;
  readonly labels: readonly string[];
  /** Free text rather than categories: many distinct values (paths, long strings). */
  readonly text?: boolean;
}

export interface IdColumn {
  readonly kind: 'id';
  readonly name: string;
  /** Integer ids that fit exactly in a double (≤ 2^53); absent when `strings` is set. */
  readonly numbers?: Float64Array;
  /** Ids as written (long integers like MERSCOPE's 19–39 digits, or barcodes). */
  readonly strings?: readonly string[];
}

export type Column = NumberColumn | CategoryColumn | IdColumn;

export const MISSING16 = 0xffff;
export const MISSING32 = 0xffffffff;

export function missingCode(codes: Uint16Array | Uint32Array): number {
  return codes instanceof Uint16Array ? MISSING16 : MISSING32;
}

/** Column names given semantic roles. Coordinates may come from several columns (a bounding box). */
export interface RoleAssignment {
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly z?: readonly string[];
  readonly id?: readonly string[];
  readonly clone?: string;
  readonly region?: string;
  readonly sample?: string;
  readonly phenotype?: string;
}

export interface CellTable {
  readonly n: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly z?: Float32Array;
  readonly units: Units;
  /** µm per unit of the source coordinates when known (1 when the file is in µm). */
  readonly pixelSizeUm?: number;
  /** The section's y axis points up (CosMx global frame); views flip it to show the tissue upright. */
  readonly yUp?: boolean;
  /** Every column of the file (and of joined tables), in file order. */
  readonly columns: readonly Column[];
  readonly roles: RoleAssignment;
}

export function columnByName(table: Pick<CellTable, 'columns'>, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** The id of row i as a string, whatever its storage. */
export function idAt(col: IdColumn, i: number): string {
  if (col.strings) return col.strings[i] ?? '';
  const v = col.numbers![i]!;
  return v === v ? String(v) : '';
}

/** Label of row i of a categorical column, or undefined when missing. */
export function labelAt(col: CategoryColumn, i: number): string | undefined {
  const code = col.codes[i]!;
  return code === missingCode(col.codes) ? undefined : col.labels[code];
}

/** Count of rows per label (missing values are not counted). */
export function categoryCounts(col: CategoryColumn): Map<string, number> {
  const counts = new Float64Array(col.labels.length);
  const missing = missingCode(col.codes);
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i]!;
    if (c !== missing) counts[c]!++;
  }
  const out = new Map<string, number>();
  col.labels.forEach((label, code) => {
    if (counts[code]! > 0) out.set(label, (out.get(label) ?? 0) + counts[code]!);
  });
  return out;
}

/** Every ArrayBuffer a table owns, for transferring it between threads without copying. */
export function transferablesOf(table: CellTable): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike } | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  };
  add(table.x);
  add(table.y);
  add(table.z);
  for (const c of table.columns) {
    if (c.kind === 'number') add(c.values);
    else if (c.kind === 'category') add(c.codes);
    else add(c.numbers);
  }
  return [...set];
}

/** Axis-aligned bounds of the finite coordinates, in table units; NaN when there are none. */
export function boundsOf(table: Pick<CellTable, 'x' | 'y' | 'n'>): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < table.n; i++) {
    const x = table.x[i]!, y = table.y[i]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return table.n > 0 && x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : { x: [NaN, NaN], y: [NaN, NaN] };
}
