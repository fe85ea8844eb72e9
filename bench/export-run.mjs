#!/usr/bin/env node
// Figure-export benchmark (issue 7): `node bench/export-run.mjs`. Prints figures, tests nothing.
// In headless Debian Chromium (software GL, as the e2e tests), with the harness page of
// bench/export/ (harness.ts, built by esbuild), each measurement in a fresh browser (cold code, as a
// user's one export), RUNS times (default 3), median shown:
//  1. the slide: 16:9 (960 × 540 pt = 338.667 × 190.5 mm), three 50,000-cell sections with
//     titles, scale bars, overlays, biopsies and a legend: building the SVG, svgToPng at 300 dpi
//     (4000 × 2250 px), svgToPdf; baselines in the same page: a white canvas of that size encoded
//     (fill + toBlob), and the figure's own pixels encoded (putImageData + toBlob); and the PNG at 600 dpi.
//  2. the vector-cell limit: the same slide at SWEEP cells per panel (default 10k, 25k, 50k, 100k),
//     cells as vector marks and as rasters: SVG size and time, PNG and PDF time, PDF size, and the
//     time poppler takes to draw the PDF at 150 dpi (pdftoppm: a stand-in for a PDF viewer).
//  Then BIG cells per panel (default 1,000,000), which the default limit rasterises.
// Env: RUNS, SWEEP (comma list), BIG (0 to skip), CHROMIUM_PATH.

import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness, serveHarness } from './export/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = path.join(root, '.scratch/bench/export');
mkdirSync(scratch, { recursive: true });
const env = process.env;
const RUNS = Number(env.RUNS ?? 3);
const SWEEP = (env.SWEEP ?? '10000,25000,50000,100000').split(',').map(Number);
const BIG = Number(env.BIG ?? 1_000_000);
const executablePath = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0;

const server = await serveHarness(await buildHarness());
const url = `http://127.0.0.1:${server.address().port}/`;
let chromiumVersion = '';

/** Runs `fn(arg)` in the harness page of a fresh browser. */
async function fresh(fn, arg) {
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  chromiumVersion = browser.version();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
    const r = await page.evaluate(fn, arg);
    if (errors.length) throw new Error(errors.join('\n'));
    return r;
  } finally {
    await browser.close();
  }
}

/** One export of the slide: SVG, PNG at 300 dpi, PDF (bytes back for pdftoppm), and the baselines. */
function exportOnce() {
  return async ({ cellsPerPanel, maxVectorCells, baselines }) => {
    const E = window.__export;
    const f = await E.demoFigure({ cellsPerPanel, maxVectorCells: maxVectorCells ?? undefined, dpi: 300 });
    const png = await E.timedPng(f.svg, f.widthPx, f.heightPx, 300);
    const pdf = await E.timedPdf(f.svg, f.widthMm, f.heightMm, true);
    const base = baselines ? await E.baselines(f.svg, f.widthPx, f.heightPx) : null;
    const png600 = baselines ? await E.timedPng(f.svg, 2 * f.widthPx, 2 * f.heightPx, 600) : null;
    return { buildMs: f.buildMs, svgBytes: new Blob([f.svg]).size, modes: f.modes, png: { ms: png.ms, size: png.size, info: png.info }, pdf, base, png600: png600 && { ms: png600.ms, size: png600.size } };
  };
}

function popplerMs(b64, name) {
  if (!hasPoppler) return NaN;
  const file = path.join(scratch, `${name}.pdf`);
  writeFileSync(file, Buffer.from(b64, 'base64'));
  const t0 = performance.now();
  // PPM output: the time is poppler drawing the page, not encoding a PNG of it
  const r = spawnSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-singlefile', file, path.join(scratch, name)]);
  if (r.status !== 0) throw new Error(`pdftoppm failed on ${file}: ${r.stderr}`);
  return performance.now() - t0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const kb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} KB`);

async function measure(cellsPerPanel, maxVectorCells, baselines = false) {
  const runs = [];
  for (let k = 0; k < RUNS; k++) {
    const r = await fresh(exportOnce(), { cellsPerPanel, maxVectorCells, baselines });
    r.popplerMs = popplerMs(r.pdf.b64, `slide-${cellsPerPanel}-${r.modes[0]}`);
    delete r.pdf.b64;
    runs.push(r);
  }
  const m = (f) => median(runs.map(f));
  return {
    cellsPerPanel, modes: runs[0].modes, svgBytes: runs[0].svgBytes, pngSize: runs[0].png.size, pdfSize: runs[0].pdf.size, info: runs[0].png.info,
    buildMs: m((r) => r.buildMs), pngMs: m((r) => r.png.ms), pdfMs: m((r) => r.pdf.ms), popplerMs: m((r) => r.popplerMs),
    pngTotal: m((r) => r.buildMs + r.png.ms), pdfTotal: m((r) => r.buildMs + r.pdf.ms),
    fillMs: baselines ? m((r) => r.base.fillMs) : NaN, encodeMs: baselines ? m((r) => r.base.encodeMs) : NaN,
    png600Ms: baselines ? m((r) => r.png600.ms) : NaN, png600Size: baselines ? runs[0].png600.size : NaN,
  };
}

try {
  const cpu = os.cpus();
  console.log(`Figure export benchmark: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${RUNS} run(s) each, fresh browser per run`);

  // 1. the slide with the default limit
  const main = await measure(50_000, null, true);
  console.log(`Chromium ${chromiumVersion} (headless), flags: ${FLAGS.join(' ')}`);
  console.log(`\n## The slide: 960 × 540 pt, 3 × 50,000 cells (${main.modes.join(', ')}), PNG ${main.info.width} × ${main.info.height} px at ${main.info.dpi} dpi\n`);
  console.log('| step | median time | output |');
  console.log('|---|---|---|');
  console.log(`| build the figure SVG | ${s(main.buildMs)} | ${kb(main.svgBytes)} SVG |`);
  console.log(`| svgToPng, 300 dpi | ${s(main.pngMs)} | ${kb(main.pngSize)} PNG |`);
  console.log(`| **PNG export (SVG + PNG)** | **${s(main.pngTotal)}** | |`);
  console.log(`| svgToPdf | ${s(main.pdfMs)} | ${kb(main.pdfSize)} PDF |`);
  console.log(`| **PDF export (SVG + PDF)** | **${s(main.pdfTotal)}** | |`);
  console.log(`| svgToPng, 600 dpi (8000 × 4500 px) | ${s(main.png600Ms)} | ${kb(main.png600Size)} PNG |`);
  console.log(`| baseline: white 4000 × 2250 canvas, toBlob | ${s(main.fillMs)} | |`);
  console.log(`| baseline: the figure's pixels, putImageData + toBlob | ${s(main.encodeMs)} | |`);
  console.log(`\nTarget: PNG export at 300 dpi ≤ 3 s: ${main.pngTotal <= 3000 ? '✓' : '✗'} (${s(main.pngTotal)}); PNG encoding alone is ${Math.round((100 * main.encodeMs) / main.pngMs)} % of svgToPng.`);

  // 2. vector against raster
  console.log('\n## Vector cells against raster (3 panels, cells per panel as shown)\n');
  console.log('| cells per panel | cells as | SVG | build SVG | PNG 300 dpi | PDF | PDF size | poppler, 150 dpi |');
  console.log('|---|---|---|---|---|---|---|---|');
  const sizes = [...SWEEP.map((n) => [n, Infinity]), ...SWEEP.map((n) => [n, 0])];
  if (BIG > 0) sizes.push([BIG, null]);
  for (const [n, limit] of sizes) {
    const r = await measure(n, limit);
    console.log(`| ${n.toLocaleString('en')} | ${r.modes[0]}${limit === null ? ' (default limit)' : ''} | ${kb(r.svgBytes)} | ${s(r.buildMs)} | ${s(r.pngMs)} | ${s(r.pdfMs)} | ${kb(r.pdfSize)} | ${s(r.popplerMs)} |`);
  }
  if (!hasPoppler) console.log('(pdftoppm not found: install poppler-utils for the last column)');
} finally {
  server.close();
}
