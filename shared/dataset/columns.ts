// Column builders: turn field bytes into typed arrays as rows stream by.
// Numbers are parsed from bytes; categories are looked up by a hash of their bytes, so a label is
// decoded to a string only the first time it is seen.

import { MISSING16, MISSING32, type Column } from './cell-table.ts';
import { isNaToken, lastParse, parseNumberBytes } from './numbers.ts';

const QUOTE = 34;

export interface FieldDecoder {
  decode(b: Uint8Array, start: number, end: number, quoted: boolean): string;
}

export function makeFieldDecoder(decoder: TextDecoder): FieldDecoder {
  return {
    decode(b, start, end, quoted) {
      let ascii = true;
      for (let i = start; i < end; i++) if (b[i]! > 127) { ascii = false; break; }
      let s: string;
      if (ascii && end - start < 64) {
        s = '';
        for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
      } else s = decoder.decode(b.subarray(start, end));
      return quoted && s.includes('""') ? s.replaceAll('""', '"') : s;
    },
  };
}

function grow<T extends Float32Array | Float64Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5) + 1024));
  next.set(a);
  return next;
}

function shrink<T extends Float32Array | Float64Array | Uint32Array>(a: T, n: number): T {
  // Copy when the slack is large so the spare capacity is freed; a view otherwise (copying every
  // column costs more than the few per cent of memory a good size estimate leaves over).
  return (a.length - n > 4096 && a.length > n * 1.25 ? a.slice(0, n) : a.subarray(0, n)) as T;
}

/** Numbers (Float32, or Float64 for coordinates that are converted afterwards). */
export class NumberBuilder {
  values: Float32Array | Float64Array;
  n = 0;
  percent = false;
  constructor(readonly name: string, capacity: number, wide = false, private readonly decimalComma = false) {
    this.values = wide ? new Float64Array(capacity) : new Float32Array(capacity);
  }
  /** Parses and appends; false (nothing appended) when the field is text rather than a number. */
  push(b: Uint8Array, s: number, e: number): boolean {
    const v = parseNumberBytes(b, s, e, this.decimalComma);
    if (v !== v) {
      if (!isNaToken(b, s, e)) return false;
    } else if (lastParse.percent) this.percent = true;
    if (this.n === this.values.length) this.values = grow(this.values, this.n + 1);
    this.values[this.n++] = v;
    return true;
  }
  pushValue(v: number): void {
    if (this.n === this.values.length) this.values = grow(this.values, this.n + 1);
    this.values[this.n++] = v;
  }
  truncate(n: number): void {
    this.n = Math.min(this.n, n);
  }
  finishValues(): Float32Array | Float64Array {
    return shrink(this.values, this.n);
  }
  finish(): Column {
    const values = this.values instanceof Float32Array ? shrink(this.values, this.n) : Float32Array.from(this.values.subarray(0, this.n));
    return { kind: 'number', name: this.name, values, ...(this.percent ? { percent: true } : {}) };
  }
}

/** Dictionary-encoded labels. */
export class CategoryBuilder {
  codes: Uint32Array;
  n = 0;
  readonly labels: string[] = [];
  private readonly byLabel = new Map<string, number>();
  /** Byte spellings seen so far ("aliases") and the label code each stands for. */
  private readonly rawBytes: Uint8Array[] = [];
  private readonly aliasCode: number[] = [];
  /** Open-addressing table of aliases by hash of their bytes: slot holds alias + 1 (0 = empty). */
  private slots = new Int32Array(256);
  private slotHash = new Int32Array(256);
  /** The alias matched last: consecutive rows often repeat a label. */
  private last = -1;
  constructor(readonly name: string, capacity: number, private readonly decoder: FieldDecoder) {
    this.codes = new Uint32Array(capacity);
  }
  private same(alias: number, b: Uint8Array, s: number, e: number): boolean {
    const raw = this.rawBytes[alias]!;
    if (raw.length !== e - s) return false;
    for (let k = 0; k < raw.length; k++) if (raw[k] !== b[s + k]) return false;
    return true;
  }
  push(b: Uint8Array, s: number, e: number, quoted: boolean): true {
    if (this.n === this.codes.length) this.codes = grow(this.codes, this.n + 1);
    if (isNaToken(b, s, e)) {
      this.codes[this.n++] = MISSING32;
      return true;
    }
    // trim spaces: "Tumor " and "Tumor" are one category
    while (s < e && b[s] === 32) s++;
    while (e > s && b[e - 1] === 32) e--;
    if (this.last >= 0 && !quoted && this.same(this.last, b, s, e)) {
      this.codes[this.n++] = this.aliasCode[this.last]!;
      return true;
    }
    let h = 0x811c9dc5 ^ (quoted ? QUOTE : 0);
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let slot = this.slots[i]!; slot !== 0; slot = this.slots[(i = (i + 1) & mask)]!) {
      if (this.slotHash[i] === h && this.same(slot - 1, b, s, e)) {
        this.last = quoted ? -1 : slot - 1;
        this.codes[this.n++] = this.aliasCode[slot - 1]!;
        return true;
      }
    }
    const label = this.decoder.decode(b, s, e, quoted);
    let code = this.byLabel.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.byLabel.set(label, code);
    }
    // remember these exact bytes for this code (another spelling of a known label gets its own entry)
    const alias = this.rawBytes.length;
    this.rawBytes.push(b.slice(s, e));
    this.aliasCode.push(code);
    this.slots[i] = alias + 1;
    this.slotHash[i] = h;
    if (this.rawBytes.length * 2 > this.slots.length) this.rehash();
    this.codes[this.n++] = code;
    return true;
  }
  /** Doubles the alias table (kept at most half full). */
  private rehash(): void {
    const old = this.slots, oldHash = this.slotHash;
    this.slots = new Int32Array(old.length * 2);
    this.slotHash = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < old.length; k++) {
      if (old[k] === 0) continue;
      let i = oldHash[k]! & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = old[k]!;
      this.slotHash[i] = oldHash[k]!;
    }
  }
  pushLabel(label: string | undefined): void {
    if (this.n === this.codes.length) this.codes = grow(this.codes, this.n + 1);
    if (label === undefined) {
      this.codes[this.n++] = MISSING32;
      return;
    }
    let code = this.byLabel.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.byLabel.set(label, code);
    }
    this.codes[this.n++] = code;
  }
  truncate(n: number): void {
    this.n = Math.min(this.n, n);
  }
  finish(): Column {
    const n = this.n;
    let codes: Uint16Array | Uint32Array;
    if (this.labels.length < MISSING16) {
      codes = new Uint16Array(n);
      const src = this.codes;
      for (let i = 0; i < n; i++) {
        const c = src[i]!;
        codes[i] = c === MISSING32 ? MISSING16 : c;
      }
    } else codes = shrink(this.codes, n);
    // free text: many distinct values (paths, names), or settings strings hundreds of characters long
    const text = (this.labels.length > 1000 && this.labels.length > n / 20) || this.labels.some((l) => l.length > 200);
    return { kind: 'category', name: this.name, codes, labels: this.labels, ...(text ? { text: true } : {}) };
  }
}

/** Ids: integers up to 15 digits as Float64 (exact); anything else keeps its text. */
export class IdBuilder {
  private numbers: Float64Array | null;
  private strings: string[] | null = null;
  n = 0;
  constructor(readonly name: string, capacity: number, private readonly decoder: FieldDecoder, asText: boolean) {
    this.numbers = asText ? null : new Float64Array(capacity);
    if (asText) this.strings = [];
  }
  push(b: Uint8Array, s: number, e: number, quoted: boolean): true {
    if (this.numbers) {
      const v = isNaToken(b, s, e) ? NaN : smallInteger(b, s, e);
      if (v !== null) {
        if (this.n === this.numbers.length) this.numbers = grow(this.numbers, this.n + 1);
        this.numbers[this.n++] = v;
        return true;
      }
      this.toStrings();
    }
    this.strings!.push(isNaToken(b, s, e) ? '' : this.decoder.decode(b, s, e, quoted).trim());
    this.n++;
    return true;
  }
  private toStrings(): void {
    const nums = this.numbers!;
    this.strings = Array.from(nums.subarray(0, this.n), (v) => (v === v ? String(v) : ''));
    this.numbers = null;
  }
  truncate(n: number): void {
    this.n = Math.min(this.n, n);
    if (this.strings) this.strings.length = this.n;
  }
  finish(): Column {
    return this.numbers
      ? { kind: 'id', name: this.name, numbers: shrink(this.numbers, this.n) }
      : { kind: 'id', name: this.name, strings: this.strings! };
  }
}

/** A non-negative decimal integer of at most 15 digits (exact as a double), else null. */
function smallInteger(b: Uint8Array, s: number, e: number): number | null {
  if (e - s >= 2 && b[s] === QUOTE && b[e - 1] === QUOTE) {
    s++;
    e--;
  }
  const len = e - s;
  if (len === 0 || len > 15) return null;
  if (len > 1 && b[s] === 48) return null; // "007" must keep its zeros
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return v;
}

/** Re-encodes a numeric builder as categories when text turns up in a column that looked numeric. */
export function numbersToCategories(nb: NumberBuilder, decoder: FieldDecoder, capacity: number): CategoryBuilder {
  const cb = new CategoryBuilder(nb.name, Math.max(capacity, nb.n), decoder);
  const single = nb.values instanceof Float32Array;
  for (let i = 0; i < nb.n; i++) {
    const v = nb.values[i]!;
    cb.pushLabel(v !== v ? undefined : String(single ? shortestFloat32(v) : v));
  }
  return cb;
}

/**
 * The shortest decimal that reads back as the same Float32: the number as the file wrote it
 * whenever Float32 could hold it (16777216 stays 16777216; 0.1 stays 0.1).
 */
export function shortestFloat32(v: number): number {
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) <= 16777216)) return v;
  for (let digits = 1; digits < 9; digits++) {
    const r = Number(v.toPrecision(digits));
    if (Math.fround(r) === v) return r;
  }
  return Number(v.toPrecision(9));
}

export type ColumnBuilder = NumberBuilder | CategoryBuilder | IdBuilder;
