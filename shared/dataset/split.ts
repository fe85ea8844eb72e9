// One file, several samples: a `sample` column splits a table into one table per label.

import { missingCode, type CellTable, type Column } from './cell-table.ts';

/** Rows `index` of a table, in that order. */
export function subsetTable(table: CellTable, index: Uint32Array): CellTable {
  const n = index.length;
  const pick = <T extends Float32Array | Float64Array | Uint16Array | Uint32Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let i = 0; i < n; i++) out[i] = a[index[i]!]!;
    return out;
  };
  const columns: Column[] = table.columns.map((c) => {
    if (c.kind === 'number') return { ...c, values: pick(c.values) };
    if (c.kind === 'category') return { ...c, codes: pick(c.codes) };
    return c.strings ? { ...c, strings: Array.from(index, (i) => c.strings![i]!) } : { ...c, numbers: pick(c.numbers!) };
  });
  return { ...table, n, x: pick(table.x), y: pick(table.y), ...(table.z ? { z: pick(table.z) } : {}), columns };
}

export interface SplitPart {
  readonly label: string;
  readonly table: CellTable;
}

/**
 * Splits by the table's sample column when it has between 2 and `maxSamples` labels; otherwise
 * returns the table whole (label: the single sample label, or '').
 */
export function splitBySample(table: CellTable, maxSamples = 24): SplitPart[] {
  const name = table.roles.sample;
  const col = name ? table.columns.find((c) => c.name === name) : undefined;
  if (!col || col.kind !== 'category') return [{ label: '', table }];
  const missing = missingCode(col.codes);
  const counts = new Uint32Array(col.labels.length + 1);
  for (let i = 0; i < table.n; i++) {
    const c = col.codes[i]!;
    counts[c === missing ? col.labels.length : c]!++;
  }
  const present = [...counts.keys()].filter((k) => counts[k]! > 0);
  if (present.length === 1) return [{ label: col.labels[present[0]!] ?? '', table }];
  if (present.length > maxSamples) return [{ label: '', table }];
  return present.map((code) => {
    const index = new Uint32Array(counts[code]!);
    let k = 0;
    for (let i = 0; i < table.n; i++) {
      const c = col.codes[i]!;
      if ((c === missing ? col.labels.length : c) === code) index[k++] = i;
    }
    return { label: col.labels[code] ?? '(no sample)', table: subsetTable(table, index) };
  });
}
