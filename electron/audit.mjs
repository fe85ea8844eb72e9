#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity (@doyensec/electronegativity) over the code that
// decides the app's security: electron/main, electron/preload and the page (renderer/index.html,
// which carries the CSP meta tag). Fails on any finding not accepted, with a reason, in
// electron/audit-accepted.json, on any file it could not parse, and on accepted entries that no
// longer match (so the list cannot rot).
//
// Two things make it run here:
//  - Its parser (@typescript-eslint/typescript-estree 4.x) is hoisted to the top node_modules, where
//    `require('typescript')` finds our TypeScript 7, which has no JavaScript API and crashes it at
//    load. We point that require at the TypeScript 4.2 that Electronegativity ships in its own
//    node_modules. (Built .cjs bundles are no way round: it scans only .js/.ts/.html files.)
//  - It would fetch translations and Electron's release list from the internet: the translation
//    fetch fails fast offline (1 s timeout) and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (the release
//    list) is excluded; we pass the installed Electron version instead of letting it guess.

import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Findings minus accepted ones; accepted entries that matched nothing. Pure (tested). */
export function triage(issues, accepted) {
  const used = new Set();
  const open = issues.filter((issue) => {
    const k = accepted.findIndex((a) => a.check === issue.id && a.file === issue.file && (!a.sample || issue.sample.includes(a.sample)));
    if (k >= 0) used.add(k);
    return k < 0;
  });
  return { open, stale: accepted.filter((_, k) => !used.has(k)) };
}

/** Checks the accept list's shape: every entry names a check and a file and says why. */
export function parseAccepted(text) {
  const list = JSON.parse(text).accepted;
  if (!Array.isArray(list)) throw new Error('audit-accepted.json: "accepted" must be a list');
  for (const a of list) {
    if (typeof a.check !== 'string' || typeof a.file !== 'string' || typeof a.reason !== 'string' || a.reason.length < 20) {
      throw new Error(`audit-accepted.json: each entry needs check, file and a reason of at least 20 characters (${JSON.stringify(a)})`);
    }
  }
  return list;
}

/** Copies what is audited into `dir`: main/, preload/, index.html (paths in findings are relative to it). */
export function stageInput(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, 'electron/main'), path.join(dir, 'main'), { recursive: true });
  cpSync(path.join(root, 'electron/preload'), path.join(dir, 'preload'), { recursive: true });
  cpSync(path.join(root, 'renderer/index.html'), path.join(dir, 'index.html'));
}

function loadElectronegativity() {
  const home = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const oldTypeScript = require.resolve('typescript', { paths: [home] });
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.includes(`${path.sep}@typescript-eslint${path.sep}`)) return oldTypeScript;
    return resolve.call(this, request, parent, ...rest);
  };
  return require(path.join(home, 'dist/runner.js'));
}

/** Runs Electronegativity over `input` (default: the app's own code, staged into .scratch/audit-input). */
export async function audit(input = null) {
  if (input === null) {
    input = path.join(root, '.scratch', 'audit-input');
    stageInput(input);
  }
  const run = loadElectronegativity();
  const electron = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const log = console.log;
  console.log = () => undefined; // its "could not retrieve translations" chatter
  let result;
  try {
    result = await run({ input, isRelative: true, isVerbose: false, electronVersionOverride: electron, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], customScan: [], parserPlugins: [] }, false);
  } finally {
    console.log = log;
  }
  const issues = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, sample: i.sample ?? '', severity: i.severity.name, confidence: i.confidence.name, description: i.description, manualReview: i.manualReview }));
  const errors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: path.relative(input, e.file), message: e.message }));
  return { electron, checks: result.globalChecks + result.atomicChecks, issues, errors };
}

async function main() {
  const accepted = parseAccepted(readFileSync(path.join(root, 'electron/audit-accepted.json'), 'utf8'));
  const { electron, checks, issues, errors } = await audit();
  const { open, stale } = triage(issues, accepted);
  console.log(`Electronegativity: ${checks} checks (Electron ${electron}) over electron/main, electron/preload, renderer/index.html`);
  console.log(`${issues.length} finding(s): ${issues.length - open.length} accepted, ${open.length} open; ${errors.length} file(s) not parsed; ${stale.length} stale accept entr${stale.length === 1 ? 'y' : 'ies'}`);
  for (const i of open) console.log(`  OPEN  ${i.id} ${i.file}:${i.line} (${i.severity}, ${i.confidence}) ${i.description}\n        ${i.sample.split('\n')[0]}`);
  for (const e of errors) console.log(`  NOT PARSED  ${e.file}: ${e.message}`);
  for (const s of stale) console.log(`  STALE  ${s.check} ${s.file}: no longer found; remove it from electron/audit-accepted.json`);
  process.exitCode = open.length || errors.length || stale.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
