// Builds the figure-export harness (bench/export/harness.ts → one ES module, esbuild) and serves it
// on 127.0.0.1 (a secure context: the clipboard works there). Used by bench/export-run.mjs.

import { build } from 'esbuild';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const HARNESS_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title></head><body><script type="module" src="./harness.js"></script></body></html>';

/** The harness bundle as text. jsPDF's optional html() helpers (html2canvas, DOMPurify, canvg) are left out. */
export async function buildHarness() {
  const r = await build({
    entryPoints: [path.join(here, 'harness.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    minify: false,
    external: ['html2canvas', 'dompurify', 'canvg'],
    logLevel: 'warning',
  });
  return r.outputFiles[0].text;
}

/** Serves index.html and harness.js from memory; resolves to the server (port in server.address()). */
export async function serveHarness(js) {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/' || p === '/index.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HARNESS_HTML);
    if (p === '/harness.js') return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(js);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
