// Composition and diversity of a sample (SCIENCE.md §3.1), over tumour cells only (§0: a row whose
// clone is neither empty/missing nor `normal`). Counts are per label; p_c = n_c / n_T.
//   Shannon       H = −Σ p ln p (nats; bits = H / ln 2), 0·ln 0 = 0
//   Simpson       λ = Σ p²;  Gini–Simpson 1 − λ;  inverse Simpson 1/λ
//   unbiased      λ̂ = Σ n(n−1) / (n_T(n_T−1))
//   richness      S = #labels with n ≥ 1;  Pielou J = H / ln S
// Empty sample (n_T = 0): fractions all 0, richness 0, every other index NaN (JSON: null) — there is
// nothing to measure. J is NaN when S ≤ 1 (ln 1 = 0), λ̂ when n_T < 2.

import type { CategoryCodes } from './selection.ts';

/** The one "is this a tumour cell" rule (SCIENCE.md §0): a label that is not empty and not `normal` (any case). */
export function isTumourLabel(label: string | null | undefined): boolean {
  if (label === null || label === undefined) return false;
  const t = label.trim();
  return t !== '' && t.toLowerCase() !== 'normal';
}

/** 1 for each code of a label list whose label is a tumour label (index = code). */
export function tumourCodeMask(labels: readonly string[]): Uint8Array {
  return Uint8Array.from(labels, (l) => (isTumourLabel(l) ? 1 : 0));
}

/** 1 for each row of a clone column that is a tumour cell (missing codes are not). */
export function tumourRows(column: CategoryCodes): Uint8Array {
  const isTumour = tumourCodeMask(column.labels);
  const m = column.labels.length;
  const out = new Uint8Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = column.codes[i]!;
    out[i] = c < m ? isTumour[c]! : 0;
  }
  return out;
}

export interface TumourCounts {
  /** The tumour labels of the column, in column (code) order. */
  readonly labels: readonly string[];
  /** Tumour cells per label (same order as labels). */
  readonly counts: Float64Array;
  /** n_T: tumour cells counted. */
  readonly tumourCells: number;
  /** Rows counted whose label is `normal` or blank (not tumour). */
  readonly nonTumourCells: number;
  /** Rows counted whose value is missing. */
  readonly missingCells: number;
}

/** Tumour cells per label of a clone (or any categorical) column, over all rows or those with include[i] ≠ 0. */
export function tumourCounts(column: CategoryCodes, include?: ArrayLike<number>): TumourCounts {
  const { codes, labels } = column;
  const m = labels.length;
  const perCode = new Float64Array(m + 1); // last slot: missing
  for (let i = 0; i < codes.length; i++) {
    if (include && !include[i]) continue;
    const c = codes[i]!;
    perCode[c < m ? c : m]!++;
  }
  const isTumour = tumourCodeMask(labels);
  const out: string[] = [];
  const counts: number[] = [];
  let tumourCells = 0;
  let nonTumourCells = 0;
  for (let c = 0; c < m; c++) {
    if (isTumour[c]) {
      out.push(labels[c]!);
      counts.push(perCode[c]!);
      tumourCells += perCode[c]!;
    } else nonTumourCells += perCode[c]!;
  }
  // the same label may occur under two codes (a dictionary is not guaranteed unique): merge them
  const merged = new Map<string, number>();
  out.forEach((l, k) => merged.set(l, (merged.get(l) ?? 0) + counts[k]!));
  return { labels: [...merged.keys()], counts: Float64Array.from(merged.values()), tumourCells, nonTumourCells, missingCells: perCode[m]! };
}

function sum(counts: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < counts.length; k++) s += counts[k]!;
  return s;
}

/** p_c = n_c / Σ n; all zeros when the sample is empty. */
export function fractions(counts: ArrayLike<number>): Float64Array {
  const total = sum(counts);
  const out = new Float64Array(counts.length);
  if (total > 0) for (let k = 0; k < counts.length; k++) out[k] = counts[k]! / total;
  return out;
}

/** Shannon entropy of counts (or fractions), nats; 0·ln 0 = 0; NaN when empty. */
export function shannon(counts: ArrayLike<number>): number {
  const total = sum(counts);
  if (!(total > 0)) return NaN;
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    const p = counts[k]! / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return h;
}

/** Nats → bits. */
export function bits(nats: number): number {
  return nats / Math.LN2;
}

/** Simpson concentration λ = Σ p²; NaN when empty. */
export function simpson(counts: ArrayLike<number>): number {
  const total = sum(counts);
  if (!(total > 0)) return NaN;
  let s = 0;
  for (let k = 0; k < counts.length; k++) s += (counts[k]! / total) ** 2;
  return s;
}

/** Unbiased finite-sample λ̂ = Σ n(n−1) / (N(N−1)) from integer counts; NaN when N < 2. */
export function simpsonUnbiased(counts: ArrayLike<number>): number {
  const total = sum(counts);
  if (!(total >= 2)) return NaN;
  let s = 0;
  for (let k = 0; k < counts.length; k++) s += counts[k]! * (counts[k]! - 1);
  return s / (total * (total - 1));
}

/** Number of labels with a count ≥ 1 (≥ minCount). */
export function richness(counts: ArrayLike<number>, minCount = 1): number {
  let s = 0;
  for (let k = 0; k < counts.length; k++) if (counts[k]! >= minCount && counts[k]! > 0) s++;
  return s;
}

/** Pielou evenness J = H / ln S; NaN when S ≤ 1 or H is NaN. */
export function pielou(shannonNats: number, s: number): number {
  return s > 1 ? shannonNats / Math.log(s) : NaN;
}

export interface Diversity {
  /** n_T: cells counted. */
  readonly total: number;
  readonly richness: number;
  /** H, nats. */
  readonly shannon: number;
  readonly shannonBits: number;
  /** λ = Σ p². */
  readonly simpson: number;
  /** 1 − λ. */
  readonly giniSimpson: number;
  /** 1 / λ. */
  readonly inverseSimpson: number;
  /** λ̂ (unbiased). */
  readonly simpsonUnbiased: number;
  /** Pielou J. */
  readonly evenness: number;
}

/** Every index of §3.1 from one count vector (see the header for the empty-sample values). */
export function diversity(counts: ArrayLike<number>): Diversity {
  const h = shannon(counts);
  const lambda = simpson(counts);
  const s = richness(counts);
  return {
    total: sum(counts),
    richness: s,
    shannon: h,
    shannonBits: bits(h),
    simpson: lambda,
    giniSimpson: 1 - lambda,
    inverseSimpson: 1 / lambda,
    simpsonUnbiased: simpsonUnbiased(counts),
    evenness: pielou(h, s),
  };
}
