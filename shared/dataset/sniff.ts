// Reads the layout of a delimited text table from its head: preamble (`#` comment lines),
// delimiter, whether the first row is a header, decimal commas, and a sample of parsed rows.
// The sample is split by the same byte tokenizer as the bulk of the file, so that what the sniffer
// sees (a stray quote, a blank line of spaces) is exactly what the parser will do with it.

import { isNaString } from './numbers.ts';
import { RowTokenizer } from './tokenizer.ts';

export interface TextLayout {
  readonly delimiter: string;
  /** Lines before the header (comment / preamble lines starting with '#', blank lines). */
  readonly preambleLines: number;
  readonly hasHeader: boolean;
  readonly decimalComma: boolean;
  /** Column names as written (a '#' before the first name removed); empty for headerless files. */
  readonly header: readonly string[];
  /** Up to SAMPLE_ROWS parsed data rows following the header. */
  readonly sampleRows: readonly string[][];
  /** Lines of the file consumed by the header row itself (1, or more when a name holds a newline). */
  readonly headerLines: number;
}

export const SAMPLE_ROWS = 2000;
const CANDIDATES = ['\t', ',', ';', '|', ' '] as const;

/** Splits one line on a delimiter, honouring double quotes (for counting fields only). */
function countFields(line: string, delim: string): number {
  let n = 1;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delim && !inQuotes) n++;
  }
  return n;
}

function isPreamble(line: string): boolean {
  const t = line.replace(/^\uFEFF/, '').trimStart();
  return t === '' || t.startsWith('#') || t.startsWith('"#');
}

function mode(values: number[]): { value: number; share: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0, bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return { value: best, share: values.length ? bestCount / values.length : 0 };
}

/**
 * Fields per record when `text` is split on `delim` the way the tokenizer splits it: a field that
 * starts with '"' runs to its closing quote, newlines included, so a quoted note spanning three
 * lines is one record, not three ragged ones. Blank records are left out.
 */
function recordFieldCounts(text: string, delim: string, maxRecords: number): number[] {
  const counts: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && counts.length < maxRecords) {
    let fields = 1;
    let empty = true;
    for (;;) {
      if (text[i] === '"') {
        empty = false;
        i++;
        for (;;) {
          const k = text.indexOf('"', i);
          if (k < 0) {
            i = n;
            break;
          }
          if (text[k + 1] === '"') {
            i = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
      }
      while (i < n && text[i] !== delim && text[i] !== '\n') {
        if (text[i] !== '\r') empty = false;
        i++;
      }
      if (i < n && text[i] === delim) {
        fields++;
        empty = false;
        i++;
        continue;
      }
      i++; // past the newline (or the end)
      break;
    }
    if (!(fields === 1 && empty)) counts.push(fields);
  }
  return counts;
}

export function detectDelimiter(lines: readonly string[], fileName: string): string {
  const text = lines.slice(0, 2000).join('\n');
  const lower = fileName.toLowerCase().replace(/\.gz$/, '');
  const preferred = /\.(tsv|tab|txt)$/.test(lower) ? '\t' : /\.csv$/.test(lower) ? ',' : '';
  let best: { delim: string; score: number } = { delim: ',', score: -1 };
  for (const delim of CANDIDATES) {
    if (delim === ' ' && best.score > 0) continue; // space only when nothing else splits the lines
    const counts = recordFieldCounts(text, delim, 60);
    const m = mode(counts);
    if (m.value < 2) continue;
    // consistency dominates; then more fields; then the extension's usual delimiter
    const score = m.share * 1000 + Math.min(m.value, 500) / 1000 + (delim === preferred ? 0.0005 : 0);
    if (score > best.score) best = { delim, score };
  }
  return best.delim;
}

const NUMBER_RE = /^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*%?\s*$/;
// A spot barcode ("ACGT…-1"), also with a sample prefix as R/inferCNV write it ("H2_1_ACGT….1").
const BARCODE_RE = /^(?:[ACGTN]{8,}|.*[_.:][ACGTN]{10,})[-.]\d+$/;

function looksNumeric(s: string): boolean {
  return NUMBER_RE.test(s);
}

/** A first row is data, not a header, when most of it is numbers like the row below it, or it holds barcodes. */
function firstRowIsHeader(first: readonly string[], second: readonly string[] | undefined): boolean {
  if (first.some((f) => BARCODE_RE.test(f.trim()))) return false;
  const numeric = first.map((f) => looksNumeric(f));
  const nNumeric = numeric.filter(Boolean).length;
  if (nNumeric === 0) return true;
  if (nNumeric / first.length < 0.5) return true;
  if (!second) return false;
  // same numeric positions in the next row → data
  let agree = 0;
  numeric.forEach((isNum, i) => {
    if (isNum && (looksNumeric(second[i] ?? '') || isNaString(second[i] ?? ''))) agree++;
  });
  return agree < nNumeric * 0.8;
}

function detectDecimalComma(rows: readonly string[][], delimiter: string): boolean {
  if (delimiter === ',') return false;
  let comma = 0, dot = 0;
  for (const row of rows.slice(0, 500))
    for (const f of row) {
      if (/^\s*[-+]?\d*,\d+\s*%?\s*$/.test(f)) comma++;
      else if (/^\s*[-+]?\d*\.\d+([eE][-+]?\d+)?\s*%?\s*$/.test(f)) dot++;
    }
  return comma > 0 && comma >= dot;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** The first `maxRows` rows of `text` as the tokenizer splits them (blank lines left out). */
export function splitRows(text: string, delimiter: string, maxRows: number): string[][] {
  const bytes = utf8Encoder.encode(text);
  let widest = 1;
  for (let i = 0, fields = 1; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter) fields++;
    else if (c === '\n') {
      if (fields > widest) widest = fields;
      fields = 1;
    }
    if (i === text.length - 1 && fields > widest) widest = fields;
  }
  const rows: string[][] = [];
  const tokenizer = new RowTokenizer(delimiter.charCodeAt(0), widest + 1);
  const sink = {
    row(b: Uint8Array, starts: Int32Array, ends: Int32Array, quoted: Uint8Array, count: number, _line: number, literal?: boolean) {
      if (rows.length >= maxRows || (literal && rows.length > 0)) return; // the parser skips such lines too
      const row: string[] = [];
      for (let i = 0; i < Math.min(count, starts.length); i++) {
        const f = utf8Decoder.decode(b.subarray(starts[i]!, ends[i]!));
        row.push(quoted[i] && f.includes('""') ? f.replaceAll('""', '"') : f);
      }
      if (row.length === 1 && quoted[0] === 0 && row[0]!.trim() === '') return; // a line of spaces
      rows.push(row);
    },
  };
  tokenizer.push(bytes, sink);
  tokenizer.finish(sink);
  return rows;
}

/**
 * R's write.table() with row names writes one name fewer in the header than fields in each row:
 * the rows start with a row name the header does not mention. (A trailing delimiter on every data
 * row is the other way to get one field more: then the extra field is empty.)
 */
function rowNamesWithoutHeader(header: readonly string[], rows: readonly string[][]): boolean {
  if (rows.length === 0 || header.length < 1) return false;
  const m = mode(rows.map((r) => r.length));
  if (m.value !== header.length + 1 || m.share < 0.9) return false;
  const lastEmpty = rows.filter((r) => r.length === m.value && r[r.length - 1]!.trim() === '').length;
  return lastEmpty < rows.length * 0.5;
}

/**
 * @param text the decoded head of the file (BOM removed)
 * @param complete true when `text` is the whole file
 */
export function sniffLayout(text: string, complete: boolean, fileName: string): TextLayout | null {
  let body = text;
  if (!complete) {
    const cut = body.lastIndexOf('\n');
    body = cut >= 0 ? body.slice(0, cut + 1) : body;
  }
  const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
  let preamble = 0;
  while (preamble < lines.length && isPreamble(lines[preamble]!)) preamble++;
  const rest = lines.slice(preamble).filter((l) => l.trim() !== '');
  if (rest.length === 0) return null;
  const delimiter = detectDelimiter(rest, fileName);

  // A last '#' line shaped like the data below it is a commented header ("#cell_id,x,y").
  let commentedHeader = false;
  if (preamble > 0) {
    const prev = lines[preamble - 1]!;
    const t = prev.trimStart();
    if (t.startsWith('#') && !t.startsWith('"#') && countFields(prev, delimiter) === countFields(rest[0]!, delimiter) && countFields(prev, delimiter) > 1) {
      const parsedPrev = splitRows(t.slice(1), delimiter, 1)[0] ?? [];
      const parsedFirst = splitRows(rest[0]!, delimiter, 1)[0] ?? [];
      if (parsedPrev.every((f) => !looksNumeric(f)) && parsedFirst.some((f) => looksNumeric(f))) {
        preamble--;
        commentedHeader = true;
      }
    }
  }

  let tableText = lines.slice(preamble).join('\n');
  if (commentedHeader) tableText = tableText.replace(/^\s*#\s?/, '');
  const rows = splitRows(tableText, delimiter, SAMPLE_ROWS + 1);
  if (rows.length === 0) return null;
  const hasHeader = firstRowIsHeader(rows[0]!, rows[1]);
  let header = hasHeader ? rows[0]!.map((h) => h.trim()) : [];
  const sampleRows = hasHeader ? rows.slice(1) : rows.slice(0, SAMPLE_ROWS);
  if (hasHeader && rowNamesWithoutHeader(header, sampleRows)) header = ['', ...header];
  const headerLines = hasHeader ? 1 + (rows[0]!.join('').match(/\n/g)?.length ?? 0) : 0;
  return {
    delimiter,
    preambleLines: preamble,
    hasHeader,
    decimalComma: detectDecimalComma(sampleRows, delimiter),
    header,
    sampleRows,
    headerLines,
  };
}
