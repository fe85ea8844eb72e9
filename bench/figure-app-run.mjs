#!/usr/bin/env node
// The issue-7 target through the app itself: `node bench/figure-app-run.mjs`. Prints figures,
// tests nothing. The browser build (npm run build:renderer) in headless Debian Chromium (software
// GL, the e2e flags); three 50,000-cell sections (the first 50,000 cells of the sample primary,
// three files) opened through the file input; Figure… (16:9, 300 DPI, three whole-section panels,
// legend, scale bars); then each export timed from the click to the file's download, as a user
// waits for it, and until the file's bytes are ready in the page (what the desktop app then writes
// to disk; the browser's download, streamed to Playwright here, is the test harness's cost). A fresh browser per run (RUNS, default 3), median shown. Baseline in the same
// page: a blank 4000 × 2250 canvas encoded as PNG (the least any 300 DPI export can cost).

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = path.join(root, '.scratch/bench/figure-app');
mkdirSync(scratch, { recursive: true });
const RUNS = Number(process.env.RUNS ?? 3);
const CELLS = 50_000;
const FLAGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
if (!existsSync(path.join(root, '.build/renderer/index.html'))) throw new Error('Build the renderer first: npm run build:renderer');

// three 50,000-cell tables
const lines = gunzipSync(readFileSync(path.join(root, 'sample-data/primary_cells.csv.gz'))).toString('utf8').split('\n');
const files = ['left', 'middle', 'right'].map((name) => {
  const file = path.join(scratch, `section_${name}.csv`);
  writeFileSync(file, lines.slice(0, CELLS + 1).join('\n') + '\n');
  return file;
});

const port = 5400 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, [path.join(root, 'renderer/serve.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function once() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  const version = browser.version();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('[data-testid=open-file]').setInputFiles(files);
    await page.locator('[data-testid=sample-panel][data-drawn="1"]').nth(2).waitFor({ timeout: 120_000 });
    let t = performance.now();
    await page.locator('[data-testid=export-figure]').click();
    await page.locator('[data-testid=figure-preview][data-ready="1"]').waitFor({ timeout: 120_000 });
    const out = { build: performance.now() - t, version };
    out.cells = await page.locator('[data-testid=figure-preview] svg[data-cells]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-visible-cells')} ${e.getAttribute('data-cells')}`));
    for (const format of ['png', 'svg', 'pdf']) {
      t = performance.now();
      const pending = page.waitForEvent('download', { timeout: 120_000 });
      await page.locator(`[data-testid=figure-export-${format}]`).click();
      const d = await pending;
      out[`${format}Started`] = performance.now() - t;
      const file = path.join(scratch, `figure.${format}`);
      await d.saveAs(file);
      out[format] = performance.now() - t;
      out[`${format}Bytes`] = statSync(file).size;
    }
    for (const format of ['png', 'svg', 'pdf']) out[`${format}Made`] = await page.evaluate((f) => performance.getEntriesByName(`clonoscope:figure-${f}`).at(-1)?.duration ?? NaN, format);
    out.baseline = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 4000;
      c.height = 2250;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      const t0 = performance.now();
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 4000, 2250);
      await new Promise((r) => c.toBlob(r, 'image/png'));
      return performance.now() - t0;
    });
    return out;
  } finally {
    await browser.close();
  }
}

try {
  const runs = [];
  for (let k = 0; k < RUNS; k++) runs.push(await once());
  const m = (key) => median(runs.map((r) => r[key]));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  console.log(`Figure export through the app — Chromium ${runs[0].version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, median of ${RUNS}`);
  console.log(`panels: ${runs[0].cells.join(', ')} (visible cells, how they are drawn)`);
  console.log(`compose (open Figure… until the preview is drawn): ${s(m('build'))}`);
  console.log('export: the file\'s bytes ready to write (in the page) | click → downloaded file (browser download streamed to Playwright)');
  console.log(`PNG 300 DPI, 4000 × 2250: ${s(m('pngMade'))} | ${s(m('png'))} (${mb(m('pngBytes'))}; the download started after ${s(m('pngStarted'))})`);
  console.log(`SVG: ${s(m('svgMade'))} | ${s(m('svg'))} (${mb(m('svgBytes'))})`);
  console.log(`PDF: ${s(m('pdfMade'))} | ${s(m('pdf'))} (${mb(m('pdfBytes'))})`);
  console.log(`baseline: blank 4000 × 2250 canvas → PNG: ${s(m('baseline'))}`);
} finally {
  server.kill();
}
