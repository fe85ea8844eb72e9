// Electron smoke test: launches the real app (package.json "main" → .build/main/index.cjs) wherever
// an Electron binary exists, and checks that the window shows the status bar through app://,
// with window.api present and Node absent. Where Electron cannot run it is skipped, saying why.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { displayProblem, electronBinary } from '../../electron/start.mjs';
import { REPO } from '../paths.ts';

const electronDir = path.join(REPO, 'node_modules/electron');

function skipReason(binary: string | null): string | null {
  if (!binary) return `Electron binary not installed (no ${path.relative(REPO, electronDir)}/path.txt + dist/; it cannot be downloaded here) — Electron smoke test skipped`;
  const display = displayProblem(process.platform, process.env);
  return display ? `Electron cannot open a window: ${display} — Electron smoke test skipped` : null;
}

test('Electron window opens and shows the status bar', async () => {
  const binary = electronBinary(electronDir);
  const reason = skipReason(binary);
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? '');

  if (!existsSync(path.join(REPO, '.build/main/index.cjs')) || !existsSync(path.join(REPO, '.build/preload/index.cjs'))) {
    const { buildMain, buildPreload } = await import(pathToFileURL(path.join(REPO, 'electron/build.mjs')).href);
    await buildMain();
    await buildPreload();
  }
  const env = { ...process.env } as Record<string, string>;
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
    const page = await win.evaluate(async () => {
      const w = window as unknown as { api?: { appInfo(): Promise<{ name: string }> }; require?: unknown; process?: unknown };
      return { api: typeof w.api, name: (await w.api?.appInfo())?.name, require: typeof w.require, process: typeof w.process };
    });
    expect(page).toEqual({ api: 'object', name: 'Clonoscope', require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
  }
});
