// What one biopsy would report, against the truth of its section (SCIENCE.md §3.1, §3.3):
// cells, tumour cells, purity ρ = n_T/n_all, clone fractions over tumour cells next to the whole
// section's and the biopsy's region's, the clones it misses, and with a clone tree every mutation's
// CCF there and in the tumour, the expected VAF at that purity, the clonal call (CCF ≥ τ) and
// whether that call is an illusion of clonality (clonal here, subclonal in the tumour).
// A mutation is detected when its CCF in the biopsy is > 0 and ≥ minCcf (default 0.05).
// The biopsy's region is the region most of its tumour cells (else of all its cells) lie in.

import { cellsInBiopsy, type BiopsyShape } from './geometry.ts';
import { expectedVaf, TAU, nodeCcf, type CopyState } from './mutations.ts';
import type { BiopsySection } from './section.ts';

export interface ReportOptions extends CopyState {
  /** Clonal call τ [0.9]. */
  readonly tau?: number;
  /** A mutation is detected at CCF ≥ minCcf (and > 0) [0.05]. */
  readonly minCcf?: number;
  /** Purity ρ for the expected VAF instead of the biopsy's own (tables without normal cells). */
  readonly purity?: number;
}

export interface CloneShare {
  readonly clone: string;
  readonly cells: number;
  /** Share of the biopsy's tumour cells (0 when it has none). */
  readonly fraction: number;
  /** Share of the section's tumour cells. */
  readonly sectionFraction: number;
  /** Share of the tumour cells of the biopsy's region (NaN without a region). */
  readonly regionFraction: number;
}

export interface MutationCall {
  readonly mutation: string;
  /** The clone whose branch carries it. */
  readonly clone: string;
  readonly ccf: number;
  readonly tumourCcf: number;
  /** CCF over the tumour cells of the biopsy's region (NaN without a region). */
  readonly regionCcf: number;
  /** Expected VAF at the biopsy's purity (CNAqc form; ρ·CCF/2 for a heterozygous diploid mutation). */
  readonly expectedVaf: number;
  readonly detected: boolean;
  /** Called clonal here: CCF ≥ τ. */
  readonly clonal: boolean;
  readonly clonalInTumour: boolean;
  /** Clonal here, subclonal in the tumour. */
  readonly illusion: boolean;
}

/** What this biopsy would tell the clinic, as numbers (the card's content). */
export interface ClinicSummary {
  readonly tumourCells: number;
  readonly purity: number;
  readonly dominantClone: { readonly clone: string; readonly fraction: number } | null;
  readonly clonesSeen: number;
  readonly clonesInSection: number;
  readonly clonesMissed: readonly string[];
  /** Largest |fraction − sectionFraction| over clones: how far its composition is from the section's. */
  readonly worstCompositionError: number;
  /** With a tree: mutations called clonal here (they look truncal), how many of those are illusions, … */
  readonly truncalLooking?: number;
  readonly illusions?: number;
  /** illusions / truncalLooking (PCAWG form); NaN when nothing looks truncal. */
  readonly illusionFraction?: number;
  /** … truly truncal mutations (clonal in the tumour), those this biopsy calls subclonal or misses, */
  readonly trulyTruncal?: number;
  readonly truncalMissed?: number;
  /** … and mutations present in the tumour, detected here or not. */
  readonly mutationsDetected?: number;
  readonly mutationsMissed?: number;
}

export interface BiopsyReport {
  readonly shape?: BiopsyShape;
  readonly cells: number;
  readonly tumourCells: number;
  /** ρ = n_T / n_all; NaN for an empty biopsy. */
  readonly purity: number;
  /** Region most of its tumour cells lie in; null when the biopsy is empty. */
  readonly region: string | null;
  /** Every clone of the section, in the section's order. */
  readonly clones: readonly CloneShare[];
  readonly missedClones: readonly string[];
  /** Every mutation of the tree (absent without one). */
  readonly mutations?: readonly MutationCall[];
  readonly clinic: ClinicSummary;
  /** Cells per category (section clones, then other cells). */
  readonly counts: Float64Array;
}

/** Clone counts per region of the section, memoised: [g][c] tumour cells of clone c in region g. */
const regionCounts = new WeakMap<BiopsySection, Float64Array[]>();

function countsByRegion(section: BiopsySection): Float64Array[] {
  let out = regionCounts.get(section);
  if (out) return out;
  const reg = section.regions();
  const C = section.clones.length;
  out = reg.names.map(() => new Float64Array(C));
  for (let i = 0; i < section.n; i++) {
    const c = section.category[i]!, g = reg.of[i]!;
    if (c < C && g < reg.names.length) out[g]![c]!++;
  }
  regionCounts.set(section, out);
  return out;
}

/** The report of the biopsy placed as `shape`. */
export function biopsyReport(section: BiopsySection, shape: BiopsyShape, opts: ReportOptions = {}): BiopsyReport {
  return { ...reportOfCells(section, cellsInBiopsy(section.index, shape), opts), shape };
}

/** The report of any set of cells (a biopsy's, a selection's), by index. */
export function reportOfCells(section: BiopsySection, cells: ArrayLike<number>, opts: ReportOptions = {}): BiopsyReport {
  const tau = opts.tau ?? TAU;
  const minCcf = opts.minCcf ?? 0.05;
  const C = section.clones.length;
  const counts = section.countCells(cells);
  let nT = 0;
  for (let c = 0; c < C; c++) nT += counts[c]!;
  const all = nT + counts[C]!;
  const purity = all > 0 ? nT / all : NaN;

  // the region: most of the tumour cells, else most of the cells
  const reg = section.regions();
  const G = reg.names.length;
  const votes = new Float64Array(2 * (G + 1)); // [g]: tumour cells, [G + 1 + g]: all cells
  for (let k = 0; k < cells.length; k++) {
    const i = cells[k]!, c = section.category[i]!;
    if (c > C) continue;
    if (c < C) votes[reg.of[i]!]!++;
    votes[G + 1 + reg.of[i]!]!++;
  }
  const off = nT > 0 ? 0 : G + 1;
  let g = -1;
  for (let r = 0; r < G; r++) if (votes[off + r]! > 0 && (g < 0 || votes[off + r]! > votes[off + g]!)) g = r;
  const inRegion = g >= 0 ? countsByRegion(section)[g]! : null;
  const regionT = inRegion ? inRegion.reduce((s, v) => s + v, 0) : 0;

  const clones = section.clones.map((clone, c): CloneShare => ({
    clone,
    cells: counts[c]!,
    fraction: nT > 0 ? counts[c]! / nT : 0,
    sectionFraction: section.cloneCells[c]! / section.tumourCells,
    regionFraction: inRegion && regionT > 0 ? inRegion[c]! / regionT : NaN,
  }));
  const missedClones = clones.filter((s) => s.cells === 0).map((s) => s.clone);
  let dominant: CloneShare | null = null;
  for (const s of clones) if (s.cells > 0 && (!dominant || s.cells > dominant.cells)) dominant = s;
  const clinicBase = {
    tumourCells: nT,
    purity,
    dominantClone: dominant ? { clone: dominant.clone, fraction: dominant.fraction } : null,
    clonesSeen: C - missedClones.length,
    clonesInSection: C,
    clonesMissed: missedClones,
    worstCompositionError: nT > 0 ? Math.max(0, ...clones.map((s) => Math.abs(s.fraction - s.sectionFraction))) : NaN,
  };
  const base = { cells: all, tumourCells: nT, purity, region: g >= 0 ? reg.names[g]! : null, clones, missedClones, counts };
  const { tree, treeIndex } = section;
  if (!tree || !treeIndex) return { ...base, clinic: clinicBase };

  const here = nodeCcf(tree, treeIndex, counts);
  const whole = nodeCcf(tree, treeIndex, Float64Array.from({ length: C + 1 }, (_, c) => (c < C ? section.cloneCells[c]! : 0)));
  const regional = inRegion ? nodeCcf(tree, treeIndex, Float64Array.from({ length: C + 1 }, (_, c) => (c < C ? inRegion[c]! : 0))) : null;
  const rho = opts.purity ?? (Number.isFinite(purity) ? purity : 0);
  const mutations: MutationCall[] = [];
  tree.mutations.forEach((names, t) => {
    const ccf = nT > 0 ? here[t]! : 0;
    const tumourCcf = whole[t]!;
    const clonal = nT > 0 && ccf >= tau;
    const clonalInTumour = tumourCcf >= tau;
    for (const mutation of names)
      mutations.push({
        mutation, clone: tree.clones[t]!, ccf, tumourCcf, regionCcf: regional && regionT > 0 ? regional[t]! : NaN,
        expectedVaf: expectedVaf(ccf, rho, opts), detected: ccf > 0 && ccf >= minCcf, clonal, clonalInTumour, illusion: clonal && !clonalInTumour,
      });
  });
  const truncalLooking = mutations.filter((m) => m.clonal).length;
  const illusions = mutations.filter((m) => m.illusion).length;
  const present = mutations.filter((m) => m.tumourCcf > 0);
  return {
    ...base,
    mutations,
    clinic: {
      ...clinicBase,
      truncalLooking,
      illusions,
      illusionFraction: truncalLooking > 0 ? illusions / truncalLooking : NaN,
      trulyTruncal: mutations.filter((m) => m.clonalInTumour).length,
      truncalMissed: mutations.filter((m) => m.clonalInTumour && !m.clonal).length,
      mutationsDetected: present.filter((m) => m.detected).length,
      mutationsMissed: present.filter((m) => !m.detected).length,
    },
  };
}
