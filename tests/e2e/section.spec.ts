// The section view in Chromium (software WebGL here): pixels on the canvas, the legend, zoom and
// the scale bar, hover, selections, numeric colouring and overlays — checked on the sample data.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { SHOTS, coloursOnCanvas, openSampleData, paintedFraction, pixelsOfColour } from './helpers.ts';

const legendEntry = (page: Page, label: string) => page.locator(`[data-testid=legend] li[data-label="${label}"]`);
const colourOf = async (page: Page, label: string) => (await legendEntry(page, label).getAttribute('data-colour'))!;

/** Redraw settles 160 ms after the last wheel event; then a frame. */
const settle = (page: Page) => page.waitForTimeout(450);

test('the sample data is drawn: most of the canvas painted, every legend colour present', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
  const canvas = page.locator('[data-testid=section-canvas]').first();
  await expect(canvas).toHaveAttribute('data-mode', /raster|points/);
  expect(await paintedFraction(page)).toBeGreaterThan(0.5);
  const labels = await page.locator('[data-testid=legend] li[data-label]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.label!));
  expect(labels).toContain('C5');
  const colours = await page.locator('[data-testid=legend] li[data-label]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.colour!));
  expect(await coloursOnCanvas(page, colours)).toEqual(colours);
  await canvas.screenshot({ path: path.join(SHOTS, 'section-primary.png') });
});

test('hiding a clone in the legend removes its colour; Alt-click shows only one clone', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
  await page.locator('[data-testid=layer-regions]').uncheck(); // the stroma outline is drawn in the 'normal' grey
  const c5 = await colourOf(page, 'C5');
  expect(await pixelsOfColour(page, c5)).toBeGreaterThan(1000);
  await legendEntry(page, 'C5').click();
  await expect(legendEntry(page, 'C5')).toHaveAttribute('data-hidden', 'true');
  await settle(page);
  expect(await pixelsOfColour(page, c5)).toBe(0);
  const shown = Number(await page.locator('[data-testid=status]').getAttribute('data-shown'));
  expect(shown).toBe(50365 - 6563); // C5 holds 6,563 cells of the primary
  await legendEntry(page, 'C5').click();
  await settle(page);
  expect(await pixelsOfColour(page, c5)).toBeGreaterThan(1000);

  const c7 = await colourOf(page, 'C7');
  await legendEntry(page, 'C7').click({ modifiers: ['Alt'] });
  await settle(page);
  expect(await pixelsOfColour(page, c7)).toBeGreaterThan(500);
  expect(await pixelsOfColour(page, c5)).toBe(0);
  expect(await pixelsOfColour(page, await colourOf(page, 'normal'))).toBe(0);
  await page.locator('[data-testid=section-canvas]').first().screenshot({ path: path.join(SHOTS, 'section-isolated-C7.png') });
  await legendEntry(page, 'C7').click({ modifiers: ['Alt'] });
  await settle(page);
  expect(await pixelsOfColour(page, c5)).toBeGreaterThan(1000);
});

test('zooming changes the scale bar; 0 fits the section again', async ({ page }) => {
  await openSampleData(page);
  const label = page.locator('[data-testid=scale-bar-label]').first();
  const before = await label.textContent();
  expect(before).toMatch(/^\d+ (µm|mm)$/);
  const stage = page.locator('.section-stage').first();
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -240);
  await settle(page);
  const after = await label.textContent();
  expect(after).not.toBe(before);
  const um = (t: string | null) => Number(t!.split(' ')[0]) * (t!.endsWith('mm') ? 1000 : 1);
  expect(um(after)).toBeLessThan(um(before));
  await stage.focus();
  await page.keyboard.press('0');
  await settle(page);
  await expect(label).toHaveText(before!);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await settle(page);
  expect(um(await label.textContent())).toBeLessThan(um(before));
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  await stage.screenshot({ path: path.join(SHOTS, 'section-zoomed.png') });
});

test('hover shows the cell under the pointer; the status bar gives the coordinates', async ({ page }) => {
  await openSampleData(page);
  const stage = page.locator('.section-stage').first();
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 1);
  const tooltip = page.locator('[data-testid=tooltip]').first();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('cell');
  await expect(tooltip).toContainText('µm');
  await expect(tooltip).toContainText('clone');
  await expect(page.locator('[data-testid=status]')).toContainText(/x [\d.]+ µm, y [\d.]+ µm/);
});

test('a rectangle selection shows its composition; Esc clears it', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=tool-rect]').click();
  const stage = page.locator('.section-stage').nth(1);
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.35);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.65, box.y + box.height * 0.65, { steps: 6 });
  await page.mouse.up();
  const composition = page.locator('[data-testid=selection-composition]');
  await expect(composition).toBeVisible();
  await expect(composition.locator('tr[data-label="C10"]')).toBeVisible();
  const selected = Number(await page.locator('[data-testid=status]').getAttribute('data-selected'));
  expect(selected).toBeGreaterThan(100);
  const counts = await composition.locator('tr[data-label] td.num:nth-of-type(3)').allTextContents();
  expect(counts.map((t) => Number(t.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(selected);
  await stage.screenshot({ path: path.join(SHOTS, 'section-selection.png') });
  await stage.focus();
  await page.keyboard.press('Escape');
  await expect(composition).toBeHidden();
  await expect(page.locator('[data-testid=status]')).toHaveAttribute('data-selected', '0');
});

test('a lasso selection selects the cells inside it', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=tool-lasso]').click();
  const stage = page.locator('.section-stage').first();
  const box = (await stage.boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2, r = Math.min(box.width, box.height) * 0.15;
  await page.mouse.move(cx + r, cy);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) await page.mouse.move(cx + r * Math.cos((k * Math.PI) / 12), cy + r * Math.sin((k * Math.PI) / 12));
  await page.mouse.up();
  await expect(page.locator('[data-testid=selection-composition]')).toBeVisible();
  expect(Number(await page.locator('[data-testid=status]').getAttribute('data-selected'))).toBeGreaterThan(200);
});

test('a marker colours the cells with a colormap; limits and log scale change the picture', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
  await page.locator('[data-testid=color-by]').selectOption('Ki67');
  await expect(page.locator('[data-testid=colour-bar]')).toBeVisible();
  await settle(page);
  const before = await paintedFraction(page);
  expect(before).toBeGreaterThan(0.5);
  const shot = async () => (await page.locator('[data-testid=section-canvas]').first().screenshot()).toString('base64');
  const a = await shot();
  await page.locator('[data-testid=legend-colormap]').selectOption('magma');
  await settle(page);
  const b = await shot();
  expect(b).not.toBe(a);
  await page.locator('[data-testid=legend-log]').check();
  await settle(page);
  await expect(page.locator('[data-testid=legend-log]')).toBeChecked();
  await page.locator('[data-testid=legend-max]').fill('2');
  await page.locator('[data-testid=legend-max]').press('Enter');
  await settle(page);
  await expect(page.locator('[data-testid=legend-max]')).toHaveValue('2');
  expect(await shot()).not.toBe(b);
  await page.locator('[data-testid=section-canvas]').first().screenshot({ path: path.join(SHOTS, 'section-ki67.png') });
});

test('a category colour can be edited and is used in every sample', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=color-by]').selectOption('region');
  await settle(page);
  await legendEntry(page, 'core').locator('input[type=color]').fill('#ff00ff');
  await settle(page);
  await expect(legendEntry(page, 'core')).toHaveAttribute('data-colour', '#ff00ff');
  expect(await pixelsOfColour(page, '#ff00ff', '[data-testid=section-canvas]', 0)).toBeGreaterThan(1000);
  expect(await pixelsOfColour(page, '#ff00ff', '[data-testid=section-canvas]', 1)).toBeGreaterThan(500);
});

test('clone territories and point size change what is drawn', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
  const shot = async () => (await page.locator('[data-testid=section-canvas]').first().screenshot()).toString('base64');
  const plain = await shot();
  await page.locator('[data-testid=layer-territories]').check();
  await settle(page);
  expect(await shot()).not.toBe(plain);
  await page.locator('[data-testid=section-canvas]').first().screenshot({ path: path.join(SHOTS, 'section-territories.png') });
  await page.locator('[data-testid=layer-territories]').uncheck();
  await page.locator('[data-testid=layer-regions]').uncheck();
  await settle(page);
  const small = await paintedFraction(page);
  await page.locator('[data-testid=point-size-mode]').selectOption('px');
  await page.locator('[data-testid=point-size-value]').fill('1');
  await page.locator('[data-testid=point-size-value]').press('Enter');
  await settle(page);
  expect(await paintedFraction(page)).toBeLessThan(small);
});
