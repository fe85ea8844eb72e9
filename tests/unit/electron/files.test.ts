// electron/main/files.ts: grants, capped chunk reads, companions; files are only opened read-only.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open) };
});

import { MAX_CHUNK_BYTES } from '../../../shared/ipc.ts';
import { createFileGrants, isInside, newToken } from '../../../electron/main/files.ts';

let dir: string;
let cells: string;
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-files-'));
  mkdirSync(path.join(dir, 'outs'));
  mkdirSync(path.join(dir, 'spatial'));
  mkdirSync(path.join(dir, 'outs', 'raw'));
  cells = path.join(dir, 'outs', 'cells.csv');
  writeFileSync(cells, bytes);
  writeFileSync(path.join(dir, 'outs', 'scalefactors_json.json'), '{"tissue_hires_scalef": 0.1}');
  writeFileSync(path.join(dir, 'spatial', 'tissue_positions.csv'), 'barcode,x,y\n');
  writeFileSync(path.join(dir, 'secret.txt'), 'not yours');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: ArrayBuffer) => new TextDecoder().decode(b);

describe('tokens', () => {
  it('are 24 random base64url characters', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(Array.from({ length: 100 }, newToken)).size).toBe(100);
  });
});

describe('grant', () => {
  it('stats a regular file and returns its grant', async () => {
    const g = createFileGrants();
    const r = await g.grant(cells);
    expect(r).toMatchObject({ ok: true, value: { name: 'cells.csv', path: cells, size: 1000 } });
    if (!r.ok) return;
    expect(r.value.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(g.isGranted(r.value.token)).toBe(true);
    expect(g.isGranted(newToken())).toBe(false);
    // the same file keeps its token
    expect(await g.grant(cells)).toMatchObject({ ok: true, value: { token: r.value.token } });
  });

  it('refuses folders and missing files with a sentence', async () => {
    const g = createFileGrants();
    expect(await g.grant(dir)).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringMatching(/folder/) } });
    expect(await g.grant(path.join(dir, 'nope.csv'))).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringMatching(/not found/) } });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses a file it cannot read', async () => {
    const locked = path.join(dir, 'locked.csv');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    expect(await createFileGrants().grant(locked)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/permission/) } });
  });
});

describe('readChunk', () => {
  it('reads exact byte ranges, fewer at the end, none past it', async () => {
    const g = createFileGrants();
    const r = await g.grant(cells);
    if (!r.ok) throw new Error('grant failed');
    const t = r.value.token;
    const whole = await g.readChunk(t, 0, 1000);
    expect(whole.ok && new Uint8Array(whole.value)).toEqual(bytes);
    const mid = await g.readChunk(t, 250, 100);
    expect(mid.ok && new Uint8Array(mid.value)).toEqual(bytes.slice(250, 350));
    const tail = await g.readChunk(t, 990, 100);
    expect(tail.ok && tail.value.byteLength).toBe(10);
    expect(tail.ok && new Uint8Array(tail.value)).toEqual(bytes.slice(990));
    const past = await g.readChunk(t, 5000, 100);
    expect(past.ok && past.value.byteLength).toBe(0);
    const none = await g.readChunk(t, 0, 0);
    expect(none.ok && none.value.byteLength).toBe(0);
  });

  it('returns a plain ArrayBuffer holding only the chunk', async () => {
    const g = createFileGrants();
    const r = await g.grant(cells);
    if (!r.ok) throw new Error('grant failed');
    const c = await g.readChunk(r.value.token, 10, 20);
    expect(c.ok && c.value).toBeInstanceOf(ArrayBuffer);
    expect(c.ok && c.value.byteLength).toBe(20);
  });

  it('refuses tokens it never granted, and lengths over the cap or negative offsets', async () => {
    const g = createFileGrants();
    expect(await g.readChunk(newToken(), 0, 10)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const r = await g.grant(cells);
    if (!r.ok) throw new Error('grant failed');
    expect(await g.readChunk(r.value.token, 0, MAX_CHUNK_BYTES + 1)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await g.readChunk(r.value.token, -5, 10)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('reports a granted file that has since disappeared', async () => {
    const gone = path.join(dir, 'gone.csv');
    writeFileSync(gone, 'a,b\n');
    const g = createFileGrants();
    const r = await g.grant(gone);
    if (!r.ok) throw new Error('grant failed');
    rmSync(gone);
    expect(await g.readChunk(r.value.token, 0, 10)).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringMatching(/not found/) } });
  });

  it('opens files read-only and never changes them', async () => {
    const open = vi.mocked(fsp.open);
    open.mockClear();
    const before = statSync(cells);
    const g = createFileGrants();
    const r = await g.grant(cells);
    if (!r.ok) throw new Error('grant failed');
    for (let off = 0; off < 1000; off += 300) await g.readChunk(r.value.token, off, 300);
    await g.openCompanion(r.value.token, 'scalefactors_json.json');
    expect(open.mock.calls.length).toBeGreaterThan(3);
    for (const call of open.mock.calls) expect(call[1]).toBe('r');
    expect(readFileSync(cells)).toEqual(Buffer.from(bytes));
    expect(statSync(cells).mtimeMs).toBe(before.mtimeMs);
  });
});

describe('openCompanion', () => {
  async function grantedCells() {
    const g = createFileGrants();
    const r = await g.grant(cells);
    if (!r.ok) throw new Error('grant failed');
    return { g, token: r.value.token };
  }

  it('finds scalefactors_json.json beside the granted file and grants it', async () => {
    const { g, token } = await grantedCells();
    const r = await g.openCompanion(token, 'scalefactors_json.json');
    expect(r).toMatchObject({ ok: true, value: { name: 'scalefactors_json.json', path: path.join(dir, 'outs', 'scalefactors_json.json') } });
    if (!r.ok || !r.value) return;
    const c = await g.readChunk(r.value.token, 0, 100);
    expect(c.ok && text(c.value)).toContain('tissue_hires_scalef');
  });

  it('finds a file in a sibling folder', async () => {
    const { g, token } = await grantedCells();
    expect(await g.openCompanion(token, '../spatial/tissue_positions.csv')).toMatchObject({ ok: true, value: { name: 'tissue_positions.csv' } });
  });

  it('returns null when the companion is absent (or is a folder)', async () => {
    const { g, token } = await grantedCells();
    expect(await g.openCompanion(token, 'tissue_positions_list.csv')).toEqual({ ok: true, value: null });
    expect(await g.openCompanion(token, '../nowhere/x.csv')).toEqual({ ok: true, value: null });
    expect(await g.openCompanion(token, 'raw')).toEqual({ ok: true, value: null });
  });

  it('refuses paths outside the folder even if called directly', async () => {
    const { g, token } = await grantedCells();
    for (const bad of ['../../etc/passwd', '/etc/passwd', '../secret.txt/../../x', '..', '../..', 'a/../../b']) {
      expect(await g.openCompanion(token, bad), bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await g.openCompanion(newToken(), 'scalefactors_json.json')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('isInside', () => {
  it('is strict containment', () => {
    expect(isInside('/a', '/a/b')).toBe(true);
    expect(isInside('/a', '/a/..b')).toBe(true);
    expect(isInside('/a', '/a')).toBe(false);
    expect(isInside('/a', '/ab')).toBe(false);
    expect(isInside('/a', '/a/../b')).toBe(false);
    expect(isInside('/', '/x')).toBe(true);
  });
});
