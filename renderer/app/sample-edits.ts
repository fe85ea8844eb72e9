// Edits to what the user draws on a sample — region shapes and virtual biopsies — with one undo
// history (Ctrl+Z): the field's value before each edit, newest last, at most 100; undone edits can
// be redone (Ctrl+Shift+Z / Ctrl+Y) until the next new edit.

import type { BiopsyShape } from '../../shared/analysis/biopsy/geometry.ts';
import type { BiopsyEdit } from '../views/section-view.ts';
import type { RegionShape, Sample, Store } from './store.ts';

type Field = 'shapes' | 'biopsies';
const WORDS: Record<Field, string> = { shapes: 'Region edit', biopsies: 'Biopsy edit' };

export interface SampleEdits {
  shapes(sampleId: string, edit: (shapes: readonly RegionShape[]) => RegionShape[]): void;
  biopsy(sampleId: string, edit: BiopsyEdit): void;
  /** Undoes the newest edit; false when there is none. */
  undo(): boolean;
  /** Redoes the newest undone edit; false when there is none. */
  redo(): boolean;
  /** Forgets every edit (a workspace was opened). */
  reset(): void;
}

export function createSampleEdits(store: Store): SampleEdits {
  type Step = { sampleId: string; field: Field; before: Sample[Field] };
  const history: Step[] = [];
  let undone: Step[] = [];
  const patch = (sampleId: string, field: Field, value: Sample[Field]) =>
    store.get().samples.map((s) => (s.id === sampleId ? { ...s, [field]: value } : s));
  const edit = <F extends Field>(sampleId: string, field: F, change: (old: NonNullable<Sample[F]>) => NonNullable<Sample[F]>) => {
    const sample = store.get().samples.find((s) => s.id === sampleId);
    if (!sample) return;
    history.push({ sampleId, field, before: sample[field] });
    if (history.length > 100) history.shift();
    undone = [];
    store.set({ samples: patch(sampleId, field, change((sample[field] ?? []) as NonNullable<Sample[F]>)) });
  };
  /** Takes the newest step of `from`, restores its value and pushes the value it replaced onto `to`. */
  const swap = (from: Step[], to: Step[], word: string): boolean => {
    const last = from.pop();
    if (!last) return false;
    const sample = store.get().samples.find((s) => s.id === last.sampleId);
    if (!sample) return false;
    to.push({ sampleId: last.sampleId, field: last.field, before: sample[last.field] });
    const picked = store.get().pickedBiopsy;
    const stale = last.field === 'biopsies' && picked?.sampleId === last.sampleId && picked.index >= ((last.before as readonly BiopsyShape[] | undefined)?.length ?? 0);
    store.set({ samples: patch(last.sampleId, last.field, last.before), message: { kind: 'info', text: `${WORDS[last.field]} ${word}.` }, ...(stale ? { pickedBiopsy: null } : {}) });
    return true;
  };
  return {
    shapes: (sampleId, change) => edit(sampleId, 'shapes', change),
    biopsy(sampleId, e) {
      const list = store.get().samples.find((s) => s.id === sampleId)?.biopsies ?? [];
      if (e.kind === 'pick') return store.set({ pickedBiopsy: e.index === null ? null : { sampleId, index: e.index }, activeSampleId: sampleId });
      if (e.kind === 'add') {
        edit(sampleId, 'biopsies', (old: readonly BiopsyShape[]) => [...old, e.shape]);
        return store.set({ pickedBiopsy: { sampleId, index: list.length } });
      }
      if (e.kind === 'add-many') {
        edit(sampleId, 'biopsies', (old: readonly BiopsyShape[]) => [...old, ...e.shapes]);
        return store.set({ pickedBiopsy: null, activeSampleId: sampleId });
      }
      if (e.kind === 'replace') return edit(sampleId, 'biopsies', (old: readonly BiopsyShape[]) => old.map((s, k) => (k === e.index ? e.shape : s)));
      edit(sampleId, 'biopsies', (old: readonly BiopsyShape[]) => old.filter((_, k) => k !== e.index));
      store.set({ pickedBiopsy: null });
    },
    undo: () => swap(history, undone, 'undone'),
    redo: () => swap(undone, history, 'redone'),
    reset() {
      history.length = 0;
      undone = [];
    },
  };
}
