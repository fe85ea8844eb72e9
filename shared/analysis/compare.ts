// Comparing samples (files) and regions (SCIENCE.md §3.2, §3.3): inputs are tumour-cell counts per
// label over one shared label list, so the window and the command line call the same functions.
//   JSD(P, Q) = ½ Σ P log₂(P/M) + ½ Σ Q log₂(Q/M), M = (P+Q)/2, in bits, ∈ [0, 1]; 0·log 0 = 0
//   labels shared by all samples / by some (≥ 2, not all) / private to one
//   mutation classes (Gerlinger 2012): present in all R samples = ubiquitous, in 2…R−1 = shared,
//     in exactly one = private; heterogeneous fraction = (shared + private) / present anywhere
//   metastasis (Al Bakir 2023): early when a mutation clonal (CCF ≥ τ) in every primary sample is
//     absent from the metastasis, else late; seeding clone = the deepest clone present in the
//     primary whose mutations are all clonal in the metastasis.

import { cloneCcf, pathOf, type CloneTree } from './clone-tree.ts';
import { isTumourLabel, tumourCodeMask } from './diversity.ts';
import type { CategoryCodes } from './selection.ts';

/** Counts over one label list: counts[s][k] = tumour cells of label k in sample s. */
export interface AlignedCounts {
  readonly labels: readonly string[];
  readonly counts: readonly Float64Array[];
}

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Puts per-sample counts (each over its own labels) over the union of labels, in natural order (C2 before C10). */
export function alignCounts(samples: readonly { readonly labels: readonly string[]; readonly counts: ArrayLike<number> }[]): AlignedCounts {
  const labels = [...new Set(samples.flatMap((s) => s.labels))].sort(natural);
  const index = new Map(labels.map((l, k) => [l, k]));
  const counts = samples.map((s) => {
    const row = new Float64Array(labels.length);
    s.labels.forEach((l, k) => (row[index.get(l)!]! += s.counts[k] ?? 0));
    return row;
  });
  return { labels, counts };
}

/** Jensen–Shannon divergence in bits between two count (or fraction) vectors; NaN when either is empty. */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let k = 0; k < p.length; k++) sp += p[k]!;
  for (let k = 0; k < q.length; k++) sq += q[k]!;
  if (!(sp > 0 && sq > 0)) return NaN;
  let d = 0;
  for (let k = 0; k < Math.max(p.length, q.length); k++) {
    const a = (p[k] ?? 0) / sp;
    const b = (q[k] ?? 0) / sq;
    const m = (a + b) / 2;
    if (a > 0) d += 0.5 * a * Math.log2(a / m);
    if (b > 0) d += 0.5 * b * Math.log2(b / m);
  }
  return Math.min(1, Math.max(0, d)); // rounding can step a hair outside [0, 1]
}

/** Pairwise JSD (bits), samples × samples, symmetric, 0 on the diagonal (NaN rows for empty samples). */
export function jsdMatrix(counts: readonly ArrayLike<number>[]): number[][] {
  const n = counts.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) out[a]![b] = out[b]![a] = jensenShannon(counts[a]!, counts[b]!); // JSD(P, P) = 0 exactly
  }
  return out;
}

export interface LabelSharing {
  /** Present in every sample. */
  readonly all: readonly string[];
  /** Present in at least two samples but not all. */
  readonly some: readonly string[];
  /** Per sample: the labels present there and nowhere else (none when there is only one sample). */
  readonly private: readonly (readonly string[])[];
  /** Per label: in how many samples it is present. */
  readonly presentIn: readonly number[];
}

/** Which labels are shared by all samples, by some, or private to one; present = count ≥ minCount [1]. */
export function labelSharing(aligned: AlignedCounts, minCount = 1): LabelSharing {
  const { labels, counts } = aligned;
  const R = counts.length;
  const presentIn = labels.map((_, k) => counts.filter((c) => c[k]! >= minCount && c[k]! > 0).length);
  const all = labels.filter((_, k) => R > 0 && presentIn[k] === R);
  const some = labels.filter((_, k) => presentIn[k]! >= 2 && presentIn[k]! < R);
  const priv = counts.map((c) => (R > 1 ? labels.filter((_, k) => presentIn[k] === 1 && c[k]! >= minCount && c[k]! > 0) : []));
  return { all, some, private: priv, presentIn };
}

/** A grouping of rows (a region column, derived region codes): code ≥ labels.length = no group. */
export interface Groups {
  readonly codes: ArrayLike<number>;
  readonly labels: readonly string[];
}

export interface GroupedCounts extends AlignedCounts {
  /** Group names (one row of `counts` each), in the grouping's code order. */
  readonly groups: readonly string[];
  /** Tumour cells in rows without a group. */
  readonly ungrouped: number;
}

/** Tumour cells per label of `column` in each group (region) of one sample. */
export function tumourCountsByGroup(column: CategoryCodes, groups: Groups): GroupedCounts {
  const isTumour = tumourCodeMask(column.labels);
  const tumourLabels = [...new Set(column.labels.filter((_, c) => isTumour[c]))].sort(natural);
  const index = new Map(tumourLabels.map((l, k) => [l, k]));
  const slot = Int32Array.from(column.labels, (l, c) => (isTumour[c] ? index.get(l)! : -1));
  const G = groups.labels.length;
  const m = column.labels.length;
  const counts = Array.from({ length: G }, () => new Float64Array(tumourLabels.length));
  let ungrouped = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const c = column.codes[i]!;
    const k = c < m ? slot[c]! : -1;
    if (k < 0) continue;
    const g = groups.codes[i]!;
    if (g >= 0 && g < G) counts[g]![k]!++;
    else ungrouped++;
  }
  return { groups: groups.labels, labels: tumourLabels, counts, ungrouped };
}

/**
 * CCF of every clone of the tree (its subtree's share of the tumour cells, §3.3) in one sample.
 * Tumour labels that are not clones of the tree count in the denominator and are listed in `unknown`.
 */
export function treeCcf(tree: CloneTree, labels: readonly string[], counts: ArrayLike<number>): { ccf: Float64Array; unknown: string[] } {
  const index = new Map(tree.clones.map((c, i) => [c, i]));
  const perClone = new Float64Array(tree.clones.length);
  const unknown: string[] = [];
  let tumour = 0;
  let known = 0;
  labels.forEach((l, k) => {
    const n = counts[k] ?? 0;
    if (!isTumourLabel(l) || !(n > 0)) return;
    tumour += n;
    const i = index.get(l);
    if (i === undefined) unknown.push(l);
    else {
      perClone[i]! += n;
      known += n;
    }
  });
  const ccf = cloneCcf(tree, perClone); // ÷ known cells; rescale to ÷ all tumour cells
  if (tumour > 0) for (let i = 0; i < ccf.length; i++) ccf[i]! *= known / tumour;
  return { ccf, unknown };
}

export type MutationClass = 'ubiquitous' | 'shared' | 'private' | 'absent';

export interface MutationClasses {
  /** Every mutation of the tree, clone by clone in table order. */
  readonly mutations: readonly string[];
  /** Tree index of the clone whose branch carries each mutation. */
  readonly cloneOf: Int32Array;
  /** Per sample, CCF of each mutation. */
  readonly ccf: readonly Float64Array[];
  /** Per sample, 1 where the mutation is present. */
  readonly present: readonly Uint8Array[];
  readonly classOf: readonly MutationClass[];
  readonly ubiquitous: number;
  readonly shared: number;
  readonly private: number;
  /** Mutations present in no sample (left out of `total`). */
  readonly absent: number;
  /** Mutations present in at least one sample. */
  readonly total: number;
  /** (shared + private) / total; NaN when total = 0. */
  readonly heterogeneousFraction: number;
  /** Tumour labels found in the samples that the tree does not have. */
  readonly unknownLabels: readonly string[];
}

export interface PresenceOptions {
  /** Detection rule: present when CCF ≥ minCcf; 0 (default) = at least one carrier cell (CCF > 0). */
  readonly minCcf?: number;
}

const isPresent = (ccf: number, minCcf: number) => ccf > 0 && ccf >= minCcf;

/**
 * Gerlinger classes of every mutation across R samples (or regions). With R = 1 every present
 * mutation is ubiquitous (present in all R); with R = 2 there is no `shared` class (2…R−1 is empty).
 */
export function mutationClasses(tree: CloneTree, aligned: AlignedCounts, opts: PresenceOptions = {}): MutationClasses {
  const minCcf = opts.minCcf ?? 0;
  const mutations: string[] = [];
  const cloneOf: number[] = [];
  tree.mutations.forEach((ms, c) => ms.forEach((m) => (mutations.push(m), cloneOf.push(c))));
  const unknown = new Set<string>();
  const perSample = aligned.counts.map((c) => {
    const t = treeCcf(tree, aligned.labels, c);
    t.unknown.forEach((u) => unknown.add(u));
    return t.ccf;
  });
  const ccf = perSample.map((cc) => Float64Array.from(cloneOf, (c) => cc[c]!));
  const present = ccf.map((cc) => Uint8Array.from(cc, (v) => (isPresent(v, minCcf) ? 1 : 0)));
  const R = ccf.length;
  const tally = { ubiquitous: 0, shared: 0, private: 0, absent: 0 };
  const classOf = mutations.map((_, k): MutationClass => {
    const n = present.reduce((s, p) => s + p[k]!, 0);
    const cls: MutationClass = n === 0 ? 'absent' : n === R ? 'ubiquitous' : n === 1 ? 'private' : 'shared';
    tally[cls]++;
    return cls;
  });
  const total = tally.ubiquitous + tally.shared + tally.private;
  return {
    mutations, cloneOf: Int32Array.from(cloneOf), ccf, present, classOf, ...tally, total,
    heterogeneousFraction: total > 0 ? (tally.shared + tally.private) / total : NaN,
    unknownLabels: [...unknown],
  };
}

export interface MetastasisOrigin {
  /** Clones with cells in the metastasis and their fraction of its tumour cells, largest first. */
  readonly clones: readonly { readonly label: string; readonly fraction: number }[];
  /** Deepest clone present in the primary whose mutations are all clonal (CCF ≥ τ) in the metastasis. */
  readonly seedingClone: string | null;
  /** Deepest clone clonal in the metastasis (its founder; may exist only there). */
  readonly founderClone: string | null;
  /** Al Bakir 2023; null when no primary sample has tumour cells. */
  readonly divergence: 'early' | 'late' | null;
  /** Mutations clonal in every primary sample. */
  readonly primaryTruncal: number;
  /** Of those, the ones absent from the metastasis (the evidence for an early divergence). */
  readonly missingTruncal: readonly string[];
  readonly clonalCcf: number;
}

export interface OriginOptions extends PresenceOptions {
  /** Clonal call τ: CCF ≥ τ [0.9] (SCIENCE.md §3.3). */
  readonly clonalCcf?: number;
}

/**
 * Which clones explain a metastasis: `primary` = the primary's samples (files or regions; all are
 * needed for the truncal call), `metastasis` = one sample; all count vectors over `labels`.
 */
export function metastasisOrigin(tree: CloneTree, labels: readonly string[], primary: readonly ArrayLike<number>[], metastasis: ArrayLike<number>, opts: OriginOptions = {}): MetastasisOrigin {
  const tau = opts.clonalCcf ?? 0.9;
  const minCcf = opts.minCcf ?? 0;
  const met = treeCcf(tree, labels, metastasis).ccf;
  const primaries = primary.map((p) => treeCcf(tree, labels, p).ccf).filter((_, s) => sumOf(primary[s]!, labels) > 0);
  const pooled = new Float64Array(labels.length);
  for (const p of primary) for (let k = 0; k < labels.length; k++) pooled[k]! += p[k] ?? 0;
  const inPrimary = treeCcf(tree, labels, pooled).ccf;
  const depth = Int32Array.from(tree.clones, (_, c) => pathOf(tree, c).length);
  const deepest = (ok: (c: number) => boolean): string | null => {
    let best = -1;
    for (let c = 0; c < tree.clones.length; c++) if (ok(c) && (best < 0 || depth[c]! > depth[best]! || (depth[c] === depth[best] && met[c]! > met[best]!))) best = c;
    return best < 0 ? null : tree.clones[best]!;
  };
  const missingTruncal: string[] = [];
  let primaryTruncal = 0;
  tree.mutations.forEach((ms, c) => {
    if (primaries.length === 0 || !primaries.every((p) => p[c]! >= tau)) return;
    primaryTruncal += ms.length;
    if (!isPresent(met[c]!, minCcf)) missingTruncal.push(...ms);
  });
  const metTotal = sumOf(metastasis, labels);
  const clones = labels
    .map((label, k) => ({ label, fraction: metTotal > 0 ? (metastasis[k] ?? 0) / metTotal : 0 }))
    .filter((e) => isTumourLabel(e.label) && e.fraction > 0)
    .sort((a, b) => b.fraction - a.fraction || natural(a.label, b.label));
  return {
    clones,
    seedingClone: deepest((c) => isPresent(inPrimary[c]!, minCcf) && met[c]! >= tau),
    founderClone: deepest((c) => met[c]! >= tau),
    divergence: primaries.length === 0 || metTotal === 0 ? null : missingTruncal.length > 0 ? 'early' : 'late',
    primaryTruncal,
    missingTruncal,
    clonalCcf: tau,
  };
}

/** Tumour cells of a count vector over labels. */
function sumOf(counts: ArrayLike<number>, labels: readonly string[]): number {
  let s = 0;
  labels.forEach((l, k) => {
    if (isTumourLabel(l)) s += counts[k] ?? 0;
  });
  return s;
}
