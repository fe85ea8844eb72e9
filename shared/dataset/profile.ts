// What the sample rows say about each column: numbers or text, integers, how many distinct values.
// Formats and the mapping use profiles to recognise columns; the loader uses them to pick storage.

import { isNaString, parseNumberString } from './numbers.ts';

export interface ColumnProfile {
  readonly name: string;
  readonly index: number;
  /** number: every non-missing sample value is numeric; text: some are not; empty: all missing. */
  readonly kind: 'number' | 'text' | 'empty';
  readonly integer: boolean;
  readonly percent: boolean;
  /** Longest run of digits in an integer value (ids over 15 digits must stay strings). */
  readonly maxDigits: number;
  readonly distinct: number;
  readonly nonMissing: number;
  /** Non-missing sample values that are numbers (for a 'text' column: how nearly numeric it is). */
  readonly numeric: number;
  readonly min: number;
  readonly max: number;
  /** First few non-missing values as written. */
  readonly examples: readonly string[];
}

const MAX_DISTINCT = 5000;

export function profileColumns(header: readonly string[], rows: readonly string[][], decimalComma: boolean): ColumnProfile[] {
  return header.map((name, index) => {
    let nonMissing = 0, numeric = 0, integer = true, percent = false, maxDigits = 0;
    let min = Infinity, max = -Infinity;
    const seen = new Set<string>();
    const examples: string[] = [];
    for (const row of rows) {
      const raw = row[index];
      if (raw === undefined || isNaString(raw)) continue;
      nonMissing++;
      if (examples.length < 5) examples.push(raw);
      if (seen.size < MAX_DISTINCT) seen.add(raw);
      const v = parseNumberString(raw, decimalComma);
      if (Number.isNaN(v)) continue;
      numeric++;
      if (/%\s*$/.test(raw)) percent = true;
      if (!Number.isInteger(v) || /[.,eE]/.test(raw.trim())) integer = false;
      else maxDigits = Math.max(maxDigits, raw.replace(/[^0-9]/g, '').length);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const kind = nonMissing === 0 ? 'empty' : numeric === nonMissing ? 'number' : 'text';
    return {
      name,
      index,
      kind,
      integer: kind === 'number' && integer,
      percent,
      maxDigits,
      distinct: seen.size,
      nonMissing,
      numeric,
      min: numeric ? min : NaN,
      max: numeric ? max : NaN,
      examples,
    };
  });
}

/**
 * Makes header names usable: trimmed, BOM removed, line breaks inside a quoted name turned into
 * spaces, blanks named by position, duplicates numbered.
 */
export function cleanHeader(raw: readonly string[]): string[] {
  const used = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
    if (name === '') name = `column ${i + 1}`;
    const n = used.get(name) ?? 0;
    used.set(name, n + 1);
    return n === 0 ? name : `${name} (${n + 1})`;
  });
}
