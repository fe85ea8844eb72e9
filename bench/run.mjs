#!/usr/bin/env node
// `npm run bench`: benchmarks that print figures (not tests). Each measurement runs in its own
// process, three times; the median is reported. Results are recorded by hand in bench/README.md.
//   npm run bench                 parse benchmark at 1,000,000 rows
//   ROWS=200000 npm run bench     a smaller table

import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.build/bench');
const data = path.join(root, '.scratch/bench');
mkdirSync(data, { recursive: true });
const rows = Number(process.env.ROWS ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 3);

const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
const bundle = (entry) =>
  build({ entryPoints: [path.join(root, entry)], outfile: path.join(out, path.basename(entry).replace(/\.ts$/, '.mjs')), bundle: true, platform: 'node', format: 'esm', banner, logLevel: 'warning', external: ['@playwright/test', 'playwright-core'] });
await Promise.all(['bench/parse-node.ts', 'bench/parse-browser.ts', 'bench/make-table-main.ts'].map(bundle));

const table = path.join(data, `table-${rows}.csv`);
if (!existsSync(table)) {
  console.log(`Writing ${rows.toLocaleString('en')} × 25 benchmark table to ${table} …`);
  spawnSync('node', [path.join(out, 'make-table-main.mjs'), table, String(rows)], { stdio: 'inherit' });
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function measure(args) {
  const r = spawnSync('node', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function series(label, fn) {
  const results = Array.from({ length: runs }, fn);
  const ms = median(results.map((r) => r.ms));
  const mb = results[0].bytes / 1e6;
  const rss = results[0].maxRssMb !== undefined ? median(results.map((r) => r.maxRssMb)) : undefined;
  return { label, ms, mbps: mb / (ms / 1000), rows: results[0].rows, rss, extra: results[0].wallMs !== undefined ? median(results.map((r) => r.wallMs)) : undefined };
}

console.log(`\nParse benchmark: ${rows.toLocaleString('en')} rows × 25 columns, machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
const papa = series('Papa Parse streaming (baseline, strings)', () => measure([path.join(out, 'parse-node.mjs'), 'papa', table]));
const ours = series('Clonoscope loader → typed columns (Node)', () => measure([path.join(out, 'parse-node.mjs'), 'ours', table]));

// the CLI end to end, as a user runs it (process start, bundle load, parse, summary)
const cli = series('clonoscope inspect --json (CLI, whole process)', () => {
  const t0 = performance.now();
  const args = [path.join(root, 'electron/cli/clonoscope.mjs'), 'inspect', table, '--json'];
  const r = timeBin ? spawnSync(timeBin, ['-f', '%M', 'node', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }) : spawnSync('node', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const maxRssMb = timeBin ? Number(r.stderr.trim().split('\n').pop()) / 1024 : undefined;
  return { ms, bytes: statSync(table).size, rows: JSON.parse(r.stdout).rows, maxRssMb };
});

// the browser worker, through the real UI (the server runs in its own process: measurements block this one)
const port = process.env.BENCH_PORT ?? '5198';
const server = spawn('node', [path.join(root, 'renderer/serve.mjs')], { env: { ...process.env, PORT: port }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('served at') && resolve()));
let browser;
try {
  browser = series('Browser build, parse worker (headless Chromium)', () => measure([path.join(out, 'parse-browser.mjs'), `http://127.0.0.1:${port}/`, table, String(rows)]));
} finally {
  server.kill();
}

const rowsOut = [papa, ours, cli, browser];
console.log('\n| measurement | median time | MB/s | rows | peak RSS |');
console.log('|---|---|---|---|---|');
for (const r of rowsOut)
  console.log(`| ${r.label} | ${(r.ms / 1000).toFixed(2)} s${r.extra ? ` (${(r.extra / 1000).toFixed(2)} s until the status bar shows them)` : ''} | ${r.mbps.toFixed(0)} | ${r.rows.toLocaleString('en')} | ${r.rss ? `${r.rss.toFixed(0)} MB` : '—'} |`);
console.log(`\nClonoscope / Papa Parse speed: ${(papa.ms / ours.ms).toFixed(2)}× (Node); browser worker ${(papa.ms / browser.ms).toFixed(2)}× the Node baseline.`);
