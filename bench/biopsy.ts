// One measurement per process (so each has the machine to itself):
//   node biopsy.mjs MODE ROWS
// The section is simulated first (selective-sweep, seed 1, grown until the section has about ROWS
// cells, stroma included; not timed), then MODE is timed on 10 punches of 1.0 mm (r = 500 µm, a TMA core) per
// iteration, placed at random where they fit, detection 'any cell':
//   ours      prepareMonteCarlo (counting grid) + 10,000 iterations, no early stop
//   tree      the same with the clone tree (CCF of every tree clone per punch, illusion tallies) and ccf:0.05
//   index     baseline: the spatial index (rectangle query + exact test, cellsInBiopsy) and a count
//             per category, BASE_ITER iterations [500], extrapolated to 10,000
//   scan      baseline: every cell tested for every punch, BASE_ITER iterations, extrapolated
// Prints one JSON line: { mode, rows, cellsPerPunch, ms, prepareMs, iterations, maxRssMb }.

import { parseCloneTree } from '../shared/analysis/clone-tree.ts';
import { cellsInBiopsy, contains, prepareShape, punchAt } from '../shared/analysis/biopsy/geometry.ts';
import { prepareMonteCarlo, runMonteCarloSync } from '../shared/analysis/biopsy/monte-carlo.ts';
import { allowedArea, randomCentre } from '../shared/analysis/biopsy/placement.ts';
import { BiopsySection } from '../shared/analysis/biopsy/section.ts';
import { cloneTreeCsv } from '../shared/sim/output-tables.ts';
import { presetParams } from '../shared/sim/params.ts';
import { streamFor } from '../shared/sim/rng.ts';
import { simulate } from '../shared/sim/simulate.ts';

const ITER = 10_000;
const K = 10;
const RADIUS = 500;

function section(rows: number, withTree: boolean): BiopsySection {
  // the section adds stroma around the tumour: rows ≈ c + 115·√c for c tumour cells grown (measured)
  const c = ((-115 + Math.sqrt(115 * 115 + 4 * rows)) / 2) ** 2;
  const r = simulate({ preset: 'selective-sweep', params: presetParams('selective-sweep', { cells: Math.round(c), seed: 1 }) });
  if (!r.ok) throw new Error(r.error.message);
  const { section: s, clone } = r.value.primary;
  const labels = [...r.value.clones.names, 'normal'];
  const codes = Uint16Array.from(clone, (c) => (c >= 0 ? c : labels.length - 1));
  const tree = withTree ? parseCloneTree(cloneTreeCsv(r.value.clones)) : undefined;
  if (tree && !tree.ok) throw new Error(tree.error.message);
  return new BiopsySection({ x: Float32Array.from(s.x), y: Float32Array.from(s.y), cloneCodes: codes, cloneLabels: labels, ...(tree?.ok ? { tree: tree.value } : {}) });
}

/** A baseline: count per category for the same random punches, `iterations` × K of them. */
function baseline(sec: BiopsySection, iterations: number, scan: boolean): number {
  const area = allowedArea(sec, { kind: 'punch', radius: RADIUS });
  if (!area.ok) throw new Error(area.error.message);
  const counts = new Int32Array(sec.categories);
  const centre = new Float64Array(2);
  const idx = sec.index;
  let total = 0;
  for (let j = 0; j < iterations; j++) {
    const rng = streamFor(1, j);
    for (let k = 0; k < K; k++) {
      randomCentre(area.value, rng, centre);
      const shape = punchAt(centre[0]!, centre[1]!, 2 * RADIUS);
      counts.fill(0);
      if (scan) {
        const p = prepareShape(shape);
        for (let i = 0; i < sec.n; i++) if (contains(p, sec.x[i]!, sec.y[i]!)) counts[sec.category[i]!]!++;
      } else {
        const cells = cellsInBiopsy(idx, shape);
        for (let m = 0; m < cells.length; m++) counts[sec.category[cells[m]!]!]!++;
      }
      for (let c = 0; c < counts.length; c++) total += counts[c]!;
    }
  }
  return total / (iterations * K);
}

const [mode, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
if (!['ours', 'tree', 'index', 'scan'].includes(mode ?? '') || !(rows > 0)) {
  console.error('usage: biopsy.mjs ours|tree|index|scan ROWS');
  process.exit(2);
}
const sec = section(rows, mode === 'tree');
if (mode === 'index') sec.index; // built before timing, as the app has it already
const t0 = performance.now();
let prepareMs = 0;
let iterations = ITER;
let cellsPerPunch = NaN;
if (mode === 'ours' || mode === 'tree') {
  const ctx = prepareMonteCarlo(sec, {
    biopsy: { kind: 'punch', radius: RADIUS }, count: K, seed: 1, iterations: ITER, targetHalfWidth: 0,
    ...(mode === 'tree' ? { detect: { kind: 'ccf', min: 0.05 } } : {}),
  });
  if (!ctx.ok) throw new Error(ctx.error.message);
  prepareMs = performance.now() - t0;
  const result = runMonteCarloSync(ctx.value);
  iterations = result.iterations;
  if (result.detection.length === 0) throw new Error('no clones');
} else {
  iterations = Number(process.env.BASE_ITER ?? 500);
  cellsPerPunch = baseline(sec, iterations, mode === 'scan');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, rows: sec.n, cellsPerPunch, ms, prepareMs, iterations, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
