// The window's state: loaded samples, the colouring, the running load, and messages. Views
// subscribe and re-render from the state; only actions (app/*.ts) change it.

import type { CellTable } from '../../shared/dataset/cell-table.ts';
import type { LoadReport } from '../../shared/dataset/load.ts';
import type { ColumnProfile } from '../../shared/dataset/profile.ts';
import type { FileRef } from '../host/types.ts';

/** Where a sample was taken; `primary` is a whole section of the primary tumour. */
export type SampleSite = 'primary' | 'primary-core' | 'invasive-front' | 'metastasis' | 'other';

/** Where a sample's table came from: a user's file, the bundled sample data, or the simulator. */
export type SampleOrigin = 'file' | 'sample-data' | 'simulated';

export interface Sample {
  readonly id: string;
  /** What the user sees: the file name, plus the sample label when a file was split. */
  readonly name: string;
  readonly site: SampleSite;
  readonly origin: SampleOrigin;
  readonly table: CellTable;
  readonly report: LoadReport;
  readonly profiles: readonly ColumnProfile[];
  /** The file it came from (reloaded with a new column mapping) and the files chosen with it. */
  readonly source: FileRef;
  readonly siblings: readonly FileRef[];
  /** Label of the sample column this sample holds, when a file was split by sample. */
  readonly sampleLabel?: string;
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

export interface AppState {
  readonly samples: readonly Sample[];
  readonly activeSampleId: string | null;
  /** Column the cells are coloured by (shared by all samples that have it); null: each table's
   *  default (clone, region, phenotype…); '': no colouring. */
  readonly colorBy: string | null;
  readonly loading: Loading | null;
  readonly message: Message | null;
  readonly theme: 'light' | 'dark';
}

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
