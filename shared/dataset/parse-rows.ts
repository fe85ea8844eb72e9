// Streams every row of an opened text table into column builders. A row is checked (field count,
// coordinates present and numeric) before any column sees it; bad rows are skipped and counted,
// the first ones kept with their line number and reason.

import { AppErrorException, formatCount } from '../errors.ts';
import type { Column } from './cell-table.ts';
import { CategoryBuilder, IdBuilder, NumberBuilder, numbersToCategories, type ColumnBuilder } from './columns.ts';
import { isNaToken, parseNumberBytes } from './numbers.ts';
import type { OpenedText } from './open-text.ts';
import { RowTokenizer, type RowSink } from './tokenizer.ts';

export type Storage = 'number' | 'category' | 'id' | 'id-text';

export interface ParsePlan {
  readonly fileName: string;
  readonly names: readonly string[];
  readonly storage: readonly Storage[];
  /** Columns every row must have as a number (coordinates), kept as Float64. */
  readonly required: readonly number[];
  /** Keep only rows where this column equals this number (the others are dropped, not errors). */
  readonly keep?: { readonly index: number; readonly equals: number };
  /** Columns with no name in the header: rows may leave them out (a trailing delimiter in the header). */
  readonly optional: readonly boolean[];
  readonly capacity: number;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (rows: number) => void;
}

export interface RowError {
  readonly line: number;
  readonly message: string;
}

export interface ParsedRows {
  readonly n: number;
  readonly columns: Column[];
  /** Float64 values of the required columns, by column index. */
  readonly required: Map<number, Float64Array>;
  readonly skipped: number;
  readonly dropped: number;
  readonly errors: RowError[];
}

const MAX_ERRORS_KEPT = 100;
/** Largest coordinate accepted: far beyond any section, and safe in Float32 after unit conversion. */
const MAX_COORDINATE = 1e30;

function preview(decoder: OpenedText['decoder'], b: Uint8Array, s: number, e: number): string {
  return shortText(decoder.decode(b, s, Math.min(e, s + 41), false));
}

/** A value as quoted in a one-line message: at most 40 characters, line breaks shown as ⏎. */
export function shortText(text: string): string {
  const t = text.replace(/\r?\n|\r/g, '⏎');
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

export async function parseRows(opened: OpenedText, plan: ParsePlan): Promise<ParsedRows> {
  const { layout, decoder } = opened;
  const nCols = plan.names.length;
  const builders: ColumnBuilder[] = plan.names.map((name, i) => {
    switch (plan.storage[i]) {
      case 'category':
        return new CategoryBuilder(name, plan.capacity, decoder);
      case 'id':
        return new IdBuilder(name, plan.capacity, decoder, false);
      case 'id-text':
        return new IdBuilder(name, plan.capacity, decoder, true);
      default:
        return new NumberBuilder(name, plan.capacity, false, layout.decimalComma);
    }
  });
  const requiredIdx = [...plan.required];
  const requiredSlot = new Int32Array(nCols).fill(-1); // column → index in requiredIdx
  requiredIdx.forEach((c, k) => (requiredSlot[c] = k));
  const isNumber = Uint8Array.from(builders, (bld) => (bld instanceof NumberBuilder ? 1 : 0));
  const required = requiredIdx.map(() => new NumberBuilder('', plan.capacity, true));
  const requiredValues = new Float64Array(requiredIdx.length);
  const firstDataLine = layout.preambleLines + layout.headerLines + 1;
  const errors: RowError[] = [];
  let n = 0, skipped = 0, dropped = 0;
  const decimalComma = layout.decimalComma;

  const reject = (line: number, message: string) => {
    skipped++;
    if (errors.length < MAX_ERRORS_KEPT) errors.push({ line, message });
  };

  const sink: RowSink = {
    row(b, starts, ends, quoted, count, line, literal, numbers) {
      const inline = numbers?.ok;
      const inlineValues = numbers?.values;
      if (line < firstDataLine) return;
      if (literal) {
        reject(line, 'a quote (") opened here is never closed, so the line cannot be split into fields reliably');
        return;
      }
      if (count !== nCols) {
        if (count === 1 && quoted[0] === 0 && onlySpaces(b, starts[0]!, ends[0]!)) return; // a blank line holding spaces
        const extraBlank = count > nCols && allBlank(b, starts, ends, nCols, Math.min(count, starts.length));
        const missingOptional = count < nCols && plan.optional.slice(count).every(Boolean);
        if (!extraBlank && !missingOptional) {
          reject(line, `expected ${nCols} fields, found ${count}`);
          return;
        }
      }
      for (let k = 0; k < requiredIdx.length; k++) {
        const c = requiredIdx[k]!;
        const s = starts[c]!, e = ends[c]!;
        const v = c >= count ? NaN : inline?.[c] ? inlineValues![c]! : parseNumberBytes(b, s, e, decimalComma);
        // also false for NaN; beyond MAX_COORDINATE a value would overflow Float32 once in µm
        if (!(v <= MAX_COORDINATE && v >= -MAX_COORDINATE)) {
          const name = plan.names[c]!;
          if (c >= count || isNaToken(b, s, e)) reject(line, `'${name}' is empty`);
          else if (v === v) reject(line, `'${name}' is out of range ('${preview(decoder, b, s, e)}')`);
          else {
            const text = preview(decoder, b, s, e);
            const hint = !decimalComma && /^\s*-?\d+,\d+\s*$/.test(text) ? ' — is this a decimal-comma file?' : '';
            reject(line, `'${name}' is not a number ('${text}'${hint})`);
          }
          return;
        }
        requiredValues[k] = v;
      }
      if (plan.keep) {
        const c = plan.keep.index;
        if (c >= count || (inline?.[c] ? inlineValues![c]! : parseNumberBytes(b, starts[c]!, ends[c]!, decimalComma)) !== plan.keep.equals) {
          dropped++;
          return;
        }
      }
      for (let k = 0; k < requiredIdx.length; k++) required[k]!.pushValue(requiredValues[k]!);
      for (let c = 0; c < nCols; c++) {
        const builder = builders[c]!;
        if (c >= count) {
          builder.push(b, 0, 0, false);
          continue;
        }
        const k = requiredSlot[c]!;
        if (k >= 0) {
          (builder as NumberBuilder).pushValue(requiredValues[k]!);
          continue;
        }
        if (isNumber[c] === 1 && inline !== undefined && inline[c] === 1) {
          (builder as NumberBuilder).pushValue(inlineValues![c]!);
          continue;
        }
        if (!builder.push(b, starts[c]!, ends[c]!, quoted[c] === 1)) {
          // text in a column that looked numeric: keep everything as categories from here on
          const promoted = numbersToCategories(builder as NumberBuilder, decoder, plan.capacity);
          builders[c] = promoted;
          isNumber[c] = 0;
          promoted.push(b, starts[c]!, ends[c]!, quoted[c] === 1);
        }
      }
      n++;
    },
  };

  const numericColumns = plan.storage.flatMap((st, i) => (st === 'number' ? [i] : []));
  const tokenizer = new RowTokenizer(layout.delimiter.charCodeAt(0), nCols + 64, 1, undefined, numericColumns, decimalComma);
  let chunks = 0;
  for await (const chunk of opened.bytes) {
    if (plan.isCancelled?.()) throw new AppErrorException({ code: 'cancelled', message: `Loading ${plan.fileName} was cancelled.`, file: plan.fileName });
    tokenizer.push(chunk, sink);
    if ((++chunks & 7) === 0) plan.onProgress?.(n);
  }
  tokenizer.finish(sink);
  plan.onProgress?.(n);

  const columns = builders.map((bld) => bld.finish());
  const requiredOut = new Map<number, Float64Array>();
  requiredIdx.forEach((c, k) => requiredOut.set(c, required[k]!.finishValues() as Float64Array));
  return { n, columns, required: requiredOut, skipped, dropped, errors };
}

function onlySpaces(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] !== 32 && b[i] !== 9 && b[i] !== 13) return false;
  return true;
}

function allBlank(b: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isNaToken(b, starts[i]!, ends[i]!)) return false;
  return true;
}

export function describeSkipped(fileName: string, skipped: number, errors: readonly RowError[]): string {
  if (skipped === 0) return '';
  const first = errors.slice(0, 3).map((e) => `line ${formatCount(e.line)}: ${e.message}`).join('; ');
  return `${fileName}: ${formatCount(skipped)} row${skipped === 1 ? ' was' : 's were'} skipped (${first}${skipped > 3 ? '; …' : ''}).`;
}
