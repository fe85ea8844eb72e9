// Xenium Explorer "selection coordinates" CSVs (FORMATS.md §2) → named polygons in µm.
//   #Selection name: Tumour A                    one selection: header X,Y
//   #Area (µm^2): 123456.78
//   X,Y
//   1520.5,2210.25
//   …
// or several, with a Selection column (extra columns such as Class, Color are ignored):
//   #Selection names: Tumour A, Stroma
//   "#Areas (µm^2): 123456.78,9876.5"            a line holding commas is written wholly quoted
//   Selection,X,Y
//   Tumour A,1520.5,2210.25
// CRLF or LF, an optional byte-order mark. One polygon per Selection value (order of first
// appearance); a repeated closing vertex is dropped, as in geojson.ts.

import { fail, ok, type Result } from '../errors.ts';
import type { RegionPolygon } from './geojson.ts';

export interface XeniumSelections {
  readonly polygons: RegionPolygon[];
  /** Per polygon, the area the file states in its `#Area(s)` line, µm² (null when absent or unmatched). */
  readonly statedAreasUm2: readonly (number | null)[];
}

/** Splits one CSV line (double quotes, "" inside quotes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k]!;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') (field += '"'), k++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** The comment text of a `#…` line, also when the whole line is quoted ("#Areas …: 1,2"); null otherwise. */
function commentOf(line: string): string | null {
  const t = line.trim();
  if (t.startsWith('#')) return t.slice(1);
  if (t.startsWith('"#') && t.endsWith('"') && t.length >= 3) return t.slice(2, -1).replace(/""/g, '"');
  return null;
}

export function parseXeniumSelection(text: string, file = 'The selection file'): Result<XeniumSelections> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let names: string[] = [];
  let areas: number[] = [];
  let k = 0;
  for (; k < lines.length; k++) {
    if (lines[k]!.trim() === '') continue;
    const c = commentOf(lines[k]!);
    if (c === null) break;
    const m = /^\s*(selection names?|areas?)\b[^:]*:(.*)$/i.exec(c);
    if (!m) continue;
    const value = m[2]!.trim();
    if (/^selection/i.test(m[1]!)) names = /names/i.test(m[1]!) ? value.split(',').map((s) => s.trim()) : [value];
    else areas = (/areas/i.test(m[1]!) ? value.split(/,\s*/) : [value.replace(/,/g, '')]).map((s) => Number(s.trim()));
  }
  if (k >= lines.length) return fail('file-empty', `${file} has no selection coordinates: it holds only comment lines.`, { file });
  const header = splitCsv(lines[k]!);
  const lower = header.map((h) => h.toLowerCase());
  const ix = lower.indexOf('x');
  const iy = lower.indexOf('y');
  const is = lower.indexOf('selection');
  const line1 = k + 1;
  if (lower.includes('cell id'))
    return fail('invalid-argument', `${file} is a Xenium Explorer cell list (${header.join(', ')}), not selection coordinates: export the selection's coordinates (X, Y) from Xenium Explorer to use it as a region.`, { file, line: line1 });
  if (ix < 0 || iy < 0)
    return fail('invalid-argument', `${file} is not a Xenium Explorer selection: line ${line1} should be the header X,Y or Selection,X,Y, but it is '${lines[k]!.trim().slice(0, 60)}'.`, { file, line: line1 });

  const points = new Map<string, number[]>();
  const single = names.length === 1 ? names[0]! : names.length === 0 ? 'Selection 1' : names.join(', ');
  for (let j = k + 1; j < lines.length; j++) {
    if (lines[j]!.trim() === '' || commentOf(lines[j]!) !== null) continue;
    const f = splitCsv(lines[j]!);
    const value = (idx: number, what: string): number => {
      const raw = f[idx] ?? '';
      const v = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) throw new SelectionError(`${file}, line ${j + 1}: ${raw === '' ? `no ${what} value` : `'${raw.slice(0, 30)}' in column ${what} is not a number`}.`, j + 1);
      return v;
    };
    let px: number, py: number;
    try {
      px = value(ix, header[ix]!);
      py = value(iy, header[iy]!);
    } catch (e) {
      if (e instanceof SelectionError) return fail('invalid-argument', e.message, { file, line: e.line });
      throw e;
    }
    const name = is >= 0 ? f[is] || single : single;
    let list = points.get(name);
    if (!list) points.set(name, (list = []));
    list.push(px, py);
  }
  if (points.size === 0) return fail('no-rows', `${file} has a header (${header.join(',')}) but no coordinates below it.`, { file, line: line1 });

  const polygons: RegionPolygon[] = [];
  for (const [name, flat] of points) {
    let m = flat.length / 2;
    if (m > 1 && flat[0] === flat[2 * m - 2] && flat[1] === flat[2 * m - 1]) m--;
    const distinct = new Set<string>();
    for (let q = 0; q < m && distinct.size < 3; q++) distinct.add(`${flat[2 * q]},${flat[2 * q + 1]}`);
    if (distinct.size < 3) return fail('invalid-argument', `${file}: selection '${name}' has ${distinct.size} distinct point${distinct.size === 1 ? '' : 's'}; a polygon needs at least 3.`, { file });
    polygons.push({ name, rings: [Float64Array.from(flat.slice(0, 2 * m))] });
  }
  // stated areas follow the names of the header comment; when those cannot be matched (a name with
  // a comma splits the list), the polygons' order, if there are as many areas as polygons
  const byName = names.length === areas.length && polygons.every((p) => names.includes(p.name));
  const statedAreasUm2 = polygons.map((p, q) => {
    const v = byName ? areas[names.indexOf(p.name)] : areas.length === polygons.length ? areas[q] : undefined;
    return v !== undefined && Number.isFinite(v) ? v : null;
  });
  return ok({ polygons, statedAreasUm2 });
}

class SelectionError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}
