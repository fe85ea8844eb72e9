// Done means: every file in ../shared/real-data with coordinates loads correctly in the app. Each
// is opened through the file input (with the companions a user would choose with it), and the app
// must show the expected rows, format, units and coordinate ranges (computed independently, see
// tests/unit/dataset/real-data.ts); files without coordinates get their one-sentence message.
import { expect, test } from '@playwright/test';
import { hasRealData, realDataSkipReason, realFile } from '../paths.ts';
import { REAL_NON_TABLES, REAL_TABLES } from '../unit/dataset/real-data.ts';
import { cellsLoaded, openThroughInput, sectionsDrawn } from './helpers.ts';

/** Files a user selects together with the table (browsers cannot look beside a chosen file). */
const COMPANIONS: Record<string, string[]> = {
  'visium-v1-rat-lung/spatial/tissue_positions_list.csv': ['visium-v1-rat-lung/spatial/scalefactors_json.json'],
  'visium-v2-cytassist-floatpx/spatial/tissue_positions.csv': ['visium-v2-cytassist-floatpx/spatial/scalefactors_json.json'],
  'imc-steinbock/intensities/20210305_NE_mockData2_001.csv': ['imc-steinbock/regionprops/20210305_NE_mockData2_001.csv'],
  'imc-steinbock/regionprops/20210305_NE_mockData2_001.csv': ['imc-steinbock/intensities/20210305_NE_mockData2_001.csv'],
};

test.describe('every real export with coordinates loads in the app', () => {
  test.skip(!hasRealData, realDataSkipReason);
  for (const t of REAL_TABLES) {
    test(t.file, async ({ page }) => {
      await page.goto('/');
      await openThroughInput(page, [realFile(t.file), ...(COMPANIONS[t.file] ?? []).map(realFile)]);
      await expect(page.locator('[data-testid=sample-panel]')).toHaveCount(1);
      expect(await cellsLoaded(page)).toBe(t.rows);
      const report = page.locator('[data-testid=load-report]');
      await expect(report).toHaveAttribute('data-format', t.format);
      await expect(report).toContainText(t.units === 'um' ? 'µm' : 'pixels');
      const bounds = JSON.parse((await report.getAttribute('data-bounds'))!) as { x: [number, number]; y: [number, number] };
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
      expect(close(bounds.x[0], t.x[0]) && close(bounds.x[1], t.x[1]), `x ${bounds.x} vs ${t.x}`).toBe(true);
      expect(close(bounds.y[0], t.y[0]) && close(bounds.y[1], t.y[1]), `y ${bounds.y} vs ${t.y}`).toBe(true);
      if (t.dropped) await expect(page.locator('[data-testid=status]')).toContainText(`${t.dropped.toLocaleString('en')} spots outside the tissue`);
      await sectionsDrawn(page, 1);
    });
  }
});

test.describe('real files without coordinates get a clear sentence', () => {
  test.skip(!hasRealData, realDataSkipReason);
  for (const t of REAL_NON_TABLES) {
    test(t.file, async ({ page }) => {
      await page.goto('/');
      await openThroughInput(page, realFile(t.file));
      await expect(page.locator('[data-testid=message]')).toHaveClass(/error/);
      await expect(page.locator('[data-testid=message-text]')).toHaveText(t.says);
      expect(await cellsLoaded(page)).toBe(0);
    });
  }
});
