#!/usr/bin/env node
// Virtual-biopsy Monte Carlo benchmark (not a test): `node bench/biopsy-run.mjs`. Each measurement
// runs in its own process, RUNS times (default 3); the median time and the peak RSS are reported.
// Two baselines are measured in the same run and extrapolated to 10,000 iterations: counting each
// punch through the spatial index (rectangle query + exact test), and testing every cell.
// Results go to bench/README.md by hand.
//   SIZES=250000,1000000 (default)   RUNS=3   BASE_ITER=500 (baseline iterations; scan uses a tenth)

import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.build/bench/biopsy.mjs');
await build({ entryPoints: [path.join(root, 'bench/biopsy.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });

const sizes = (process.env.SIZES ?? '250000,1000000').split(',').map(Number);
const runs = Number(process.env.RUNS ?? 3);
const baseIter = Number(process.env.BASE_ITER ?? 500);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(mode, rows) {
  const results = [];
  const iter = mode === 'scan' ? Math.max(5, Math.round(baseIter / 10)) : baseIter;
  for (let k = 0; k < runs; k++) {
    const r = spawnSync('node', [out, mode, String(rows)], { encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, BASE_ITER: String(iter) } });
    if (r.status !== 0) throw new Error(`${mode} ${rows} failed:\n${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const ms = median(results.map((r) => r.ms));
  const scale = 10_000 / results[0].iterations;
  return { ...results[0], ms, prepareMs: median(results.map((r) => r.prepareMs)), perTenThousand: ms * scale, extrapolated: scale !== 1, rss: Math.max(...results.map((r) => r.maxRssMb)) };
}

const labels = {
  ours: 'Clonoscope Monte Carlo (counting grid), any cell',
  tree: 'Clonoscope Monte Carlo with clone tree, ccf:0.05 + illusions',
  index: 'baseline: spatial index, rectangle query + exact test',
  scan: 'baseline: every cell tested per punch',
};
console.log(`\nVirtual-biopsy benchmark: 10,000 iterations × 10 punches of 1.0 mm, machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, median of ${runs}`);
console.log('\n| measurement | section cells | time for 10,000 iterations | of which grid build | peak RSS |');
console.log('|---|---|---|---|---|');
const figures = {};
for (const rows of sizes) {
  for (const mode of ['scan', 'index', 'ours', 'tree']) {
    const r = measure(mode, rows);
    figures[`${mode}-${rows}`] = r;
    const time = `${(r.perTenThousand / 1000).toFixed(2)} s${r.extrapolated ? ` (${r.iterations} iterations, ×${(10_000 / r.iterations).toFixed(0)})` : ''}`;
    const prep = mode === 'ours' || mode === 'tree' ? `${(r.prepareMs / 1000).toFixed(2)} s` : '—';
    console.log(`| ${labels[mode]} | ${r.rows.toLocaleString('en')} | ${time} | ${prep} | ${r.rss.toFixed(0)} MB |`);
  }
}
for (const rows of sizes) {
  const o = figures[`ours-${rows}`], i = figures[`index-${rows}`], s = figures[`scan-${rows}`];
  const cells = Number.isFinite(i.cellsPerPunch) ? `, about ${Math.round(i.cellsPerPunch).toLocaleString('en')} cells per punch` : '';
  console.log(`\n${o.rows.toLocaleString('en')} cells${cells}: ${(i.perTenThousand / o.perTenThousand).toFixed(1)}× faster than the spatial-index baseline, ${(s.perTenThousand / o.perTenThousand).toFixed(0)}× faster than the full scan.`);
}
