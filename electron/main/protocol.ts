// The window's content is served from `app://clonoscope/` (a privileged standard + secure scheme)
// rather than file://, so it has a real origin, a strict CSP header, and cannot read arbitrary files.
// Only files inside the renderer build folder are served; anything else is a 404.

import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { mimeOf } from '../common/mime.mjs';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clonoscope';
/** Every page, script and IPC sender of ours starts with this. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_ORIGIN}index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');


export function mimeType(file: string): string {
  return mimeOf(file);
}

/** Must run before `app` is ready (Electron allows it once). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled stays unset: it would let other origins read our files.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The file inside `rootDir` that `url` names, or null when the URL is not ours or escapes the folder
 * (`..`, encoded `%2e%2e`, `%2f`, backslashes, NUL). `/` serves index.html.
 */
export function resolveAppUrl(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(root + path.sep) ? file : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', 'content-security-policy': CONTENT_SECURITY_POLICY } });
}

/** The response for one request to `app://clonoscope/…` (exported for tests). */
export async function serveAppRequest(rootDir: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
  const file = resolveAppUrl(rootDir, request.url);
  if (!file) return notFound();
  try {
    if (!(await stat(file)).isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeType(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  } catch {
    return notFound();
  }
}

/** Serves `rendererDir` (the Vite build) at app://clonoscope/. Call after `app` is ready. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
