// Workspaces (issue 8), in the browser build: save → open gives the same state; a data file that
// moved is relinked, a changed one is flagged; unsaved work survives a closed page (recovery).
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { hasRealData, realDataSkipReason, realFile } from '../paths.ts';
import { openSampleData, openThroughInput } from './helpers.ts';

const drawn = (page: Page, n: number) => expect(page.locator('[data-testid=sample-panel][data-drawn="1"]')).toHaveCount(n, { timeout: 30_000 });

/** A 1 mm punch at the centre of the first section. */
async function punchAtCentre(page: Page): Promise<void> {
  const panel = page.locator('[data-testid=sample-panel]').first();
  await panel.click();
  await page.keyboard.press('b');
  const box = (await panel.locator('canvas').first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('p');
  await expect(page.locator('[data-testid=biopsy-item]')).toHaveCount(1);
}

async function saveWorkspace(page: Page, dir: string): Promise<{ file: string; json: Record<string, unknown> }> {
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const d = await pending;
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, json: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
}

const biopsyText = (page: Page) => page.locator('[data-testid=biopsy-item]').allInnerTexts();

test('a saved workspace opens to the same samples, biopsies, regions, colours and settings', async ({ page, context }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-ws-'));
  await openSampleData(page);
  await page.locator('[data-testid=color-by]').selectOption('region');
  await punchAtCentre(page);
  await expect(page).toHaveTitle(/^Untitled • — Clonoscope$/); // unsaved changes
  const before = await biopsyText(page);
  const legendBefore = await page.locator('[data-testid=legend]').innerText();
  const { file, json } = await saveWorkspace(page, dir);
  expect(path.basename(file)).toBe('Primary tumour workspace.clonoscope.json');
  await expect(page).toHaveTitle('Primary tumour workspace — Clonoscope');
  expect(json.format).toBe('clonoscope-workspace');
  expect(json.version).toBe(1);
  const samples = json.samples as { path: string; site: string; biopsies?: unknown[]; regions?: unknown[] }[];
  expect(samples.map((s) => [s.path, s.site])).toEqual([['sample-data/primary_cells.csv.gz', 'primary'], ['sample-data/metastasis_cells.csv.gz', 'metastasis']]);
  expect(samples[0]!.biopsies).toHaveLength(1);
  expect(samples[0]!.regions!.length).toBeGreaterThan(0);
  expect((json.settings as { colorBy: string }).colorBy).toBe('region');

  const again = await context.newPage();
  await again.goto('/');
  await again.locator('[data-testid=open-file]').setInputFiles(file);
  await drawn(again, 2);
  await expect(again.locator('[data-testid=message-text]')).toHaveText('Opened Primary tumour workspace.clonoscope.json: 2 samples.');
  await expect(again.locator('[data-testid=color-by]')).toHaveValue('region');
  expect(await biopsyText(again)).toEqual(before); // same punch, same cells and purity
  expect(await again.locator('[data-testid=legend]').innerText()).toBe(legendBefore); // same labels and counts
  await expect(again).toHaveTitle('Primary tumour workspace — Clonoscope'); // nothing unsaved
  // saved again without changes, it is the same document (but for the time of saving)
  const resaved = await saveWorkspace(again, mkdtempSync(path.join(tmpdir(), 'clonoscope-ws2-')));
  const strip = (j: Record<string, unknown>) => ({ ...j, savedAt: '' });
  expect(strip(resaved.json)).toEqual(strip(json));
});

test('a future version’s unknown fields are kept when the workspace is saved again', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-ws-'));
  await openSampleData(page);
  const { json } = await saveWorkspace(page, dir);
  const future = { ...json, version: 2, lensStack: { depth: 3 }, samples: (json.samples as object[]).map((s, k) => (k === 0 ? { ...s, stain: 'H&E' } : s)) };
  const file = path.join(dir, 'future.clonoscope.json');
  writeFileSync(file, JSON.stringify(future));
  await page.locator('[data-testid=open-file]').setInputFiles(file);
  await expect(page.locator('[data-testid=message-text]')).toContainText('written by a newer Clonoscope (format 2)');
  await drawn(page, 2);
  await punchAtCentre(page);
  const { json: saved } = await saveWorkspace(page, dir);
  expect(saved.lensStack).toEqual({ depth: 3 });
  expect((saved.samples as { stain?: string }[])[0]!.stain).toBe('H&E');
});

test('a moved data file is relinked, a changed one is flagged', async ({ page, context }) => {
  test.skip(!hasRealData, realDataSkipReason);
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-ws-'));
  const data = path.join(dir, 'tiny_halo.csv.gz');
  copyFileSync(realFile('halo-spiat-tiny/tiny_halo.csv.gz'), data);
  await page.goto('/');
  await openThroughInput(page, data);
  await drawn(page, 1);
  const cells = await page.locator('[data-testid=status]').getAttribute('data-cells');
  // a HALO export has no clones: what the user sets is the site and the colouring
  await page.locator('[data-testid=sample-site]').selectOption('metastasis');
  await page.locator('[data-testid=color-by]').selectOption('Analysis Region');
  const { file, json } = await saveWorkspace(page, dir);
  expect((json.samples as { path: string; size: number }[])[0]).toMatchObject({ path: 'tiny_halo.csv.gz', size: readFileSync(data).length });

  // opened alone, the page cannot reach the data file: it asks for it, and the user finds it
  const p2 = await context.newPage();
  await p2.goto('/');
  await p2.locator('[data-testid=open-file]').setInputFiles(file);
  await expect(p2.locator('[data-testid=relink-dialog]')).toBeVisible();
  await expect(p2.locator('[data-testid=relink-dialog-text]')).toContainText('tiny_halo.csv.gz is one of this workspace’s cell tables. A browser page cannot open files by their path');
  const chooser = p2.waitForEvent('filechooser');
  await p2.locator('[data-testid=relink-dialog-find]').click();
  await (await chooser).setFiles(data);
  await drawn(p2, 1);
  expect(await p2.locator('[data-testid=status]').getAttribute('data-cells')).toBe(cells);
  await expect(p2.locator('[data-testid=sample-site]')).toHaveValue('metastasis');
  await expect(p2.locator('[data-testid=color-by]')).toHaveValue('Analysis Region');

  // opened with a file of the same name that changed since: the user is told, and may open it anyway
  const lines = gunzipSync(readFileSync(data)).toString('utf8').trimEnd().split('\n');
  const changed = path.join(mkdtempSync(path.join(tmpdir(), 'clonoscope-changed-')), 'tiny_halo.csv.gz');
  writeFileSync(changed, gzipSync(lines.slice(0, -1).join('\n') + '\n')); // one cell fewer
  const p3 = await context.newPage();
  await p3.goto('/');
  await p3.locator('[data-testid=open-file]').setInputFiles([file, changed]);
  await expect(p3.locator('[data-testid=changed-dialog-text]')).toContainText('tiny_halo.csv.gz (tiny_halo.csv.gz) changed since the workspace was saved: it is');
  await p3.locator('[data-testid=changed-dialog-open]').click();
  await drawn(p3, 1);
  expect(Number(await p3.locator('[data-testid=status]').getAttribute('data-cells'))).toBe(Number(cells) - 1);
  await expect(p3.locator('[data-testid=sample-site]')).toHaveValue('metastasis');
});

test('unsaved work is offered back after the page closed without saving', async ({ page, context }) => {
  await openSampleData(page);
  await punchAtCentre(page);
  const before = await biopsyText(page);
  await page.waitForTimeout(2500); // the autosave is written 1.5 s after the last change
  await page.close({ runBeforeUnload: false }); // as if the window crashed

  const next = await context.newPage();
  await next.goto('/?open=sample-data');
  await expect(next.locator('[data-testid=recovery-dialog]')).toBeVisible();
  await expect(next.locator('[data-testid=recovery-dialog-text]')).toContainText('Clonoscope closed without saving your work');
  const recoveredAt = await next.evaluate(() => Date.now());
  await next.locator('[data-testid=recovery-dialog-recover]').click();
  await drawn(next, 2);
  expect(await biopsyText(next)).toEqual(before);
  await expect(next).toHaveTitle('Untitled • — Clonoscope'); // recovered, still to be saved

  // the recovered work is kept again (it is still unsaved); Chromium commits localStorage to disk
  // asynchronously, so let that write land before another page reads or removes it
  await next.waitForFunction((t) => (JSON.parse(localStorage.getItem('clonoscope.autosave') ?? 'null')?.savedAt ?? 0) > t, recoveredAt, { timeout: 10_000 });
  await next.waitForTimeout(1500);

  // declined, it is gone for good
  await next.close({ runBeforeUnload: false });
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.locator('[data-testid=recovery-dialog]')).toBeVisible();
  await third.locator('[data-testid=recovery-dialog-discard]').click();
  await expect(third.locator('[data-testid=welcome]')).toBeVisible();
  expect(await third.evaluate(() => localStorage.getItem('clonoscope.autosave'))).toBeNull();
  await third.waitForTimeout(1500); // the removal reaches the browser's storage before the page goes
  await third.close({ runBeforeUnload: false });
  const fourth = await context.newPage();
  await fourth.goto('/');
  await fourth.waitForTimeout(500);
  await expect(fourth.locator('[data-testid=recovery-dialog]')).toHaveCount(0);
});
