// Opening real exports in the browser build, as a new user would: the file input, the status bar,
// the section drawn on the canvas, the load report, errors, joins, drag-and-drop.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasRealData, realDataSkipReason, realFile } from '../paths.ts';
import { cellsLoaded, coloursOnCanvas, openThroughInput, paintedFraction, sectionsDrawn, SHOTS } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid=welcome]')).toBeVisible();
});

test.describe('real exports', () => {
  test.skip(!hasRealData, realDataSkipReason);

  test('a Xenium cells.csv.gz: cell count in the status bar, cells on the canvas', async ({ page }) => {
    await openThroughInput(page, realFile('xenium-v1-mouse-brain-WT/cells.csv.gz'));
    await expect(page.locator('[data-testid=status]')).toContainText('20,000 cells loaded');
    expect(await cellsLoaded(page)).toBe(20000);
    await sectionsDrawn(page, 1);
    expect(await paintedFraction(page)).toBeGreaterThan(0.02);
    await expect(page.locator('[data-testid=load-report]')).toContainText('10x Xenium cells');
    await page.screenshot({ path: path.join(SHOTS, 'xenium.png') });
  });

  test('Visium positions with scale factors and clusters chosen together: µm, in-tissue spots, clusters joined', async ({ page }) => {
    await openThroughInput(page, [
      realFile('visium-v1-rat-lung/spatial/tissue_positions_list.csv'),
      realFile('visium-v1-rat-lung/spatial/scalefactors_json.json'),
      realFile('visium-v1-rat-lung/analysis/clustering/graphclust/clusters.csv'),
    ]);
    const status = page.locator('[data-testid=status]');
    await expect(status).toContainText('4,104 spots loaded');
    await expect(status).toContainText('888 spots outside the tissue');
    await expect(status).toContainText('units µm');
    await expect(page.locator('[data-testid=message]')).toContainText('4,104 cells matched');
    await expect(page.locator('[data-testid=color-by]')).toHaveValue('Cluster');
    const legend = page.locator('[data-testid=legend] li[data-label]');
    await expect(legend).toHaveCount(8);
    await sectionsDrawn(page, 1);
    // every cluster colour of the legend is on the canvas
    const colours = await legend.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.colour!));
    expect(await coloursOnCanvas(page, colours)).toEqual(colours);
    expect(await paintedFraction(page)).toBeGreaterThan(0.2);
    await page.screenshot({ path: path.join(SHOTS, 'visium-clusters.png') });
  });

  test('several files open side by side', async ({ page }) => {
    await openThroughInput(page, [
      realFile('mcmicro-scimap-example-legacy/example_data.csv'),
      realFile('merscope-vpt-tests/cell_metadata.csv'),
      realFile('qupath-detections-abba-ccf/section1.tsv'),
    ]);
    await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(3);
    await expect(page.locator('[data-testid=section-canvas]')).toHaveCount(3);
    expect(await cellsLoaded(page)).toBe(3029 + 997 + 5000);
    await page.screenshot({ path: path.join(SHOTS, 'side-by-side.png') });
  });

  test('a table without coordinates gets one sentence listing its columns, and a way to choose them', async ({ page }) => {
    await openThroughInput(page, realFile('merscope-vpt-tests/cell_by_gene.csv'));
    const message = page.locator('[data-testid=message]');
    await expect(message).toContainText('cell_by_gene.csv has no x/y coordinate columns');
    await expect(message).toContainText('Columns found: cell, AKAP11');
    await expect(page.locator('[data-testid=message-action]')).toHaveText('Choose columns…');
    expect(await cellsLoaded(page)).toBe(0);
  });

  test('annotations joined onto the open table with the Join button', async ({ page }) => {
    await openThroughInput(page, realFile('visium-v2-cytassist-floatpx/spatial/tissue_positions.csv'));
    await expect(page.locator('[data-testid=status]')).toContainText('2,898 spots loaded');
    const barcodes = readFileSync(realFile('visium-v2-cytassist-floatpx/spatial/tissue_positions.csv'), 'utf8').trim().split('\n').slice(1)
      .map((l) => l.split(',')).filter((f) => f[1] === '1').slice(0, 100).map((f, i) => `"${f[0]}","${i % 2 ? 'Tumour' : ''}"`);
    await page.locator('[data-testid=join-file]').setInputFiles({ name: 'loupe.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF"Barcode","Final_Annotations"\n${barcodes.join('\n')}\n`) });
    await expect(page.locator('[data-testid=message]')).toContainText('100 cells matched, 2,798 without annotation');
    await expect(page.locator('[data-testid=columns-table]')).toContainText('Final_Annotations');
  });
});

test('bad rows are skipped and listed with their line numbers', async ({ page }) => {
  const csv = 'cell_id,x,y,clone\n1,10,20,A\n2,11,oops,B\n3,12,22\n4,13,23,A\n';
  await openThroughInput(page, { name: 'cells.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-testid=status]')).toContainText('2 cells loaded');
  await expect(page.locator('[data-testid=status]')).toContainText('2 bad rows skipped');
  const errors = page.locator('[data-testid=row-errors] li');
  await expect(errors).toHaveText(["Line 3: 'y' is not a number ('oops')", 'Line 4: expected 4 fields, found 3']);
});

test('an empty file and a binary file each get a clear sentence', async ({ page }) => {
  await openThroughInput(page, { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.locator('[data-testid=message]')).toContainText('empty.csv is empty');
  await openThroughInput(page, { name: 'image.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await expect(page.locator('[data-testid=message]')).toContainText('image.csv is a PNG image, not a table');
  expect(await cellsLoaded(page)).toBe(0);
});

test('files dropped on the window open like chosen ones', async ({ page }) => {
  const csv = 'x,y,region\n0,0,core\n10,0,core\n0,10,front\n10,10,front\n5,5,core\n';
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.locator('[data-testid=status]')).toContainText('5 cells loaded');
  await expect(page.locator('[data-testid=sample-panel]')).toContainText('dropped.csv');
});
