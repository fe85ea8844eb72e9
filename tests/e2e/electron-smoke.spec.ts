// Electron smoke test: launches the real app (package.json "main" → .build/main/index.cjs) wherever
// an Electron binary exists: the window comes up at app:// with window.api exactly as the contract
// says and no Node; the sample data opens and its cells are drawn; a PNG figure is exported through
// the renderer's own UI and lands on disk (CLONOSCOPE_SAVE_DIR makes main save there instead of
// showing the native save dialog, which a test cannot click). Where Electron cannot run it is
// skipped, saying why.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { INVOKE_CHANNELS } from '../../shared/ipc.ts';
import { displayProblem, electronBinary } from '../../electron/start.mjs';
import { REPO } from '../paths.ts';

const electronDir = path.join(REPO, 'node_modules/electron');

function skipReason(binary: string | null): string | null {
  if (!binary) return `Electron binary not installed (no ${path.relative(REPO, electronDir)}/path.txt + dist/; it cannot be downloaded here) — Electron smoke test skipped`;
  const display = displayProblem(process.platform, process.env);
  return display ? `Electron cannot open a window: ${display} — Electron smoke test skipped` : null;
}

test('Electron: the window opens the sample data, draws its cells, and exports a PNG figure', async () => {
  test.setTimeout(120_000);
  const binary = electronBinary(electronDir);
  const reason = skipReason(binary);
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? '');

  if (!existsSync(path.join(REPO, '.build/main/index.cjs')) || !existsSync(path.join(REPO, '.build/preload/index.cjs'))) {
    const { buildMain, buildPreload } = await import(pathToFileURL(path.join(REPO, 'electron/build.mjs')).href);
    await buildMain();
    await buildPreload();
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'clonoscope-electron-'));
  const saveDir = path.join(scratch, 'exports');
  mkdirSync(saveDir);
  const env = { ...process.env, CLONOSCOPE_SAVE_DIR: saveDir, XDG_CONFIG_HOME: path.join(scratch, 'config') } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to run as root with its sandbox on (CI containers); never needed otherwise.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), REPO],
    cwd: REPO,
    env,
  });
  try {
    const win = await app.firstWindow();
    await expect(win.locator('[data-testid=status]')).toBeVisible({ timeout: 30_000 });
    expect(win.url()).toMatch(/^app:\/\/clonoscope\//);

    // The page has the contract's API and nothing of Node.
    const page = await win.evaluate(async () => {
      const w = window as unknown as { api?: Record<string, unknown> & { appInfo(): Promise<{ name: string }>; renderingInfo(): Promise<{ software: boolean; detail: string }> }; require?: unknown; process?: unknown };
      return { keys: Object.keys(w.api ?? {}).sort(), name: (await w.api?.appInfo())?.name, rendering: await w.api?.renderingInfo(), require: typeof w.require, process: typeof w.process };
    });
    expect(page).toMatchObject({ keys: [...INVOKE_CHANNELS, 'on', 'pathForFile'].sort(), name: 'Clonoscope', require: 'undefined', process: 'undefined' });
    expect(page.rendering).toEqual({ software: expect.any(Boolean), detail: expect.any(String) });

    // The first window opens the sample data: two samples, cells counted, sections drawn.
    await expect(win.locator('[data-testid=sample-panel]')).toHaveCount(2, { timeout: 30_000 });
    await expect(win.locator('[data-testid=progress]')).toBeHidden({ timeout: 30_000 });
    expect(Number(await win.locator('[data-testid=status]').getAttribute('data-cells'))).toBeGreaterThan(0);
    await expect(win.locator('[data-testid=sample-panel][data-drawn="1"]')).toHaveCount(2, { timeout: 30_000 });
    const painted = await win.locator('[data-testid=section-canvas]').first().evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      [copy.width, copy.height] = [c.width, c.height];
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
      return n / (d.length / 4);
    });
    expect(painted).toBeGreaterThan(0.1);

    // Export a PNG through the figure composer; main writes it into CLONOSCOPE_SAVE_DIR.
    await win.locator('[data-testid=export-figure]').click();
    await expect(win.locator('[data-testid=figure-composer]')).toBeVisible();
    await win.locator('[data-testid=figure-export-png]').click();
    await expect.poll(() => readdirSync(saveDir).filter((f) => f.toLowerCase().endsWith('.png')), { timeout: 30_000 }).toHaveLength(1);
    const png = readFileSync(path.join(saveDir, readdirSync(saveDir).find((f) => f.toLowerCase().endsWith('.png'))!));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(1000);
    expect(readdirSync(saveDir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // written atomically
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
