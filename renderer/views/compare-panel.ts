// The comparison panel: how the samples (and the regions within them) differ. Composition bars,
// diversity indices, pairwise Jensen–Shannon divergence, clones shared or private, and with a clone
// tree the mutation map (ubiquitous / shared / private) and where the metastasis came from.

import { alignCounts, labelSharing, metastasisOrigin, mutationClasses } from '../../shared/analysis/compare.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { diversity } from '../../shared/analysis/diversity.ts';
import { formatCount } from '../../shared/errors.ts';
import { siteLabel, type Sample } from '../app/store.ts';
import { DARK, LIGHT } from '../scene/charts/svg.ts';
import { cloneTreeChart } from '../scene/charts/clone-tree.ts';
import { comparableColumns, comparisonOf, compositionChart, compositionCsv, jsdChart, mutationChart, pooledShares } from '../scene/comparison.ts';
import type { ColourBook } from '../scene/palette.ts';
import type { RegionSettings } from '../scene/sample-regions.ts';
import { chartFigure, type SaveChart } from './chart-figure.ts';
import { clear, h } from './dom.ts';

export interface CompareInputs {
  readonly samples: readonly Sample[];
  /** Column compared (clone by default). */
  readonly by: string | null;
  readonly referenceId: string | null;
  readonly tree: { readonly tree: CloneTree; readonly file: string } | null;
  readonly dark: boolean;
  readonly regions: RegionSettings;
}

export interface CompareActions {
  by(column: string): void;
  reference(sampleId: string): void;
  /** A chart's SVG markup and a file name, for saving it as SVG or PNG. */
  saveChart?: SaveChart;
  /** A table as CSV text and a file name. */
  saveTable?(name: string, csv: string): void;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const num = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export function renderCompare(el: HTMLElement, inp: CompareInputs, book: ColourBook, a: CompareActions): void {
  clear(el);
  const st = inp.dark ? DARK : LIGHT;
  const c = comparisonOf(inp.samples, inp.by, inp.referenceId, inp.regions);
  const byColumn = h('select', { testid: 'compare-by', title: 'Compare the samples by this column (over tumour cells: rows that are not empty or normal)', on: { change: (e) => a.by((e.target as HTMLSelectElement).value) } }, ...comparableColumns(inp.samples).map((col) => h('option', { value: col, text: col })));
  const reference = h('select', { testid: 'compare-reference', title: 'The sample the others are compared with', on: { change: (e) => a.reference((e.target as HTMLSelectElement).value) } }, ...inp.samples.map((s) => h('option', { value: s.id, text: `${s.name} (${siteLabel(s)})` })));
  el.append(h('div', { class: 'compare-head' }, h('h2', { text: 'Compare samples' }), h('label', {}, h('span', { text: 'by ' }), byColumn), h('label', {}, h('span', { text: 'reference ' }), reference)));
  if (!c) {
    el.append(h('p', { class: 'muted', text: 'The samples have no categorical column in common to compare by.' }));
    return;
  }
  const { by, samples, aligned } = c;
  byColumn.value = by;
  reference.value = inp.referenceId && inp.samples.some((s) => s.id === inp.referenceId) ? inp.referenceId : inp.samples[0]!.id;
  const chart = (name: string, svg: string, testid: string) => chartFigure(name, svg, testid, a.saveChart);

  // 1. composition
  el.append(
    chart(`composition-by-${by}.svg`, compositionChart(c, book, st), 'composition-chart'),
    h('button', { text: 'Composition table (CSV)', testid: 'composition-csv', title: 'Tumour cells and shares per sample and region, as CSV', on: { click: () => a.saveTable?.(`composition-by-${by}.csv`, compositionCsv(c)) } }),
  );

  // 2. diversity
  const rows = c.names.map((name, k) => {
    const d = diversity(aligned.counts[k]!);
    return h('tr', { attrs: { 'data-group': name } }, h('td', { text: name }), h('td', { class: 'num', text: formatCount(d.total) }), h('td', { class: 'num', text: String(d.richness) }), h('td', { class: 'num', text: num(d.shannon) }), h('td', { class: 'num', text: num(d.simpson) }), h('td', { class: 'num', text: num(d.inverseSimpson, 2) }), h('td', { class: 'num', text: num(d.giniSimpson) }));
  });
  el.append(
    h('h3', { text: 'Diversity' }),
    h(
      'table',
      { class: 'diversity', testid: 'diversity-table' },
      h('thead', {}, h('tr', {}, ...['', 'tumour cells', 'richness', 'Shannon (nats)', 'Simpson Σp²', 'inverse Simpson', 'Gini–Simpson'].map((t) => h('th', { text: t })))),
      h('tbody', {}, ...rows),
    ),
  );

  // 3. divergence
  el.append(chart('jsd.svg', jsdChart(c, st), 'jsd-heatmap'));

  // 4. shared / private
  if (samples.length > 1) {
    const sharing = labelSharing(alignCounts(samples));
    const list = (labels: readonly string[]) => (labels.length ? labels.join(', ') : '—');
    el.append(
      h('h3', { text: `Which ${by} values are shared` }),
      h(
        'ul',
        { class: 'sharing', testid: 'sharing' },
        h('li', {}, h('strong', { text: 'in every sample: ' }), list(sharing.all)),
        h('li', {}, h('strong', { text: 'in some: ' }), list(sharing.some)),
        ...samples.map((s, k) => h('li', {}, h('strong', { text: `only in ${s.name}: ` }), list(sharing.private[k] ?? []))),
      ),
    );
  }

  // 5. mutations (with a clone tree)
  if (!inp.tree) {
    el.append(h('p', { class: 'muted', text: 'Open a clone tree (CSV: clone,parent,mutations) to see which mutations are ubiquitous, shared or private, and where a metastasis came from.' }));
    return;
  }
  const tree = inp.tree.tree;
  const classes = mutationClasses(tree, aligned);
  el.append(
    h('h3', { text: `Mutations (${inp.tree.file})` }),
    h('p', { testid: 'mutation-summary', text: `${classes.total} mutations present: ${classes.ubiquitous} ubiquitous, ${classes.shared} shared, ${classes.private} private — ${pct(classes.heterogeneousFraction)} not in every sample or region.${classes.unknownLabels.length ? ` Labels not in the tree: ${classes.unknownLabels.join(', ')}.` : ''}` }),
    chart('clone-tree.svg', cloneTreeChart(tree, (clone) => book.colour(c.by, clone), st, { title: 'Clone tree (disc area: share of the tumour cells, all samples)', shares: pooledShares(c, tree) }), 'clone-tree-chart'),
    chart('mutations.svg', mutationChart(c, tree, book, st), 'mutation-map'),
  );
  const metIndex = samples.findIndex((g) => inp.samples.find((s) => s.id === g.sampleId)?.site === 'metastasis');
  if (metIndex >= 0) {
    const primaries = samples.map((_, k) => k).filter((k) => k !== metIndex && inp.samples.find((s) => s.id === samples[k]!.sampleId)?.site !== 'metastasis');
    const pa = alignCounts(samples);
    const origin = metastasisOrigin(tree, pa.labels, primaries.map((k) => pa.counts[k]!), pa.counts[metIndex]!);
    el.append(
      h('h3', { text: `Where ${samples[metIndex]!.name} came from` }),
      h(
        'ul',
        { testid: 'metastasis-origin' },
        h('li', {}, `Seeding clone (deepest primary clone clonal in the metastasis): ${origin.seedingClone ?? '—'}`),
        h('li', {}, `Founder of the metastasis: ${origin.founderClone ?? '—'}`),
        h('li', {}, `Divergence: ${origin.divergence ?? 'unknown'} — ${origin.missingTruncal.length ? `${origin.missingTruncal.length} of ${origin.primaryTruncal} mutations clonal in the primary are absent from the metastasis` : `all ${origin.primaryTruncal} mutations clonal in the primary are in the metastasis`}.`),
        h('li', {}, `Clones in the metastasis: ${origin.clones.map((c) => `${c.label} ${pct(c.fraction)}`).join(', ')}`),
      ),
    );
  }
}
