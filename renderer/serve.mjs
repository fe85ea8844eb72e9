#!/usr/bin/env node
// `npm run web`: serves the browser build of the renderer at http://127.0.0.1:${PORT:-5173}/.
// Builds it first when the build is missing or older than the sources (renderer/, shared/ and
// sample-data/, which the build copies). `--open` also opens a browser when one is available.
// Read-only static server: no directory listing, no path escape. electron/start.mjs imports
// `ensureRendererBuilt` and `serve(options)`.

import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mimeOf } from '../electron/common/mime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, '.build/renderer');
const port = Number(process.env.PORT ?? 5173);


function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureRendererBuilt() {
  const index = path.join(dist, 'index.html');
  const sources = ['renderer', 'shared', 'sample-data'].map((d) => newest(path.join(root, d)));
  const stale = !existsSync(index) || Math.max(...sources) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('Building the renderer…');
  const vite = path.join(root, 'node_modules/.bin/vite');
  const r = spawnSync(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The renderer build failed (see above).');
    process.exit(1);
  }
}

/**
 * Serves the build. `open`: also open a browser; `path`: what the printed and opened address ends
 * with (default '/', e.g. '/?open=sample-data').
 */
export function serve({ open = false, path: page = '/' } = {}) {
  if (!page.startsWith('/')) throw new Error(`serve: path must start with '/' (got "${page}")`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = '\0'; // malformed percent-encoding: answered 404 below
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dist, `.${rel}`);
    if (rel.includes('\0') || !file.startsWith(dist + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': mimeOf(file),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });
  server.on('error', (e) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another port (PORT=5180 npm run web).` : `Cannot serve: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = `http://127.0.0.1:${port}${page}`;
    console.log(`Clonoscope is served at ${address} (Ctrl+C to stop).`);
    if (open) openBrowser(address);
  });
  return server;
}

function openBrowser(address) {
  const candidates = process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['explorer'] : ['xdg-open', 'chromium', 'google-chrome', 'firefox'];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No display found: open the address above in a browser.');
    return;
  }
  for (const cmd of candidates) {
    const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd]).status === 0;
    if (!found) continue;
    spawn(cmd, [address], { detached: true, stdio: 'ignore' }).unref();
    return;
  }
  console.log('No browser found to open: open the address above in one.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureRendererBuilt();
  serve({ open: process.argv.slice(2).includes('--open') });
}
