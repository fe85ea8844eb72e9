// A sample prepared for virtual biopsies (shared/analysis/biopsy/section.ts), cached per table,
// clone tree and invasive-front width: the regions the reports name are the ones the Regions panel
// shows when they are derived (the same band width).

import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { sectionFromTable, type BiopsySection } from '../../shared/analysis/biopsy/section.ts';
import type { CellTable } from '../../shared/dataset/cell-table.ts';
import type { Result } from '../../shared/errors.ts';
import { derivedRegionsOf, type RegionSettings } from './sample-regions.ts';

const cache = new WeakMap<CellTable, { tree: CloneTree | undefined; width: number | undefined; section: Result<BiopsySection> }>();

/** Invasive-front width (table units) the biopsy regions use: the Regions panel's, else the suggested one. */
export function biopsyFrontWidth(table: CellTable, settings: RegionSettings): number | undefined {
  return settings.frontWidth ?? derivedRegionsOf(table)?.suggestedWidth;
}

export function biopsySectionOf(table: CellTable, name: string, tree: CloneTree | undefined, settings: RegionSettings): Result<BiopsySection> {
  const width = biopsyFrontWidth(table, settings);
  const hit = cache.get(table);
  if (hit && hit.tree === tree && hit.width === width) return hit.section;
  const section = sectionFromTable(table, { ...(tree ? { tree } : {}), ...(width !== undefined ? { frontWidthUm: width } : {}), file: name });
  cache.set(table, { tree, width, section });
  return section;
}
