// The regions of the active sample: where they come from (shapes, the region column, or derived
// core / invasive front / outside with a live band width), and per region the cells, area, density
// and clone (tumour cells) and phenotype composition. Exports QuPath-compatible GeoJSON and the table as CSV; shapes can be
// renamed and deleted.

import { regionsToGeoJson, regionStatsCsv } from '../../shared/analysis/region-export.ts';
import { regionStats, type RegionStats } from '../../shared/analysis/region-stats.ts';
import { columnByName } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import type { Sample } from '../app/store.ts';
import type { ColourBook } from '../scene/palette.ts';
import { sampleRegions, type RegionChoice, type RegionSettings, type SampleRegions } from '../scene/sample-regions.ts';
import { askName } from './ask-name.ts';
import { clear, h } from './dom.ts';

export interface RegionsActions {
  settings(patch: Partial<RegionSettings>): void;
  save(name: string, data: Blob): void;
  rename(sampleId: string, from: string, to: string): void;
  remove(sampleId: string, name: string): void;
}

const SOURCE_LABELS: Record<RegionChoice, string> = { auto: 'automatic', shapes: 'shapes (GeoJSON, drawn)', column: 'region column', derived: 'derived from tumour cells' };

/** Statistics are recomputed only when the sample or its regions change. */
let memo: { sample: Sample; regions: SampleRegions; stats: RegionStats } | null = null;

function statsOf(sample: Sample, regions: SampleRegions): RegionStats {
  if (memo && memo.sample === sample && memo.regions.codes === regions.codes) return memo.stats;
  const t = sample.table;
  const category = (name: string | undefined) => {
    const c = name ? columnByName(t, name) : undefined;
    return c?.kind === 'category' ? c : undefined;
  };
  const clone = category(t.roles.clone), phenotype = category(t.roles.phenotype);
  const stats = regionStats({
    x: t.x,
    y: t.y,
    units: t.units,
    ...(t.pixelSizeUm ? { pixelSizeUm: t.pixelSizeUm } : {}),
    // shapes may overlap (a drawn region over imported ones): then each counts the cells inside it
    ...(regions.source === 'shapes' ? {} : { membership: { codes: regions.codes, labels: regions.names } }),
    ...(regions.polygons ? { polygons: regions.polygons } : {}),
    // clone composition over tumour cells, phenotype (cell type) composition over every cell
    columns: [
      ...(clone ? [{ name: clone.name, codes: clone.codes, labels: clone.labels, tumourOnly: true }] : []),
      ...(phenotype && phenotype !== clone ? [{ name: phenotype.name, codes: phenotype.codes, labels: phenotype.labels }] : []),
    ],
  });
  memo = { sample, regions, stats };
  return stats;
}

export function renderRegions(el: HTMLElement, sample: Sample | undefined, s: RegionSettings, book: ColourBook, a: RegionsActions): void {
  clear(el);
  const regions = sample ? sampleRegions(sample.table, sample.shapes, s) : null;
  el.hidden = !sample || !regions;
  if (!sample || !regions) return;
  const table = sample.table;
  const unit = table.units === 'um' ? 'µm' : 'px';
  const source = h('select', { testid: 'region-source', title: 'Where the regions come from', on: { change: (e) => a.settings({ source: (e.target as HTMLSelectElement).value as RegionChoice }) } }, ...(['auto', 'shapes', 'column', 'derived'] as const).map((v) => h('option', { value: v, text: SOURCE_LABELS[v], disabled: v !== 'auto' && !regions.available.includes(v) })));
  source.value = s.source;
  el.append(h('h3', { text: 'Regions' }), h('div', { class: 'row' }, h('span', { text: 'from' }), source));
  if (regions.source === 'derived' && regions.derived && regions.width !== undefined) {
    const d = regions.derived;
    const max = Math.max(regions.width * 2, Math.round(2 * d.maxDepth));
    const width = h('input', { type: 'range', min: '0', max: String(max), step: String(Math.max(1, Math.round(max / 100))), value: String(regions.width), testid: 'front-width', title: 'Width of the invasive-front band' });
    const widthText = h('span', { class: 'muted', testid: 'front-width-text' });
    const describe = (w: number) => (widthText.textContent = s.insideOnly ? `invasive front: 0–${Math.round(w)} ${unit} inside the tumour edge` : `invasive front: ±${Math.round(w / 2)} ${unit} around the tumour edge`);
    describe(regions.width);
    width.addEventListener('input', () => {
      describe(Number(width.value));
      a.settings({ frontWidth: Number(width.value) });
    });
    const inside = h('input', { type: 'checkbox', checked: s.insideOnly, testid: 'front-inside-only', on: { change: (e) => a.settings({ insideOnly: (e.target as HTMLInputElement).checked }) } });
    el.append(
      h('label', { class: 'slider' }, h('span', { text: 'width' }), width),
      widthText,
      h('div', { class: 'row' }, h('label', { class: 'check' }, inside, h('span', { text: 'front inside the tumour only' })), h('button', { text: 'Suggested', title: d.suggestedRule === 'default' ? `Back to ±${Math.round(d.suggestedWidth / 2)} ${unit}, the usual invasive-margin band` : `Back to ${Math.round(d.suggestedWidth)} ${unit}: a tenth of the tumour's diameter (the usual ±500 µm band would leave this tumour no core)`, on: { click: () => a.settings({ frontWidth: null }) } })),
    );
  }
  const stats = statsOf(sample, regions);
  const areaUnit = stats.areaUnit;
  const rows = stats.regions.map((r) => {
    const bars = stats.columns.map((col, j) => {
      const comp = r.compositions[j]!;
      const bar = h('span', { class: 'mini-bar' });
      col.labels.forEach((label, k) => {
        const f = comp.fractions[k]!;
        if (f > 0.005) bar.append(h('span', { attrs: { style: `width:${(f * 100).toFixed(1)}%;background:${book.colour(col.name, label)}` }, title: `${col.name} ${label}: ${(f * 100).toFixed(1)} %` }));
      });
      return h('td', {}, bar);
    });
    const actions =
      regions.source === 'shapes'
        ? h(
            'td',
            { class: 'row-actions' },
            h('button', { class: 'icon', text: '✎', title: `Rename ${r.name}`, testid: 'rename-region', on: { click: () => void askName(`Rename region "${r.name}"`, r.name).then((to) => to && to !== r.name && a.rename(sample.id, r.name, to)) } }),
            h('button', { class: 'icon', text: '×', title: `Delete ${r.name}`, testid: 'delete-region', on: { click: () => a.remove(sample.id, r.name) } }),
          )
        : h('td');
    return h(
      'tr',
      { attrs: { 'data-region': r.name } },
      h('td', {}, h('span', { class: 'swatch', attrs: { style: `background:${book.colour(regions.source === 'column' ? (table.roles.region ?? 'region') : 'region', r.name)}` } }), ` ${r.name}`),
      h('td', { class: 'num', text: formatCount(r.cells) }),
      h('td', { class: 'num', text: Number.isFinite(r.area) ? r.area.toPrecision(3) : '—' }),
      h('td', { class: 'num', text: Number.isFinite(r.density) ? formatCount(r.density) : '—' }),
      ...bars,
      actions,
    );
  });
  const headers: [string, string][] = [['region', ''], ['cells', 'Cells inside the region'], [`area ${areaUnit}`, `Area, ${areaUnit}`], [`per ${areaUnit}`, `Cells per ${areaUnit}`], ...stats.columns.map((c): [string, string] => [c.name, c.tumourOnly ? `${c.name} composition of the tumour cells` : `${c.name} composition of all cells`]), ['', '']];
  el.append(
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'region-stats', testid: 'region-stats' },
        h('thead', {}, h('tr', {}, ...headers.map(([t, title]) => h('th', { text: t, title })))),
        h('tbody', {}, ...rows),
      ),
    ),
  );
  const stem = sample.name.replace(/[^\w.-]+/g, '_');
  const polygons = regions.polygons;
  el.append(
    h(
      'div',
      { class: 'row' },
      h('button', { text: 'Export GeoJSON', testid: 'export-regions-geojson', disabled: !polygons, title: polygons ? 'Region outlines as QuPath-compatible GeoJSON (image pixels where the table came from pixels)' : 'A region column has no outlines of its own: derive or draw regions to export them', on: { click: () => polygons && a.save(`${stem}_regions.geojson`, new Blob([regionsToGeoJson(polygons, table.units === 'um' && table.pixelSizeUm && table.pixelSizeUm !== 1 ? { pixelSizeUm: table.pixelSizeUm } : {})], { type: 'application/geo+json' })) } }),
      h('button', { text: 'Export table', testid: 'export-regions-csv', title: 'Cells, area, density and composition per region, as CSV', on: { click: () => a.save(`${stem}_regions.csv`, new Blob([regionStatsCsv(stats)], { type: 'text/csv' })) } }),
    ),
  );
}
