#!/usr/bin/env node
// Simulator benchmark (not a test): `node bench/simulate-run.mjs`. Each measurement runs in its own
// process, RUNS times (default 3); the median time and the peak RSS are reported. A trivial loop that
// fills the same arrays is the baseline measured in the same run. Results go to bench/README.md by hand.
//   SIZES=100000,1000000 (default)   RUNS=3   EDEN_MAX=100000 (Eden is surface growth: O(N^1.5) steps)

import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.build/bench/simulate.mjs');
await build({ entryPoints: [path.join(root, 'bench/simulate.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });

const sizes = (process.env.SIZES ?? '100000,1000000').split(',').map(Number);
const runs = Number(process.env.RUNS ?? 3);
const edenMax = Number(process.env.EDEN_MAX ?? 100000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(mode, cells) {
  const results = [];
  for (let k = 0; k < runs; k++) {
    const r = spawnSync('node', [out, mode, String(cells)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${mode} ${cells} failed:\n${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  return { mode, cells, ms: median(results.map((r) => r.ms)), rss: Math.max(...results.map((r) => r.maxRssMb)), rows: results[0].rows };
}

const labels = {
  fill: 'baseline: fill the same arrays (3 random draws per cell)',
  push: 'growth only, push (default parameters)',
  eden: 'growth only, Eden (surface growth)',
  section: 'whole simulation: growth, tissue, regions, clones, markers',
  csv: 'whole simulation + cells CSV text',
};
console.log(`\nSimulator benchmark, machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, median of ${runs}`);
console.log('\n| measurement | tumour cells | median time | peak RSS | section rows |');
console.log('|---|---|---|---|---|');
for (const cells of sizes) {
  for (const mode of ['fill', 'push', 'eden', 'section', 'csv']) {
    if (mode === 'eden' && cells > edenMax) continue;
    const r = measure(mode, cells);
    console.log(`| ${labels[mode]} | ${cells.toLocaleString('en')} | ${(r.ms / 1000).toFixed(2)} s | ${r.rss.toFixed(0)} MB | ${r.rows.toLocaleString('en')} |`);
  }
}
