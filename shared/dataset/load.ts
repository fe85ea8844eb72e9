// Loading a cell table: bytes → layout → format → mapping → typed columns → CellTable, with
// companions (Visium scale factors, steinbock intensities) read from beside the file.

import { fail, formatCount, ok, toAppError, type Result } from '../errors.ts';
import type { CellTable, Column, RoleAssignment, Units } from './cell-table.ts';
import { formatById, detectFormat, headerlessNames } from './formats/registry.ts';
import { describeCompanionTable } from './formats/known-files.ts';
import type { CellFormat, FormatContext, FormatId } from './formats/types.ts';
import { visiumPixelSize } from './formats/visium.ts';
import { describeJoin, joinColumns, type ColumnTable, type JoinReport } from './join.ts';
import { coordinateColumns, guessCategoryRoles, guessCoordinates, guessId, idColumns, isCategoryLike, mappedColumns, mostlyNumeric, type ColumnMapping, type CoordinateSource } from './mapping.ts';
import { parseNumberString } from './numbers.ts';
import { openText, type OpenedText } from './open-text.ts';
import { parseRows, shortText, type RowError, type Storage } from './parse-rows.ts';
import { cleanHeader, profileColumns, type ColumnProfile } from './profile.ts';
import { noCompanions, readAll, type ByteSource, type CompanionReader } from './source.ts';

export interface LoadOptions {
  /** The file as the user knows it (a path or a name); used in every message. */
  readonly fileName: string;
  /** Expected size of the decompressed text in bytes, to size the columns up front. */
  readonly sizeHint?: number;
  /** The user's mapping choices; they override the format's proposal field by field. */
  readonly mapping?: Partial<ColumnMapping>;
  readonly format?: FormatId;
  /** Keep rows a format would drop (Visium spots outside the tissue). */
  readonly keepAllRows?: boolean;
  readonly companions?: CompanionReader;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (rows: number) => void;
  /** Mappings the user asked the app to remember, by format; used when their columns all exist. */
  readonly remembered?: Partial<Record<FormatId, Partial<ColumnMapping>>>;
}

export interface LoadReport {
  readonly file: string;
  readonly format: FormatId;
  readonly formatLabel: string;
  /** False when the mapping is a guess the user should confirm. */
  readonly sure: boolean;
  readonly notes: readonly string[];
  readonly encoding: string;
  readonly delimiter: string;
  readonly decimalComma: boolean;
  readonly hasHeader: boolean;
  readonly rows: number;
  readonly skippedRows: number;
  readonly errors: readonly RowError[];
  readonly droppedRows: number;
  readonly droppedWhat?: string;
  readonly mapping: ColumnMapping;
  readonly joins: readonly JoinReport[];
}

export interface LoadedCells {
  readonly table: CellTable;
  readonly report: LoadReport;
  /** Everything the loader saw of the columns, for the mapping dialog. */
  readonly profiles: readonly ColumnProfile[];
}

interface Prepared {
  readonly opened: OpenedText;
  readonly ctx: FormatContext;
}

async function prepare(source: ByteSource, fileName: string): Promise<Result<Prepared>> {
  const opened = await openText(source, fileName);
  if (!opened.ok) return opened;
  const { layout } = opened.value;
  const raw = layout.hasHeader ? layout.header : (layout.sampleRows[0] ?? []).map((_, i) => `column ${i + 1}`);
  let names = cleanHeader(raw);
  let ctx: FormatContext = {
    fileName,
    header: names,
    profiles: profileColumns(names, layout.sampleRows, layout.decimalComma),
    hasHeader: layout.hasHeader,
    delimiter: layout.delimiter,
  };
  if (!layout.hasHeader) {
    names = headerlessNames(ctx);
    ctx = { ...ctx, header: names, profiles: profileColumns(names, layout.sampleRows, layout.decimalComma) };
  }
  return ok({ opened: opened.value, ctx });
}

const listColumns = (all: readonly string[]) => {
  const names = all.map((n) => n.replace(/\r?\n|\r/g, '⏎'));
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} columns)` : names.join(', ');
};

function planStorage(profiles: readonly ColumnProfile[], mapping: ColumnMapping | null, required: ReadonlySet<string>): Storage[] {
  // A table without a mapping (annotations joined by id) still keeps its id column exactly.
  const guessed = mapping ? undefined : guessId(profiles, new Set());
  const ids = mapping ? idColumns(mapping.id) : guessed ? [guessed] : [];
  const roleColumns = new Set(mapping ? [mapping.clone, mapping.region, mapping.sample, mapping.phenotype].filter(Boolean) : []);
  return profiles.map((p) => {
    if (required.has(p.name)) return 'number';
    if (ids.length === 1 && ids[0] === p.name) return p.kind === 'text' || p.maxDigits > 15 || (p.kind === 'number' && !p.integer) ? 'id-text' : 'id';
    if (roleColumns.has(p.name)) return 'category';
    // integers too long for a double (MERSCOPE's 19–39-digit ids) keep their digits; those past
    // Float32's exact range (2^24) are kept exactly too: they are keys, not measurements
    if (p.integer && p.maxDigits > 15) return 'id-text';
    if (p.integer && Math.max(Math.abs(p.min), Math.abs(p.max)) > 2 ** 24) return 'id';
    if (p.kind === 'text' || isCategoryLike(p)) return 'category';
    return 'number';
  });
}

function capacityFor(opened: OpenedText, sizeHint: number | undefined): number {
  return sizeHint ? Math.ceil((sizeHint / opened.bytesPerRow) * 1.05) + 16 : 65536;
}

/** Loads a table that has no coordinates (annotations, intensities) as plain columns. */
export async function loadColumnTable(source: ByteSource, opts: LoadOptions): Promise<Result<{ table: ColumnTable; header: readonly string[] }>> {
  try {
    const prep = await prepare(source, opts.fileName);
    if (!prep.ok) return prep;
    return ok(await parseColumnTable(prep.value, opts));
  } catch (e) {
    return { ok: false, error: toAppError(e, opts.fileName) };
  }
}

async function parseColumnTable({ opened, ctx }: Prepared, opts: LoadOptions): Promise<{ table: ColumnTable; header: readonly string[] }> {
  const parsed = await parseRows(opened, {
    fileName: opts.fileName,
    names: ctx.header,
    storage: planStorage(ctx.profiles, null, new Set()),
    required: [],
    optional: ctx.header.map((_, i) => opened.layout.hasHeader && (opened.layout.header[i] ?? '').trim() === ''),
    capacity: capacityFor(opened, opts.sizeHint),
    ...(opts.isCancelled ? { isCancelled: opts.isCancelled } : {}),
  });
  return { table: { n: parsed.n, columns: parsed.columns }, header: ctx.header };
}

export async function loadCells(source: ByteSource, opts: LoadOptions): Promise<Result<LoadedCells>> {
  try {
    const prep = await prepare(source, opts.fileName);
    if (!prep.ok) return prep;
    return await loadPrepared(prep.value, opts);
  } catch (e) {
    return { ok: false, error: toAppError(e, opts.fileName) };
  }
}

async function loadPrepared(prep: Prepared, opts: LoadOptions): Promise<Result<LoadedCells>> {
  const { opened, ctx } = prep;
  const file = opts.fileName;
  const companions = opts.companions ?? noCompanions;
  const format: CellFormat | null = opts.format ? formatById(opts.format) : detectFormat(ctx);
  const primary = format?.companions?.(ctx).find((c) => c.kind === 'primary');
  if (format && primary) return loadThroughPrimary(prep, format, primary.path, primary.on, opts);

  const proposal = format?.propose(ctx) ?? null;
  if (!proposal && !opts.mapping?.x) {
    const known = describeCompanionTable(file, ctx.header);
    if (known) return fail('not-a-cell-table', `${file} ${known}.`, { file });
    if (opened.layout.sampleRows.length === 0) return fail('no-rows', `${file} has no cells to show: it has a header but no data rows.`, { file });
    const named = guessCoordinates(ctx.profiles, true);
    const unusable = named ? [named.x, named.y].map((c) => ctx.profiles.find((p) => p.name === c)!).filter((p) => !mostlyNumeric(p)) : [];
    if (unusable.length) {
      const why = (p: ColumnProfile) => {
        const text = p.examples.find((v) => Number.isNaN(parseNumberString(v, opened.layout.decimalComma)));
        return text === undefined ? `'${p.name}' is empty` : `'${p.name}' holds text ('${shortText(text)}')`;
      };
      return fail('no-coordinates', `${file} has no usable x/y coordinates: ${unusable.map(why).join(' and ')} where numbers were expected. Columns found: ${listColumns(ctx.header)}.`, { file });
    }
    return fail('no-coordinates', `${file} has no x/y coordinate columns. Columns found: ${listColumns(ctx.header)}. ` + 'Choose the coordinate columns yourself, or join this table to a cell table by id.', { file });
  }
  const base: ColumnMapping = proposal?.mapping ?? { x: opts.mapping!.x!, y: opts.mapping!.y ?? opts.mapping!.x!, units: 'um' };
  const remembered = format ? opts.remembered?.[format.id] : undefined;
  const usable = remembered && mappedColumns({ x: '', y: '', units: 'um', ...remembered }).every((c) => c === '' || ctx.header.includes(c)) ? remembered : {};
  const mapping: ColumnMapping = withRoleGuesses({ ...base, ...definedOnly(usable), ...definedOnly(opts.mapping ?? {}) }, ctx.profiles);
  const missing = mappedColumns(mapping).filter((c) => !ctx.header.includes(c));
  if (missing.length) return fail('bad-mapping', `${file} has no column ${missing.map((m) => `'${m}'`).join(', ')}. Columns found: ${listColumns(ctx.header)}.`, { file });

  const coordinateNames = [...coordinateColumns(mapping.x), ...coordinateColumns(mapping.y), ...coordinateColumns(mapping.z)];
  const keep = opts.keepAllRows || !mapping.keepRows ? undefined : mapping.keepRows;
  const requiredNames = new Set(coordinateNames);
  const storage = planStorage(ctx.profiles, mapping, new Set([...requiredNames, ...(keep ? [keep.column] : [])]));
  const parsed = await parseRows(opened, {
    fileName: file,
    names: ctx.header,
    storage,
    required: coordinateNames.map((c) => ctx.header.indexOf(c)),
    ...(keep ? { keep: { index: ctx.header.indexOf(keep.column), equals: keep.equals } } : {}),
    optional: ctx.header.map((_, i) => opened.layout.hasHeader && (opened.layout.header[i] ?? '').trim() === ''),
    capacity: capacityFor(opened, opts.sizeHint),
    ...(opts.isCancelled ? { isCancelled: opts.isCancelled } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  if (parsed.n === 0) {
    const why = parsed.skipped
      ? `all ${formatCount(parsed.skipped)} rows were skipped (line ${parsed.errors[0]!.line}: ${parsed.errors[0]!.message})`
      : parsed.dropped
        ? `all ${formatCount(parsed.dropped)} rows were ${keep!.what}`
        : 'it has a header but no data rows';
    return fail('no-rows', `${file} has no cells to show: ${why}.`, { file });
  }

  const notes = [...(proposal?.notes ?? [])];
  let pixelSizeUm = opts.mapping?.pixelSizeUm ?? mapping.pixelSizeUm;
  const joins: JoinReport[] = [];
  let columns: Column[] = parsed.columns;
  for (const req of format?.companions?.(ctx) ?? []) {
    if (req.kind === 'scalefactors' && pixelSizeUm === undefined && mapping.units === 'px') {
      const found = await companions.read(req.path);
      const size = found ? visiumPixelSize(new TextDecoder().decode(await readAll(found.bytes))) : null;
      if (size) {
        pixelSizeUm = size;
        notes.push(`Pixel size ${size.toPrecision(4)} µm from ${found!.name} (a 65 µm spot spans ${(65 / size).toFixed(1)} px).`);
      } else notes.push(`No ${req.path} beside the file: coordinates stay in image pixels.`);
    }
  }
  const at = (src: CoordinateSource | undefined) => (src === undefined ? undefined : coordinateOf(src, ctx.header, parsed.required));
  const factor = mapping.units === 'mm' ? 1000 : mapping.units === 'um' ? 1 : (pixelSizeUm ?? 1);
  const units: Units = mapping.units === 'px' && pixelSizeUm === undefined ? 'px' : 'um';
  const z = at(mapping.z);
  let table: CellTable = {
    n: parsed.n,
    x: scaled(at(mapping.x)!, factor),
    y: scaled(at(mapping.y)!, factor),
    ...(z ? { z: scaled(z, factor) } : {}),
    units,
    ...(mapping.units === 'mm' ? { pixelSizeUm: 1000 } : pixelSizeUm !== undefined ? { pixelSizeUm } : mapping.units === 'um' ? { pixelSizeUm: 1 } : {}),
    ...(mapping.yUp ? { yUp: true } : {}),
    columns,
    roles: rolesOf(mapping),
  };
  for (const req of format?.companions?.(ctx) ?? []) {
    if (req.kind !== 'join') continue;
    const found = await companions.read(req.path);
    if (!found) continue;
    const annotation = await loadColumnTable(found.bytes, { fileName: found.name, ...(opts.isCancelled ? { isCancelled: opts.isCancelled } : {}) });
    if (!annotation.ok) {
      notes.push(`Could not read ${found.name}: ${annotation.error.message}`);
      continue;
    }
    const joined = joinColumns(table, annotation.value.table, { file: found.name, on: req.on });
    if (joined.ok) {
      table = joined.value.table;
      joins.push(joined.value.report);
      notes.push(describeJoin(joined.value.report));
    } else notes.push(joined.error.message);
  }
  columns = [...table.columns];
  const report: LoadReport = {
    file,
    format: format?.id ?? 'generic',
    formatLabel: format?.label ?? 'Table with x/y columns',
    sure: (proposal?.sure ?? false) || !!opts.mapping?.x,
    notes,
    encoding: opened.encoding,
    delimiter: opened.layout.delimiter,
    decimalComma: opened.layout.decimalComma,
    hasHeader: opened.layout.hasHeader,
    rows: parsed.n,
    skippedRows: parsed.skipped,
    errors: parsed.errors,
    droppedRows: parsed.dropped,
    ...(keep && parsed.dropped ? { droppedWhat: keep.what } : {}),
    mapping: pixelSizeUm !== undefined ? { ...mapping, pixelSizeUm } : mapping,
    joins,
  };
  return ok({ table, report, profiles: ctx.profiles });
}

/** steinbock intensities opened alone: load the regionprops beside it and join these columns on. */
async function loadThroughPrimary(prep: Prepared, format: CellFormat, path: string, on: string, opts: LoadOptions): Promise<Result<LoadedCells>> {
  const companions = opts.companions ?? noCompanions;
  const found = await companions.read(path);
  if (!found)
    return fail('no-coordinates', `${opts.fileName} is a ${format.label} intensity table without coordinates, and ${path} was not found beside it: open the regionprops table, or select both files together.`, { file: opts.fileName });
  const annotation = await parseColumnTable(prep, opts);
  const cells = await loadCells(found.bytes, { ...opts, fileName: found.name, companions: noCompanions });
  if (!cells.ok) return cells;
  const joined = joinColumns(cells.value.table, annotation.table, { file: opts.fileName, on });
  if (!joined.ok) return joined;
  const notes = [`Coordinates from ${found.name}, the regionprops table of these intensities.`, ...cells.value.report.notes, describeJoin(joined.value.report)];
  const report = { ...cells.value.report, file: opts.fileName, joins: [joined.value.report], notes };
  return ok({ table: joined.value.table, report, profiles: cells.value.profiles });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** Fills clone / region / sample / phenotype from column names where the format left them open. */
function withRoleGuesses(m: ColumnMapping, profiles: readonly ColumnProfile[]): ColumnMapping {
  const taken = new Set(mappedColumns(m));
  const guesses = guessCategoryRoles(profiles, taken);
  return {
    ...m,
    clone: m.clone ?? guesses.clone,
    region: m.region ?? guesses.region,
    sample: m.sample ?? guesses.sample,
    phenotype: m.phenotype ?? guesses.phenotype,
  };
}

function rolesOf(m: ColumnMapping): RoleAssignment {
  return {
    x: coordinateColumns(m.x),
    y: coordinateColumns(m.y),
    ...(m.z ? { z: coordinateColumns(m.z) } : {}),
    ...(m.id ? { id: idColumns(m.id) } : {}),
    ...(m.clone ? { clone: m.clone } : {}),
    ...(m.region ? { region: m.region } : {}),
    ...(m.sample ? { sample: m.sample } : {}),
    ...(m.phenotype ? { phenotype: m.phenotype } : {}),
  };
}

function coordinateOf(src: CoordinateSource, header: readonly string[], required: Map<number, Float64Array>): Float64Array {
  if (typeof src === 'string') return required.get(header.indexOf(src))!;
  const lo = required.get(header.indexOf(src.min))!;
  const hi = required.get(header.indexOf(src.max))!;
  const mid = new Float64Array(lo.length);
  for (let i = 0; i < lo.length; i++) mid[i] = (lo[i]! + hi[i]!) / 2;
  return mid;
}

function scaled(values: Float64Array, factor: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * factor;
  return out;
}

