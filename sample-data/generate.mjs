#!/usr/bin/env node
// `npm run sample-data` [-- OUT_DIR]: regenerates the sample data with fixed seeds, through the same
// code as `clonoscope simulate` (bundled with esbuild, like the CLI launcher). Byte for byte
// reproducible: the test suite regenerates into a temporary folder and compares every file.
// See sample-data/README.md for what the files are.

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'sample-data'));

/** The sample case: a primary section of ~50,000 cells and a late-diverging metastasis of ~15,000. */
export const SAMPLE = {
  preset: 'selective-sweep',
  cells: 28_000,
  seed: 7,
  metastasis: { mode: 'late', cells: 8_500, seed: 8 },
  gzip: true,
};

const bundle = path.join(root, '.build/sample-data/simulate.mjs');
await build({
  entryPoints: [path.join(root, 'electron/cli/simulate.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  absWorkingDir: root,
});
const { runSimulation } = await import(pathToFileURL(bundle).href);
process.exitCode = await runSimulation({ ...SAMPLE, out: outDir });
