// A section prepared for biopsies: every cell's clone as a small code, the section's truth (clone
// counts over its tumour cells), its regions, a spatial index, and the clone tree when there is one.
//
// Invariants:
// - clones are the tumour labels with at least one cell (SCIENCE.md §0: a label that is not empty
//   and not 'normal'); `category[i]` is the clone index 0…C−1, or C for a cell that is not a tumour
//   cell. Cells with a non-finite coordinate get category C + 1 and are never in a biopsy nor in the truth;
// - with a tree, clones come in the tree's order, then labels the tree lacks (natural order);
//   without, in natural order (C2 before C10).

import { fail, ok, type Result } from '../../errors.ts';
import type { CellTable, CategoryColumn } from '../../dataset/cell-table.ts';
import type { CloneTree } from '../clone-tree.ts';
import { isTumourLabel } from '../diversity.ts';
import { labelRegions, REGION_NAMES, regionOfDistance, tumourRegions, type TumourRegions } from '../regions.ts';
import { SpatialIndex } from '../spatial-index.ts';

export interface SectionInput {
  /** Cell centres, µm (rounded to float32, as a CellTable holds them). */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Clone label code of each cell; a code outside `cloneLabels` is a missing value (not a tumour cell). */
  readonly cloneCodes: ArrayLike<number>;
  readonly cloneLabels: readonly string[];
  /** A region column (core / invasive front / …), which always wins over computed regions. */
  readonly regionCodes?: ArrayLike<number>;
  readonly regionLabels?: readonly string[];
  readonly tree?: CloneTree;
  /** Invasive-front band width w for computed regions, µm [min(1000, D/10), D = diameter of the tumour mask's area]. */
  readonly frontWidthUm?: number;
}

export interface SectionRegions {
  readonly names: readonly string[];
  /** Region index of each cell; names.length = none. */
  readonly of: Uint16Array;
  readonly source: 'column' | 'computed';
  /** The §3.5 tumour mask (always computed: it defines 'within tumour'). */
  readonly tumour: TumourRegions;
  readonly frontWidthUm: number;
}

const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export class BiopsySection {
  readonly n: number;
  /** Cell centres, µm, as float32 (a CellTable's own arrays; others are rounded to float32 once). */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Clone names by index. */
  readonly clones: readonly string[];
  /** Per cell: clone index, C (= clones.length) for other cells, C + 1 without a position. */
  readonly category: Uint16Array;
  /** Tumour cells of each clone in the section. */
  readonly cloneCells: Float64Array;
  readonly tumourCells: number;
  /** Cells with a position (every category but C + 1). */
  readonly cells: number;
  /** Bounding box of the cells with a position, µm. */
  readonly bounds: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  readonly tree?: CloneTree;
  /** Tree index of each clone; −1 when the tree lacks it. */
  readonly treeIndex?: Int32Array;
  /** Sentences about what was assumed (labels missing from the tree, …). */
  readonly notes: string[] = [];
  private readonly input: SectionInput;
  private indexMemo?: SpatialIndex;
  private regionsMemo?: SectionRegions;

  constructor(input: SectionInput) {
    const { cloneCodes, cloneLabels, tree } = input;
    this.input = input;
    this.n = input.x.length;
    const x = (this.x = input.x instanceof Float32Array ? input.x : Float32Array.from(input.x));
    const y = (this.y = input.y instanceof Float32Array ? input.y : Float32Array.from(input.y));
    const isTumour = cloneLabels.map((l) => isTumourLabel(l));
    // clone names: the tumour labels with a cell
    const seen = new Uint8Array(cloneLabels.length);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < this.n; i++) {
      const xi = x[i]!, yi = y[i]!;
      if (!(xi - xi === 0 && yi - yi === 0)) continue;
      if (xi < x0) x0 = xi;
      if (xi > x1) x1 = xi;
      if (yi < y0) y0 = yi;
      if (yi > y1) y1 = yi;
      const c = cloneCodes[i]!;
      if (c < cloneLabels.length && isTumour[c]) seen[c] = 1;
    }
    this.bounds = x0 <= x1 ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: 0, y1: 0 };
    const present = [...new Set(cloneLabels.filter((_, c) => seen[c]).map((l) => l.trim()))];
    const inTree = new Map(tree?.clones.map((c, i) => [c, i]) ?? []);
    const ordered = tree
      ? [...tree.clones.filter((c) => present.includes(c)), ...present.filter((c) => !inTree.has(c)).sort(natural)]
      : present.sort(natural);
    if (ordered.length > 65_000) throw new RangeError(`${ordered.length} clones: at most 65,000 are supported.`);
    this.clones = ordered;
    const C = ordered.length;
    const slot = new Map(ordered.map((c, k) => [c, k]));
    const slotOfCode = Int32Array.from(cloneLabels, (l, c) => (isTumour[c] ? (slot.get(l.trim()) ?? C) : C));
    this.category = new Uint16Array(this.n);
    this.cloneCells = new Float64Array(C);
    let tumour = 0, cells = 0;
    for (let i = 0; i < this.n; i++) {
      const xi = x[i]!, yi = y[i]!;
      if (!(xi - xi === 0 && yi - yi === 0)) {
        this.category[i] = C + 1;
        continue;
      }
      cells++;
      const code = cloneCodes[i]!;
      const k = code < cloneLabels.length ? slotOfCode[code]! : C;
      this.category[i] = k;
      if (k < C) this.cloneCells[k]!++, tumour++;
    }
    this.tumourCells = tumour;
    this.cells = cells;
    if (cells < this.n) this.notes.push(`${this.n - cells} cells without a finite position are left out.`);
    if (tree) {
      this.tree = tree;
      this.treeIndex = Int32Array.from(ordered, (c) => inTree.get(c) ?? -1);
      const missing = ordered.filter((c) => !inTree.has(c));
      if (missing.length) this.notes.push(`The clone tree lacks ${missing.join(', ')}: their cells count as tumour cells without mutations.`);
    }
  }

  /** The spatial index over the cells (built on first use, O(n)). */
  get index(): SpatialIndex {
    return (this.indexMemo ??= new SpatialIndex(this.x, this.y));
  }

  /** Categories: clones 0…C−1, C = other cells. Count arrays are this long. */
  get categories(): number {
    return this.clones.length + 1;
  }

  /** Regions of the cells: the region column when there is one, else §3.5 regions (built on first use). */
  regions(): SectionRegions {
    if (this.regionsMemo) return this.regionsMemo;
    const { x, y } = this;
    const C = this.clones.length;
    const isTumour = Uint8Array.from(this.category, (k) => (k < C ? 1 : 0));
    const { x0, y0, x1, y1 } = this.bounds;
    const pixelUm = Math.max(10, Math.sqrt(((x1 - x0 + 400) * (y1 - y0 + 400)) / 4e6));
    const tumour = tumourRegions(x, y, isTumour, { pixelUm });
    let maskPixels = 0;
    for (let q = 0; q < tumour.mask.length; q++) maskPixels += tumour.mask[q]!;
    const diameter = 2 * Math.sqrt((maskPixels * pixelUm * pixelUm) / Math.PI);
    const w = this.input.frontWidthUm ?? Math.max(2 * pixelUm, Math.min(1000, diameter / 10));
    const { regionCodes, regionLabels } = this.input;
    let out: SectionRegions;
    if (regionCodes && regionLabels) {
      const names = [...new Set(regionLabels.map((l) => l.trim()).filter((l) => l !== ''))].sort(natural);
      const idx = new Map(names.map((l, k) => [l, k]));
      const slot = Int32Array.from(regionLabels, (l) => idx.get(l.trim()) ?? names.length);
      const of = new Uint16Array(this.n);
      for (let i = 0; i < this.n; i++) {
        const c = regionCodes[i]!;
        of[i] = c < regionLabels.length ? slot[c]! : names.length;
      }
      out = { names, of, source: 'column', tumour, frontWidthUm: w };
    } else {
      const labels = labelRegions({ ...tumour, frontWidthUm: w }, x, y);
      out = { names: [...REGION_NAMES], of: Uint16Array.from(labels), source: 'computed', tumour, frontWidthUm: w };
    }
    return (this.regionsMemo = out);
  }

  /** Region code of a signed distance under the computed regions' band (REGION_NAMES order). */
  computedRegionAt(d: number): number {
    return regionOfDistance(d, this.regions().frontWidthUm);
  }

  /** Per-category counts of a set of cells (length `categories`; cells without a position are skipped). */
  countCells(cells: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.categories);
    const K = this.categories;
    for (let k = 0; k < cells.length; k++) {
      const c = this.category[cells[k]!]!;
      if (c < K) out[c]!++;
    }
    return out;
  }
}

/** Which column holds the clone of each cell: the table's clone role. */
export function cloneColumnOf(table: CellTable): CategoryColumn | null {
  const name = table.roles.clone;
  const col = name ? table.columns.find((c) => c.name === name) : undefined;
  return col && col.kind === 'category' ? col : null;
}

/** The section of a loaded table (its clone and region roles), µm. */
export function sectionFromTable(table: CellTable, opts: { tree?: CloneTree; frontWidthUm?: number; file?: string } = {}): Result<BiopsySection> {
  const file = opts.file ?? 'The table';
  const clone = cloneColumnOf(table);
  if (!clone) {
    const names = table.columns.filter((c) => c.kind === 'category').map((c) => c.name);
    return fail('invalid-argument', `${file} has no clone column${names.length ? ` (categorical columns: ${names.slice(0, 8).join(', ')})` : ''}; a biopsy reports clone fractions, so map one column as the clone.`, { file });
  }
  const regionName = table.roles.region;
  const region = regionName ? table.columns.find((c) => c.name === regionName) : undefined;
  let section: BiopsySection;
  try {
    section = new BiopsySection({
      x: table.x,
      y: table.y,
      cloneCodes: clone.codes,
      cloneLabels: clone.labels,
      ...(region && region.kind === 'category' ? { regionCodes: region.codes, regionLabels: region.labels } : {}),
      ...(opts.tree ? { tree: opts.tree } : {}),
      ...(opts.frontWidthUm !== undefined ? { frontWidthUm: opts.frontWidthUm } : {}),
    });
  } catch (e) {
    return fail('invalid-argument', `${file}: ${(e as Error).message}`, { file, column: clone.name });
  }
  if (section.tumourCells === 0) return fail('invalid-argument', `${file}: no cell of the clone column '${clone.name}' is a tumour cell (every label is empty or 'normal').`, { file, column: clone.name });
  if (table.units === 'px') section.notes.push('The table is in pixels (no pixel size known): biopsy sizes are read as pixels, not µm.');
  return ok(section);
}
