// The Sampling panel: a Monte Carlo design (biopsy size, 1…K biopsies, placement, where, detection
// rule, iterations, seed) run in a worker with a progress bar and Cancel; the detection curves per
// clone with Wilson 95 % bands, the table of biopsies needed, and every finished run kept as a
// strategy on one comparison chart. The form keeps its values while the panel is open.

import { describeDetection, parseDetection } from '../../shared/analysis/biopsy/detection.ts';
import type { BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import type { MonteCarloDesign } from '../../shared/analysis/biopsy/monte-carlo.ts';
import { WITHIN_LABELS, type Placement, type Within } from '../../shared/analysis/biopsy/placement.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { runSampling, type SamplingJob, type SamplingResult } from '../app/sampling-client.ts';
import type { AppState, Sample } from '../app/store.ts';
import { biopsyFrontWidth } from '../scene/biopsy-section.ts';
import { DARK, LIGHT } from '../scene/charts/svg.ts';
import type { ColourBook } from '../scene/palette.ts';
import { detectionChart, STRATEGY_COLOURS, strategiesChart } from '../scene/sampling-charts.ts';
import { describeTemplate, biopsyFields } from './biopsy-fields.ts';
import { chartFigure, type SaveChart } from './chart-figure.ts';
import { clear, h } from './dom.ts';

export interface SamplingDeps {
  readonly book: ColourBook;
  readonly saveChart: SaveChart;
  saveTable(name: string, csv: string): void;
}

interface Run {
  readonly label: string;
  readonly sampleName: string;
  readonly cloneColumn: string;
  readonly result: SamplingResult;
  readonly elapsedMs: number;
}

const MAX_RUNS = 6;
const pct = (v: number, d = 0) => (Number.isFinite(v) ? `${(v * 100).toFixed(d)} %` : '—');

function scaled(t: BiopsyTemplate, k: number): BiopsyTemplate {
  return t.kind === 'punch' ? { kind: 'punch', radius: t.radius * k } : { ...t, length: t.length * k, width: t.width * k };
}

export class SamplingPanel {
  readonly el = h('section', { class: 'sampling', testid: 'sampling-panel' });
  private state: AppState | null = null;
  private template: BiopsyTemplate | null = null;
  private sampleId: string | null = null;
  private runs: Run[] = [];
  private job: SamplingJob | null = null;
  private live: Run | null = null;
  private readonly form = h('form', { class: 'sampling-form' });
  private readonly results = h('div', { class: 'sampling-results', testid: 'sampling-results' });
  private readonly progress = h('progress', { max: 1, value: 0, testid: 'sampling-progress', hidden: true });
  private readonly status = h('span', { class: 'muted', testid: 'sampling-status' });
  private readonly runButton = h('button', { type: 'submit', class: 'primary', text: 'Run', testid: 'sampling-run', title: 'Run the design (it keeps running in the background; the window stays usable)' });
  private readonly cancelButton = h('button', { type: 'button', text: 'Cancel', testid: 'sampling-cancel', hidden: true, title: 'Stop with the iterations done so far (Esc)' });
  // fields kept across re-renders
  private readonly count = h('input', { type: 'number', min: '1', max: '20', step: '1', value: '5', testid: 'sampling-count', title: 'Most biopsies per design: the curves run k = 1 … K' });
  private readonly placement = h('select', { testid: 'sampling-placement', title: 'Random: centres uniform over the allowed area. Stratified: the area cut into k equal strata (a × b grid), one biopsy in each' }, h('option', { value: 'random', text: 'random' }), h('option', { value: 'stratified', text: 'stratified (grid)' }));
  private readonly within = h('select', { testid: 'sampling-within', title: 'Where biopsy centres may fall; the whole biopsy always stays inside the section’s bounding box' }, ...Object.entries(WITHIN_LABELS).map(([v, t]) => h('option', { value: v, text: t })));
  private readonly detectKind = h('select', { testid: 'sampling-detect', title: 'When a clone counts as detected by a biopsy' }, h('option', { value: 'any', text: 'any cell of it' }), h('option', { value: 'cells', text: 'at least M cells' }), h('option', { value: 'ccf', text: 'CCF at least X' }), h('option', { value: 'reads', text: 'reads at depth D' }));
  private readonly detectValue = h('input', { type: 'number', min: '0', step: 'any', value: '5', testid: 'sampling-detect-value', title: 'M cells, X (0–1) or depth D', hidden: true });
  private readonly iterations = h('input', { type: 'number', min: '100', max: '1000000', step: '100', value: '10000', testid: 'sampling-iterations', title: 'Most iterations; the run stops early once every 95 % interval is within ±1 %' });
  private readonly seed = h('input', { type: 'number', min: '0', max: '4294967295', step: '1', value: '1', testid: 'sampling-seed', title: 'The same seed gives the same numbers' });
  private readonly sampleSelect = h('select', { testid: 'sampling-sample', title: 'The section the biopsies are taken from' });
  private readonly error = h('p', { class: 'error', testid: 'sampling-error' });
  private readonly sizeHolder = h('div');

  constructor(private readonly deps: SamplingDeps) {
    this.detectKind.addEventListener('change', () => {
      const k = this.detectKind.value;
      this.detectValue.hidden = k === 'any';
      this.detectValue.value = k === 'cells' ? '5' : k === 'ccf' ? '0.05' : k === 'reads' ? '100' : '';
    });
    this.sampleSelect.addEventListener('change', () => (this.sampleId = this.sampleSelect.value));
    this.cancelButton.addEventListener('click', () => this.job?.cancel());
    window.addEventListener('keydown', (e) => e.key === 'Escape' && this.job && !this.el.hidden && this.job.cancel());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    const label = (text: string, input: HTMLElement) => h('label', {}, h('span', { text }), input);
    this.form.append(
      h(
        'div',
        { class: 'grid' },
        label('Sample', this.sampleSelect),
        label('Biopsies (K)', this.count),
        label('Placement', this.placement),
        label('Centres', this.within),
        label('Detected when', h('span', { class: 'row' }, this.detectKind, this.detectValue)),
        label('Iterations', this.iterations),
        label('Seed', h('span', { class: 'row' }, this.seed, h('button', { type: 'button', text: 'New', title: 'A random seed (shown, so the run can be repeated)', on: { click: () => (this.seed.value = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000)) } }))),
      ),
      this.sizeHolder,
      h('div', { class: 'row' }, this.runButton, this.cancelButton, this.progress, this.status),
      this.error,
    );
    this.el.append(h('div', { class: 'compare-head' }, h('h2', { text: 'Sampling: what k biopsies would find' })), this.form, this.results);
  }

  /** The form's values and the designs run (with their seeds), for the workspace. */
  settings(): Record<string, unknown> {
    return {
      count: Number(this.count.value),
      placement: this.placement.value,
      within: this.within.value,
      detect: this.detectKind.value,
      detectValue: this.detectValue.value,
      iterations: Number(this.iterations.value),
      seed: Number(this.seed.value),
      ...(this.template ? { biopsy: this.template } : {}),
      runs: this.runs.map((r) => ({ sample: r.sampleName, design: r.label, count: r.result.design.count, seed: r.result.seed, iterations: r.result.iterations })),
    };
  }

  /** Puts saved values back into the form (values the form does not offer are ignored). */
  restore(saved: Readonly<Record<string, unknown>>): void {
    const set = (el: HTMLInputElement | HTMLSelectElement, v: unknown) => {
      if (v === undefined || v === null) return;
      const before = el.value;
      el.value = String(v);
      if (el instanceof HTMLSelectElement && el.value !== String(v)) el.value = before; // not an option
    };
    set(this.count, saved.count);
    set(this.placement, saved.placement);
    set(this.within, saved.within);
    set(this.detectKind, saved.detect);
    this.detectValue.hidden = this.detectKind.value === 'any';
    set(this.detectValue, saved.detectValue);
    set(this.iterations, saved.iterations);
    set(this.seed, saved.seed);
    const b = saved.biopsy as BiopsyTemplate | undefined;
    if (b && (b.kind === 'punch' || b.kind === 'needle')) {
      this.template = b;
      if (this.state) this.renderSize();
    }
  }

  /** Cancels a running design (Esc, closing the panel). */
  cancel(): void {
    this.job?.cancel();
  }

  update(state: AppState): void {
    const first = !this.state;
    const themeChanged = this.state?.theme !== state.theme || this.state?.colourVersion !== state.colourVersion;
    this.state = state;
    if (!this.template) this.template = state.biopsyTemplate;
    const ids = state.samples.map((s) => s.id);
    if (!this.sampleId || !ids.includes(this.sampleId)) this.sampleId = state.activeSampleId ?? ids[0] ?? null;
    clear(this.sampleSelect);
    for (const s of state.samples) this.sampleSelect.append(h('option', { value: s.id, text: s.name }));
    if (this.sampleId) this.sampleSelect.value = this.sampleId;
    if (first) this.renderSize();
    if (first || themeChanged) this.renderResults();
  }

  private renderSize(): void {
    clear(this.sizeHolder);
    this.sizeHolder.append(h('div', { class: 'row' }, h('span', { class: 'muted', text: 'Biopsy' }), biopsyFields(this.template!, (t) => ((this.template = t), this.renderSize()), 'sampling-biopsy')));
  }

  private sample(): Sample | undefined {
    return this.state?.samples.find((s) => s.id === this.sampleId);
  }

  private design(sample: Sample): MonteCarloDesign | string {
    const K = Number(this.count.value), N = Number(this.iterations.value), seed = Number(this.seed.value);
    if (!Number.isInteger(K) || K < 1 || K > 20) return 'Biopsies (K) must be a whole number from 1 to 20.';
    if (!Number.isInteger(N) || N < 100 || N > 1_000_000) return 'Iterations must be a whole number from 100 to 1,000,000.';
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) return 'The seed must be a whole number from 0 to 4294967295.';
    const rule = parseDetection(this.detectKind.value === 'any' ? 'any' : `${this.detectKind.value}:${this.detectValue.value}`);
    if (!rule.ok) return rule.error.message;
    const table = sample.table;
    const k = table.units === 'um' ? 1 : 1 / (table.pixelSizeUm ?? 1); // µm → table units
    return { biopsy: scaled(this.template!, k), count: K, placement: this.placement.value as Placement, within: this.within.value as Within, detect: rule.value, seed, iterations: N };
  }

  private run(): void {
    if (this.job) return;
    const sample = this.sample(), state = this.state;
    if (!sample || !state) return;
    const design = this.design(sample);
    this.error.textContent = typeof design === 'string' ? design : '';
    if (typeof design === 'string') return;
    const tree: CloneTree | undefined = state.cloneTree?.tree;
    const label = `${describeTemplate(this.template!)} · ${design.placement}, ${WITHIN_LABELS[design.within!]} · ${describeDetection(design.detect!)}`;
    const base = { label, sampleName: sample.name, cloneColumn: sample.table.roles.clone ?? 'clone' };
    this.setRunning(true);
    this.status.textContent = 'Starting…';
    const job = runSampling(sample.table, tree, biopsyFrontWidth(sample.table, state.regionSettings), design, (done, max, partial) => {
      this.progress.value = done / max;
      this.status.textContent = `${done.toLocaleString('en')} of at most ${max.toLocaleString('en')} iterations · widest 95 % interval ±${(partial.maxHalfWidth * 100).toFixed(1)} %`;
      this.live = { ...base, result: partial, elapsedMs: 0 };
      this.renderResults();
    });
    this.job = job;
    void job.result.then((r) => {
      this.job = null;
      this.live = null;
      this.setRunning(false);
      if (!r.ok) {
        this.error.textContent = r.error.message;
        this.status.textContent = '';
        this.renderResults();
        return;
      }
      const { result, elapsedMs } = r.value;
      this.runs = [{ ...base, result, elapsedMs }, ...this.runs].slice(0, MAX_RUNS);
      this.status.textContent = `${result.stopped === 'cancelled' ? 'Cancelled after' : 'Done:'} ${result.iterations.toLocaleString('en')} iterations in ${(elapsedMs / 1000).toFixed(1)} s${result.stopped === 'converged' ? ' (every 95 % interval within ±1 %: stopped early)' : ''}.`;
      this.renderResults();
    });
  }

  private setRunning(on: boolean): void {
    this.runButton.disabled = on;
    this.cancelButton.hidden = !on;
    this.progress.hidden = !on;
    if (on) this.progress.value = 0;
  }

  private chart(name: string, svg: string, testid: string): HTMLElement {
    return chartFigure(name, svg, testid, this.deps.saveChart);
  }

  /** The newest finished run (for figures), or null. */
  latest(): { readonly result: SamplingResult; readonly cloneColumn: string; readonly label: string } | null {
    return this.runs[0] ?? null;
  }

  /** Every finished run, newest first (for the strategies figure panel). */
  strategies(): readonly { readonly result: SamplingResult; readonly label: string }[] {
    return this.runs;
  }

  private renderResults(): void {
    clear(this.results);
    const st = this.state?.theme === 'dark' ? DARK : LIGHT;
    const run = this.live ?? this.runs[0];
    if (!run) {
      this.results.append(h('p', { class: 'muted', text: 'Choose a design and Run: every clone gets the chance that k = 1 … K biopsies find it, with 95 % intervals, and the number of biopsies needed to find it 95 % of the time.' }));
      return;
    }
    const r = run.result, K = r.design.count;
    this.results.append(h('p', { testid: 'sampling-summary', text: `${run.sampleName}: ${run.label} — ${r.iterations.toLocaleString('en')} iterations, seed ${r.seed}.` }));
    this.results.append(this.chart('detection.svg', detectionChart(run, this.deps.book, st), 'detection-chart'));

    const rows = r.detection.map((d) => {
      const p1 = d.detection[0]!, pK = d.detection[K - 1]!;
      return h(
        'tr',
        { attrs: { 'data-clone': d.clone } },
        h('td', {}, h('span', { class: 'swatch', attrs: { style: `background:${this.deps.book.colour(run.cloneColumn, d.clone)}` } }), ` ${d.clone}`),
        h('td', { class: 'num', text: pct(d.trueFraction, 1) }),
        h('td', { class: 'num', text: `${pct(p1.p, 1)} (${pct(p1.lo, 1)}–${pct(p1.hi, 1)})` }),
        h('td', { class: 'num', text: `${pct(pK.p, 1)} (${pct(pK.lo, 1)}–${pct(pK.hi, 1)})` }),
        h('td', { class: 'num', text: d.kNeeded95 === null ? 'never' : `${d.kNeeded95}${d.kNeeded95Extrapolated ? ' (extrapolated)' : ''}` }),
      );
    });
    this.results.append(
      h('button', { type: 'button', text: 'Curves (CSV)', testid: 'detection-csv', title: 'Every clone’s detection probability and Wilson 95 % interval for k = 1 … K, as CSV', on: { click: () => this.deps.saveTable('detection.csv', detectionCsv(run)) } }),
      h(
        'table',
        { class: 'diversity', testid: 'detection-table' },
        h('thead', {}, h('tr', {}, ...['clone', 'share of tumour', 'P(1 biopsy finds it)', `P(${K} biopsies)`, 'biopsies for 95 %'].map((t) => h('th', { text: t })))),
        h('tbody', {}, ...rows),
      ),
    );
    const e1 = r.compositionError[0], eK = r.compositionError[K - 1];
    const facts = [
      `Expected share of the clones found: ${pct(r.expectedFractionDetected[0]!)} with 1 biopsy, ${pct(r.expectedFractionDetected[K - 1]!)} with ${K}.`,
      ...(e1 && eK ? [`Clone shares are off by ${pct(e1.tvd)} of the tumour with 1 biopsy, ${pct(eK.tvd)} with ${K} (total variation, pooled tumour cells).`] : []),
      ...(r.illusion ? [`Chance of at least one illusion of clonality (a subclonal mutation clonal in every biopsy): ${pct(r.illusion[0]!.p)} with 1 biopsy, ${pct(r.illusion[K - 1]!.p)} with ${K}.`] : []),
    ];
    this.results.append(h('ul', { testid: 'sampling-facts' }, ...facts.map((f) => h('li', { text: f }))));

    // strategies: every finished run on one chart
    const strategies = this.runs;
    if (strategies.length) {
      this.results.append(
        h('h3', { text: 'Strategies compared' }),
        this.chart('strategies.svg', strategiesChart(strategies, st), 'strategy-chart'),
        h(
          'ol',
          { class: 'strategies', testid: 'strategy-list' },
          ...strategies.map((s, i) =>
            h('li', {}, h('span', { class: 'swatch', attrs: { style: `background:${STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]}` } }), ` ${s.sampleName}: ${s.label}, K = ${s.result.design.count}, seed ${s.result.seed} `, h('button', { class: 'icon', type: 'button', text: '×', title: 'Remove this strategy', on: { click: () => ((this.runs = this.runs.filter((x) => x !== s)), this.renderResults()) } })),
          ),
        ),
      );
    }
  }
}

/** One row per clone and k: the design, P(detected) and its Wilson 95 % interval. */
function detectionCsv(run: Run): string {
  const r = run.result;
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const head = 'sample,design,seed,iterations,clone,true_fraction,k,p_detected,wilson_lo,wilson_hi,k_needed_95';
  const rows = r.detection.flatMap((d) => d.detection.map((p) => [q(run.sampleName), q(run.label), r.seed, r.iterations, q(d.clone), d.trueFraction.toFixed(6), p.k, p.p.toFixed(6), p.lo.toFixed(6), p.hi.toFixed(6), d.kNeeded95 ?? ''].join(',')));
  return [head, ...rows].join('\n') + '\n';
}
