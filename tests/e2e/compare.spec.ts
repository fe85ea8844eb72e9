// Comparing samples (issue 5): primary and metastasis side by side with linked views, the Compare
// panel's numbers checked against the files themselves, derived and drawn regions with their
// statistics and GeoJSON export.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { hasRealData, realDataSkipReason, realFile, REPO } from '../paths.ts';
import { SHOTS, openSampleData, openThroughInput } from './helpers.ts';

/** Clone counts of a sample-data table, read here independently of the app (tumour cells: not "normal"). */
function cloneCounts(file: string): Map<string, number> {
  const lines = gunzipSync(readFileSync(path.join(REPO, 'sample-data', file))).toString('utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('clone');
  const counts = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const clone = line.split(',')[col]!;
    if (clone && clone !== 'normal') counts.set(clone, (counts.get(clone) ?? 0) + 1);
  }
  return counts;
}

function shannon(counts: Map<string, number>): number {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  return -[...counts.values()].reduce((h, c) => h + (c / n) * Math.log(c / n), 0);
}

test('primary and metastasis side by side: Compare shows composition, diversity from the files, divergence and the metastasis origin', async ({ page }) => {
  await openSampleData(page);
  await expect(page.locator('[data-testid=section-canvas]')).toHaveCount(2);
  await page.locator('[data-testid=compare-button]').click();
  const panel = page.locator('[data-testid=compare-panel]');
  await expect(panel).toBeVisible();

  // one bar per sample (and per region of each), each with the clones of that sample
  await expect(panel.locator('[data-testid=composition-chart] svg')).toBeVisible();
  const primary = cloneCounts('primary_cells.csv.gz'), metastasis = cloneCounts('metastasis_cells.csv.gz');
  const row = (name: string) => panel.locator(`[data-testid=diversity-table] tr[data-group="${name}"] td`);
  const primaryRow = row('Primary tumour'), metRow = row('Metastasis');
  await expect(primaryRow.nth(1)).toHaveText([...primary.values()].reduce((a, b) => a + b, 0).toLocaleString('en'));
  await expect(primaryRow.nth(2)).toHaveText(String(primary.size));
  await expect(primaryRow.nth(3)).toHaveText(shannon(primary).toFixed(3));
  await expect(metRow.nth(3)).toHaveText(shannon(metastasis).toFixed(3));

  await expect(panel.locator('[data-testid=jsd-heatmap] svg')).toBeVisible();
  // the tree makes the mutation story: the metastasis keeps the primary's truncal mutations and came late from C9
  await expect(panel.locator('[data-testid=mutation-summary]')).toContainText('ubiquitous');
  // the clone tree drawn with every clone of the tree, in the clones' colours
  await expect(panel.locator('[data-testid=clone-tree-chart] svg circle')).toHaveCount(21);
  await expect(panel.locator('[data-testid=metastasis-origin]')).toContainText('Seeding clone (deepest primary clone clonal in the metastasis): C9');
  await expect(panel.locator('[data-testid=metastasis-origin]')).toContainText('Divergence: late');
  await page.screenshot({ path: path.join(SHOTS, 'compare.png') });

  // charts save as standalone SVG
  const download = page.waitForEvent('download');
  await panel.locator('[data-testid=composition-chart] [data-testid=save-chart-svg]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('composition-by-clone.svg');
  const svg = readFileSync((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml version="1.0"[^>]*>\n<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('>Metastasis (6,040)<'); // label and tumour cells of each bar
});

test('linked views pan and zoom both sections at the same µm per pixel', async ({ page }) => {
  await openSampleData(page);
  const bars = page.locator('[data-testid=scale-bar-label]');
  const canvas = page.locator('[data-testid=section-canvas]').first();
  const box = (await canvas.boundingBox())!;
  // unlinked: zooming the primary leaves the metastasis alone
  const [primaryBefore, metBefore] = [await bars.nth(0).textContent(), await bars.nth(1).textContent()];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -600);
  await expect(bars.nth(0)).not.toHaveText(primaryBefore!);
  expect(await bars.nth(1).textContent()).toBe(metBefore);

  await page.locator('[data-testid=link-views]').click();
  await expect(page.locator('[data-testid=link-views]')).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  const lines = page.locator('.scale-line');
  await expect(async () => {
    expect(await bars.nth(1).textContent()).toBe(await bars.nth(0).textContent());
    const [w0, w1] = await Promise.all([lines.nth(0).evaluate((e) => (e as HTMLElement).style.width), lines.nth(1).evaluate((e) => (e as HTMLElement).style.width)]);
    expect(w1).toBe(w0);
  }).toPass();
});

test('regions: derived core / invasive front with a live width, a drawn polygon with its statistics, undo and GeoJSON export', async ({ page }) => {
  await openSampleData(page);
  await page.locator('[data-testid=sample-panel]').first().click();
  const stats = page.locator('[data-testid=region-stats]');
  await page.locator('[data-testid=region-source]').selectOption('derived');
  await expect(stats.locator('tr[data-region="invasive front"]')).toBeVisible();
  const frontCells = async () => Number((await stats.locator('tr[data-region="invasive front"] td').nth(1).textContent())!.replace(/\D/g, ''));
  const narrow = await frontCells();
  expect(narrow).toBeGreaterThan(0);
  const slider = page.locator('[data-testid=front-width]');
  await slider.evaluate((el: HTMLInputElement) => {
    el.value = String(Number(el.value) * 2);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect.poll(frontCells).toBeGreaterThan(narrow); // a wider band holds more cells

  // draw a quadrilateral with the polygon tool (G), name it, and find it in the table
  await page.locator('[data-testid=region-source]').selectOption('shapes');
  const canvas = page.locator('[data-testid=section-canvas]').first();
  const b = (await canvas.boundingBox())!;
  await canvas.focus();
  await page.keyboard.press('g');
  await expect(page.locator('[data-testid=tool-poly]')).toHaveAttribute('aria-pressed', 'true');
  for (const [x, y] of [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6]] as const) await page.mouse.click(b.x + b.width * x, b.y + b.height * y);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=name-dialog]')).toBeVisible();
  await page.locator('[data-testid=name-input]').fill('needle site');
  await page.locator('[data-testid=name-ok]').click();
  const drawn = stats.locator('tr[data-region="needle site"]');
  await expect(drawn).toBeVisible();
  expect(Number((await drawn.locator('td').nth(1).textContent())!.replace(/\D/g, ''))).toBeGreaterThan(100);
  await page.screenshot({ path: path.join(SHOTS, 'regions-drawn.png') });

  // the GeoJSON holds the drawn region with the imported ones
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=export-regions-geojson]').click();
  const geojson = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { features: { properties: { classification?: { name: string }; name?: string } }[] };
  const names = geojson.features.map((f) => f.properties.classification?.name ?? f.properties.name);
  expect(names).toContain('needle site');
  expect(names).toContain('core');

  await page.keyboard.press('Control+z');
  await expect(drawn).toHaveCount(0);
});

test('a Xenium Explorer selection CSV opened onto a real Xenium section becomes a region with the cells inside it', async ({ page }) => {
  test.skip(!hasRealData, realDataSkipReason);
  const cells = realFile('xenium-v1-mouse-brain-WT/cells.csv.gz');
  const rows = gunzipSync(readFileSync(cells)).toString('utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(1, 3).map(Number) as [number, number]);
  const xs = rows.map((r) => r[0]).sort((a, b) => a - b), ys = rows.map((r) => r[1]).sort((a, b) => a - b);
  const between = (v: number[], q: number) => (v[Math.floor(v.length * q)]! + v[Math.floor(v.length * q) + 1]!) / 2; // no cell on an edge
  const [x0, x1, y0, y1] = [between(xs, 0.3), between(xs, 0.7), between(ys, 0.3), between(ys, 0.7)];
  const inside = rows.filter(([x, y]) => x > x0 && x < x1 && y > y0 && y < y1).length;
  // as Xenium Explorer writes it: comment lines, one of them wholly quoted, CRLF
  const selection = ['#Selection name: Cortex box', `"#Area (µm^2): ${((x1 - x0) * (y1 - y0)).toFixed(2)}"`, 'X,Y', `${x0},${y0}`, `${x1},${y0}`, `${x1},${y1}`, `${x0},${y1}`].join('\r\n');

  await page.goto('/');
  await openThroughInput(page, cells);
  await openThroughInput(page, { name: 'Cortex_box_coordinates.csv', mimeType: 'text/csv', buffer: Buffer.from(selection) });
  await expect(page.locator('[data-testid=message]')).toContainText('Cortex_box_coordinates.csv: 1 region shape (Cortex box)');
  const row = page.locator('[data-testid=region-stats] tr[data-region="Cortex box"] td');
  await expect(row.nth(1)).toHaveText(inside.toLocaleString('en'));
  await expect(row.nth(2)).toHaveText((((x1 - x0) * (y1 - y0)) / 1e6).toPrecision(3)); // mm²
});

test('a sample site can be given in the user\'s words', async ({ page }) => {
  await openSampleData(page);
  const site = page.locator('[data-testid=sample-site]').nth(1);
  await site.selectOption('other');
  await page.locator('[data-testid=name-input]').fill('lymph node');
  await page.locator('[data-testid=name-ok]').click();
  await expect(site.locator('option:checked')).toHaveText('lymph node');
  await page.locator('[data-testid=compare-button]').click();
  await expect(page.locator('[data-testid=compare-reference] option').nth(1)).toHaveText('Metastasis (sample data) (lymph node)');
  // no sample is a metastasis now: no origin section
  await expect(page.locator('[data-testid=metastasis-origin]')).toHaveCount(0);
});
