// Detection rules, SCIENCE.md §3.3 — one per analysis:
//   any        ≥ 1 carrier cell                       cells:M   ≥ M carrier cells
//   ccf:X      CCF ≥ X (default 0.05)                 vaf:X     expected VAF ≥ X (default 0.05)
//   reads:D    alt ~ Binomial(D, VAF) at depth D, detected at alt ≥ max(3, ⌈0.05·D⌉) (5 at D = 100)
// For a clone, "carrier cells" are its own cells; CCF is its subtree's share of the biopsy's tumour
// cells with a clone tree (the CCF of its branch mutations), its own share without one. VAF is
// the heterozygous diploid ρ·CCF/2 at the biopsy's purity ρ (or a purity given by the user).

import { fail, ok, type Result } from '../../errors.ts';

export type DetectionRule =
  | { readonly kind: 'any' }
  | { readonly kind: 'cells'; readonly min: number }
  | { readonly kind: 'ccf'; readonly min: number }
  | { readonly kind: 'vaf'; readonly min: number }
  | { readonly kind: 'reads'; readonly depth: number };

export const ANY_CELL: DetectionRule = { kind: 'any' };

/** Alt reads needed at depth D: max(3, ⌈0.05·D⌉). */
export function minAltReads(depth: number): number {
  return Math.max(3, Math.ceil(0.05 * depth - 1e-9));
}

/** P(X ≥ t) for X ~ Binomial(n, p), summing the t lower terms (t is small: ≤ 5 % of n + 3). */
export function binomialAtLeast(t: number, n: number, p: number): number {
  if (t <= 0) return 1;
  if (t > n || !(p > 0)) return 0;
  if (p >= 1) return 1;
  const q = 1 - p;
  const ratio = p / q;
  let term = Math.exp(n * Math.log1p(-p)); // P(X = 0)
  let below = 0;
  for (let i = 0; i < t; i++) {
    below += term;
    term *= ((n - i) / (i + 1)) * ratio;
  }
  return Math.min(1, Math.max(0, 1 - below));
}

/** Parses 'any', 'cells:M', 'ccf:X', 'vaf:X', 'reads:D' (X a fraction in (0, 1], M and D whole numbers). */
export function parseDetection(text: string): Result<DetectionRule> {
  const t = text.trim().toLowerCase();
  if (t === 'any' || t === 'any-cell') return ok(ANY_CELL);
  const m = /^(cells|ccf|vaf|reads):(.+)$/.exec(t);
  const bad = (why: string) => fail<DetectionRule>('invalid-argument', `The detection rule '${text}' is not valid: ${why}`);
  if (!m) return bad("use any, cells:M, ccf:X, vaf:X or reads:D (e.g. cells:5, ccf:0.05, reads:100).");
  const v = Number(m[2]);
  if (m[1] === 'cells' || m[1] === 'reads') {
    if (!Number.isInteger(v) || v < 1) return bad(`${m[1] === 'cells' ? 'M' : 'the depth D'} must be a whole number ≥ 1.`);
    return ok(m[1] === 'cells' ? { kind: 'cells', min: v } : { kind: 'reads', depth: v });
  }
  if (!(v > 0 && v <= 1)) return bad(`X must be a fraction above 0 and at most 1 (0.05 is 5 %).`);
  return ok({ kind: m[1] as 'ccf' | 'vaf', min: v });
}

/** The rule as the command line writes it. */
export function formatDetection(r: DetectionRule): string {
  return r.kind === 'any' ? 'any' : r.kind === 'reads' ? `reads:${r.depth}` : `${r.kind}:${r.min}`;
}

/** A rule as a short phrase for tables and legends. */
export function describeDetection(r: DetectionRule): string {
  switch (r.kind) {
    case 'any':
      return 'at least one cell';
    case 'cells':
      return `at least ${r.min} cells`;
    case 'ccf':
      return `CCF ≥ ${r.min}`;
    case 'vaf':
      return `expected VAF ≥ ${r.min}`;
    case 'reads':
      return `≥ ${minAltReads(r.depth)} alt reads at depth ${r.depth}`;
  }
}

/**
 * Whether a clone is detected in one biopsy. `own` = its cells, `ccf` = its CCF there (see header),
 * `purity` = ρ, `u` = a uniform draw in [0, 1) (used by the read rule only).
 */
export function detects(r: DetectionRule, own: number, ccf: number, purity: number, u: number): boolean {
  switch (r.kind) {
    case 'any':
      return own >= 1;
    case 'cells':
      return own >= r.min;
    case 'ccf':
      return ccf >= r.min;
    case 'vaf':
      return (purity * ccf) / 2 >= r.min;
    case 'reads':
      return u < binomialAtLeast(minAltReads(r.depth), r.depth, (purity * ccf) / 2);
  }
}
