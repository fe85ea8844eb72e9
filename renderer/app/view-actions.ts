// What the legend, the layers panel and the selection do to the app state.

import { indicesToMask } from '../../shared/analysis/selection.ts';
import { columnByName } from '../../shared/dataset/cell-table.ts';
import type { LegendActions } from '../views/legend.ts';
import type { LayersActions } from '../views/layers-panel.ts';
import type { ColourBook } from '../scene/palette.ts';
import { DEFAULT_NUMERIC, type Store } from './store.ts';

export function legendActions(store: Store, book: ColourBook): LegendActions {
  const labelsOf = (column: string): string[] => {
    const labels = new Set<string>();
    for (const s of store.get().samples) {
      const c = columnByName(s.table, column);
      if (c?.kind === 'category') for (const l of c.labels) labels.add(l);
    }
    return [...labels];
  };
  const setHidden = (column: string, hidden: readonly string[]) => store.set({ hidden: { ...store.get().hidden, [column]: hidden } });
  return {
    toggle(column, label) {
      const hidden = store.get().hidden[column] ?? [];
      setHidden(column, hidden.includes(label) ? hidden.filter((l) => l !== label) : [...hidden, label]);
    },
    isolate(column, label) {
      const hidden = store.get().hidden[column] ?? [];
      const others = labelsOf(column).filter((l) => l !== label);
      const isolated = !hidden.includes(label) && others.every((l) => hidden.includes(l));
      setHidden(column, isolated ? [] : [...others, '']); // '' = cells with no label
    },
    recolour(column, label, colour) {
      book.set(column, label, colour);
      store.set({ colourVersion: store.get().colourVersion + 1 });
    },
    numeric(column, patch) {
      const current = store.get().numeric[column] ?? DEFAULT_NUMERIC;
      store.set({ numeric: { ...store.get().numeric, [column]: { ...current, ...patch } } });
    },
  };
}

export function layersActions(store: Store): LayersActions {
  return {
    overlays: (patch) => store.set({ overlays: { ...store.get().overlays, ...patch } }),
    pointSize: (pointSize) => store.set({ pointSize }),
  };
}

/** A finished rectangle or lasso on a sample: the cells inside become the selection. */
export function selectCells(store: Store, sampleId: string, outline: Float64Array | null, cells: Uint32Array | null): void {
  const sample = store.get().samples.find((s) => s.id === sampleId);
  if (!sample || !outline || !cells) return store.set({ selection: null });
  store.set({ selection: { sampleId, mask: indicesToMask(cells, sample.table.n), count: cells.length, outline }, activeSampleId: sampleId });
}
