#!/usr/bin/env node
// `npm test`: typecheck, unit tests (vitest; they include the packaging check), the Electron
// security audit (Electronegativity), renderer build, browser end-to-end tests (Playwright on
// Debian's Chromium). Ends with one line "N passed, N failed" summing every suite.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = path.join(root, '.scratch');
mkdirSync(scratch, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
  XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
  TMPDIR: path.join(scratch, 'tmp'),
};
for (const d of [env.XDG_CONFIG_HOME, env.XDG_CACHE_HOME, env.TMPDIR]) mkdirSync(d, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function record(suite, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${suite.padEnd(12)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

// 1. typecheck, one check per TypeScript project
for (const project of ['shared', 'electron', 'renderer', 'tests']) {
  console.log(`\n# typecheck ${project}`);
  const status = run(bin('tsc'), ['-p', project]);
  record(`tsc ${project}`, status === 0 ? 1 : 0, status === 0 ? 0 : 1);
}

// 2. unit tests
console.log('\n# unit tests (vitest)');
const vitestJson = path.join(scratch, 'vitest.json');
rmSync(vitestJson, { force: true });
run(bin('vitest'), ['run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  const suiteErrors = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  record('unit', r.numPassedTests, r.numFailedTests + suiteErrors, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0));
} else record('unit', 0, 1);

// 3. security audit of electron/main, electron/preload and the page: one check, failed by any
//    finding not accepted (with a reason) in electron/audit-accepted.json
console.log('\n# security audit (Electronegativity)');
const audited = run('node', ['electron/audit.mjs']) === 0;
record('audit', audited ? 1 : 0, audited ? 0 : 1);

// 4. build (renderer for the browser tests, Node side for Electron)
console.log('\n# build');
const built = run('node', ['electron/build.mjs']) === 0 && run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) === 0;
record('build', built ? 1 : 0, built ? 0 : 1);

// 5. end-to-end tests in Chromium
if (built) {
  console.log('\n# end-to-end tests (Playwright, Chromium)');
  const pwJson = path.join(scratch, 'playwright.json');
  rmSync(pwJson, { force: true });
  run(bin('playwright'), ['test', '--config', 'tests/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    record('e2e', (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 1, s.skipped ?? 0);
  } else record('e2e', 0, 1);
}

console.log(`\n${lines.join('\n')}`);
if (totals.skipped) console.log(`(${totals.skipped} skipped; their reasons are printed above)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed ? 1 : 0;
