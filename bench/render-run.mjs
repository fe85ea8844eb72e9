#!/usr/bin/env node
// Rendering benchmark (issue 4): plain pixi mesh vs deck.gl ScatterplotLayer vs Clonoscope's
// section renderer on the same seeded cells, in headless Chromium (software WebGL unless GPU=1).
// Builds bench/render/ to .build/bench-render/, serves it, runs each contender × N in a fresh
// browser, prints the GL renderer, a markdown table and Clonoscope's ratios; JSON in .scratch/.
//
//   node bench/render-run.mjs                       (about 5 minutes here; deck.gl takes most of it)
//   N=1000000 CONTENDERS=pixi-mesh,clonoscope:auto FRAMES=30 node bench/render-run.mjs
//
// Env (defaults in brackets):
//   N [1000000,5000000]   cell counts; gestures only up to GESTURE_MAX_N [1000000]
//   CONTENDERS [floor,pixi-mesh,deck,clonoscope:auto,clonoscope:raster,clonoscope:points]
//                         floor = an empty WebGL canvas (the frame-rate ceiling here), run once
//   FRAMES [60] per gesture, BUDGET_S [10] per gesture (at least 3 frames), WARMUP [2] intervals
//   left out of median/p10, SYNC=1 end each gesture frame with a 1-px GPU readback, RUNS [1]
//   FIRST_TIMEOUT_S [120], SETTLE_TIMEOUT_S [30], CASE_TIMEOUT_S [300]
//   WIDTH×HEIGHT [1280×800], POINT_SIZE [2] device px, SEED [1], PAN_PX [200], ZOOM [8]
//   CHROMIUM_PATH [/usr/bin/chromium], HEADLESS=0 (under xvfb-run), EXTRA_FLAGS, UNCAPPED=1 (no 60 Hz cap)
//   GPU=1 hardware WebGL (no SwiftShader flags); if the printed renderer still says SwiftShader,
//         add GPU_FLAGS, e.g. "--use-angle=vulkan --enable-features=Vulkan" or "--use-angle=gl-egl"
//   SCREENSHOTS=1 (.scratch/bench-render/<contender>-<variant>-<n>.png: the last view; look at them)
//   SKIP_BUILD=1, VERBOSE=1 (page log), BENCH_NO_CLONOSCOPE=1 (build without Clonoscope's renderer)
// Exits non-zero only when the harness breaks (build, server, browser start, page never answering).

import { chromium } from '@playwright/test';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserMemory, cpuSnapshot, foreignCores } from './render/proc-stats.mjs';
import { combineRuns, label, ratioTable, resultsTable, targetLines } from './render/report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.build/bench-render');
const env = process.env;
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const cfg = {
  ns: list(env.N ?? '1000000,5000000').map(Number),
  contenders: list(env.CONTENDERS ?? 'floor,pixi-mesh,deck,clonoscope:auto,clonoscope:raster,clonoscope:points'),
  frames: Number(env.FRAMES ?? 60),
  budgetS: Number(env.BUDGET_S ?? 10),
  gestureMaxN: Number(env.GESTURE_MAX_N ?? 1_000_000),
  firstTimeoutS: Number(env.FIRST_TIMEOUT_S ?? 120),
  settleTimeoutS: Number(env.SETTLE_TIMEOUT_S ?? 30),
  warmup: Number(env.WARMUP ?? 2),
  sync: env.SYNC === '1',
  caseTimeoutS: Number(env.CASE_TIMEOUT_S ?? 300),
  width: Number(env.WIDTH ?? 1280),
  height: Number(env.HEIGHT ?? 800),
  pointSize: Number(env.POINT_SIZE ?? 2),
  seed: Number(env.SEED ?? 1),
  panPx: Number(env.PAN_PX ?? 200),
  zoom: Number(env.ZOOM ?? 8),
  runs: Number(env.RUNS ?? 1),
};
const verbose = env.VERBOSE === '1';
const split = (s) => (s ? s.split(/\s+/).filter(Boolean) : []);
const flags = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--enable-precise-memory-info',
  ...(env.GPU === '1' ? ['--ignore-gpu-blocklist', '--enable-gpu', ...split(env.GPU_FLAGS)] : ['--enable-unsafe-swiftshader', '--use-angle=swiftshader']),
  ...(env.UNCAPPED === '1' ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : []),
  ...split(env.EXTRA_FLAGS),
];
const executablePath = env.CHROMIUM_PATH ?? '/usr/bin/chromium';

class HarnessError extends Error {}

async function buildPage() {
  if (env.SKIP_BUILD === '1' && existsSync(path.join(outDir, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'bench/render/vite.config.ts'), logLevel: 'warn' });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
function serve() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(outDir, rel);
    if (!file.startsWith(outDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const timeout = (s, what) => new Promise((resolve) => setTimeout(() => resolve({ status: 'timeout', error: `${what} took over ${s} s` }), s * 1000).unref());

async function runCase(base, spec, n) {
  const [contender, variant = 'auto'] = spec.split(':');
  const q = new URLSearchParams({
    contender, variant, n: String(n), seed: String(cfg.seed), frames: String(cfg.frames), budget: String(cfg.budgetS),
    firstTimeout: String(cfg.firstTimeoutS), settleTimeout: String(cfg.settleTimeoutS), warmup: String(cfg.warmup), sync: cfg.sync ? '1' : '0', gestures: n <= cfg.gestureMaxN ? '1' : '0', width: String(cfg.width),
    height: String(cfg.height), pointSize: String(cfg.pointSize), panPx: String(cfg.panPx), zoom: String(cfg.zoom),
  });
  const stub = { contender, variant, n };
  const cpu0 = cpuSnapshot();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: env.HEADLESS !== '0', args: flags });
  } catch (e) {
    throw new HarnessError(`cannot start Chromium at ${executablePath}: ${e.message}`);
  }
  try {
    const page = await browser.newPage({ viewport: { width: cfg.width, height: cfg.height }, deviceScaleFactor: 1 });
    const errors = [];
    page.on('console', (m) => verbose && console.log(`    ${m.text()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    const crashed = new Promise((resolve) => page.on('crash', () => resolve({ status: 'crashed', error: 'the page crashed (out of memory?)' })));
    await page.goto(`${base}?${q}`);
    let result = await Promise.race([page.evaluate(() => window.__benchDone).catch((e) => ({ status: /crash|closed/i.test(e.message) ? 'crashed' : 'error', error: e.message })), crashed, timeout(cfg.caseTimeoutS, 'the case')]);
    if (!result) throw new HarnessError(`the page gave no result (${errors.join('; ') || 'module not loaded?'})`);
    const foreign = foreignCores(cpu0, cpuSnapshot());
    if (env.SCREENSHOTS === '1' && result.status !== 'timeout' && result.status !== 'crashed') {
      const shot = path.join(root, '.scratch/bench-render', `${contender}-${variant}-${n}.png`);
      mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot, timeout: 60_000 }).catch(() => {});
    }
    const memory = browserMemory();
    if (result.status === 'timeout') {
      // keep what was measured before the time ran out (the page may be stuck in a GPU readback)
      const partial = await Promise.race([page.evaluate(() => window.__benchPartial).catch(() => undefined), timeout(10, '')]);
      if (partial && partial.contender) result = { ...partial, status: 'timeout', error: result.error };
    }
    let heap;
    if (result.status === 'ok' || result.status === 'blank') {
      try {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const h = await cdp.send('Runtime.getHeapUsage');
        heap = { usedMB: h.usedSize / 2 ** 20, buffersMB: h.backingStorageSize !== undefined ? h.backingStorageSize / 2 ** 20 : undefined };
      } catch {
        // heap figures are optional
      }
    }
    return { ...stub, ...result, memory, heap, foreignCores: foreign };
  } catch (e) {
    if (e instanceof HarnessError) throw e;
    return { ...stub, status: /crash|closed/i.test(e.message) ? 'crashed' : 'error', error: e.message };
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  const t0 = Date.now();
  await buildPage().catch((e) => {
    throw new HarnessError(`build failed: ${e.message}`);
  });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/index.html`;
  const results = [], allRuns = [];
  let glRenderer = '', version = '';
  try {
    const b = await chromium.launch({ executablePath, headless: env.HEADLESS !== '0', args: flags }).catch((e) => {
      throw new HarnessError(`cannot start Chromium at ${executablePath} (set CHROMIUM_PATH): ${e.message.split('\n')[0]}`);
    });
    version = b.version();
    await b.close();
    console.log(`Rendering benchmark: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Chromium ${version}${env.HEADLESS === '0' ? '' : ' (headless)'}, ${env.GPU === '1' ? 'hardware GPU requested' : 'SwiftShader'}`);
    console.log(`flags: ${flags.join(' ')}`);
    console.log(`${cfg.width}×${cfg.height} device px, points ${cfg.pointSize} px, ${cfg.frames} frames per gesture (budget ${cfg.budgetS} s${cfg.sync ? ', each ending with a 1-px GPU readback' : ''}), seed ${cfg.seed}\n`);
    for (const n of cfg.ns)
      for (const spec of cfg.contenders) {
        if (spec === 'floor' && n !== cfg.ns[0]) continue;
        const t = Date.now();
        const runs = [];
        for (let k = 0; k < cfg.runs; k++) runs.push(await runCase(base, spec, n));
        const r = combineRuns(runs);
        allRuns.push(...runs);
        glRenderer ||= r.glRenderer ?? '';
        results.push(r);
        const first = r.first ? `first frame ${(r.first.ms / 1000).toFixed(2)} s` : '';
        const gest = r.pan ? `, pan ${r.pan.fpsMedian.toFixed(1)} fps, zoom ${r.zoom?.fpsMedian.toFixed(1)} fps` : '';
        const busy = r.foreignCores > 0.1 ? ` — other processes used ${r.foreignCores.toFixed(2)} cores meanwhile: figures unreliable` : '';
        console.log(`  ${label(r)} × ${n.toLocaleString('en')}: ${r.status}${r.status === 'ok' ? '' : ` (${(r.error ?? '').split('\n')[0]})`} ${first}${gest} [${((Date.now() - t) / 1000).toFixed(0)} s]${busy}`);
      }
  } finally {
    server.close();
  }
  console.log(`\nGL renderer (UNMASKED_RENDERER_WEBGL): ${glRenderer || 'unknown'}\n`);
  if (env.GPU === '1' && /swiftshader|llvmpipe|software/i.test(glRenderer)) console.log('WARNING: GPU=1 but WebGL is still software-rendered: try GPU_FLAGS (see the top of this file).\n');
  console.log(resultsTable(results));
  console.log('\nRatios (fps: Clonoscope ÷ other, > 1 = Clonoscope faster; first frame: time ÷ time, < 1 = Clonoscope faster):\n');
  console.log(ratioTable(results));
  const notes = results.filter((r) => r.notes).map((r) => `- ${label(r)} × ${r.n.toLocaleString('en')}: ${r.notes}`);
  if (notes.length) console.log(`\nNotes:\n${notes.join('\n')}`);
  const targets = targetLines(results);
  if (targets) console.log(`\nIssue 4 targets:\n${targets}`);
  const scratch = path.join(root, '.scratch/bench-render');
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ chromium: version, glRenderer, flags, cfg, results, allRuns }, null, 1));
  console.log(`\nAll figures: ${path.relative(root, file)} (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
}

main().catch((e) => {
  console.error(e instanceof HarnessError ? `harness: ${e.message}` : e);
  process.exit(1);
});
