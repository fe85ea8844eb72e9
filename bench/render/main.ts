// Benchmark page: one contender, one N per page load (the runner starts a fresh browser for each).
// Query: ?contender=pixi-mesh|deck|clonoscope|floor&variant=auto|raster|points&n=&seed=&frames=&...
// The result is `window.__benchDone` (a promise), read by bench/render-run.mjs.

import { fitView, panBy, zoomAbout, type ViewState } from '../../renderer/scene/view-state.ts';
import { generateSection } from './cells.ts';
import { Unavailable, type BenchOptions, type Contender, type ContenderFactory } from './contender.ts';
import { clonoscopeAvailable, createClonoscope } from './contenders/clonoscope.ts';
import { createDeckScatter } from './contenders/deck-scatter.ts';
import { createFloor } from './contenders/floor.ts';
import { createPixiMesh } from './contenders/pixi-mesh.ts';
import { gesture, settle, untilShown, type GestureResult, type SettleResult, type ShownResult } from './measure.ts';
import { checkPixels } from './pixels.ts';

const contenders: Record<string, ContenderFactory> = { 'pixi-mesh': createPixiMesh, deck: createDeckScatter, clonoscope: createClonoscope, floor: createFloor };

export interface PageResult {
  readonly status: 'ok' | 'unavailable' | 'blank' | 'error';
  readonly contender: string;
  readonly variant: string;
  readonly n: number;
  readonly glRenderer: string;
  readonly clonoscopeAvailable: boolean;
  readonly mode?: string;
  readonly error?: string;
  readonly initMs?: number;
  readonly dataMs?: number;
  /** Of the first frame: load() alone (buffers built), ms. */
  readonly loadMs?: number;
  readonly first?: ShownResult;
  /** Cost of one pixel readback + count on this canvas, ms (part of every "shown" timing). */
  readonly checkMs?: number;
  readonly heapMB?: number;
  readonly pan?: GestureResult;
  readonly panSettle?: SettleResult;
  readonly zoom?: GestureResult;
  readonly zoomSettle?: SettleResult;
  /** Contender's own diagnostics (e.g. deck.gl's redraw count). */
  readonly notes?: string;
}

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
const cfg = {
  contender: q.get('contender') ?? 'pixi-mesh',
  variant: q.get('variant') ?? 'auto',
  n: num('n', 1_000_000),
  seed: num('seed', 1),
  frames: num('frames', 60),
  gestures: q.get('gestures') !== '0',
  budgetMs: num('budget', 15) * 1000,
  firstTimeoutMs: num('firstTimeout', 120) * 1000,
  settleTimeoutMs: num('settleTimeout', 30) * 1000,
  warmup: num('warmup', 2),
  sync: q.get('sync') === '1',
  panPx: num('panPx', 200),
  zoom: num('zoom', 8),
  options: { width: num('width', 1280), height: num('height', 800), pointSize: num('pointSize', 2) } satisfies BenchOptions,
};

function glRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const s = ext ? `${gl.getParameter(ext.UNMASKED_VENDOR_WEBGL)} / ${gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)}` : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return s;
}

function heapMB(): number | undefined {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize / 2 ** 20 : undefined;
}

const log = (s: string) => console.log(`[bench] ${s}`);

async function run(): Promise<PageResult> {
  const base = { contender: cfg.contender, variant: cfg.variant, n: cfg.n, glRenderer: glRenderer(), clonoscopeAvailable };
  const make = contenders[cfg.contender];
  if (!make) return { ...base, status: 'error', error: `unknown contender ${cfg.contender}` };
  const { width, height } = cfg.options;
  const stage = document.getElementById('stage')!;
  stage.style.width = `${width}px`;
  stage.style.height = `${height}px`;

  let t = performance.now();
  let c: Contender;
  try {
    c = await make(stage, cfg.options, cfg.variant);
  } catch (e) {
    if (e instanceof Unavailable) return { ...base, status: 'unavailable', error: e.message };
    throw e;
  }
  const initMs = performance.now() - t;
  let lost = false;
  c.canvas.addEventListener('webglcontextlost', () => (lost = true));
  log(`${cfg.contender}/${cfg.variant} ready (${c.mode}); generating ${cfg.n} cells`);

  t = performance.now();
  const cells = generateSection(cfg.n, cfg.seed);
  const dataMs = performance.now() - t;
  const view0 = fitView(cells.bounds, width, height, false);

  // data ready → first frame on screen
  let loadMs = 0;
  const first = await untilShown(c, async () => {
    const t1 = performance.now();
    await c.load(cells, view0);
    loadMs = performance.now() - t1;
  }, { drawn: 0.02, colours: 6 }, cfg.firstTimeoutMs);
  const checkMs = checkPixels(c.canvas).ms;
  // what is measured so far (the runner reads it if the case runs out of time)
  let out: PageResult = { ...base, status: 'ok', mode: c.mode, initMs, dataMs, loadMs, first, checkMs, ...(heapMB() ? { heapMB: heapMB()! } : {}) };
  const publish = (more: Partial<PageResult>) => (window.__benchPartial = out = { ...out, ...more, ...(c.notes ? { notes: c.notes() } : {}) });
  publish({});
  log(`first frame ${first.ms.toFixed(0)} ms, drawn ${(first.check.drawn * 100).toFixed(1)} %`);
  if (lost) return publish({ status: 'error', error: 'WebGL context lost' });
  if (!first.drawn) return publish({ status: 'blank', error: 'nothing drawn before the time-out' });
  if (!cfg.gestures) return out;

  // pan: a circular drag of radius panPx; then zoom ×zoom about a point right of centre, from
  // where the pan ended (the start again unless the time budget cut the pan short)
  const F = cfg.frames;
  const panViews = Array.from({ length: F }, (_, i): ViewState => {
    const a = (2 * Math.PI * (i + 1)) / F;
    return panBy(view0, cfg.panPx * Math.sin(a), cfg.panPx * (Math.cos(a) - 1));
  });
  const pan = publish({ pan: await gesture(c, panViews, cfg) }).pan!;
  const panEnd = panViews[pan.frames - 1]!;
  if (c.movingMode) publish({ panSettle: await settle(c, panEnd, cfg.settleTimeoutMs) });
  log(`pan ${pan.fpsMedian.toFixed(1)} fps over ${pan.frames} frames${out.panSettle ? `, settle ${out.panSettle.ms.toFixed(0)} ms` : ''}`);

  const zoomViews = Array.from({ length: F }, (_, i) => zoomAbout(panEnd, cfg.zoom ** ((i + 1) / F), width * 0.6, height * 0.45));
  const zoom = publish({ zoom: await gesture(c, zoomViews, cfg) }).zoom!;
  if (c.movingMode) publish({ zoomSettle: await settle(c, zoomViews[zoom.frames - 1]!, cfg.settleTimeoutMs) });
  log(`zoom ${zoom.fpsMedian.toFixed(1)} fps over ${zoom.frames} frames${out.zoomSettle ? `, settle ${out.zoomSettle.ms.toFixed(0)} ms` : ''}`);
  // not destroyed: the runner reads memory with everything still alive, then closes the browser
  return lost ? publish({ status: 'error', error: 'WebGL context lost' }) : out;
}

declare global {
  interface Window {
    __benchDone?: Promise<PageResult>;
    __benchPartial?: PageResult;
  }
}

window.__benchDone = run().catch((e: unknown) => ({
  status: 'error' as const,
  contender: cfg.contender,
  variant: cfg.variant,
  n: cfg.n,
  glRenderer: '',
  clonoscopeAvailable,
  error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e),
}));
