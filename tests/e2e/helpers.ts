// Shared steps for the browser tests.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths.ts';

export const SHOTS = path.join(REPO, '.scratch/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Opens files through the hidden file input, as the Open button would, and waits for the load to finish. */
export async function openThroughInput(page: Page, files: Parameters<Locator['setInputFiles']>[0]): Promise<void> {
  await page.locator('[data-testid=open-file]').setInputFiles(files);
  await expect(page.locator('[data-testid=progress]')).toBeHidden({ timeout: 30_000 });
}

/** Number of cells the status bar reports as loaded (all samples). */
export async function cellsLoaded(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid=status]').getAttribute('data-cells'));
}

/**
 * Runs `measure` in the page on the RGBA pixels of a section canvas (WebGL or 2D, read through a
 * 2D copy), so only its small result crosses to the test.
 */
async function onPixels<T, A>(page: Page, selector: string, index: number, arg: A, measure: string): Promise<T> {
  return page.locator(selector).nth(index).evaluate(
    (el, { arg, measure }) => {
      const c = el as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      return new Function('data', 'arg', measure)(data, arg) as T;
    },
    { arg, measure },
  );
}

/** Share of canvas pixels that differ from the background colour (the top-left pixel). */
export async function paintedFraction(page: Page, selector = '[data-testid=section-canvas]', index = 0): Promise<number> {
  return onPixels(page, selector, index, null, `
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
    return painted / (data.length / 4);`);
}

/** The CSS colours (#RRGGBB) among `wanted` that appear on the canvas. */
export async function coloursOnCanvas(page: Page, wanted: readonly string[], selector = '[data-testid=section-canvas]', index = 0): Promise<string[]> {
  return onPixels(page, selector, index, wanted, `
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return arg.filter((w) => seen.has(parseInt(w.slice(1), 16)));`);
}

/** Pixels of exactly this colour on the canvas. */
export async function pixelsOfColour(page: Page, colour: string, selector = '[data-testid=section-canvas]', index = 0): Promise<number> {
  return onPixels(page, selector, index, parseInt(colour.slice(1), 16), `
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) === arg) n++;
    return n;`);
}

/** Waits until every sample panel has drawn its section. */
export async function sectionsDrawn(page: Page, count: number): Promise<void> {
  await expect(page.locator('[data-testid=sample-panel][data-drawn="1"]')).toHaveCount(count, { timeout: 30_000 });
  await page.waitForTimeout(150); // the frame after the draw
}

/**
 * Opens the bundled sample data and waits until it is complete: both sections drawn, their
 * regions and the clone tree attached (the sample-data message comes last).
 */
export async function openSampleData(page: Page): Promise<void> {
  await page.goto('/?open=sample-data');
  await expect(page.locator('[data-testid=sample-panel][data-drawn="1"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator('[data-testid=message-text]')).toContainText('Sample data:', { timeout: 30_000 });
}
