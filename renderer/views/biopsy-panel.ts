// The Biopsies panel of the active sample: the size of the next biopsy (or of the picked one), a
// tissue-microarray grid, the numbered list of placed biopsies, the picked biopsy's report card and,
// with several, what they say together. Sizes are shown in µm; biopsies are kept in table units.

import { designReport } from '../../shared/analysis/biopsy/design-report.ts';
import { templateOf, tmaGrid, type BiopsyShape, type BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import { biopsyReport, type BiopsyReport } from '../../shared/analysis/biopsy/report.ts';
import type { BiopsySection } from '../../shared/analysis/biopsy/section.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import type { CellTable } from '../../shared/dataset/cell-table.ts';
import type { Sample, Tool } from '../app/store.ts';
import { biopsiesCsv } from '../scene/biopsy-csv.ts';
import { biopsySectionOf } from '../scene/biopsy-section.ts';
import type { ColourBook } from '../scene/palette.ts';
import type { RegionSettings } from '../scene/sample-regions.ts';
import { biopsyCard, designCard } from './biopsy-report.ts';
import { biopsyFields, describeTemplate } from './biopsy-fields.ts';
import { clear, h } from './dom.ts';
import type { BiopsyEdit } from './section-view.ts';

export interface BiopsyPanelInputs {
  readonly sample: Sample | undefined;
  readonly samples: readonly Sample[];
  readonly template: BiopsyTemplate;
  readonly picked: number | null;
  readonly tree: CloneTree | undefined;
  readonly regions: RegionSettings;
  readonly tool: Tool;
}

export interface BiopsyPanelActions {
  template(t: BiopsyTemplate): void;
  edit(sampleId: string, e: BiopsyEdit): void;
  tool(t: Tool): void;
  /** Centre of the sample's view, table units (where a TMA grid goes). */
  centre(sampleId: string): [number, number] | null;
  saveTable(name: string, csv: string): void;
}

/** µm per table unit (px tables: the pixel size, when known). */
const umPerUnit = (t: CellTable) => (t.units === 'um' ? 1 : (t.pixelSizeUm ?? 1));

function scaled(t: BiopsyTemplate, k: number): BiopsyTemplate {
  return t.kind === 'punch' ? { kind: 'punch', radius: t.radius * k } : { ...t, length: t.length * k, width: t.width * k };
}

/** Reports are recomputed only when the biopsies or the section change. */
const reports = new WeakMap<readonly BiopsyShape[], { section: BiopsySection; list: BiopsyReport[] }>();
function reportsOf(section: BiopsySection, list: readonly BiopsyShape[]): BiopsyReport[] {
  const hit = reports.get(list);
  if (hit && hit.section === section) return hit.list;
  const out = list.map((s) => biopsyReport(section, s));
  reports.set(list, { section, list: out });
  return out;
}

const designs = new WeakMap<readonly BiopsyShape[], { key: unknown[]; card: HTMLElement }>();

export function renderBiopsies(el: HTMLElement, inp: BiopsyPanelInputs, book: ColourBook, a: BiopsyPanelActions): void {
  clear(el);
  const sample = inp.sample;
  el.hidden = !sample;
  if (!sample) return;
  const table = sample.table;
  const k = umPerUnit(table);
  const list = sample.biopsies ?? [];
  const picked = inp.picked !== null && list[inp.picked] ? inp.picked : null;
  el.append(h('h3', { text: 'Biopsies' }));

  // the size: of the picked biopsy (edits it), else of the next one
  const pickedShape = picked !== null ? list[picked]! : null;
  const shown = pickedShape ? scaled(templateOf(pickedShape), k) : inp.template;
  el.append(
    h('p', { class: 'muted', text: pickedShape ? `Biopsy ${picked! + 1} (drag it to move; handles resize and rotate):` : `Next biopsy (${inp.tool === 'punch' || inp.tool === 'needle' ? 'click or drag on the section' : 'choose Punch (B) or Needle (N), then click on the section'}):` }),
    biopsyFields(
      shown,
      (t) => {
        if (pickedShape && picked !== null) a.edit(sample.id, { kind: 'replace', index: picked, shape: { ...scaled(t, 1 / k), cx: pickedShape.cx, cy: pickedShape.cy } as BiopsyShape });
        else {
          a.template(t);
          a.tool(t.kind);
        }
      },
      'biopsy',
    ),
  );

  // a tissue-microarray grid of punches at the centre of the view
  const rows = h('input', { type: 'number', min: '1', max: '10', step: '1', value: '2', testid: 'tma-rows', title: 'Rows of cores', attrs: { 'aria-label': 'TMA rows' } });
  const cols = h('input', { type: 'number', min: '1', max: '10', step: '1', value: '3', testid: 'tma-columns', title: 'Columns of cores', attrs: { 'aria-label': 'TMA columns' } });
  const diameter = inp.template.kind === 'punch' ? 2 * inp.template.radius : 1000;
  el.append(
    h(
      'div',
      { class: 'row tma' },
      h('span', { text: 'TMA grid' }),
      rows,
      h('span', { text: '×' }),
      cols,
      h('button', {
        text: 'Place',
        testid: 'tma-place',
        title: `A grid of ${diameter / 1000} mm cores, 1.5 diameters apart, centred in the view`,
        on: {
          click: () => {
            const c = a.centre(sample.id), r = Math.round(Number(rows.value)), q = Math.round(Number(cols.value));
            if (!c || !(r >= 1 && r <= 10 && q >= 1 && q <= 10)) return;
            a.edit(sample.id, { kind: 'add-many', shapes: tmaGrid(c[0], c[1], r, q, diameter / k) });
          },
        },
      }),
    ),
  );

  const section = biopsySectionOf(table, sample.name, inp.tree, inp.regions);
  if (!section.ok) {
    el.append(h('p', { class: 'error', testid: 'biopsy-problem', text: section.error.message }));
    return;
  }
  if (list.length === 0) {
    el.append(h('p', { class: 'muted', testid: 'biopsy-empty', text: 'No biopsy yet. Each one reports its purity, clones and — with a clone tree — its clonal calls against the whole section.' }));
    return;
  }
  const all = reportsOf(section.value, list);
  el.append(
    h(
      'ol',
      { class: 'biopsy-list', testid: 'biopsy-list' },
      ...list.map((s, i) => {
        const r = all[i]!;
        const text = `${describeTemplate(scaled(templateOf(s), k))} · ${r.cells.toLocaleString('en')} cells · purity ${Number.isFinite(r.purity) ? `${Math.round(r.purity * 100)} %` : '—'}`;
        return h(
          'li',
          { class: i === picked ? 'picked' : '', attrs: { 'data-index': String(i + 1) } },
          h('span', { class: 'number', text: String(i + 1) }),
          h('button', { class: 'link', text, title: 'Show its report', testid: 'biopsy-item', on: { click: () => a.edit(sample.id, { kind: 'pick', index: i === picked ? null : i }) } }),
          h('button', { class: 'icon', text: '×', title: `Remove biopsy ${i + 1}`, testid: 'biopsy-remove', on: { click: () => a.edit(sample.id, { kind: 'remove', index: i }) } }),
        );
      }),
    ),
  );
  el.append(h('button', { type: 'button', text: 'Reports (CSV)', testid: 'biopsy-csv', title: 'Every biopsy’s cells, purity and clone shares against the tumour and its region, as CSV', on: { click: () => a.saveTable(`${sample.name.replace(/[^\w.-]+/g, '_')}_biopsies.csv`, biopsiesCsv(sample.name, list, all)) } }));
  const cloneColumn = table.roles.clone ?? 'clone';
  if (picked !== null) el.append(biopsyCard(all[picked]!, picked + 1, cloneColumn, book));
  if (list.length >= 2) {
    const met = sample.site !== 'metastasis' ? inp.samples.find((s) => s.id !== sample.id && s.site === 'metastasis') : undefined;
    const metSection = met ? biopsySectionOf(met.table, met.name, inp.tree, inp.regions) : null;
    const key = [section.value, metSection?.ok ? metSection.value : null];
    let d = designs.get(list);
    if (!d || d.key.some((v, j) => v !== key[j])) designs.set(list, (d = { key, card: designCard(designReport(section.value, list, metSection?.ok ? { metastasis: metSection.value } : {})) }));
    el.append(d.card);
  }
}
