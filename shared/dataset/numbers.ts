// Numbers straight from bytes, without making strings: the hot path of parsing.
//
// Accepts: optional spaces, sign, digits with '.' (or ',' when decimalComma), exponent, a trailing
// percent sign ("59.61 %" → 59.61), and Inf/Infinity. Returns NaN for anything else; callers use
// `isNaToken` to tell a missing value from a non-number.

const POW10 = new Float64Array(309);
POW10[0] = 1;
for (let i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1]! * 10;

const SPACE = 32, TAB = 9, PLUS = 43, MINUS = 45, DOT = 46, COMMA = 44, PERCENT = 37, QUOTE = 34;

/** Scratch flag set by parseNumberBytes: the last value parsed carried a '%' sign. */
export const lastParse = { percent: false };

export function parseNumberBytes(b: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  // Fast path for the common case: [-]digits[.digits], at most 15 digits in all (exact in a double).
  let i = start;
  let negative = false;
  if (i < end && b[i] === MINUS) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let c = 0;
  while (i < end && (c = b[i]! - 48) >= 0 && c <= 9) {
    mantissa = mantissa * 10 + c;
    digits++;
    i++;
  }
  let fraction = 0;
  if (i < end && b[i] === (decimalComma ? COMMA : DOT)) {
    i++;
    while (i < end && (c = b[i]! - 48) >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      fraction++;
      i++;
    }
  }
  if (i === end && digits + fraction > 0 && digits + fraction <= 15) {
    lastParse.percent = false;
    const v = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
    return negative ? -v : v;
  }
  return parseNumberGeneral(b, start, end, decimalComma);
}

/** Everything else: spaces, quotes, '+', exponents, percent signs, long mantissas, Inf. */
function parseNumberGeneral(b: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  // Strip surrounding spaces and, for fields quoted in the file, the quotes.
  while (start < end && (b[start] === SPACE || b[start] === TAB)) start++;
  while (end > start && (b[end - 1] === SPACE || b[end - 1] === TAB)) end--;
  if (end - start >= 2 && b[start] === QUOTE && b[end - 1] === QUOTE) {
    start++;
    end--;
  }
  lastParse.percent = false;
  if (end > start && b[end - 1] === PERCENT) {
    lastParse.percent = true;
    end--;
    while (end > start && b[end - 1] === SPACE) end--;
  }
  let i = start;
  if (i >= end) return NaN;
  let negative = false;
  if (b[i] === MINUS) {
    negative = true;
    i++;
  } else if (b[i] === PLUS) i++;
  const point = decimalComma ? COMMA : DOT;
  let mantissa = 0;
  let significant = 0; // significant digits accumulated (at most 17)
  let exp10 = 0;
  let digits = 0;
  let c = 0;
  while (i < end && (c = b[i]! - 48) >= 0 && c <= 9) {
    if (significant < 17) {
      mantissa = mantissa * 10 + c;
      if (mantissa > 0) significant++;
    } else exp10++;
    digits++;
    i++;
  }
  if (i < end && b[i] === point) {
    i++;
    while (i < end && (c = b[i]! - 48) >= 0 && c <= 9) {
      if (significant < 17) {
        mantissa = mantissa * 10 + c;
        if (mantissa > 0) significant++;
        exp10--;
      }
      digits++;
      i++;
    }
  }
  if (digits === 0) return parseSpecial(b, i, end, negative);
  if (i < end && (b[i] === 101 || b[i] === 69)) {
    // e / E
    i++;
    let expNegative = false;
    if (b[i] === MINUS) {
      expNegative = true;
      i++;
    } else if (b[i] === PLUS) i++;
    let e = 0;
    let expDigits = 0;
    while (i < end && (c = b[i]! - 48) >= 0 && c <= 9) {
      if (e < 10000) e = e * 10 + c;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return NaN;
    exp10 += expNegative ? -e : e;
  }
  if (i !== end) return NaN;
  let value: number;
  if (exp10 === 0 || mantissa === 0) value = mantissa;
  else if (exp10 > 0) value = exp10 > 308 ? Infinity : mantissa * POW10[exp10]!;
  else if (exp10 >= -308) value = mantissa / POW10[-exp10]!;
  else value = mantissa / POW10[308]! / POW10[Math.min(308, -exp10 - 308)]!;
  return negative ? -value : value;
}

function parseSpecial(b: Uint8Array, i: number, end: number, negative: boolean): number {
  const n = end - i;
  // "Inf", "inf", "Infinity", "infinity"
  if ((n === 3 || n === 8) && (b[i] === 73 || b[i] === 105) && (b[i + 1] === 110 || b[i + 1] === 78) && (b[i + 2] === 102 || b[i + 2] === 70)) {
    if (n === 3 || asciiLower(b, i + 3, end) === 'inity') return negative ? -Infinity : Infinity;
  }
  return NaN;
}

function asciiLower(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]! | 0x20);
  return s;
}

/** The missing-value tokens written by R, pandas, Excel, inForm and friends (compared exactly). */
export const NA_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'NAN', '#N/A', 'null', 'NULL', 'None', 'na', '<NA>', '#NA'];
const NA_BYTES = NA_TOKENS.map((t) => Array.from(t, (ch) => ch.charCodeAt(0)));
const MAX_NA = Math.max(...NA_BYTES.map((t) => t.length));

/** True when the field (spaces and quotes stripped) is a missing-value token. */
export function isNaToken(b: Uint8Array, start: number, end: number): boolean {
  while (start < end && (b[start] === SPACE || b[start] === TAB)) start++;
  while (end > start && (b[end - 1] === SPACE || b[end - 1] === TAB)) end--;
  if (end - start >= 2 && b[start] === QUOTE && b[end - 1] === QUOTE) {
    start++;
    end--;
  }
  const n = end - start;
  if (n === 0) return true;
  if (n > MAX_NA) return false;
  outer: for (const t of NA_BYTES) {
    if (t.length !== n) continue;
    for (let k = 0; k < n; k++) if (b[start + k] !== t[k]) continue outer;
    return true;
  }
  return false;
}

/** String versions for code that already holds text (sniffing, joins). */
export function isNaString(s: string): boolean {
  return NA_TOKENS.includes(s.trim());
}

const encoder = new TextEncoder();
export function parseNumberString(s: string, decimalComma = false): number {
  const b = encoder.encode(s);
  return parseNumberBytes(b, 0, b.length, decimalComma);
}
