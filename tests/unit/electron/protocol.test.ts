// electron/main/protocol.ts: app://clonoscope/ serves the renderer build only, with the CSP header.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({ schemes: [] as unknown[], handlers: new Map<string, (r: { url: string; method: string }) => Promise<Response>>() }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => registered.schemes.push(...s),
    handle: (scheme: string, h: never) => registered.handlers.set(scheme, h),
  },
}));

import { CONTENT_SECURITY_POLICY, handleAppProtocol, registerAppScheme, resolveAppUrl, serveAppRequest } from '../../../electron/main/protocol.ts';

let root: string;
let dist: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'clonoscope-protocol-'));
  dist = path.join(root, 'renderer');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Clonoscope</title>');
  writeFileSync(path.join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string) => serveAppRequest(dist, { url, method: 'GET' });

describe('app scheme', () => {
  it('is registered standard + secure, without bypassing CSP or enabling CORS', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const p = (registered.schemes[0] as { privileges: Record<string, unknown> }).privileges;
    expect(p.bypassCSP).toBeFalsy();
    expect(p.corsEnabled).toBeFalsy();
  });

  it('serves index.html and assets with the CSP header and MIME types', async () => {
    handleAppProtocol(dist);
    const handler = registered.handlers.get('app')!;
    const index = await handler({ url: 'app://clonoscope/', method: 'GET' });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Clonoscope</title>');
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const js = await get('app://clonoscope/assets/main-abc.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('has the strict CSP the design asks for', () => {
    for (const d of ["default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'", "connect-src 'self'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(d);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it.each([
    'app://clonoscope/../secret.txt',
    'app://clonoscope/%2e%2e/secret.txt',
    'app://clonoscope/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://clonoscope/..%5csecret.txt',
    'app://clonoscope/%00index.html',
    'app://clonoscope/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://clonoscope/missing.js',
    'app://clonoscope/assets',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('outside');
  });

  it('resolves only inside the folder', () => {
    expect(resolveAppUrl(dist, 'app://clonoscope/assets/main-abc.js')).toBe(path.join(dist, 'assets', 'main-abc.js'));
    // the URL parser folds encoded dot segments, so they cannot climb out either
    expect(resolveAppUrl(dist, 'app://clonoscope/%2e%2e/secret.txt')).toBe(path.join(dist, 'secret.txt'));
    expect(resolveAppUrl(dist, 'app://clonoscope/a%2f..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppUrl(dist, 'app://clonoscope/%00')).toBeNull();
    expect(resolveAppUrl(dist, 'not a url')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest(dist, { url: 'app://clonoscope/index.html', method: 'POST' })).status).toBe(405);
  });
});
