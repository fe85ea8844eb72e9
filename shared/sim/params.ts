// Simulation parameters: defaults (SCIENCE.md §2.6), the presets users recognise, and validation.
// Times are in units of 1/b₀ (one mean cell cycle at the base birth rate); lengths in µm.

export type LatticeKind = 'hex' | 'moore' | 'neumann';
/** push: daughters shove a line of cells outward (tumopp); eden: daughter into a random empty
 *  neighbour (surface growth); random-neighbour: pick one neighbour, divide only if it is empty (Waclaw). */
export type GrowthMode = 'push' | 'eden' | 'random-neighbour';

export interface GrowthParams {
  /** Seed of the growth stream (uint32); restarts after extinction use hashed seeds (growth.ts restartSeed). */
  readonly seed: number;
  /** Tumour cells to grow (N). */
  readonly cells: number;
  readonly lattice: LatticeKind;
  /** Distance between neighbouring lattice sites, µm (one cell diameter). */
  readonly spacingUm: number;
  readonly mode: GrowthMode;
  /** Base birth rate b₀ per time unit. */
  readonly birth: number;
  /** Death rate d₀ per time unit, the same for every cell (d₀ < b₀). */
  readonly death: number;
  /** Migration rate m₀ per time unit: swap with a random neighbour. */
  readonly migration: number;
  /** Neutral mutations per daughter per division, Poisson mean (≤ 10). */
  readonly mu: number;
  /** Probability that a daughter gains a driver at a division. */
  readonly pDriver: number;
  /** A driver multiplies the birth rate by (1 + s). s = 0 marks a lineage without a fitness effect. */
  readonly sDriver: number;
  /** A lineage gains at most this many drivers with an effect in one growth: birth rates stop at the
   *  founder's × (1+s)^maxDrivers and cells there draw no further drivers. Without a cap nested drivers compound without bound
   *  (1.8¹² ≈ 1,000× faster divisions) and the last time units are a burst of ultra-fit micro-clones. */
  readonly maxDrivers: number;
  /** Mutations on the root (the tumour's founding cell): truncal in every sample. */
  readonly nTruncal: number;
  /** Stop at this time even if N is not reached; null = no limit. */
  readonly tMax: number | null;
  /** Regrow (with a new seed) at most this many times when the population dies out. */
  readonly maxRestarts: number;
}

export interface TissueParams {
  /** Tissue (stroma, immune cells) extends this far beyond the tumour mask, µm. */
  readonly marginUm: number;
  /** The same for the metastasis section (usually a smaller tumour), µm. */
  readonly metastasisMarginUm: number;
  /** Width w of the invasive-front band |d| ≤ w/2, µm (SCIENCE.md §3.5 uses 1000 µm for whole
   *  human tumours; a simulated 2D section of 5·10⁴ cells is only ~2.5 mm across). */
  readonly frontWidthUm: number;
  /** Raster pixel of the tumour mask, µm. */
  readonly pixelUm: number;
  /** Mask = pixels within this distance of a tumour cell, µm (≈ 2 cell diameters). */
  readonly dilateUm: number;
  /** Morphological closing radius of the mask, µm. */
  readonly closingUm: number;
  /** Fraction of tumour sites occupied by stromal septa between tumour nests (0 … 0.9). */
  readonly stromaFraction: number;
  /** Typical size of a tumour nest between septa, µm. */
  readonly nestSizeUm: number;
  /** Probability that a lattice site outside the tumour holds a cell (loose connective tissue). */
  readonly outsideDensity: number;
  /** Random displacement of each cell from its lattice site, ± µm in x and y. */
  readonly jitterUm: number;
}

export interface SimParams {
  readonly growth: GrowthParams;
  readonly tissue: TissueParams;
  /** A driver lineage is reported as its own clone when it holds at least this fraction of the
   *  tumour cells of some section; smaller ones stay in their parent clone. */
  readonly minCloneFraction: number;
}

export type MetastasisMode = 'late' | 'early';

export interface MetastasisParams {
  /** late: founded by a cell of the latest-born subclone, carrying its full mutation set;
   *  early: founded before the primary's last clonal sweep (lacks its truncal mutations). */
  readonly mode: MetastasisMode;
  /** Tumour cells to grow in the metastasis. */
  readonly cells: number;
  /** Seed of the metastasis' own growth stream. */
  readonly seed: number;
  /** Mutations private to the metastasis founder (clonal in the metastasis only). */
  readonly privateMutations: number;
}

export const DEFAULT_GROWTH: GrowthParams = {
  seed: 1,
  cells: 20_000,
  lattice: 'hex',
  spacingUm: 10,
  mode: 'push',
  birth: 1,
  death: 0,
  migration: 0,
  mu: 1,
  pDriver: 0.002,
  sDriver: 0.3,
  maxDrivers: 3,
  nTruncal: 10,
  tMax: null,
  maxRestarts: 100,
};

export const DEFAULT_TISSUE: TissueParams = {
  marginUm: 400,
  metastasisMarginUm: 200,
  frontWidthUm: 200,
  pixelUm: 10,
  dilateUm: 20,
  closingUm: 50,
  stromaFraction: 0.25,
  nestSizeUm: 150,
  outsideDensity: 0.6,
  jitterUm: 1.5,
};

export const DEFAULT_PARAMS: SimParams = { growth: DEFAULT_GROWTH, tissue: DEFAULT_TISSUE, minCloneFraction: 0.01 };

export const PRESET_NAMES = ['big-bang', 'sectoral', 'selective-sweep', 'high-turnover'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Preset {
  readonly name: PresetName;
  readonly label: string;
  readonly description: string;
  readonly growth: Partial<GrowthParams>;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  'big-bang': {
    name: 'big-bang',
    label: 'Big Bang (neutral mixing)',
    description:
      'Pushing growth without selection (Sottoriva 2015): lineages founded in the first divisions are labelled ' +
      'as clones with no fitness effect (s = 0) and end up fragmented and interleaved rather than in sectors.',
    growth: { mode: 'push', pDriver: 0.05, sDriver: 0 },
  },
  sectoral: {
    name: 'sectoral',
    label: 'Sectoral surface growth',
    description: 'Only cells at the surface divide (Eden growth, no death): each clone fills a wedge-shaped sector.',
    growth: { mode: 'eden', death: 0, pDriver: 0.002, sDriver: 0.3 },
  },
  'selective-sweep': {
    name: 'selective-sweep',
    label: 'Selective sweep',
    description: 'Pushing growth with strong drivers: an early fitter subclone takes over a large part of the tumour.',
    growth: { mode: 'push', pDriver: 0.01, sDriver: 1 },
  },
  'high-turnover': {
    name: 'high-turnover',
    label: 'High turnover',
    description: 'Death rate 70 % of the birth rate: many more divisions per cell, more mutations, slower net growth.',
    growth: { mode: 'push', death: 0.7, pDriver: 0.002, sDriver: 0.3 },
  },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** Full parameters of a preset, with the cell count, seed and any overrides applied. */
export function presetParams(
  name: PresetName,
  o: { cells?: number; seed?: number; growth?: Partial<GrowthParams>; tissue?: Partial<TissueParams>; minCloneFraction?: number } = {},
): SimParams {
  return {
    growth: {
      ...DEFAULT_GROWTH,
      ...PRESETS[name].growth,
      ...(o.cells !== undefined ? { cells: o.cells } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...o.growth,
    },
    tissue: { ...DEFAULT_TISSUE, ...o.tissue },
    minCloneFraction: o.minCloneFraction ?? DEFAULT_PARAMS.minCloneFraction,
  };
}

/** Problems with the parameters, one sentence each; empty when they can be simulated. */
export function paramProblems(p: SimParams): string[] {
  const out: string[] = [];
  const g = p.growth;
  const t = p.tissue;
  const check = (cond: boolean, msg: string) => {
    if (!cond) out.push(msg);
  };
  check(Number.isInteger(g.seed) && g.seed >= 0 && g.seed <= 0xffffffff, `seed must be a whole number from 0 to 4294967295, not ${g.seed}.`);
  check(Number.isInteger(g.cells) && g.cells >= 1 && g.cells <= 20_000_000, `the number of cells must be a whole number from 1 to 20,000,000, not ${g.cells}.`);
  check(['hex', 'moore', 'neumann'].includes(g.lattice), `lattice must be hex, moore or neumann, not '${g.lattice}'.`);
  check(['push', 'eden', 'random-neighbour'].includes(g.mode), `growth mode must be push, eden or random-neighbour, not '${g.mode}'.`);
  check(g.spacingUm > 0, 'cell spacing must be positive.');
  check(g.birth > 0, 'the birth rate must be positive.');
  check(g.death >= 0 && g.death < g.birth, 'the death rate must be at least 0 and below the birth rate.');
  check(g.migration >= 0, 'the migration rate must be at least 0.');
  check(g.mu >= 0 && g.mu <= 10, 'mutations per division (mu) must be between 0 and 10.');
  check(g.pDriver >= 0 && g.pDriver <= 1, 'the driver probability must be between 0 and 1.');
  check(g.sDriver > -1, 'the driver effect s must be above −1.');
  check(Number.isInteger(g.maxDrivers) && g.maxDrivers >= 0, 'the maximum number of drivers must be a whole number ≥ 0.');
  check(Number.isInteger(g.nTruncal) && g.nTruncal >= 1, 'there must be at least one truncal mutation.');
  check(g.tMax === null || g.tMax > 0, 'the time limit must be positive.');
  check(Number.isInteger(g.maxRestarts) && g.maxRestarts >= 0, 'the number of restarts must be a whole number ≥ 0.');
  check(t.marginUm >= 0 && t.metastasisMarginUm >= 0 && t.frontWidthUm >= 0 && t.pixelUm > 0, 'margin and front width must be ≥ 0 µm, the pixel > 0 µm.');
  check(t.dilateUm >= 0 && t.closingUm >= 0, 'dilation and closing radii must be ≥ 0 µm.');
  check(t.stromaFraction >= 0 && t.stromaFraction <= 0.9, 'the stroma fraction must be between 0 and 0.9.');
  check(t.nestSizeUm > 0, 'the nest size must be positive.');
  check(t.outsideDensity >= 0 && t.outsideDensity <= 1, 'the outside density must be between 0 and 1.');
  check(t.jitterUm >= 0 && t.jitterUm < g.spacingUm / 2, 'the jitter must be ≥ 0 and below half the cell spacing.');
  check(p.minCloneFraction >= 0 && p.minCloneFraction <= 1, 'the minimum clone fraction must be between 0 and 1.');
  return out;
}
