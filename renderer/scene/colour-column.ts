// Which column colours the cells: the user's choice when the table has it, else the table's clone,
// region or phenotype column, else its first small categorical column.

import type { CellTable } from '../../shared/dataset/cell-table.ts';

/** The column to colour by when the user has not chosen: clone, region, phenotype, then any category. */
export function defaultColourColumn(table: CellTable): string | null {
  const r = table.roles;
  for (const name of [r.clone, r.region, r.phenotype]) if (name) return name;
  const cat = table.columns.find((c) => c.kind === 'category' && !c.text && c.labels.length > 1 && c.labels.length <= 64 && c.name !== r.sample);
  return cat?.name ?? null;
}

/** The colour column for a table: the chosen one when the table has it ('' = none), else its default. */
export function effectiveColourColumn(table: CellTable, chosen: string | null): string | null {
  if (chosen && table.columns.some((c) => c.name === chosen)) return chosen;
  return chosen === '' ? null : defaultColourColumn(table);
}
