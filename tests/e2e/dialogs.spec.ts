// The column-mapping dialog, Cancel during a long load, the recent-files list, keyboard shortcuts.
import { expect, test } from '@playwright/test';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths.ts';
import { cellsLoaded, openThroughInput } from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test('a table without recognisable coordinates: the mapping dialog lets the user choose them', async ({ page }) => {
  // "px"/"py" are not coordinate names Clonoscope knows: nothing is found, the user chooses.
  const csv = 'cell,px,py,kind\nc1,1,2,A\nc2,3,4,B\nc3,5,9,A\n';
  await openThroughInput(page, { name: 'odd.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-testid=message]')).toContainText('odd.csv has no x/y coordinate columns. Columns found: cell, px, py, kind');
  await page.locator('[data-testid=message-action]').click();
  const dialog = page.locator('[data-testid=mapping-dialog]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-testid=map-x]').selectOption('px');
  await dialog.locator('[data-testid=map-y]').selectOption('py');
  await dialog.locator('[data-testid=map-phenotype]').selectOption('kind');
  await dialog.locator('[data-testid=map-apply]').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid=status]')).toContainText('3 cells loaded');
  await expect(page.locator('[data-testid=columns-table]')).toContainText('phenotype');
});

test('coordinates recognised by name only: the mapping dialog opens by itself to confirm them', async ({ page }) => {
  const csv = 'roi,stage_start_x,stage_start_y\nr1,100,200\nr2,300,400\n';
  await openThroughInput(page, { name: 'stage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.locator('[data-testid=mapping-dialog]');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('recognised by their names only');
  await expect(dialog.locator('[data-testid=map-x]')).toHaveValue('stage_start_x');
  await dialog.locator('[data-testid=map-cancel]').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid=status]')).toContainText('2 cells loaded');
});

test('Columns… changes units to pixels with a pixel size, and the choice is remembered for the format', async ({ page }) => {
  const csv = 'cell_id,x_centroid,y_centroid,transcript_counts\n1,10,20,5\n2,30,40,6\n';
  await openThroughInput(page, { name: 'cells.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-testid=status]')).toContainText('2 cells loaded');
  await page.keyboard.press('Control+m');
  const dialog = page.locator('[data-testid=mapping-dialog]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-testid=map-units]').selectOption('px');
  await dialog.locator('[data-testid=map-pixel-size]').fill('0.2125');
  await dialog.locator('[data-testid=map-remember]').check();
  await dialog.locator('[data-testid=map-apply]').click();
  await expect(page.locator('[data-testid=load-report]')).toContainText('0.2125 µm/px');
  // a second Xenium file gets the remembered mapping
  await openThroughInput(page, { name: 'cells2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(2);
  await expect(page.locator('[data-testid=load-report]')).toContainText('0.2125 µm/px');
});

test('Cancel stops a long load at once and leaves nothing half-loaded', async ({ page }) => {
  const dir = path.join(REPO, '.scratch/e2e');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'big.csv');
  const row = '123456,1234.56,2345.67,clone_A,core,12.5,33.25,101.75\n';
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  const fd = openSync(file, 'w');
  writeSync(fd, 'cell_id,x,y,clone,region,m1,m2,m3\n');
  for (let i = 0; i < 400; i++) writeSync(fd, block); // ~400 MB
  closeSync(fd);
  try {
    await page.locator('[data-testid=open-file]').setInputFiles(file);
    await expect(page.locator('[data-testid=progress]')).toBeVisible();
    await expect(page.locator('[data-testid=progress]')).toContainText('Reading big.csv');
    await page.locator('[data-testid=cancel-load]').click();
    await expect(page.locator('[data-testid=progress]')).toBeHidden();
    await expect(page.locator('[data-testid=message]')).toContainText('Loading big.csv was cancelled.');
    expect(await cellsLoaded(page)).toBe(0);
    await expect(page.locator('[data-testid=welcome]')).toBeVisible();
  } finally {
    rmSync(file, { force: true });
  }
});

test('the recent list remembers opened files', async ({ page }) => {
  await openThroughInput(page, { name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n3,4\n') });
  await openThroughInput(page, { name: 'second.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n3,5\n') });
  await page.locator('[data-testid=recent-button]').click();
  await expect(page.locator('[data-testid=recent-item]')).toHaveText(['second.csv', 'first.csv']);
  // the browser holds no handle for files chosen with the file input: it asks for the file again
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-testid=recent-item]').first().click();
  await chooser;
  await expect(page.locator('[data-testid=message]')).toContainText('choose it again');
});

test('Ctrl+O opens the file chooser', async ({ page }) => {
  await expect(page.locator('[data-testid=welcome]')).toBeVisible(); // the app is up
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  const fc = await chooser;
  expect(fc.isMultiple()).toBe(true);
  await fc.setFiles({ name: 'k.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n') });
  await expect(page.locator('[data-testid=status]')).toContainText('1 cell loaded');
});
