// Small sections for the biopsy tests: square lattices whose clones are simple shapes, so that
// detection probabilities have closed forms (SCIENCE.md §4.3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCloneTree, type CloneTree } from '../../../shared/analysis/clone-tree.ts';
import { BiopsySection } from '../../../shared/analysis/biopsy/section.ts';
import { REPO } from '../../paths.ts';

/** A square lattice [0, size]² with `spacing` µm between cells; label(x, y) names each cell's clone. */
export function latticeSection(size: number, spacing: number, label: (x: number, y: number) => string, tree?: CloneTree): BiopsySection {
  const xs: number[] = [], ys: number[] = [], names: string[] = [];
  for (let y = 0; y <= size + 1e-9; y += spacing) for (let x = 0; x <= size + 1e-9; x += spacing) xs.push(x), ys.push(y), names.push(label(x, y));
  return sectionOf(xs, ys, names, tree);
}

/** A section from coordinates and one clone label per cell. */
export function sectionOf(xs: ArrayLike<number>, ys: ArrayLike<number>, names: readonly string[], tree?: CloneTree): BiopsySection {
  const labels = [...new Set(names)];
  const index = new Map(labels.map((l, i) => [l, i]));
  return new BiopsySection({ x: Float32Array.from(xs), y: Float32Array.from(ys), cloneCodes: Uint16Array.from(names, (n) => index.get(n)!), cloneLabels: labels, ...(tree ? { tree } : {}) });
}

export function treeOf(text: string): CloneTree {
  const t = parseCloneTree(text);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

export const SAMPLE_CELLS = path.join(REPO, 'sample-data/primary_cells.csv.gz');
export const SAMPLE_MET = path.join(REPO, 'sample-data/metastasis_cells.csv.gz');
export const SAMPLE_TREE = path.join(REPO, 'sample-data/clone_tree.csv');

/** The sample data read directly (not through the loader): x, y, region and clone per cell. */
export function readSampleCells(file = SAMPLE_CELLS): { x: number[]; y: number[]; region: string[]; clone: string[] } {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const [xi, yi, ri, ci] = ['x', 'y', 'region', 'clone'].map((h) => head.indexOf(h));
  const out = { x: [] as number[], y: [] as number[], region: [] as string[], clone: [] as string[] };
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    out.x.push(Number(f[xi!])), out.y.push(Number(f[yi!])), out.region.push(f[ri!]!), out.clone.push(f[ci!]!);
  }
  return out;
}

/** The sample section with its region column and the clone tree, as the loader would give it. */
export function sampleSection(file = SAMPLE_CELLS, withTree = true): BiopsySection {
  const d = readSampleCells(file);
  const clones = [...new Set(d.clone)], regions = [...new Set(d.region)];
  const ci = new Map(clones.map((l, i) => [l, i])), ri = new Map(regions.map((l, i) => [l, i]));
  return new BiopsySection({
    x: Float32Array.from(d.x), y: Float32Array.from(d.y),
    cloneCodes: Uint16Array.from(d.clone, (c) => ci.get(c)!), cloneLabels: clones,
    regionCodes: Uint16Array.from(d.region, (r) => ri.get(r)!), regionLabels: regions,
    ...(withTree ? { tree: treeOf(readFileSync(SAMPLE_TREE, 'utf8')) } : {}),
  });
}
