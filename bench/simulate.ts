// One measurement per process (so peak memory is the measurement's own):
//   node simulate.mjs MODE CELLS
//   fill      baseline: a loop that draws 3 random numbers per cell and fills the same typed
//             arrays the growth uses (sites, nodes, birth rates, occupancy grid, node table)
//   push      lattice growth only, default parameters (hex, push, d = 0)
//   eden      lattice growth only, Eden mode (surface growth: most steps find no empty neighbour)
//   section   the whole simulation: growth, tissue, regions, clone tree, markers (selective-sweep)
//   csv       the whole simulation, then the cells CSV text
// Prints one JSON line: { mode, cells, ms, maxRssMb, rows }.

import { NodeTable } from '../shared/sim/genealogy.ts';
import { growTumour } from '../shared/sim/growth.ts';
import { cellsCsvChunks } from '../shared/sim/output-tables.ts';
import { DEFAULT_GROWTH, presetParams } from '../shared/sim/params.ts';
import { Rng } from '../shared/sim/rng.ts';
import { simulate } from '../shared/sim/simulate.ts';

function fill(cells: number): number {
  const rng = new Rng(1);
  const G = 2 * Math.ceil(1.5 * Math.sqrt((cells * 0.866) / Math.PI)) + 8;
  const grid = new Int32Array(G * G).fill(-1);
  const site = new Int32Array(cells);
  const node = new Int32Array(cells);
  const b = new Float64Array(cells);
  const tree = new NodeTable(Math.ceil(cells * 1.4));
  let t = 0;
  for (let i = 0; i < cells; i++) {
    t += rng.exponential(i + 1);
    const s = Math.floor(rng.uniform() * grid.length);
    site[i] = s;
    grid[s] = i;
    b[i] = 1 + rng.uniform();
    node[i] = tree.add(i > 0 ? i - 1 : -1, 1, false, t, b[i]!);
  }
  return t > 0 ? cells : 0;
}

function grow(cells: number, mode: 'push' | 'eden'): number {
  const r = growTumour({ ...DEFAULT_GROWTH, cells, mode }, new NodeTable(Math.ceil(cells * 1.4)));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.n;
}

function section(cells: number, csv: boolean): number {
  const r = simulate({ preset: 'selective-sweep', params: presetParams('selective-sweep', { cells, seed: 1 }) });
  if (!r.ok) throw new Error(r.error.message);
  if (!csv) return r.value.primary.section.n;
  let bytes = 0;
  for (const chunk of cellsCsvChunks(r.value.primary, r.value.clones)) bytes += chunk.length;
  return bytes > 0 ? r.value.primary.section.n : 0;
}

const [mode, cellsArg] = process.argv.slice(2);
const cells = Number(cellsArg);
const modes = ['fill', 'push', 'eden', 'section', 'csv'];
if (!modes.includes(mode ?? '') || !(cells > 0)) {
  console.error(`usage: simulate.mjs ${modes.join('|')} CELLS`);
  process.exit(2);
}
const t0 = performance.now();
const rows = mode === 'fill' ? fill(cells) : mode === 'push' || mode === 'eden' ? grow(cells, mode) : section(cells, mode === 'csv');
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, cells, ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
