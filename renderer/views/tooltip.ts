// The hover card: a cell's id, position and values (its roles first, then the colour column, then
// a few measurements).

import { idAt, labelAt, type CellTable, type Column } from '../../shared/dataset/cell-table.ts';
import { formatCount } from '../../shared/errors.ts';
import { clear, h } from './dom.ts';

const MAX_MEASUREMENTS = 6;

function valueOf(col: Column, i: number): string {
  if (col.kind === 'id') return idAt(col, i) || '—';
  if (col.kind === 'category') return labelAt(col, i) ?? '—';
  const v = col.values[i]!;
  if (v !== v) return '—';
  const text = Math.abs(v) >= 1000 ? formatCount(v) : Number.isInteger(v) ? String(v) : v.toPrecision(4);
  return col.percent ? `${text} %` : text;
}

export function describeCell(el: HTMLElement, table: CellTable, i: number, colourColumn: string | null): void {
  clear(el);
  const r = table.roles;
  const unit = table.units === 'um' ? 'µm' : 'px';
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const rows: [string, string][] = [];
  const id = (r.id ?? []).map((name) => byName.get(name)).filter((c): c is Column => !!c);
  rows.push(['cell', id.length ? id.map((c) => valueOf(c, i)).join(' · ') : `row ${formatCount(i + 1)}`]);
  rows.push(['x, y', `${table.x[i]!.toFixed(1)}, ${table.y[i]!.toFixed(1)} ${unit}`]);
  const shown = new Set<string>([...(r.id ?? []), ...r.x, ...r.y, ...(r.z ?? [])]);
  for (const name of [r.clone, r.region, r.sample, r.phenotype, colourColumn]) {
    const col = name ? byName.get(name) : undefined;
    if (!col || shown.has(col.name)) continue;
    shown.add(col.name);
    rows.push([col.name, valueOf(col, i)]);
  }
  let extra = 0;
  for (const col of table.columns) {
    if (extra >= MAX_MEASUREMENTS || shown.has(col.name) || col.kind !== 'number') continue;
    rows.push([col.name, valueOf(col, i)]);
    extra++;
  }
  el.append(h('table', {}, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', { text: k }), h('td', { text: v }))))));
}
