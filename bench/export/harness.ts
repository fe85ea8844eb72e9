// Figure-export harness page (bench/export-run.mjs and tests/e2e/export-primitives.spec.ts): puts
// the export primitives and a demo figure builder on `window.__export`. The demo figure is what the
// issue's benchmark asks for: a 16:9 slide (960 × 540 pt) with N section panels, titles, scale bars
// and one legend, built from seeded synthetic sections (bench/render/cells.ts: clustered clones,
// 8 colours).

import { generateSection, hexToRgb, PALETTE_HEX, type SyntheticSection } from '../render/cells.ts';
import { packRgba } from '../../renderer/render/cell-raster.ts';
import type { BiopsyMark, MapLabel, OverlayPolygon } from '../../renderer/render/types.ts';
import { LIGHT, text } from '../../renderer/scene/charts/svg.ts';
import { colormapLut } from '../../renderer/scene/colormaps.ts';
import { copyPngToClipboard, prepareSvgForPdf, svgToPdf, svgToPng } from '../../renderer/export/convert.ts';
import { figurePixels, figureSvg, pxPerUnit, toMm, unitsPerCssPx } from '../../renderer/export/figure-svg.ts';
import { legendSvg } from '../../renderer/export/legend-svg.ts';
import { scaleBarSvg } from '../../renderer/export/scale-bar-svg.ts';
import { DEFAULT_MAX_VECTOR_CELLS, sectionSvg } from '../../renderer/export/section-svg.ts';
import { pngInfo, withDpi } from '../../shared/export/png-dpi.ts';

export const CLONES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'stroma'];
const LUT = PALETTE_HEX.map((h) => packRgba(...hexToRgb(h), 255));

const sections = new Map<string, SyntheticSection>();
function section(n: number, seed: number): SyntheticSection {
  const key = `${n}:${seed}`;
  let s = sections.get(key);
  if (!s) sections.set(key, (s = generateSection(n, seed)));
  return s;
}

function colours(s: SyntheticSection, hide: readonly number[] = [], numeric = false): Uint32Array {
  const out = new Uint32Array(s.n);
  if (numeric) {
    // a marker-like gradient over the section through all 256 viridis steps (257 colours with transparent)
    const lut = colormapLut('viridis'), [x0, x1] = s.bounds.x, [y0, y1] = s.bounds.y;
    for (let i = 0; i < s.n; i++) out[i] = lut[Math.min(255, Math.floor((128 * ((s.x[i]! - x0) / (x1 - x0) + (s.y[i]! - y0) / (y1 - y0)))))]!;
    return out;
  }
  for (let i = 0; i < s.n; i++) out[i] = hide.includes(s.codes[i]!) ? 0 : LUT[s.codes[i]!]!;
  return out;
}

/** A ring of `k` points on an ellipse (world units). */
function ellipse(cx: number, cy: number, rx: number, ry: number, k = 96): Float64Array {
  const r = new Float64Array(2 * k);
  for (let j = 0; j < k; j++) (r[2 * j] = cx + rx * Math.cos((2 * Math.PI * j) / k)), (r[2 * j + 1] = cy + ry * Math.sin((2 * Math.PI * j) / k));
  return r;
}

function decorations(): { overlays: OverlayPolygon[]; labels: MapLabel[]; biopsies: BiopsyMark[] } {
  return {
    overlays: [
      { rings: [ellipse(10_000, 7_500, 9_000, 6_500, 180), ellipse(10_000, 7_500, 3_000, 2_000)], colour: '#555555', fillAlpha: 0.08, strokeAlpha: 0.9, strokeWidth: 1.5 },
      { rings: [ellipse(6_000, 5_000, 2_500, 1_800)], colour: '#0072B2', fillAlpha: 0, strokeAlpha: 1, strokeWidth: 2, dashed: true },
    ],
    labels: [{ x: 10_000, y: 7_500, text: 'core', colour: '#222222' }, { x: 6_000, y: 5_000, text: 'C2 territory', colour: '#0072B2' }],
    biopsies: [
      { outline: ellipse(14_000, 9_000, 1_000, 1_000, 64), label: '1', picked: false },
      { outline: ellipse(4_500, 10_500, 1_000, 1_000, 64), label: '2', picked: true },
    ],
  };
}

export interface DemoFigureOptions {
  readonly panels?: number;
  readonly cellsPerPanel: number;
  readonly seed?: number;
  readonly dpi?: number;
  readonly maxVectorCells?: number;
  /** CSS colour or null (transparent). */
  readonly background?: string | null;
  /** Legend as a numeric colour bar instead of the clone categories. */
  readonly colourBar?: boolean;
  /** Clone codes to hide (alpha 0). */
  readonly hide?: readonly number[];
  /** Cells coloured by a viridis gradient (256 colours) instead of by clone. */
  readonly numeric?: boolean;
}

export interface DemoFigure {
  readonly svg: string;
  /** Time to build the SVG from cells already in memory (ms). */
  readonly buildMs: number;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly modes: string[];
  readonly visible: number[];
  readonly scaleLabels: string[];
}

/** The slide: 13.333 × 7.5 in (960 × 540 pt), `panels` sections side by side, legend underneath. */
export async function demoFigure(o: DemoFigureOptions): Promise<DemoFigure> {
  const W = 960, H = 540, u = unitsPerCssPx('pt'), dpi = o.dpi ?? 300, k = o.panels ?? 3;
  const data = Array.from({ length: k }, (_, j) => section(o.cellsPerPanel, (o.seed ?? 1) + j));
  const rgba = data.map((s) => colours(s, o.hide, o.numeric));
  const deco = decorations();
  const t0 = performance.now();
  const margin = 24, gap = 18, titleH = 26, legendH = 60;
  const pw = (W - 2 * margin - (k - 1) * gap) / k, ph = H - 2 * margin - titleH - legendH;
  const body: string[] = [];
  const modes: string[] = [], visible: number[] = [], scaleLabels: string[] = [];
  for (let j = 0; j < k; j++) {
    const s = data[j]!;
    const px = margin + j * (pw + gap), py = margin + titleH;
    const worldPerUnit = Math.max((s.bounds.x[1] - s.bounds.x[0]) / pw, (s.bounds.y[1] - s.bounds.y[0]) / ph) * 1.04;
    const window = { cx: (s.bounds.x[0] + s.bounds.x[1]) / 2, cy: (s.bounds.y[0] + s.bounds.y[1]) / 2, worldPerUnit, yUp: false };
    const spacing = Math.sqrt(((s.bounds.x[1] - s.bounds.x[0]) * (s.bounds.y[1] - s.bounds.y[0])) / s.n);
    const panel = await sectionSvg({
      cells: s, rgba: rgba[j]!, x: px, y: py, width: pw, height: ph, window, markSize: Math.max(0.4, (0.85 * spacing) / worldPerUnit),
      background: j === 1 ? '#f4f4f4' : null, ...deco, unitsPerPx: u, rasterPxPerUnit: pxPerUnit('pt', dpi),
      maxVectorCells: o.maxVectorCells ?? DEFAULT_MAX_VECTOR_CELLS, title: `Section ${j + 1}`,
    });
    modes.push(/data-cells="(\w+)"/.exec(panel)![1]!);
    visible.push(Number(/data-visible-cells="(\d+)"/.exec(panel)![1]));
    body.push(text(px, margin + titleH / 2, `Section ${j + 1} — ${s.n.toLocaleString('en')} cells`, LIGHT, { size: 13, weight: 600 }));
    body.push(panel);
    const bar = scaleBarSvg({ worldPerUnit, units: 'um', x: px + pw - 8, y: py + ph - 8, unitsPerPx: u });
    if (bar) body.push(bar.svg), scaleLabels.push(bar.label);
  }
  const legendOpts = { x: margin, y: H - margin - legendH + 10, width: W - 2 * margin, unitsPerPx: u };
  const legend = o.colourBar
    ? legendSvg({ kind: 'number', title: 'Ki-67 (mean intensity)', min: 0.5, max: 250, log: true, colormap: 'viridis' }, { ...legendOpts, width: 300 })
    : legendSvg({ kind: 'category', title: 'Clone', entries: CLONES.map((label, c) => ({ label, colour: PALETTE_HEX[c]!, hidden: o.hide?.includes(c) ?? false })) }, legendOpts);
  body.push(legend.svg);
  const svg = figureSvg({ width: W, height: H, units: 'pt', background: o.background === undefined ? '#ffffff' : o.background, body: body.join(''), title: 'Demo figure' });
  const buildMs = performance.now() - t0;
  return { svg, buildMs, widthPt: W, heightPt: H, widthMm: toMm(W, 'pt'), heightMm: toMm(H, 'pt'), ...figurePixels(W, H, 'pt', dpi), modes, visible, scaleLabels };
}

/** Where things are in primitivesFigure, pt from the top-left corner: [x0, y0, x1, y1]. */
export interface PrimitivesBoxes {
  readonly red: readonly number[];
  readonly vector: readonly number[];
  readonly raster: readonly number[];
  readonly swatch: readonly number[];
  readonly bar: readonly number[];
}

/**
 * A small figure with known geometry for the browser tests (400 × 200 pt, white): a red square;
 * two 120 × 120 pt panels of the same 51 × 51 grid of cells (20 µm apart, 6-pt marks, so the panel
 * is solidly covered) reaching beyond the panel on every side — blue vector marks, orange raster;
 * a 500 µm scale bar; a two-entry legend with a large swatch.
 */
export async function primitivesFigure(dpi: number): Promise<{ svg: string; boxes: PrimitivesBoxes; scaleLabel: string; texts: string[] }> {
  const u = unitsPerCssPx('pt');
  const n = 51 * 51, x = new Float32Array(n), y = new Float32Array(n);
  for (let i = 0; i < n; i++) (x[i] = 20 * (i % 51)), (y[i] = 20 * Math.floor(i / 51)); // world [0, 1000]² µm
  const window = { cx: 500, cy: 500, worldPerUnit: 5, yUp: false }; // 120 pt = 600 µm: cells overflow the box
  const body: string[] = ['<rect x="20" y="20" width="60" height="60" fill="#ff0000"/>'];
  const panel = async (px: number, colour: number, vector: boolean, title: string) => {
    body.push(text(px, 12, title, LIGHT, { size: 10, weight: 600 }));
    body.push(await sectionSvg({ cells: { n, x, y }, rgba: new Uint32Array(n).fill(colour), x: px, y: 20, width: 120, height: 120, window, markSize: 6, background: null, unitsPerPx: u, rasterPxPerUnit: pxPerUnit('pt', dpi), maxVectorCells: vector ? Infinity : 0 }));
  };
  await panel(100, packRgba(0, 114, 178), true, 'Vector <b>&"');
  await panel(240, packRgba(230, 159, 0), false, 'Raster cells');
  const bar = scaleBarSvg({ worldPerUnit: 5, units: 'um', x: 215, y: 135, unitsPerPx: u })!;
  body.push(bar.svg);
  const entries = [{ label: 'C1 <b>&"', colour: '#009e73' }, { label: 'stroma', colour: '#9a9a9a' }];
  const legend = legendSvg({ kind: 'category', entries }, { x: 20, y: 150, width: 360, unitsPerPx: u, fontSize: 20 });
  body.push(legend.svg);
  const swatch = 20 * 0.85, ey = 150 + (20 * 1.45) / 2;
  return {
    svg: figureSvg({ width: 400, height: 200, units: 'pt', background: '#ffffff', body: body.join(''), title: 'Export test figure' }),
    boxes: { red: [20, 20, 80, 80], vector: [100, 20, 220, 140], raster: [240, 20, 360, 140], swatch: [20, ey - swatch / 2, 20 + swatch, ey + swatch / 2], bar: [215 - bar.barLength, 135 - 3, 215, 135] },
    scaleLabel: bar.label,
    texts: ['Vector <b>&"', 'Raster cells', bar.label, ...entries.map((e) => e.label)],
  };
}

/** One panel alone (the vector-size sweep): n cells, all vector or all raster. */
export async function panelFigure(n: number, vector: boolean, dpi = 300): Promise<DemoFigure> {
  return demoFigure({ panels: 1, cellsPerPanel: n, dpi, maxVectorCells: vector ? Infinity : 0 });
}

async function base64(bytes: Uint8Array): Promise<string> {
  const url: string = await new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsDataURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  });
  return url.slice(url.indexOf(',') + 1);
}

/** Timed conversions; the bytes come back as base64 (for the test process) when asked. */
async function timedPng(svg: string, widthPx: number, heightPx: number, dpi: number, bytes = false) {
  const t0 = performance.now();
  const png = await svgToPng(svg, widthPx, heightPx, dpi);
  const ms = performance.now() - t0;
  return { ms, size: png.length, info: pngInfo(png), b64: bytes ? await base64(png) : undefined };
}

async function timedPdf(svg: string, widthMm: number, heightMm: number, bytes = false) {
  const t0 = performance.now();
  const pdf = await svgToPdf(svg, widthMm, heightMm);
  const ms = performance.now() - t0;
  return { ms, size: pdf.length, b64: bytes ? await base64(pdf) : undefined };
}

/**
 * Baselines for the PNG export of a widthPx × heightPx figure, timed in the same page (ms):
 * fill — a canvas filled white and encoded (toBlob); encode — the figure's own pixels (drawn from
 * `svg` beforehand, not timed) put on a canvas and encoded: the PNG encoder's share of svgToPng.
 */
async function baselines(svg: string, widthPx: number, heightPx: number): Promise<{ fillMs: number; encodeMs: number }> {
  const canvas = () => {
    const c = document.createElement('canvas');
    c.width = widthPx;
    c.height = heightPx;
    return [c, c.getContext('2d', { willReadFrequently: true })!] as const;
  };
  const toBlob = (c: HTMLCanvasElement) => new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/png'));
  let t0 = performance.now();
  const [a, ca] = canvas();
  ca.fillStyle = '#ffffff';
  ca.fillRect(0, 0, widthPx, heightPx);
  await toBlob(a);
  const fillMs = performance.now() - t0;
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await img.decode();
  const [b, cb] = canvas();
  cb.drawImage(img, 0, 0, widthPx, heightPx);
  const pixels = cb.getImageData(0, 0, widthPx, heightPx);
  URL.revokeObjectURL(img.src);
  t0 = performance.now();
  const [c, cc] = canvas();
  cc.putImageData(pixels, 0, 0);
  await toBlob(c);
  const encodeMs = performance.now() - t0;
  b.width = c.width = a.width = 0;
  return { fillMs, encodeMs };
}

const api = {
  lib: { sectionSvg, scaleBarSvg, legendSvg, figureSvg, figurePixels, pxPerUnit, toMm, unitsPerCssPx, text, LIGHT, svgToPng, svgToPdf, copyPngToClipboard, prepareSvgForPdf, pngInfo, withDpi, packRgba, DEFAULT_MAX_VECTOR_CELLS },
  demoFigure,
  primitivesFigure,
  panelFigure,
  timedPng,
  timedPdf,
  baselines,
  base64,
};

export type ExportHarness = typeof api;

declare global {
  interface Window {
    __export: ExportHarness;
  }
}

window.__export = api;
document.title = 'ready';
