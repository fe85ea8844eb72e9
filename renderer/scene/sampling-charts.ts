// The Monte Carlo charts, shared by the Sampling panel and the figure composer: each clone's
// detection curve with its Wilson 95 % band, and every finished strategy on one chart.

import type { SamplingResult } from '../app/sampling-client.ts';
import { curveChart, type CurveSeries } from './charts/curves.ts';
import type { ChartStyle } from './charts/svg.ts';
import type { ColourBook } from './palette.ts';

/** Okabe–Ito, for strategies (clones use their own colours). */
export const STRATEGY_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');

export interface ChartSize {
  readonly width?: number;
  readonly height?: number;
  /** '' leaves the title out (a figure panel has its own). */
  readonly title?: string;
}

/** P(detected) against k for every clone, legend "clone (true share)". */
export function detectionChart(run: { readonly result: SamplingResult; readonly cloneColumn: string }, book: ColourBook, st: ChartStyle, o: ChartSize = {}): string {
  const series: CurveSeries[] = run.result.detection.map((d) => ({ name: `${d.clone} (${pct(d.trueFraction)})`, colour: book.colour(run.cloneColumn, d.clone), points: d.detection }));
  return curveChart(series, { title: o.title ?? 'Chance that k biopsies detect each clone (95 % bands)', yLabel: 'P(detected)', target: { y: 0.95, label: '95 %' }, width: o.width ?? 620, height: o.height ?? 320 }, st);
}

/** Expected share of clones found (solid) and the chance of an illusion of clonality (dashed), one colour per run (oldest last). */
export function strategiesChart(runs: readonly { readonly result: SamplingResult }[], st: ChartStyle, o: ChartSize = {}): string {
  const lines: CurveSeries[] = runs.flatMap((s, i) => [
    { name: `${i + 1}. clones found`, colour: STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]!, points: s.result.expectedFractionDetected.map((p, j) => ({ k: j + 1, p })) },
    ...(s.result.illusion ? [{ name: `${i + 1}. illusion`, colour: STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]!, dashed: true, points: s.result.illusion }] : []),
  ]);
  return curveChart(lines, { title: o.title ?? 'Expected share of clones found (solid) and chance of an illusion of clonality (dashed)', yLabel: 'share / probability', width: o.width ?? 620, height: o.height ?? 300 }, st);
}
