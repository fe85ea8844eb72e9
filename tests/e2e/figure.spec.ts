// Figures for slides (issue 7): compose core | invasive front | metastasis from the sample data,
// export PNG (pixel size and DPI in the file), SVG (well-formed, legend entries, scale-bar text,
// panel titles), PDF (first page rendered by pdftoppm shows the figure), and single charts/tables.
import { expect, test, type Download, type Page } from '@playwright/test';
import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pngInfo } from '../../shared/export/png-dpi.ts';
import { SHOTS, openSampleData } from './helpers.ts';

async function openComposer(page: Page): Promise<void> {
  await openSampleData(page);
  await page.locator('[data-testid=export-figure]').click();
  await expect(page.locator('[data-testid=figure-composer]')).toBeVisible();
  await expect(page.locator('[data-testid=figure-preview][data-ready="1"]')).toBeAttached({ timeout: 30_000 });
}

async function download(page: Page, testid: string): Promise<{ file: Download; bytes: Buffer }> {
  const pending = page.waitForEvent('download', { timeout: 60_000 });
  await page.locator(`[data-testid=${testid}]`).click();
  const file = await pending;
  return { file, bytes: readFileSync((await file.path())!) };
}

/** Pixels of a binary PPM (P6) as [r, g, b] triples. */
function ppmPixels(ppm: Buffer): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
  const header = ppm.subarray(0, 40).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - width * height * 3;
  return { width, height, at: (x, y) => [ppm[start + 3 * (y * width + x)]!, ppm[start + 3 * (y * width + x) + 1]!, ppm[start + 3 * (y * width + x) + 2]!] };
}

test('the three-sample figure exports as PNG, SVG and PDF that show what the composer shows', async ({ page }) => {
  await openComposer(page);
  const composer = page.locator('[data-testid=figure-composer]');
  // the sample data gets core | invasive front | metastasis
  await expect(composer.locator('[data-testid=figure-panel-title]')).toHaveCount(3);
  await expect(composer.locator('[data-testid=figure-panel-title]').nth(0)).toHaveValue('Core');
  await expect(composer.locator('[data-testid=figure-panel-title]').nth(1)).toHaveValue('Invasive front');
  await expect(composer.locator('[data-testid=figure-panel-title]').nth(2)).toHaveValue('Metastasis');
  const preview = composer.locator('[data-testid=figure-preview] > svg');
  await expect(preview).toHaveAttribute('width', /^960(\.\d+)?pt$/); // a 16:9 slide, 13.33 × 7.5 in
  await page.screenshot({ path: path.join(SHOTS, 'figure-composer.png') });

  // PNG at the default 300 DPI: 4000 × 2250 px, 300 DPI written in the file
  const png = await download(page, 'figure-export-png');
  expect(png.file.suggestedFilename()).toBe('Primary tumour – Metastasis figure.png');
  expect(pngInfo(new Uint8Array(png.bytes))).toEqual({ width: 4000, height: 2250, dpi: 300 });

  // SVG: well-formed, with the legend entries, the scale-bar labels and the panel titles as text
  const svg = (await download(page, 'figure-export-svg')).bytes.toString('utf8');
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
  for (const title of ['Core', 'Invasive front', 'Metastasis', 'A', 'B', 'C']) expect(texts).toContain(title);
  expect(texts.filter((t) => /^\d+ (µm|mm)$/.test(t ?? '')).length).toBeGreaterThanOrEqual(3); // a scale bar per section
  const entries = Array.from(doc.getElementsByTagName('g')).map((g) => g.getAttribute('data-entry')).filter(Boolean);
  for (const clone of ['C0', 'C5', 'C10', 'normal']) expect(entries).toContain(clone);
  expect(svg).toContain('data-cells="vector"'); // 11k–23k cells per panel: below the raster limit

  // PDF: one page of 960 × 540 pt; pdftoppm draws the three sections (coloured cells in each third)
  const pdf = await download(page, 'figure-export-pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-pdf-'));
  const pdfPath = path.join(dir, 'figure.pdf');
  await pdf.file.saveAs(pdfPath);
  const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info.stdout).toMatch(/Pages:\s+1/);
  expect(info.stdout).toMatch(/Page size:\s+960(\.\d+)? x 540(\.\d+)? pts/);
  const r = spawnSync('pdftoppm', ['-r', '24', '-f', '1', '-l', '1', pdfPath], { maxBuffer: 64 << 20 });
  expect(r.status).toBe(0);
  const page1 = ppmPixels(r.stdout);
  expect([page1.width, page1.height]).toEqual([320, 180]);
  for (const third of [0, 1, 2]) {
    let coloured = 0;
    const x0 = 7 + third * 83; // margin 21.6 pt, panels 236 pt + 13 pt gap, at 24/72 px per pt
    for (let y = 40; y < 160; y++)
      for (let x = x0 + 4; x < x0 + 74; x++) {
        const [r8, g8, b8] = page1.at(x, y);
        if (Math.max(r8, g8, b8) - Math.min(r8, g8, b8) > 60) coloured++; // a clone colour, not grey or white
      }
    expect(coloured, `coloured pixels in panel ${third + 1}`).toBeGreaterThan(150);
  }
});

test('composer settings change the file: 150 DPI, 4:3, transparent background, legend entries stay', async ({ page }) => {
  await openComposer(page);
  await page.locator('[data-testid=figure-preset]').selectOption('4:3');
  await page.locator('[data-testid=figure-background]').selectOption('transparent');
  await page.locator('[data-testid=figure-dpi]').fill('150');
  await page.locator('[data-testid=figure-dpi]').dispatchEvent('change');
  await expect(page.locator('[data-testid=figure-preview] > svg')).toHaveAttribute('width', /^720(\.\d+)?pt$/);
  const png = await download(page, 'figure-export-png');
  expect(pngInfo(new Uint8Array(png.bytes))).toEqual({ width: 1500, height: 1125, dpi: 150 });
  // transparent: the page corner has alpha 0 (the image is RGBA)
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return Array.from(ctx.getImageData(2, 2, 1, 1).data);
  }, png.bytes.toString('base64'));
  expect(corner[3]).toBe(0);
  // a panel removed is gone from the figure
  await page.locator('[data-testid=figure-panel-remove]').nth(1).click();
  await expect(page.locator('[data-testid=figure-preview] g[data-panel-kind=section]')).toHaveCount(2);
});

test('charts save alone as SVG and 300 DPI PNG, tables as CSV', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=compare-button]').click();
  const chart = page.locator('[data-testid=composition-chart]');
  await expect(chart.locator('svg')).toBeVisible();
  const png = await download(page, 'composition-chart] [data-testid=save-chart-png');
  expect(png.file.suggestedFilename()).toBe('composition-by-clone.png');
  const info = pngInfo(new Uint8Array(png.bytes));
  const w = Number(await chart.locator('svg').first().getAttribute('width'));
  expect(info.dpi).toBe(300);
  expect(info.width).toBe(Math.round((w * 300) / 96));
  const csv = (await download(page, 'composition-csv')).bytes.toString('utf8').trim().split('\n');
  expect(csv[0]).toMatch(/^group,tumour_cells,C\d+_cells,C\d+_fraction/);
  expect(csv.some((l) => l.startsWith('Metastasis,6040,'))).toBe(true);
});

test('"Just the current view" exports what the window shows after zooming in', async ({ page }) => {
  await openSampleData(page);
  const canvas = page.locator('[data-testid=section-canvas]').first();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -800); // zoom in about the centre of the primary
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+e');
  await expect(page.locator('[data-testid=figure-preview][data-ready="1"]')).toBeAttached({ timeout: 30_000 });
  await page.locator('[data-testid=figure-current-view]').click();
  await expect(page.locator('[data-testid=figure-panel-region]')).toHaveValue('@view');
  const panel = page.locator('[data-testid=figure-preview] svg[data-visible-cells]');
  await expect(panel).toHaveCount(1);
  const visible = Number(await panel.getAttribute('data-visible-cells'));
  expect(visible).toBeGreaterThan(1000);
  expect(visible).toBeLessThan(40_000); // zoomed in: part of the 50,365 cells
  await page.screenshot({ path: path.join(SHOTS, 'figure-current-view.png') });
});
