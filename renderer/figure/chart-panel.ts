// Chart panels of a figure: composition bars, the JSD heatmap, the mutation map, the clone tree,
// detection curves and strategies — the same charts as the Compare and Sampling panels, drawn in
// the figure's font and colours at the panel's size (pt) and fitted into it.

import type { SamplingResult } from '../app/sampling-client.ts';
import type { AppState } from '../app/store.ts';
import { cloneTreeChart } from '../scene/charts/clone-tree.ts';
import { text, type ChartStyle } from '../scene/charts/svg.ts';
import { comparisonOf, compositionChart, jsdChart, mutationChart, pooledShares, type Comparison } from '../scene/comparison.ts';
import type { Box, PanelKind } from '../scene/figure-layout.ts';
import type { ColourBook } from '../scene/palette.ts';
import { detectionChart, strategiesChart } from '../scene/sampling-charts.ts';
import { placeSvg } from './place-svg.ts';

/** What chart panels draw from, besides the samples: the Monte Carlo runs of the Sampling panel. */
export interface ChartSources {
  readonly state: AppState;
  readonly book: ColourBook;
  readonly latestRun: () => { readonly result: SamplingResult; readonly cloneColumn: string } | null;
  readonly runs: () => readonly { readonly result: SamplingResult }[];
  /** What a section's window shows now: centre (table units), size and scale in CSS px; null when not drawn. */
  readonly view: (sampleId: string) => SectionViewNow | null;
}

export interface SectionViewNow {
  readonly cx: number;
  readonly cy: number;
  /** CSS px per table unit. */
  readonly scale: number;
  /** CSS px. */
  readonly width: number;
  readonly height: number;
}

/** Why a chart panel cannot be drawn now (one sentence), or null when it can. */
export function chartUnavailable(kind: PanelKind, src: ChartSources): string | null {
  if (kind === 'section') return null;
  if (kind === 'detection' || kind === 'strategies') return src.latestRun() ? null : 'Run a Monte Carlo design in the Sampling panel (S) first.';
  const c = comparison(src.state);
  if (!c) return 'Needs a clone or category column in the samples.';
  if (kind === 'jsd' && c.names.length < 2) return 'Needs two or more samples or regions to compare.';
  if ((kind === 'mutations' || kind === 'tree') && !src.state.cloneTree) return 'Open a clone tree in the Compare panel first.';
  return null;
}

const comparison = (s: AppState): Comparison | null => comparisonOf(s.samples, s.compareBy, s.referenceSampleId, s.regionSettings);

/** The chart for a panel placed in `box`, or a muted sentence saying why it cannot be drawn. */
export function chartPanel(kind: Exclude<PanelKind, 'section'>, box: Box, src: ChartSources, st: ChartStyle): string {
  const why = chartUnavailable(kind, src);
  if (why) return text(box.x + box.w / 2, box.y + box.h / 2, why, st, { anchor: 'middle', colour: st.muted });
  const size = { width: Math.round(box.w), height: Math.round(box.h), title: '' };
  const c = comparison(src.state)!;
  const tree = src.state.cloneTree?.tree;
  const chart =
    kind === 'composition'
      ? compositionChart(c, src.book, st, size.width, '')
      : kind === 'jsd'
        ? jsdChart(c, st, '')
        : kind === 'mutations'
          ? mutationChart(c, tree!, src.book, st, '')
          : kind === 'tree'
            ? cloneTreeChart(tree!, (clone) => src.book.colour(c.by, clone), st, { width: size.width, height: size.height, shares: pooledShares(c, tree!) })
            : kind === 'detection'
              ? detectionChart(src.latestRun()!, src.book, st, size)
              : strategiesChart(src.runs(), st, size);
  return placeSvg(chart, box, kind);
}
