// Virtual biopsies (issue 6): a punch placed on the sample primary reports the cells the file has
// there; punches and needles are placed, picked, deleted and undone; a Monte Carlo run in the app
// gives the same numbers as `clonoscope sample` with the same design and seed.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { REPO } from '../paths.ts';
import { SHOTS, openSampleData } from './helpers.ts';

/** The sample data, with the primary's section active. */
async function openSampleDataActive(page: Page): Promise<void> {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
}

/** Cells and tumour cells of the sample primary within `radius` µm of the centre of its bounding box (where the view is centred). */
function cellsInCentralPunch(radius: number): { cells: number; tumour: number } {
  const lines = gunzipSync(readFileSync(path.join(REPO, 'sample-data/primary_cells.csv.gz'))).toString('utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const [ix, iy, ic] = ['x', 'y', 'clone'].map((c) => head.indexOf(c));
  const rows = lines.slice(1).map((l) => l.split(','));
  const xs = rows.map((r) => Math.fround(Number(r[ix!]))), ys = rows.map((r) => Math.fround(Number(r[iy!])));
  const mid = (v: number[]) => (Math.min(...v) + Math.max(...v)) / 2;
  const cx = mid(xs), cy = mid(ys);
  let cells = 0, tumour = 0;
  rows.forEach((r, i) => {
    if ((xs[i]! - cx) ** 2 + (ys[i]! - cy) ** 2 > radius * radius) return;
    cells++;
    if (r[ic!] && r[ic!] !== 'normal') tumour++;
  });
  return { cells, tumour };
}

test('a punch on the sample primary reports the cells the file has there; biopsies are placed, picked, deleted and undone', async ({ page }) => {
  await openSampleDataActive(page);
  const panel = page.locator('[data-testid=biopsy-panel]');
  // a 1 × 1 "TMA grid" puts one 1 mm core at the centre of the view
  await panel.locator('[data-testid=tma-rows]').fill('1');
  await panel.locator('[data-testid=tma-columns]').fill('1');
  await panel.locator('[data-testid=tma-place]').click();
  const items = panel.locator('[data-testid=biopsy-item]');
  await expect(items).toHaveCount(1);
  const want = cellsInCentralPunch(500);
  await expect(items.first()).toHaveText(`punch Ø 1 mm · ${want.cells.toLocaleString('en')} cells · purity ${Math.round((100 * want.tumour) / want.cells)} %`);
  await items.first().click();
  const card = panel.locator('[data-testid=biopsy-card]');
  await expect(card).toContainText(`Tumour purity ${Math.round((100 * want.tumour) / want.cells)} % (${want.tumour.toLocaleString('en')} tumour cells of ${want.cells.toLocaleString('en')})`);
  await expect(card.locator('[data-testid=biopsy-composition] tbody tr')).toHaveCount(10); // the primary's ten clones
  await expect(card.locator('[data-testid=biopsy-mutations] summary')).toContainText('Mutations (45)'); // the sample clone tree

  // a punch placed with the tool (B, click) and a needle dragged along the section (N)
  const canvas = page.locator('[data-testid=section-canvas]').first();
  const b = (await canvas.boundingBox())!;
  await canvas.focus();
  await page.keyboard.press('b');
  await page.mouse.click(b.x + b.width * 0.35, b.y + b.height * 0.35);
  await page.keyboard.press('n');
  await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.65);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * 0.7, b.y + b.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toContainText('needle');
  await expect(panel.locator('[data-testid=design-card]')).toContainText('All 3 biopsies together');
  await expect(panel.locator('[data-testid=design-card]')).toContainText('Metastasis: the biopsies call');
  await page.screenshot({ path: path.join(SHOTS, 'biopsies.png') });

  // the needle is picked (just placed): Delete removes it, Ctrl+Z brings it back
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(3);
  await panel.locator('[data-testid=biopsy-remove]').first().click();
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('punch Ø 1 mm'); // the tool's punch is now number 1
});

test('a Monte Carlo run in the app: live progress, curves per clone, and the same numbers as the command line', async ({ page }) => {
  await openSampleDataActive(page);
  await page.keyboard.press('s');
  const sampling = page.locator('[data-testid=sampling-panel]');
  await expect(sampling).toBeVisible();
  await expect(sampling.locator('[data-testid=sampling-sample]')).toHaveValue(/.+/);
  await sampling.locator('[data-testid=sampling-biopsy-diameter]').fill('400');
  await sampling.locator('[data-testid=sampling-biopsy-diameter]').dispatchEvent('change');
  await sampling.locator('[data-testid=sampling-count]').fill('4');
  await sampling.locator('[data-testid=sampling-iterations]').fill('3000');
  await sampling.locator('[data-testid=sampling-seed]').fill('7');
  await sampling.locator('[data-testid=sampling-run]').click();
  await expect(sampling.locator('[data-testid=sampling-status]')).toContainText('Done: 3,000 iterations', { timeout: 60_000 });
  await expect(sampling.locator('[data-testid=detection-chart] svg polyline')).toHaveCount(10);
  const rows = sampling.locator('[data-testid=detection-table] tbody tr');
  await expect(rows).toHaveCount(10);

  const cli = spawnSync(process.execPath, [path.join(REPO, 'electron/cli/clonoscope.mjs'), 'sample', path.join(REPO, 'sample-data/primary_cells.csv.gz'), '--biopsy', 'punch', '--radius', '200', '--count', '4', '--iterations', '3000', '--seed', '7', '--tree', path.join(REPO, 'sample-data/clone_tree.csv'), '--json'], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  const json = JSON.parse(cli.stdout) as { iterations: number; clones: { clone: string; detection: { k: number; p: number; lo: number; hi: number }[]; kNeeded95: number | null }[] };
  expect(json.iterations).toBe(3000);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  for (const c of json.clones) {
    const cells = rows.filter({ has: page.locator(`td:text-is(" ${c.clone}")`) }).locator('td');
    const p1 = c.detection[0]!, p4 = c.detection[3]!;
    await expect(cells.nth(2)).toHaveText(`${pct(p1.p)} (${pct(p1.lo)}–${pct(p1.hi)})`);
    await expect(cells.nth(3)).toHaveText(`${pct(p4.p)} (${pct(p4.lo)}–${pct(p4.hi)})`);
  }
  // some clone is not certain to be found by one small punch: the curves say something
  expect(json.clones.some((c) => c.detection[0]!.p < 0.9)).toBe(true);
  await sampling.locator('[data-testid=detection-chart]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'sampling.png') });

  // a second strategy (stratified) joins the first on the comparison chart
  await sampling.locator('[data-testid=sampling-placement]').selectOption('stratified');
  await sampling.locator('[data-testid=sampling-run]').click();
  await expect(sampling.locator('[data-testid=sampling-status]')).toContainText('Done', { timeout: 60_000 });
  await expect(sampling.locator('[data-testid=strategy-list] li')).toHaveCount(2);
});

test('Cancel stops a long Monte Carlo run and keeps what it counted', async ({ page }) => {
  await openSampleDataActive(page);
  await page.locator('[data-testid=sampling-button]').click();
  const sampling = page.locator('[data-testid=sampling-panel]');
  await sampling.locator('[data-testid=sampling-count]').fill('20');
  await sampling.locator('[data-testid=sampling-placement]').selectOption('stratified');
  await sampling.locator('[data-testid=sampling-iterations]').fill('1000000');
  await sampling.locator('[data-testid=sampling-detect]').selectOption('reads');
  await sampling.locator('[data-testid=sampling-run]').click();
  await expect(sampling.locator('[data-testid=sampling-progress]')).toBeVisible();
  await expect(sampling.locator('[data-testid=sampling-status]')).toContainText('iterations ·');
  // the window stays usable meanwhile: the theme toggles
  await page.locator('[data-testid=theme-toggle]').click();
  await sampling.locator('[data-testid=sampling-cancel]').click();
  await expect(sampling.locator('[data-testid=sampling-status]')).toContainText('Cancelled after');
  await expect(sampling.locator('[data-testid=sampling-progress]')).toBeHidden();
  await expect(sampling.locator('[data-testid=detection-table] tbody tr')).toHaveCount(10);
});
