// Splits delimited text, given as byte chunks, into rows of field offsets. RFC 4180 quoting:
// a field that starts with '"' runs to the matching '"' ('""' is a literal quote) and may hold
// delimiters and newlines; a quote inside an unquoted field is literal. LF and CRLF (also mixed)
// end rows; a missing final newline is fine. Blank lines are skipped.
//
// Rows are handed to the sink only when complete, so a bad row can be rejected before any
// column sees it. Offsets index the buffer passed with the row and are valid only during the call.

export interface RowSink {
  /**
   * @param starts/ends field byte ranges in `buf` (quotes excluded for quoted fields)
   * @param quoted 1 where the field was quoted (it may then contain '""' escapes)
   * @param count number of fields in the row (may exceed the arrays' capacity; extra fields are not stored)
   * @param line 1-based physical line where the row starts
   * @param literal true for a line read with its quotes taken literally because a quote opened on
   *   it never closes (see MAX_QUOTED_SPAN): a bad row, to be reported
   * @param numbers for the numeric columns given to the tokenizer: `numbers.ok[i]` is 1 when field i
   *   was a plain decimal number ([-]digits[.digits], at most 15 digits), parsed into `numbers.values[i]`;
   *   0 when the field must be parsed from its bytes
   */
  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, quoted: Uint8Array, count: number, line: number, literal?: boolean, numbers?: InlineNumbers): void;
}

/** Values of the plain-number fields of the current row, parsed while the row was split. */
export interface InlineNumbers {
  readonly values: Float64Array;
  readonly ok: Uint8Array;
}

const LF = 10, CR = 13, QUOTE = 34, MINUS = 45, DOT = 46, COMMA = 44;
const POW10 = Float64Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * A row whose quoted fields carry it over several lines and more than this many bytes is taken to
 * open a quote that never closes (a stray '"'): its first line is read with quotes taken literally.
 * The rule looks at the row alone, so it gives the same rows however the input is chunked.
 */
export const MAX_QUOTED_SPAN = 1024 * 1024;

export class RowTokenizer {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly quoted: Uint8Array;
  private carry: Uint8Array = new Uint8Array(0);
  private line = 1;
  /** 1 for the columns whose fields are parsed as numbers during the scan. */
  private readonly numeric: Uint8Array;
  private readonly numbers: InlineNumbers;
  private readonly point: number;
  /** Lines the tokenizer gave up on because a quote never closed. */
  readonly unclosedQuoteLines: number[] = [];

  constructor(
    private readonly delimiter: number,
    capacity: number,
    firstLine = 1,
    private readonly maxQuotedSpan = MAX_QUOTED_SPAN,
    numericColumns: readonly number[] = [],
    decimalComma = false,
  ) {
    this.numeric = new Uint8Array(capacity);
    for (const c of numericColumns) if (c < capacity) this.numeric[c] = 1;
    this.numbers = { values: new Float64Array(capacity), ok: new Uint8Array(capacity) };
    this.point = decimalComma ? COMMA : DOT;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.quoted = new Uint8Array(capacity);
    this.line = firstLine;
  }

  /** Feeds a chunk; complete rows go to the sink, the incomplete tail is kept for the next chunk. */
  push(chunk: Uint8Array, sink: RowSink): void {
    let buf: Uint8Array;
    if (this.carry.length > 0) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry, 0);
      buf.set(chunk, this.carry.length);
    } else buf = chunk;
    const consumed = this.scan(buf, sink, false);
    this.carry = consumed < buf.length ? buf.slice(consumed) : new Uint8Array(0);
    // an incomplete row over the limit that already spans a newline is inside a runaway quote
    if (this.carry.length > this.maxQuotedSpan && this.carry.indexOf(LF) >= 0) this.breakUnclosedQuote(sink);
  }

  /** Ends the input: the tail (a last row without newline) is emitted. */
  finish(sink: RowSink): void {
    while (this.carry.length > 0) {
      const buf = this.carry;
      const consumed = this.scan(buf, sink, true);
      this.carry = consumed < buf.length ? buf.slice(consumed) : new Uint8Array(0);
      if (this.carry.length > 0) this.breakUnclosedQuote(sink);
    }
  }

  /** The carried row opens a quote that never closes: emit its first line with quotes taken literally. */
  private breakUnclosedQuote(sink: RowSink): void {
    const buf = this.carry;
    let nl = buf.indexOf(LF);
    if (nl < 0) nl = buf.length;
    this.unclosedQuoteLines.push(this.line);
    this.scanLiteralLine(buf, 0, nl, sink);
    this.carry = buf.slice(Math.min(buf.length, nl + 1));
    this.line++;
  }

  private scanLiteralLine(buf: Uint8Array, start: number, end: number, sink: RowSink): void {
    const { starts, ends, quoted } = this;
    const cap = starts.length;
    let count = 0;
    let s = start;
    for (let p = start; p <= end; p++) {
      if (p === end || buf[p] === this.delimiter) {
        let e = p;
        if (p === end && e > s && buf[e - 1] === CR) e--;
        if (count < cap) {
          starts[count] = s;
          ends[count] = e;
          quoted[count] = 0;
        }
        count++;
        s = p + 1;
      }
    }
    this.numbers.ok.fill(0);
    sink.row(buf, starts, ends, quoted, count, this.line, true, this.numbers);
  }

  /** Scans complete rows; returns the offset of the first byte not consumed. */
  private scan(buf: Uint8Array, sink: RowSink, final: boolean): number {
    const delim = this.delimiter;
    const { starts, ends, quoted, numeric, numbers, point } = this;
    const values = numbers.values, ok = numbers.ok;
    const cap = starts.length;
    const len = buf.length;
    let p = 0;
    let rowStart = 0;
    while (rowStart < len) {
      p = rowStart;
      let count = 0;
      let extraLines = 0;
      let complete = false;
      for (;;) {
        // one field
        let s = p;
        let e: number;
        let q = 0;
        if (p < len && buf[p] === QUOTE) {
          q = 1;
          if (count < cap) ok[count] = 0;
          s = p + 1;
          let i = s;
          for (;;) {
            const k = buf.indexOf(QUOTE, i);
            if (k < 0) {
              i = -1;
              break;
            }
            if (k + 1 < len && buf[k + 1] === QUOTE) {
              i = k + 2;
              continue;
            }
            if (k + 1 >= len && !final) {
              i = -1; // cannot tell '"' from '""' yet
              break;
            }
            i = k;
            break;
          }
          if (i < 0) return final ? this.unclosedAtEnd(buf, rowStart) : rowStart;
          for (let j = s; j < i; j++) if (buf[j] === LF) extraLines++;
          e = i;
          p = i + 1;
          // tolerate stray bytes between the closing quote and the delimiter
          while (p < len && buf[p] !== delim && buf[p] !== LF) p++;
        } else if (count < cap && numeric[count] === 1) {
          // a numeric column: parse [-]digits[.digits] while scanning; anything else is left to the sink
          let negative = false;
          if (buf[p] === MINUS) {
            negative = true;
            p++;
          }
          let m = 0, digits = 0, frac = 0, c = 0;
          while (p < len && (c = buf[p]! - 48) >= 0 && c <= 9) {
            m = m * 10 + c;
            digits++;
            p++;
          }
          if (p < len && buf[p] === point) {
            p++;
            while (p < len && (c = buf[p]! - 48) >= 0 && c <= 9) {
              m = m * 10 + c;
              frac++;
              p++;
            }
          }
          const t = p < len ? buf[p] : -1;
          const end = t === delim || t === LF || (t === CR && p + 1 < len && buf[p + 1] === LF);
          if (end && digits + frac > 0 && digits + frac <= 15) {
            const v = frac === 0 ? m : m / POW10[frac]!;
            values[count] = negative ? -v : v;
            ok[count] = 1;
            e = p;
            if (t === CR) p++; // stand on the LF of CRLF; the field ends before the CR
          } else {
            ok[count] = 0;
            while (p < len && (c = buf[p]!) !== delim && c !== LF) p++;
            e = p;
          }
        } else {
          let c = 0;
          while (p < len && (c = buf[p]!) !== delim && c !== LF) p++;
          e = p;
        }
        if (p >= len && !final) return rowStart; // row continues in the next chunk
        if (count < cap) {
          starts[count] = s;
          ends[count] = e;
          quoted[count] = q;
        }
        count++;
        if (p < len && buf[p] === delim) {
          p++;
          continue;
        }
        // end of row: LF or end of input
        complete = true;
        break;
      }
      if (complete) {
        if (extraLines > 0 && p - rowStart > this.maxQuotedSpan) {
          // a runaway quote that happened to close: read the row's first line literally, go on after it
          const nl = buf.indexOf(LF, rowStart);
          this.unclosedQuoteLines.push(this.line);
          this.scanLiteralLine(buf, rowStart, nl, sink);
          this.line++;
          rowStart = nl + 1;
          continue;
        }
        // strip CR of CRLF from the last field
        const last = Math.min(count, cap) - 1;
        if (last >= 0 && quoted[last] === 0 && ends[last]! > starts[last]! && buf[ends[last]! - 1] === CR) ends[last]!--;
        const blank = count === 1 && (ends[0]! === starts[0]!) && quoted[0] === 0;
        if (!blank) sink.row(buf, starts, ends, quoted, count, this.line, false, numbers);
        this.line += 1 + extraLines;
        rowStart = p + 1; // past LF (or past the end)
      }
    }
    return len;
  }

  private unclosedAtEnd(_buf: Uint8Array, rowStart: number): number {
    return rowStart; // finish() turns the remaining carry into a literal line
  }

  get currentLine(): number {
    return this.line;
  }
}
