// What a set of biopsies (a multi-region design) reports, against the truth (SCIENCE.md §3.2–3.3):
//   - Gerlinger classes of every mutation across the R biopsies (ubiquitous = present in all R,
//     shared = 2…R−1, private = 1) next to the same classes across the section's true regions
//     (those with tumour cells) and the mutation's CCF over the whole tumour;
//   - truncal calls (clonal, CCF ≥ τ, in every biopsy with tumour cells) and those that are wrong
//     (subclonal in the tumour: the illusion of clonality of the design);
//   - with a metastasis, the early/late divergence call (Al Bakir 2023: early when a mutation
//     clonal in every primary sample is absent from the metastasis) from the biopsies, and the true
//     call from the whole primary section.
// Presence = CCF > 0 and ≥ minCcf (default 0.05), as in the single-biopsy report.

import { alignCounts, metastasisOrigin, mutationClasses, type MetastasisOrigin, type MutationClass } from '../compare.ts';
import type { BiopsyShape } from './geometry.ts';
import { TAU } from './mutations.ts';
import { biopsyReport, type BiopsyReport, type ReportOptions } from './report.ts';
import type { BiopsySection } from './section.ts';

export interface DesignMutation {
  readonly mutation: string;
  readonly clone: string;
  /** In how many biopsies it is present, and its class across them. */
  readonly presentIn: number;
  readonly biopsyClass: MutationClass;
  /** Its class across the section's regions with tumour cells (the regional truth). */
  readonly regionClass: MutationClass;
  readonly tumourCcf: number;
  /** Clonal in every biopsy with tumour cells (and at least one has). */
  readonly truncalCall: boolean;
  readonly clonalInTumour: boolean;
  /** Called truncal by the design, subclonal in the tumour. */
  readonly wronglyTruncal: boolean;
  /** Present in the tumour, absent from every biopsy. */
  readonly missed: boolean;
}

export interface ClassCounts {
  readonly ubiquitous: number;
  readonly shared: number;
  readonly private: number;
  readonly absent: number;
  /** (shared + private) / present; NaN when nothing is present. */
  readonly heterogeneousFraction: number;
}

export interface DivergenceCheck {
  /** From the biopsies (null when none has tumour cells), and from the whole primary section. */
  readonly call: 'early' | 'late' | null;
  readonly truth: 'early' | 'late' | null;
  readonly correct: boolean;
  /** Mutations clonal in every biopsy but absent from the metastasis (why the call is early). */
  readonly evidence: readonly string[];
  readonly truthEvidence: readonly string[];
  readonly seedingClone: string | null;
  readonly trueSeedingClone: string | null;
}

export interface DesignReport {
  readonly biopsies: readonly BiopsyReport[];
  /** Clones of the section seen by at least one biopsy, and the others. */
  readonly clonesSeen: readonly string[];
  readonly clonesMissed: readonly string[];
  /** Pooled composition of the biopsies' tumour cells vs the section: ½ Σ |f̂ − f| (NaN without tumour cells). */
  readonly compositionError: number;
  readonly mutations?: readonly DesignMutation[];
  readonly classes?: ClassCounts;
  readonly regionClasses?: ClassCounts;
  readonly regions?: readonly string[];
  readonly truncalCalls?: number;
  readonly wronglyTruncal?: number;
  /** wronglyTruncal / truncalCalls (PCAWG form); NaN when nothing is called truncal. */
  readonly illusionFraction?: number;
  readonly missedMutations?: number;
  readonly metastasis?: DivergenceCheck;
}

const tally = (classes: readonly MutationClass[]): ClassCounts => {
  const n = { ubiquitous: 0, shared: 0, private: 0, absent: 0 };
  for (const c of classes) n[c]++;
  const present = n.ubiquitous + n.shared + n.private;
  return { ...n, heterogeneousFraction: present > 0 ? (n.shared + n.private) / present : NaN };
};

/** Tumour cells per clone of a section (its own clone labels). */
const tumourCounts = (s: BiopsySection) => ({ labels: s.clones, counts: s.cloneCells });

export function designReport(section: BiopsySection, shapes: readonly BiopsyShape[], opts: ReportOptions & { readonly metastasis?: BiopsySection } = {}): DesignReport {
  const tau = opts.tau ?? TAU;
  const minCcf = opts.minCcf ?? 0.05;
  const C = section.clones.length;
  const biopsies = shapes.map((s) => biopsyReport(section, s, opts));
  const pooled = new Float64Array(C);
  for (const b of biopsies) for (let c = 0; c < C; c++) pooled[c]! += b.counts[c]!;
  const T = pooled.reduce((s, v) => s + v, 0);
  let tv = 0;
  for (let c = 0; c < C; c++) tv += Math.abs(pooled[c]! / T - section.cloneCells[c]! / section.tumourCells);
  const base: DesignReport = {
    biopsies,
    clonesSeen: section.clones.filter((_, c) => pooled[c]! > 0),
    clonesMissed: section.clones.filter((_, c) => pooled[c]! === 0),
    compositionError: T > 0 ? tv / 2 : NaN,
  };
  const tree = section.tree;
  if (!tree) return base;

  const perBiopsy = biopsies.map((b) => ({ labels: section.clones, counts: b.counts.subarray(0, C) }));
  const classes = mutationClasses(tree, { labels: section.clones, counts: perBiopsy.map((b) => b.counts) }, { minCcf });
  // the regional truth: regions of the section with tumour cells
  const reg = section.regions();
  const regionCounts = reg.names.map(() => new Float64Array(C));
  for (let i = 0; i < section.n; i++) {
    const c = section.category[i]!, g = reg.of[i]!;
    if (c < C && g < reg.names.length) regionCounts[g]![c]!++;
  }
  const withTumour = reg.names.map((name, g) => ({ name, counts: regionCounts[g]! })).filter((r) => r.counts.some((v) => v > 0));
  const regional = mutationClasses(tree, { labels: section.clones, counts: withTumour.map((r) => r.counts) }, { minCcf });
  const whole = mutationClasses(tree, { labels: section.clones, counts: [section.cloneCells] }, { minCcf });
  const informative = classes.ccf.filter((_, b) => biopsies[b]!.tumourCells > 0);
  const mutations = classes.mutations.map((mutation, k): DesignMutation => {
    const tumourCcf = whole.ccf[0]![k]!;
    const truncalCall = informative.length > 0 && informative.every((cc) => cc[k]! >= tau);
    const presentIn = classes.present.reduce((s, p) => s + p[k]!, 0);
    return {
      mutation, clone: tree.clones[classes.cloneOf[k]!]!, presentIn, biopsyClass: classes.classOf[k]!, regionClass: regional.classOf[k]!,
      tumourCcf, truncalCall, clonalInTumour: tumourCcf >= tau, wronglyTruncal: truncalCall && tumourCcf < tau,
      missed: tumourCcf > 0 && presentIn === 0,
    };
  });
  const truncalCalls = mutations.filter((m) => m.truncalCall).length;
  const wronglyTruncal = mutations.filter((m) => m.wronglyTruncal).length;
  const out: DesignReport = {
    ...base, mutations, classes: tally(classes.classOf), regionClasses: tally(regional.classOf), regions: withTumour.map((r) => r.name),
    truncalCalls, wronglyTruncal, illusionFraction: truncalCalls > 0 ? wronglyTruncal / truncalCalls : NaN,
    missedMutations: mutations.filter((m) => m.missed).length,
  };
  if (!opts.metastasis) return out;
  const met = tumourCounts(opts.metastasis);
  const aligned = alignCounts([...perBiopsy, tumourCounts(section), met]);
  const R = perBiopsy.length;
  const o = { clonalCcf: tau, minCcf };
  const call: MetastasisOrigin = metastasisOrigin(tree, aligned.labels, aligned.counts.slice(0, R), aligned.counts[R + 1]!, o);
  const truth: MetastasisOrigin = metastasisOrigin(tree, aligned.labels, [aligned.counts[R]!], aligned.counts[R + 1]!, o);
  return {
    ...out,
    metastasis: {
      call: call.divergence, truth: truth.divergence, correct: call.divergence === truth.divergence,
      evidence: call.missingTruncal, truthEvidence: truth.missingTruncal, seedingClone: call.seedingClone, trueSeedingClone: truth.seedingClone,
    },
  };
}
