// The bundled sample data and the simulator in the app: what `npm start` opens, and
// "New simulated tumour…" running in a worker, opening like any file, savable as CSV.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellsLoaded, paintedFraction, sectionsDrawn, SHOTS } from './helpers.ts';

test('?open=sample-data (what npm start opens) shows the primary and the metastasis, coloured by clone', async ({ page }) => {
  await page.goto('/?open=sample-data');
  await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(2);
  await expect(page.locator('[data-testid=progress]')).toBeHidden();
  await expect(page.locator('[data-testid=sample-panel]').first()).toContainText('Primary tumour (sample data)');
  await expect(page.locator('[data-testid=sample-panel]').nth(1)).toContainText('Metastasis (sample data)');
  expect(await cellsLoaded(page)).toBe(50365 + 15288);
  await expect(page.locator('[data-testid=color-by]')).toHaveValue('clone');
  await expect(page.locator('[data-testid=load-report]')).toContainText('Clonoscope cell table');
  await expect(page.locator('[data-testid=legend] li[data-label=normal]')).toBeVisible();
  await sectionsDrawn(page, 2);
  expect(await paintedFraction(page)).toBeGreaterThan(0.3);
  await page.screenshot({ path: path.join(SHOTS, 'sample-data.png') });
});

test('the Sample data button opens the same sample data', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid=sample-data-button]').click();
  await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(2);
  await expect(page.locator('[data-testid=status]')).toContainText('65,653 cells in all');
});

test('New simulated tumour: runs in a worker, opens like a file, saves as CSV', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid=simulate-button]').click();
  const dialog = page.locator('[data-testid=simulate-dialog]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-testid=sim-preset]').selectOption('sectoral');
  await expect(dialog.locator('[data-testid=sim-preset-about]')).toContainText('Eden');
  await dialog.locator('[data-testid=sim-cells]').fill('3000');
  await dialog.locator('[data-testid=sim-seed]').fill('42');
  await dialog.locator('summary', { hasText: 'Model parameters' }).click();
  await expect(dialog.locator('[data-testid=sim-mode]')).toHaveValue('eden');
  await dialog.locator('[data-testid=sim-pDriver]').fill('0.01');
  await dialog.locator('[data-testid=sim-metastasis]').selectOption('late');
  await dialog.locator('[data-testid=sim-met-cells]').fill('1000');
  await dialog.locator('[data-testid=sim-run]').click();
  await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator('[data-testid=sample-panel]').first()).toContainText('Simulated primary (sectoral, seed 42)');
  await expect(page.locator('[data-testid=load-report]')).toContainText('Clonoscope cell table');
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=save-sample]').first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('simulated_sectoral_seed42_primary_cells.csv');
  const saved = path.join(SHOTS, '..', file.suggestedFilename());
  await file.saveAs(saved);
  const lines = readFileSync(saved, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('cell_id,x,y,region,clone,cell_type,PanCK,Vimentin,CD8,CD68,Ki67');
  const primaryCells = Number(await page.locator('[data-testid=sample-panel]').first().locator('.muted').textContent().then((t) => t!.replace(/\D/g, '')));
  expect(lines.length - 1).toBe(primaryCells);
});

test('the same preset, size and seed give the same tumour', async ({ page }) => {
  await page.goto('/');
  const counts: string[] = [];
  for (let k = 0; k < 2; k++) {
    await page.keyboard.press('Control+Shift+N');
    const dialog = page.locator('[data-testid=simulate-dialog]');
    await dialog.locator('[data-testid=sim-cells]').fill('2000');
    await dialog.locator('[data-testid=sim-seed]').fill('5');
    await dialog.locator('[data-testid=sim-run]').click();
    await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(k + 1, { timeout: 30_000 });
    counts.push((await page.locator('[data-testid=legend]').textContent())!);
  }
  expect(counts[1]).toBe(counts[0]);
});

test('a long simulation shows its progress and stops on Cancel', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid=simulate-button]').click();
  const dialog = page.locator('[data-testid=simulate-dialog]');
  await dialog.locator('[data-testid=sim-cells]').fill('2000000');
  await dialog.locator('[data-testid=sim-run]').click();
  const progress = page.locator('[data-testid=progress]');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Simulating selective sweep (2,000,000 cells, seed 1): growing the primary tumour');
  await page.locator('[data-testid=cancel-load]').click();
  await expect(progress).toBeHidden();
  await expect(page.locator('[data-testid=message]')).toContainText('The simulation was cancelled.');
  expect(await cellsLoaded(page)).toBe(0);
});

test('model parameters out of range are refused with a sentence', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid=simulate-button]').click();
  const dialog = page.locator('[data-testid=simulate-dialog]');
  await dialog.locator('summary', { hasText: 'Model parameters' }).click();
  await dialog.locator('[data-testid=sim-death]').fill('1.5');
  await dialog.locator('[data-testid=sim-cells]').fill('1000');
  await dialog.locator('[data-testid=sim-run]').click();
  await expect(page.locator('[data-testid=message]')).toContainText('Cannot simulate: the death rate must be at least 0 and below the birth rate.');
  expect(await cellsLoaded(page)).toBe(0);
});
