// The comparison panel: how the samples (and the regions within them) differ. Composition bars,
// diversity indices, pairwise Jensen–Shannon divergence, clones shared or private, and with a clone
// tree the mutation map (ubiquitous / shared / private) and where the metastasis came from.

import { alignCounts, jsdMatrix, labelSharing, metastasisOrigin, mutationClasses, tumourCountsByGroup, type AlignedCounts } from '../../shared/analysis/compare.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { diversity, tumourCounts } from '../../shared/analysis/diversity.ts';
import { columnByName, type CategoryColumn } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import { siteLabel, type Sample } from '../app/store.ts';
import { heatmap } from '../scene/charts/heatmap.ts';
import { mutationMap } from '../scene/charts/mutation-map.ts';
import { stackedBars, type Bar } from '../scene/charts/stacked-bars.ts';
import { DARK, hex, LIGHT } from '../scene/charts/svg.ts';
import { colormapColour } from '../scene/colormaps.ts';
import type { ColourBook } from '../scene/palette.ts';
import { sampleRegions, type RegionSettings } from '../scene/sample-regions.ts';
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
  /** A chart's SVG markup and a file name, for saving it. */
  saveChart?(name: string, svg: string): void;
}

interface Group {
  readonly name: string;
  readonly sampleId: string;
  readonly region?: string;
  readonly labels: readonly string[];
  readonly counts: ArrayLike<number>;
}

/** The categorical columns every sample has (the ones a comparison can be made by). */
export function comparableColumns(samples: readonly Sample[]): string[] {
  const sets = samples.map((s) => new Set(s.table.columns.filter((c) => c.kind === 'category' && !c.text).map((c) => c.name)));
  return sets.length ? [...sets[0]!].filter((c) => sets.every((s) => s.has(c))) : [];
}

function defaultBy(samples: readonly Sample[]): string | null {
  const columns = comparableColumns(samples);
  const clone = samples[0]?.table.roles.clone;
  return clone && columns.includes(clone) ? clone : (columns[0] ?? null);
}

/** A sample's name for charts: without a trailing "(…)" note such as "(sample data)". */
const shortName = (s: Sample) => s.name.replace(/\s*\([^)]*\)\s*$/, '') || s.name;

/** Tumour counts per sample, and per region within each sample that has a region column. */
function groupsOf(samples: readonly Sample[], by: string, settings: RegionSettings): { samples: Group[]; regions: Group[] } {
  const out = { samples: [] as Group[], regions: [] as Group[] };
  for (const s of samples) {
    const col = columnByName(s.table, by) as CategoryColumn | undefined;
    if (!col || col.kind !== 'category') continue;
    const t = tumourCounts(col);
    out.samples.push({ name: shortName(s), sampleId: s.id, labels: t.labels, counts: t.counts });
    const regions = sampleRegions(s.table, s.shapes, settings);
    if (!regions || (regions.source === 'column' && s.table.roles.region === by)) continue;
    const g = tumourCountsByGroup(col, { codes: regions.codes, labels: regions.names });
    g.groups.forEach((name, k) => {
      if (g.counts[k]!.reduce((a, b) => a + b, 0) > 0) out.regions.push({ name: `${shortName(s)} · ${name}`, sampleId: s.id, region: name, labels: g.labels, counts: g.counts[k]! });
    });
  }
  return out;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const num = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export function renderCompare(el: HTMLElement, inp: CompareInputs, book: ColourBook, a: CompareActions): void {
  clear(el);
  const st = inp.dark ? DARK : LIGHT;
  const by = inp.by && comparableColumns(inp.samples).includes(inp.by) ? inp.by : defaultBy(inp.samples);
  const byColumn = h('select', { testid: 'compare-by', title: 'Compare the samples by this column (over tumour cells: rows that are not empty or normal)', on: { change: (e) => a.by((e.target as HTMLSelectElement).value) } }, ...comparableColumns(inp.samples).map((c) => h('option', { value: c, text: c })));
  const reference = h('select', { testid: 'compare-reference', title: 'The sample the others are compared with', on: { change: (e) => a.reference((e.target as HTMLSelectElement).value) } }, ...inp.samples.map((s) => h('option', { value: s.id, text: `${s.name} (${siteLabel(s)})` })));
  el.append(h('div', { class: 'compare-head' }, h('h2', { text: 'Compare samples' }), h('label', {}, h('span', { text: 'by ' }), byColumn), h('label', {}, h('span', { text: 'reference ' }), reference)));
  if (!by) {
    el.append(h('p', { class: 'muted', text: 'The samples have no categorical column in common to compare by.' }));
    return;
  }
  byColumn.value = by;
  const refId = inp.referenceId && inp.samples.some((s) => s.id === inp.referenceId) ? inp.referenceId : inp.samples[0]!.id;
  reference.value = refId;
  const { samples, regions } = groupsOf(inp.samples, by, inp.regions);
  const all = [...samples, ...regions];
  const aligned: AlignedCounts = alignCounts(all);
  book.register(by, aligned.labels);
  const colour = (label: string) => book.colour(by, label);
  const bar = (g: Group, k: number): Bar => {
    const c = aligned.counts[k]!;
    const n = c.reduce((x, y) => x + y, 0);
    return { label: g.name, n, fractions: new Map(aligned.labels.map((l, j) => [l, n > 0 ? c[j]! / n : 0])) };
  };
  const chart = (name: string, svg: string, testid: string) => {
    const holder = h('figure', { class: 'chart', testid });
    holder.innerHTML = svg; // our own markup, every text escaped (scene/charts/svg.ts)
    if (a.saveChart) holder.append(h('button', { class: 'save-chart', text: 'Save SVG', title: 'Save this chart as an SVG file', on: { click: () => a.saveChart!(name, svg) } }));
    return holder;
  };

  // 1. composition
  el.append(chart(`composition-by-${by}.svg`, stackedBars(all.map(bar), { title: `Composition by ${by} (tumour cells)`, keys: aligned.labels, colour, width: 620 }, st), 'composition-chart'));

  // 2. diversity
  const rows = all.map((g, k) => {
    const d = diversity(aligned.counts[k]!);
    return h('tr', { attrs: { 'data-group': g.name } }, h('td', { text: g.name }), h('td', { class: 'num', text: formatCount(d.total) }), h('td', { class: 'num', text: String(d.richness) }), h('td', { class: 'num', text: num(d.shannon) }), h('td', { class: 'num', text: num(d.simpson) }), h('td', { class: 'num', text: num(d.inverseSimpson, 2) }), h('td', { class: 'num', text: num(d.giniSimpson) }));
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
  const jsd = jsdMatrix(aligned.counts);
  const refIndex = samples.findIndex((s) => s.sampleId === refId);
  el.append(
    chart(
      'jsd.svg',
      heatmap(all.map((g) => g.name), jsd, { title: 'Jensen–Shannon divergence (bits; 0 = same composition, 1 = nothing in common)', max: 1, colour: (t) => hex(colormapColour('cividis', 1 - t)), reference: refIndex }, st),
      'jsd-heatmap',
    ),
  );

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
    chart('mutations.svg', mutationMap(tree, classes, all.map((g) => g.name), colour, st, 'Mutations across samples and regions'), 'mutation-map'),
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
