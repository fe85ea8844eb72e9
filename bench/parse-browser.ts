// Loads the benchmark table in the browser build (headless Chromium), through the file input and
// the parse worker, as a user would; reports the worker's own load time and the time until the
// status bar shows the cells. Prints one JSON line.

import { chromium } from '@playwright/test';
import { statSync } from 'node:fs';

const [url, file, expected] = process.argv.slice(2) as [string, string, string];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
const t0 = Date.now();
await page.locator('[data-testid=open-file]').setInputFiles(file);
await page.locator(`[data-testid=status][data-cells="${expected}"]`).waitFor({ timeout: 120_000 });
const wallMs = Date.now() - t0;
const workerMs = Number(await page.locator('[data-testid=load-report]').getAttribute('data-load-ms'));
console.log(JSON.stringify({ mode: 'browser', ms: workerMs, wallMs, rows: Number(expected), bytes: statSync(file).size }));
await browser.close();
