// The window's state: loaded samples, the colouring, the running load, and messages. Views
// subscribe and re-render from the state; only actions (app/*.ts) change it.

import type { FigureSpec } from '../scene/figure-layout.ts';
import type { CellTable } from '../../shared/dataset/cell-table.ts';
import type { LoadReport } from '../../shared/dataset/load.ts';
import type { ColumnProfile } from '../../shared/dataset/profile.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import type { BiopsyShape, BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import type { RegionSettings } from '../scene/sample-regions.ts';
import type { FileRef } from '../host/types.ts';
import type { ColormapName } from '../scene/colouring.ts';

/** Where a sample was taken; `primary` is a whole section of the primary tumour. */
export type SampleSite = 'primary' | 'primary-core' | 'invasive-front' | 'metastasis' | 'other';

export const SITE_LABELS: Readonly<Record<SampleSite, string>> = {
  primary: 'primary tumour',
  'primary-core': 'primary core',
  'invasive-front': 'invasive front',
  metastasis: 'metastasis',
  other: 'other site',
};

/** How a sample's site reads: its label, or the user's words for an 'other' site. */
export function siteLabel(s: { readonly site: SampleSite; readonly siteName?: string }): string {
  return s.site === 'other' && s.siteName ? s.siteName : SITE_LABELS[s.site];
}

/** Where a sample's table came from: a user's file, the bundled sample data, or the simulator. */
export type SampleOrigin = 'file' | 'sample-data' | 'simulated';

/** A region outline attached to a sample (from GeoJSON), world coordinates. */
export interface RegionShape {
  readonly name: string;
  readonly rings: readonly Float64Array[];
}

export interface Sample {
  readonly id: string;
  /** What the user sees: the file name, plus the sample label when a file was split. */
  readonly name: string;
  readonly site: SampleSite;
  /** The user's words for an 'other' site ("lymph node", "liver met 2"). */
  readonly siteName?: string;
  /** Virtual biopsies placed on this sample, world coordinates (numbered from 1 in this order). */
  readonly biopsies?: readonly BiopsyShape[];
  readonly origin: SampleOrigin;
  readonly table: CellTable;
  readonly report: LoadReport;
  readonly profiles: readonly ColumnProfile[];
  /** The file it came from (reloaded with a new column mapping) and the files chosen with it. */
  readonly source: FileRef;
  readonly siblings: readonly FileRef[];
  /** Region outlines attached to the sample (GeoJSON); else regions come from its region column. */
  readonly shapes?: readonly RegionShape[];
  /** Label of the sample column this sample holds, when a file was split by sample. */
  readonly sampleLabel?: string;
  /** Annotation tables joined onto it, in order (saved with the workspace and joined again on opening). */
  readonly joined?: readonly FileRef[];
  /** How a simulated sample was made (rebuilt from it when a workspace is opened). */
  readonly simulation?: Readonly<Record<string, unknown>>;
  readonly loadMs: number;
}

export interface Loading {
  readonly label: string;
  /** 0–1, or null while the size is unknown. */
  readonly fraction: number | null;
  readonly rows: number;
  readonly cancel: () => void;
}

export interface Message {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly details?: readonly string[];
  /** An action offered with the message ("Choose columns…"). */
  readonly action?: { readonly label: string; readonly run: () => void };
}

/** How a numeric colour column is mapped to colours. */
export interface NumericColouring {
  readonly colormap: ColormapName;
  /** Colour limits in the column's units; null = robust default (2nd–98th percentile). */
  readonly min: number | null;
  readonly max: number | null;
  readonly log: boolean;
}

export interface PointSizeSetting {
  /** auto: from the cell spacing; um: a diameter in µm (follows zoom); px: fixed screen pixels. */
  readonly mode: 'auto' | 'um' | 'px';
  readonly value: number;
}

export interface OverlaySettings {
  /** Region polygons: from the region column's cells, or from region shapes attached to the sample. */
  readonly regions: boolean;
  readonly regionFill: number; // 0–1
  readonly regionOutline: boolean;
  readonly regionLabels: boolean;
  /** Clone territory outlines: where a clone holds at least `territoryLevel` of the tumour cells. */
  readonly territories: boolean;
  readonly territoryLevel: number; // 0–1
  readonly territoryOpacity: number; // 0–1
}

/** pan; rect / lasso select cells; poly / free draw regions; punch / needle place biopsies. */
export type Tool = 'pan' | 'rect' | 'lasso' | 'poly' | 'free' | 'punch' | 'needle';

/** The biopsy picked in a sample's list (number = index + 1). */
export interface BiopsyPick {
  readonly sampleId: string;
  readonly index: number;
}

export interface Selection {
  readonly sampleId: string;
  /** 1 = selected, one entry per cell of the sample. */
  readonly mask: Uint8Array;
  readonly count: number;
  /** The drawn rectangle or lasso, world coordinates. */
  readonly outline: Float64Array;
}

export interface AppState {
  readonly samples: readonly Sample[];
  readonly activeSampleId: string | null;
  /** Column the cells are coloured by (shared by all samples that have it); null: each table's
   *  default (clone, region, phenotype…); '': no colouring. */
  readonly colorBy: string | null;
  readonly loading: Loading | null;
  readonly message: Message | null;
  readonly theme: 'light' | 'dark';
  /** Labels hidden in the legend, by column name (the same in every sample). */
  readonly hidden: Readonly<Record<string, readonly string[]>>;
  readonly numeric: Readonly<Record<string, NumericColouring>>;
  readonly pointSize: PointSizeSetting;
  readonly overlays: OverlaySettings;
  readonly tool: Tool;
  readonly selection: Selection | null;
  /** Bumped when a category colour is edited (colours live in the ColourBook). */
  readonly colourVersion: number;
  /** Pan and zoom of one section move the others (same µm per pixel, same relative place). */
  readonly linkViews: boolean;
  /** The sample the others are compared with. */
  readonly referenceSampleId: string | null;
  /** The comparison panel is open. */
  readonly comparing: boolean;
  /** Column the comparison is made by (null: the clone column, else the colour column). */
  readonly compareBy: string | null;
  /** Where regions come from, and the invasive-front width of derived regions. */
  readonly regionSettings: RegionSettings;
  /** The clone tree of the workspace (clone,parent,mutations), when one was opened. */
  readonly cloneTree: { readonly tree: CloneTree; readonly file: string } | null;
  /** Size and kind of the next biopsy placed (µm; needles also angle, degrees from the x axis). */
  readonly biopsyTemplate: BiopsyTemplate;
  readonly pickedBiopsy: BiopsyPick | null;
  /** The sampling (Monte Carlo) panel is open. */
  readonly sampling: boolean;
  /** The figure last composed (kept with the workspace); null: the composer's default. */
  readonly figure: FigureSpec | null;
}

export const DEFAULT_OVERLAYS: OverlaySettings = {
  regions: true,
  regionFill: 0.12,
  regionOutline: true,
  regionLabels: true,
  territories: false,
  territoryLevel: 0.5,
  territoryOpacity: 0.9,
};

export const DEFAULT_NUMERIC: NumericColouring = { colormap: 'viridis', min: null, max: null, log: false };

export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function activeSample(state: AppState): Sample | undefined {
  return state.samples.find((s) => s.id === state.activeSampleId) ?? state.samples[0];
}
