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

/** Share of canvas pixels that differ from the background colour (top-left pixel). */
export async function paintedFraction(page: Page, selector = '[data-testid=section-canvas]'): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const [r, g, b] = [d[0], d[1], d[2]];
    let painted = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== r || d[i + 1] !== g || d[i + 2] !== b) painted++;
    return painted / (d.length / 4);
  });
}
