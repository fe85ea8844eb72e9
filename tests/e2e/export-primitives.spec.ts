// Figure-export primitives in Chromium (renderer/export/convert.ts): svgToPng (pixel size, pHYs dpi,
// what is drawn) and svgToPdf (the PDF's page size and text, and its first page rendered by
// poppler's pdftoppm). The page is bench/export/harness.ts, built with esbuild and served here.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHarness, serveHarness } from '../../bench/export/serve.mjs';
import type { PrimitivesBoxes } from '../../bench/export/harness.ts';
import { pngInfo } from '../../shared/export/png-dpi.ts';
import { countColour, decodePng, pixelAt, type Decoded } from '../unit/export/decode-png.ts';

const has = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const POPPLER = has('pdftoppm') && has('pdftotext') && has('pdfinfo');

let server: Server;
let url = '';

test.beforeAll(async () => {
  server = await serveHarness(await buildHarness());
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function open(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await expect(page).toHaveTitle('ready', { timeout: 30_000 });
  expect(errors).toEqual([]);
}

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** What the primitives figure must show, in an image of it at `k` px per pt. */
function checkPrimitives(d: Decoded, b: PrimitivesBoxes, k: number): void {
  const box = (r: readonly number[], inset = 0) => r.map((v, i) => Math.round((v + (i < 2 ? inset : -inset)) * k)) as [number, number, number, number];
  const area = (r: [number, number, number, number]) => (r[2] - r[0]) * (r[3] - r[1]);
  const centre = (r: readonly number[]) => pixelAt(d, ((r[0]! + r[2]!) / 2) * k, ((r[1]! + r[3]!) / 2) * k).hex;
  expect(centre(b.red)).toBe('#ff0000');
  // panels solidly covered by their cells (vector blue, raster orange), anti-aliased edges left out
  const inner = (r: readonly number[]) => box([r[0]!, r[1]!, r[2]!, r[1]! + 90], 4); // above the scale bar
  expect(countColour(d, '#0072b2', 6, inner(b.vector)) / area(inner(b.vector))).toBeGreaterThan(0.97);
  expect(countColour(d, '#e69f00', 6, inner(b.raster)) / area(inner(b.raster))).toBeGreaterThan(0.97);
  // the cells reach beyond both panels; nothing of them shows outside (the nested <svg> clips)
  for (const strip of [[82, 20, 98, 140], [222, 20, 238, 140], [362, 20, 398, 140], [100, 142, 360, 148]]) {
    expect(countColour(d, '#0072b2', 60, box(strip)), `blue in ${strip}`).toBe(0);
    expect(countColour(d, '#e69f00', 60, box(strip)), `orange in ${strip}`).toBe(0);
  }
  expect(centre(b.swatch)).toBe('#009e73'); // legend swatch
  const bar = pixelAt(d, ((b.bar[0]! + b.bar[2]!) / 2) * k, ((b.bar[1]! + b.bar[3]!) / 2) * k).hex;
  expect(parseInt(bar.slice(1, 3), 16), `scale bar ${bar}`).toBeLessThan(80); // dark ink (#1d2127)
}

test.describe('figure export primitives', () => {
  test.beforeEach(async ({ page }) => open(page));

  test('svgToPng: exact pixel size, pHYs dpi, sharp vectors, transparent where nothing is drawn', async ({ page }) => {
    // 100 × 50 pt, no background: a red square 10–40 pt, a 1-pt blue line at x = 60–61 pt
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" viewBox="0 0 100 50"><rect x="10" y="10" width="30" height="30" fill="#ff0000"/><rect x="60" y="0" width="1" height="50" fill="#0000ff"/></svg>';
    for (const [dpi, w, h] of [[72, 100, 50], [300, 417, 208], [600, 833, 417]] as const) {
      const b64 = await page.evaluate(async ({ svg, w, h, dpi }) => window.__export.base64(await window.__export.lib.svgToPng(svg, w, h, dpi)), { svg, w, h, dpi });
      const png = bytes(b64);
      expect(pngInfo(png)).toEqual({ width: w, height: h, dpi });
      const d = decodePng(png);
      const k = dpi / 72;
      expect(pixelAt(d, 25 * k, 25 * k)).toEqual({ hex: '#ff0000', alpha: 255 });
      expect(pixelAt(d, 5 * k, 5 * k).alpha).toBe(0);
      expect(pixelAt(d, 90 * k, 45 * k).alpha).toBe(0);
      // drawn at the output resolution, not scaled up from 96 dpi: the line is ~k px wide with an opaque core
      expect(pixelAt(d, 60.5 * k, 25 * k)).toEqual({ hex: '#0000ff', alpha: 255 });
      if (dpi >= 300) {
        expect(pixelAt(d, 60 * k - 2, 25 * k).alpha).toBe(0);
        expect(pixelAt(d, 61 * k + 2, 25 * k).alpha).toBe(0);
      }
    }
  });

  test('svgToPng: vector and raster cells, clipping, legend and scale bar', async ({ page }, info) => {
    const r = await page.evaluate(async () => {
      const E = window.__export;
      const f = await E.primitivesFigure(300);
      const png = await E.lib.svgToPng(f.svg, 1667, 833, 300);
      return { ...f, b64: await E.base64(png) };
    });
    expect(r.scaleLabel).toBe('500 µm');
    const png = bytes(r.b64);
    writeFileSync(info.outputPath('primitives.png'), png);
    expect(pngInfo(png)).toEqual({ width: 1667, height: 833, dpi: 300 });
    checkPrimitives(decodePng(png), r.boxes, 300 / 72);
  });

  test('svgToPdf: page size, text, and the first page rendered by pdftoppm shows the figure', async ({ page }, info) => {
    test.skip(!POPPLER, 'poppler-utils (pdftoppm, pdftotext, pdfinfo) is not installed');
    const r = await page.evaluate(async () => {
      const E = window.__export;
      const f = await E.primitivesFigure(300);
      const pdf = await E.lib.svgToPdf(f.svg, E.lib.toMm(400, 'pt'), E.lib.toMm(200, 'pt'), { title: 'Export test' });
      return { ...f, b64: await E.base64(pdf) };
    });
    const pdf = bytes(r.b64);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = info.outputPath('primitives.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b[\s\S]*Page size:\s+400 x 200 pts/);
    const words = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const t of r.texts) expect(words).toContain(t);
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, info.outputPath('page')]);
    const d = decodePng(new Uint8Array(readFileSync(info.outputPath('page.png'))));
    expect([d.width, d.height]).toEqual([400, 200]);
    checkPrimitives(d, r.boxes, 1);
  });

  test('the 16:9 slide with three 50,000-cell panels: a 4000 × 2250 px PNG at 300 dpi, and a PDF', async ({ page }, info) => {
    const r = await page.evaluate(async () => {
      const E = window.__export;
      const f = await E.demoFigure({ cellsPerPanel: 50_000, dpi: 300 });
      const png = await E.timedPng(f.svg, f.widthPx, f.heightPx, 300, true);
      const pdf = await E.timedPdf(f.svg, f.widthMm, f.heightMm, true);
      return { modes: f.modes, visible: f.visible, scaleLabels: f.scaleLabels, widthMm: f.widthMm, buildMs: f.buildMs, png, pdf };
    });
    console.log(`slide: SVG ${r.buildMs.toFixed(0)} ms, PNG ${r.png.ms.toFixed(0)} ms, PDF ${r.pdf.ms.toFixed(0)} ms (${r.modes.join(', ')})`);
    expect(r.widthMm).toBeCloseTo(338.667, 3);
    expect(r.visible).toEqual([50_000, 50_000, 50_000]);
    expect(r.png.info).toEqual({ width: 4000, height: 2250, dpi: 300 });
    const d = decodePng(bytes(r.png.b64!));
    writeFileSync(info.outputPath('slide.png'), bytes(r.png.b64!));
    // every clone colour is drawn (cells and legend swatches), on a white page
    for (const c of ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#9a9a9a']) expect(countColour(d, c, 2), c).toBeGreaterThan(2000);
    expect(pixelAt(d, 5, 5)).toEqual({ hex: '#ffffff', alpha: 255 });
    if (!POPPLER) return;
    const file = info.outputPath('slide.pdf');
    writeFileSync(file, bytes(r.pdf.b64!));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+960 x 540 pts/);
    const words = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const t of ['Section 1 — 50,000 cells', 'Section 3', r.scaleLabels[0]!, 'Clone', 'stroma']) expect(words).toContain(t);
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, info.outputPath('slide-page')]);
    const p = decodePng(new Uint8Array(readFileSync(info.outputPath('slide-page.png'))));
    expect([p.width, p.height]).toEqual([960, 540]);
    const panel: [number, number, number, number] = [24, 50, 312, 450]; // the first panel, pt = px at 72 dpi
    const inPanel = ['#e69f00', '#56b4e9', '#0072b2', '#9a9a9a'].map((c) => countColour(p, c, 30, panel));
    expect(Math.min(...inPanel), `clone colours in panel 1: ${inPanel}`).toBeGreaterThan(100);
  });

  test('svgToPng and svgToPdf reject a malformed SVG with an ExportError', async ({ page }) => {
    const errors = await page.evaluate(async () => {
      const E = window.__export.lib;
      const bad = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g></svg>';
      const out: string[] = [];
      for (const f of [() => E.svgToPng(bad, 10, 10, 300), () => E.svgToPdf(bad, 10, 10), () => E.svgToPng('<svg/>', 0, 10, 300)])
        await f().then(() => out.push('no error'), (e: Error) => out.push(`${e.name}: ${e.message}`));
      return out;
    });
    expect(errors[0]).toMatch(/^ExportError: The browser could not draw the figure SVG/);
    expect(errors[1]).toMatch(/^ExportError: The figure SVG is not well-formed XML/);
    expect(errors[2]).toMatch(/^ExportError: A PNG export needs a positive size/);
  });
});
