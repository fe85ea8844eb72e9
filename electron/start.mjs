#!/usr/bin/env node
// `npm start [files…]`: builds what is missing or stale (main + preload with esbuild, the renderer
// with Vite), then starts Electron with the files. When Electron cannot run here (binary not
// installed and not downloadable, no display, missing system libraries, …) it prints one sentence
// saying why and serves the browser build instead (renderer/serve.mjs), opening a browser if it can
// (at the sample data when no files were given).
// The decisions are pure exported functions (tested in tests/unit/electron/start.test.ts).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An Electron that exits with an error sooner than this after launch did not start (ms). */
export const EARLY_EXIT_MS = 5000;
/** How long the one download attempt may take (ms). */
export const INSTALL_TIMEOUT_MS = 60_000;

/** Newest mtime (ms) of the .ts files under `dirs`; 0 when there are none. */
export function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return newest;
}

/** True when `output` is missing or older than `newestSourceMs`. */
export function isStale(output, newestSourceMs) {
  return !existsSync(output) || statSync(output).mtimeMs < newestSourceMs;
}

/**
 * Where node_modules/electron keeps its binary: `path.txt` names it inside `dist/`, or inside
 * ELECTRON_OVERRIDE_DIST_PATH when set (as node_modules/electron/index.js does). Returns the path
 * when the file exists, else null.
 */
export function electronBinary(electronDir, env = process.env, platform = process.platform) {
  const pathFile = path.join(electronDir, 'path.txt');
  const listed = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!listed && !override) return null;
  const rel = listed || (platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
  const bin = override ? path.join(override, rel) : path.join(electronDir, 'dist', rel);
  return existsSync(bin) ? bin : null;
}

/** Why the download attempt (node_modules/electron/install.js) failed, as a clause. */
export function installFailureReason(output, timedOut) {
  const base = 'its binary is not installed and could not be downloaded';
  if (timedOut) return `${base} (the download did not finish within ${INSTALL_TIMEOUT_MS / 1000} s)`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|getaddrinfo|socket hang up/i.test(output)) return `${base} (no internet access)`;
  if (/EACCES|EPERM|EROFS/.test(output)) return `${base} (node_modules/electron is not writable)`;
  if (/checksum/i.test(output)) return `${base} (the download was corrupt)`;
  if (/Cannot find module/.test(output)) return 'its binary is not installed (node_modules is incomplete: run npm install)';
  return base;
}

/** A problem that keeps any Electron window from opening here, or null. */
export function displayProblem(platform, env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'no graphical display is available (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** Why Electron exited right after launch, from its exit status and stderr, as a clause. */
export function earlyExitReason(code, signal, stderr) {
  const lib = /error while loading shared libraries: ([^:\s]+)/.exec(stderr);
  if (lib) return `a system library it needs is missing (${lib[1]})`;
  if (/Missing X server or \$DISPLAY|cannot open display|Failed to connect to (the )?(X|Wayland)/i.test(stderr)) return 'it could not connect to a graphical display';
  if (/Running as root without --no-sandbox is not supported/.test(stderr)) return 'it will not run as root without --no-sandbox (run Clonoscope as a normal user)';
  if (/SUID sandbox helper binary/.test(stderr)) return 'its sandbox helper (chrome-sandbox) must be owned by root with mode 4755';
  const status = signal ? `it was stopped by ${signal}` : `it exited with code ${code}`;
  const line = stderr.split('\n').map((l) => l.trim()).find((l) => l && !/^\[\d+:\d+/.test(l));
  return line ? `${status} (${line.length > 120 ? `${line.slice(0, 117)}…` : line})` : status;
}

export function fallbackSentence(reason) {
  return `Electron could not be started: ${reason}; opening Clonoscope in your browser instead.`;
}

/**
 * What to do, given what was found: `{ run: 'electron', binary }` or `{ run: 'browser', reason }`.
 * `installReason` is the clause from a failed download attempt (when the binary was missing).
 */
export function decideLaunch({ binary, installReason, platform, env }) {
  if (!binary) return { run: 'browser', reason: installReason ?? 'its binary is not installed' };
  const display = displayProblem(platform, env);
  return display ? { run: 'browser', reason: display } : { run: 'electron', binary };
}

/** Environment for Electron: without ELECTRON_RUN_AS_NODE (which would make it plain Node). */
export function electronEnv(env) {
  const { ELECTRON_RUN_AS_NODE: _drop, ...rest } = env;
  return rest;
}

// ---- effects ----

async function ensureNodeSideBuilt() {
  const { buildMain, buildPreload } = await import(pathToFileURL(path.join(root, 'electron/build.mjs')).href);
  const shared = path.join(root, 'shared');
  if (isStale(path.join(root, '.build/main/index.cjs'), newestSource([path.join(root, 'electron/main'), shared]))) await buildMain();
  if (isStale(path.join(root, '.build/preload/index.cjs'), newestSource([path.join(root, 'electron/preload'), shared]))) await buildPreload();
}

function tryInstallElectron(electronDir) {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return { binary: null, reason: 'its binary is not installed (node_modules/electron is missing: run npm install)' };
  console.log(`Electron's binary is not installed; trying to download it (at most ${INSTALL_TIMEOUT_MS / 1000} s)…`);
  const r = spawnSync(process.execPath, [installer], { cwd: electronDir, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  const binary = electronBinary(electronDir);
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  return { binary, reason: binary ? null : installFailureReason(`${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error?.message ?? ''}`, timedOut) };
}

/** Resolves 'started' once Electron has run EARLY_EXIT_MS, or with the reason it died sooner. */
function launchElectron(binary, args) {
  return new Promise((resolve) => {
    const child = spawn(binary, [root, ...args], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env: electronEnv(process.env) });
    let early = true;
    let interrupted = false;
    let stderr = '';
    child.stderr.on('data', (chunk) => (early ? (stderr += chunk) : process.stderr.write(chunk)));
    const timer = setTimeout(() => {
      early = false;
      process.stderr.write(stderr); // what it said while starting, now that it runs
      resolve('started');
    }, EARLY_EXIT_MS);
    // Ctrl+C reaches Electron too; these make sure a SIGTERM sent to us alone also stops it.
    const forward = (sig) => {
      interrupted = true;
      child.kill(sig);
    };
    const signals = ['SIGINT', 'SIGTERM'];
    signals.forEach((sig) => process.on(sig, forward));
    const unforward = () => signals.forEach((sig) => process.off(sig, forward));
    child.on('error', (e) => {
      clearTimeout(timer);
      unforward();
      resolve({ reason: `its binary could not be run (${e.message})` });
    });
    child.on('exit', (code, signal) => {
      if (!early || interrupted) process.exit(code ?? (interrupted ? 130 : 1));
      clearTimeout(timer);
      unforward(); // the browser fallback must stop on Ctrl+C as usual
      if (code === 0) process.exit(0); // the user closed it quickly
      resolve({ reason: earlyExitReason(code, signal, stderr) });
    });
  });
}

async function serveInBrowser(reason, files) {
  console.log(fallbackSentence(reason));
  if (files.length > 0) console.log(`(The browser cannot be handed ${files.length === 1 ? 'that file' : 'those files'}: open ${files.length === 1 ? 'it' : 'them'} there with File → Open.)`);
  const { serve } = await import(pathToFileURL(path.join(root, 'renderer/serve.mjs')).href);
  serve({ open: true, path: browserPage(files) });
}

/** The page the browser fallback opens: the sample data when no files were given (as Electron does). */
export function browserPage(files) {
  return files.length === 0 ? '/?open=sample-data' : '/';
}

/**
 * Arguments for Electron: switches as given, file paths made absolute against `cwd` (npm runs
 * scripts in the package folder; INIT_CWD is where the user typed `npm start`).
 */
export function electronArgs(args, cwd) {
  return args.map((a) => (a.startsWith('-') ? a : path.resolve(cwd, a)));
}

export async function main(args) {
  const forwarded = electronArgs(args, process.env.INIT_CWD ?? process.cwd());
  const files = forwarded.filter((a) => !a.startsWith('-'));
  await ensureNodeSideBuilt();
  const { ensureRendererBuilt } = await import(pathToFileURL(path.join(root, 'renderer/serve.mjs')).href);
  ensureRendererBuilt();

  const electronDir = path.join(root, 'node_modules/electron');
  let binary = electronBinary(electronDir);
  let installReason = null;
  if (!binary) ({ binary, reason: installReason } = tryInstallElectron(electronDir));
  const plan = decideLaunch({ binary, installReason, platform: process.platform, env: process.env });
  if (plan.run === 'browser') return serveInBrowser(plan.reason, files);
  const outcome = await launchElectron(plan.binary, forwarded);
  if (outcome !== 'started') return serveInBrowser(outcome.reason, files);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
