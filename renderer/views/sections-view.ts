// The loaded samples side by side: one SectionView per sample, created and destroyed as samples
// come and go, all updated from the app state.

import type { AppState, Sample } from '../app/store.ts';
import type { ColourBook } from '../scene/palette.ts';
import type { ViewState } from '../scene/view-state.ts';
import { h } from './dom.ts';
import { SectionView, type SectionViewActions } from './section-view.ts';

export class SectionsView {
  readonly el = h('div', { class: 'samples', testid: 'samples' });
  private readonly views = new Map<string, SectionView>();

  constructor(
    private readonly book: ColourBook,
    private readonly actions: SectionViewActions,
  ) {}

  update(state: AppState): void {
    const ids = new Set(state.samples.map((s) => s.id));
    for (const [id, view] of this.views) {
      if (ids.has(id)) continue;
      view.destroy();
      this.views.delete(id);
    }
    state.samples.forEach((sample: Sample, k) => {
      let view = this.views.get(sample.id);
      if (view && view.sample !== sample && view.sample.table === sample.table) view.setSample(sample);
      else if (!view || view.sample !== sample) {
        view?.destroy();
        view = new SectionView(sample, this.book, this.actions);
        this.views.set(sample.id, view);
      }
      if (this.el.children[k] !== view.el) this.el.insertBefore(view.el, this.el.children[k] ?? null);
      view.update(state);
    });
    this.el.dataset.count = String(state.samples.length);
  }

  view(sampleId: string | null): SectionView | undefined {
    return sampleId ? this.views.get(sampleId) : undefined;
  }

  /** Linked views: the others follow the one the user moved. */
  follow(sampleId: string, view: ViewState, moving: boolean): void {
    const source = this.views.get(sampleId);
    if (!source) return;
    for (const v of this.views.values()) if (v !== source) v.follow(source, view, moving);
  }
}
