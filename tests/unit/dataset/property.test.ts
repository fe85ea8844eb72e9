// Property-based tests (fast-check): random tables serialised every way the exporters do (delimiter,
// quoting, line ends, final newline, BOM, decimal commas) parse back to the same values in the same
// columns; the same bytes fed in any chunk sizes give the same result; corrupted input never throws,
// never ends in an internal error, and never misaligns columns.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CategoryColumn, NumberColumn } from '../../../shared/dataset/cell-table.ts';
import { MISSING16, MISSING32 } from '../../../shared/dataset/cell-table.ts';
import { joinColumns } from '../../../shared/dataset/join.ts';
import { loadColumnTable, type LoadedCells } from '../../../shared/dataset/load.ts';
import { bytesSource } from '../../../shared/dataset/source.ts';
import { isNaString } from '../../../shared/dataset/numbers.ts';
import { inspectSummary } from '../../../shared/dataset/summary.ts';
import { RowTokenizer } from '../../../shared/dataset/tokenizer.ts';
import type { Result } from '../../../shared/errors.ts';
import { columnLengths, loadText, utf8 } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// Random tables

type Kind = 'float' | 'int' | 'label' | 'text' | 'sparse';
type Cell = number | string | null; // null = missing

interface Table {
  readonly names: string[];
  readonly kinds: Kind[];
  readonly rows: Cell[][];
}

interface Style {
  /** Comment lines before the header (Xenium Explorer writes some, one of them wholly quoted). */
  readonly preamble: string[];
  readonly delimiter: ',' | '\t' | ';';
  readonly quoting: 'minimal' | 'all';
  readonly eol: 'lf' | 'crlf' | 'mixed';
  readonly finalNewline: boolean;
  readonly bom: boolean;
  readonly decimalComma: boolean;
  readonly naToken: string;
  readonly eolPick: number[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZµé';
// values of 4 decimals or integers: written with ≤ 15 digits, so parsing them is exact
const coord = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((v) => v / 1e4);
const float = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((v) => v / 1e4);
const int = fc.integer({ min: -100000, max: 100000 });
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
// free text starts with a letter (so it never looks like a number or an NA token) and may hold
// inner spaces, quotes, newlines and the delimiter itself (written as "{d}")
const text = fc
  .tuple(word, fc.array(fc.constantFrom('a', 'b', ' ', '"', '\n', '\r\n', '{d}', 'x', '7'), { maxLength: 8 }), word)
  .map(([a, mid, b]) => `${a}${mid.join('')}${b}`);

function cellArb(kind: Kind): fc.Arbitrary<Cell> {
  switch (kind) {
    case 'float':
      return float;
    case 'int':
      return int;
    case 'label':
      return fc.constantFrom('clone_A', 'clone_B', 'Tumor', 'Stroma: CD8+');
    case 'text':
      return text;
    case 'sparse':
      return fc.option(float, { freq: 2, nil: null });
  }
}

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    extra: fc.array(fc.constantFrom<Kind>('float', 'int', 'label', 'text', 'sparse'), { maxLength: 6 }),
    xAt: fc.nat(),
    nRows: fc.integer({ min: 1, max: 25 }),
  })
  .chain(({ extra, xAt, nRows }) => {
    const kinds: Kind[] = [...extra];
    const at = xAt % (kinds.length + 1);
    kinds.splice(at, 0, 'float', 'float');
    const names = kinds.map((k, i) => (i === at ? 'x' : i === at + 1 ? 'y' : `${k === 'label' || k === 'text' ? 'note' : 'm'}${i}`));
    const row = fc.tuple(...kinds.map((k, i) => (i === at || i === at + 1 ? coord : cellArb(k))));
    return fc.array(row, { minLength: nRows, maxLength: nRows }).map((rows) => ({ names, kinds, rows: rows as Cell[][] }));
  })
  // a coordinate column needs at least two values so that it reads as a coordinate
  .filter((t) => new Set(t.rows.map((r) => r[t.names.indexOf('x')])).size > 1 && new Set(t.rows.map((r) => r[t.names.indexOf('y')])).size > 1);

const styleArb: fc.Arbitrary<Style> = fc
  .record({
    preamble: fc.array(fc.constantFrom('# exported by pipeline v2', '#Selection name: core', '"#Areas (µm^2): 1,234.5"', '#'), { maxLength: 3 }),
    delimiter: fc.constantFrom<Style['delimiter']>(',', '\t', ';'),
    quoting: fc.constantFrom<Style['quoting']>('minimal', 'all'),
    eol: fc.constantFrom<Style['eol']>('lf', 'crlf', 'mixed'),
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
    decimalComma: fc.boolean(),
    naToken: fc.constantFrom('', 'NA', 'NaN', 'nan', '#N/A'),
    eolPick: fc.array(fc.boolean().map(Number), { minLength: 40, maxLength: 40 }),
  })
  .map((s) => ({ ...s, decimalComma: s.decimalComma && s.delimiter !== ',' }));

function serialise(t: Table, s: Style): Uint8Array {
  return serialiseWithLines(t, s).bytes;
}

/** The bytes, and the physical line (1-based) on which each data row starts. */
function serialiseWithLines(t: Table, s: Style, bad: ReadonlySet<number> = new Set()): { bytes: Uint8Array; lineOfRow: number[] } {
  const d = s.delimiter;
  const field = (v: Cell): string => {
    if (v === null) return s.naToken;
    let out = typeof v === 'number' ? String(v) : v.replaceAll('{d}', d);
    if (typeof v === 'number' && s.decimalComma) out = out.replace('.', ',');
    const needs = /["\r\n]/.test(out) || out.includes(d) || out.startsWith(' ') || out.endsWith(' ');
    return s.quoting === 'all' || needs ? `"${out.replaceAll('"', '""')}"` : out;
  };
  const xAt = t.names.indexOf('x');
  const rows = t.rows.map((r, i) => r.map((v, c) => (bad.has(i) && c === xAt ? 'oops' : field(v))));
  const lines = [...s.preamble, t.names.map(field).join(d), ...rows.map((cells) => cells.join(d))];
  let body = '';
  let physical = 1;
  const lineOfRow: number[] = [];
  lines.forEach((line, i) => {
    if (i >= s.preamble.length + 1) lineOfRow.push(physical);
    const crlf = s.eol === 'crlf' || (s.eol === 'mixed' && s.eolPick[i % s.eolPick.length] === 1);
    const last = i === lines.length - 1;
    body += line + (last && !s.finalNewline ? '' : crlf ? '\r\n' : '\n');
    physical += 1 + (line.match(/\n/g)?.length ?? 0);
  });
  const bytes = utf8(body);
  return { bytes: s.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes, lineOfRow };
}

/** What a column should read back as: numbers (Float32), or labels with spaces trimmed. */
function expected(t: Table, c: number, s: Style): (number | string | undefined)[] {
  return t.rows.map((r) => {
    const v = r[c];
    if (v === null || v === undefined) return t.kinds[c] === 'sparse' ? NaN : undefined;
    if (typeof v === 'number') return Math.fround(v);
    const text = v.replaceAll('{d}', s.delimiter).trim();
    return isNaString(text) ? undefined : text; // a label that spells "NA" or "null" is missing
  });
}

function actual(loaded: LoadedCells, name: string): (number | string | undefined)[] {
  const col = loaded.table.columns.find((c) => c.name === name)!;
  if (col.kind === 'number') return Array.from((col as NumberColumn).values);
  if (col.kind === 'category') {
    const cat = col as CategoryColumn;
    const missing = cat.codes instanceof Uint16Array ? MISSING16 : MISSING32;
    return Array.from(cat.codes, (code) => (code === missing ? undefined : cat.labels[code]));
  }
  throw new Error(`unexpected ${col.kind} column ${name}`);
}

function expectSameLoad(a: Result<LoadedCells>, b: Result<LoadedCells>): void {
  expect(a.ok).toBe(b.ok);
  if (!a.ok || !b.ok) {
    expect(a).toEqual(b);
    return;
  }
  expect(inspectSummary(a.value)).toEqual(inspectSummary(b.value));
  expect(a.value.table.columns).toEqual(b.value.table.columns);
  expect(Array.from(a.value.table.x)).toEqual(Array.from(b.value.table.x));
  expect(Array.from(a.value.table.y)).toEqual(Array.from(b.value.table.y));
}

// ---------------------------------------------------------------------------------------------

describe('random tables round-trip', () => {
  it('every value comes back in its own column, whatever the delimiter, quoting, line ends, BOM or decimal commas', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, async (t, s) => {
        const loaded = await loadText(serialise(t, s), s.delimiter === '\t' ? 'cells.tsv' : 'cells.csv');
        if (!loaded.ok) throw new Error(loaded.error.message);
        const { table, report } = loaded.value;
        expect(report.delimiter).toBe(s.delimiter);
        expect(report.skippedRows).toBe(0);
        expect(report.errors).toEqual([]);
        expect(table.n).toBe(t.rows.length);
        expect(table.columns.map((c) => c.name)).toEqual(t.names);
        expect(columnLengths(table).every((n) => n === table.n)).toBe(true);
        expect(Array.from(table.x)).toEqual(expected(t, t.names.indexOf('x'), s));
        expect(Array.from(table.y)).toEqual(expected(t, t.names.indexOf('y'), s));
        t.names.forEach((name, c) => {
          // an all-integer column named like nothing in particular may come back as numbers; a
          // column of labels as labels; compare value by value either way
          const want = expected(t, c, s);
          const got = actual(loaded.value, name);
          expect(got.map((v) => (typeof v === 'string' && t.kinds[c] !== 'label' && t.kinds[c] !== 'text' ? Number(v) : v))).toEqual(want);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('bad rows are skipped and reported on the physical line where they start (after quoted newlines and comments)', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, fc.array(fc.nat(), { maxLength: 5 }), async (t, s, picks) => {
        const bad = new Set(picks.map((p) => p % t.rows.length));
        // keep two good rows with distinct coordinates so the columns still read as coordinates
        const good = t.rows.map((_, i) => i).filter((i) => !bad.has(i));
        // and most rows good: a column of mostly text is not taken for a coordinate at all
        fc.pre(good.length > bad.size);
        fc.pre(new Set(good.map((i) => t.rows[i]![t.names.indexOf('x')])).size > 1 && new Set(good.map((i) => t.rows[i]![t.names.indexOf('y')])).size > 1);
        const { bytes, lineOfRow } = serialiseWithLines(t, s, bad);
        const loaded = await loadText(bytes, 'cells.csv');
        if (!loaded.ok) throw new Error(loaded.error.message);
        const { table, report } = loaded.value;
        expect(table.n).toBe(good.length);
        expect(report.skippedRows).toBe(bad.size);
        expect(report.errors).toEqual([...bad].sort((a, b) => a - b).map((i) => ({ line: lineOfRow[i], message: "'x' is not a number ('oops')" })));
        expect(Array.from(table.x)).toEqual(good.map((i) => Math.fround(t.rows[i]![t.names.indexOf('x')] as number)));
      }),
      { numRuns: 200 },
    );
  });

  it('the same bytes fed in random chunk sizes give an identical result', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, fc.integer({ min: 1, max: 97 }), async (t, s, chunk) => {
        const bytes = serialise(t, s);
        expectSameLoad(await loadText(bytes, 'cells.csv', chunk), await loadText(bytes, 'cells.csv'));
      }),
      { numRuns: 200 },
    );
  });

  it('chunk sizes do not matter for files larger than the sniffed head either (text turns up late in a number column)', async () => {
    let text = 'cell_id,x,y,score,pad\n';
    for (let i = 0; i < 1200; i++) text += `${i},${i},${i * 2},${i === 900 ? 'high' : (i + 0.5).toFixed(2)},${'p'.repeat(1000)}\n`;
    const bytes = utf8(text);
    const whole = await loadText(bytes, 'cells.csv', 1 << 22);
    for (const chunk of [1 << 20, 65536, 4093]) expectSameLoad(await loadText(bytes, 'cells.csv', chunk), whole);
  });
});

describe('corrupted input', () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), byte: fc.constant(0) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.constantFrom(34, 10, 13, 44, 9, 59, 35) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), byte: fc.constant(0) }),
  );

  function corrupt(bytes: Uint8Array, ms: { kind: string; at: number; byte: number }[]): Uint8Array {
    let b = Array.from(bytes);
    for (const m of ms) {
      if (b.length === 0) break;
      const at = m.at % b.length;
      if (m.kind === 'flip') b[at] = m.byte;
      else if (m.kind === 'truncate') b = b.slice(0, at);
      else if (m.kind === 'insert') b.splice(at, 0, m.byte);
      else b.splice(at, 1);
    }
    return new Uint8Array(b);
  }

  it('never throws, never reports an internal error, never misaligns columns; x and y are finite', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), async (t, s, ms, chunk) => {
        const bytes = corrupt(serialise(t, s), ms);
        const r = await loadText(bytes, 'cells.csv', chunk);
        if (!r.ok) {
          expect(r.error.code).not.toBe('internal');
          expect(r.error.message).toMatch(/^cells\.csv /);
          expect(r.error.message).not.toMatch(/[\r\n]/);
          return;
        }
        const { table, report } = r.value;
        expect(table.n).toBeGreaterThan(0);
        expect(columnLengths(table).every((n) => n === table.n)).toBe(true);
        expect(table.x.length).toBe(table.n);
        expect(table.y.length).toBe(table.n);
        expect(Array.from(table.x).every(Number.isFinite)).toBe(true);
        expect(Array.from(table.y).every(Number.isFinite)).toBe(true);
        expect(report.errors.length).toBeLessThanOrEqual(report.skippedRows);
        for (const e of report.errors) {
          expect(e.line).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/[\r\n]/);
        }
        // errors come in file order
        expect(report.errors.map((e) => e.line)).toEqual([...report.errors.map((e) => e.line)].sort((a, b) => a - b));
        // the same corrupted bytes in one chunk read the same
        expectSameLoad(await loadText(bytes, 'cells.csv'), r);
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary bytes never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('a.csv', 'a.tsv', 'a.txt'), async (bytes, name) => {
        const r = await loadText(bytes, name, 7);
        if (!r.ok) {
          expect(r.error.code).not.toBe('internal');
          expect(r.error.message).not.toMatch(/[\r\n]/);
        } else expect(columnLengths(r.value.table).every((n) => n === r.value.table.n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('annotation tables and joins', () => {
  it('any bytes read as an annotation table and joined onto cells never throw, and keep every column n long', async () => {
    const cells = await loadText('barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres\nAAAC-1,1,0,0,10,20\nAAAG-1,1,0,1,11,21\nAAAT-1,1,1,0,12,22\n', 'tissue_positions.csv');
    if (!cells.ok) throw new Error(cells.error.message);
    const pieces = fc.constantFrom('AAAC-1', 'AAAG-1', 'H2_1_AAAT.1', 'Barcode', 'Cluster', ',', '\t', '\n', '"', '1', 'x', '');
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 40 }), fc.option(fc.constantFrom('Barcode', 'barcode', 'nope'), { nil: undefined }), async (parts, on) => {
        const ann = await loadColumnTable(bytesSource(utf8(parts.join('')), 5), { fileName: 'ann.csv' });
        if (!ann.ok) {
          expect(ann.error.code).not.toBe('internal');
          return;
        }
        expect(columnLengths(ann.value.table).every((n) => n === ann.value.table.n)).toBe(true);
        const joined = joinColumns(cells.value.table, ann.value.table, { file: 'ann.csv', ...(on ? { on } : {}) });
        if (!joined.ok) {
          expect(joined.error.code).toBe('join-no-key');
          return;
        }
        expect(columnLengths(joined.value.table).every((n) => n === 3)).toBe(true);
        const r = joined.value.report;
        expect(r.matched + r.unmatchedCells).toBe(3);
      }),
      { numRuns: 400 },
    );
  });
});

describe('tokenizer', () => {
  function tokenize(bytes: Uint8Array, chunks: number[], maxQuotedSpan?: number) {
    const rows: { fields: string[]; line: number }[] = [];
    const tok = new RowTokenizer(44, 8, 1, maxQuotedSpan);
    const dec = new TextDecoder();
    const sink = {
      row(b: Uint8Array, s: Int32Array, e: Int32Array, q: Uint8Array, n: number, line: number) {
        const fields: string[] = [];
        for (let i = 0; i < Math.min(n, 8); i++) fields.push(`${q[i]}:${dec.decode(b.subarray(s[i], e[i]))}`);
        rows.push({ fields: [String(n), ...fields], line });
      },
    };
    let at = 0;
    for (let k = 0; at < bytes.length; k++) {
      const size = chunks[k % chunks.length]!;
      tok.push(bytes.subarray(at, at + size), sink);
      at += size;
    }
    tok.finish(sink);
    return { rows, unclosed: tok.unclosedQuoteLines };
  }

  const piece = fc.constantFrom('a', 'b1', ',', '"', '""', '\n', '\r', '\r\n', ' ', '');
  const chunks = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 });

  it('splits any byte soup into the same rows and line numbers whatever the chunk boundaries (quotes, CR, CRLF at chunk ends)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), chunks, (parts, sizes) => {
        const bytes = utf8(parts.join(''));
        expect(tokenize(bytes, sizes)).toEqual(tokenize(bytes, [1 << 20]));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up on a runaway quote the same way whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), chunks, fc.integer({ min: 0, max: 12 }), (parts, sizes, span) => {
        const bytes = utf8(parts.join(''));
        expect(tokenize(bytes, sizes, span)).toEqual(tokenize(bytes, [1 << 20], span));
      }),
      { numRuns: 3000 },
    );
  });
});
