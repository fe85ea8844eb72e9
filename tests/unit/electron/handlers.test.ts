// electron/main/handlers.ts wired to real grants and a real recent list over temp files,
// reached through registerIpc as the window would reach it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

import type { GrantedFile, OpenPurpose } from '../../../shared/ipc.ts';
import { createFileGrants } from '../../../electron/main/files.ts';
import { grantPaths } from '../../../electron/main/handlers.ts';
import { createRecentList } from '../../../electron/main/recent.ts';
import { ipcOver, realDeps, TRUSTED } from './fakes.ts';

let dir: string;
const file = (name: string, content = 'cell_id,x,y\n1,0,0\n') => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

function setup(chosen: string[] = [], saveTo: string | null = null) {
  const deps = realDeps(dir, { chooseFiles: vi.fn(async (_p: OpenPurpose) => chosen), chooseSavePath: vi.fn(async (_name: string) => saveTo) });
  return { ...deps, ipc: ipcOver(deps) };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-handlers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('handlers', () => {
  it('openFileDialog grants the chosen files and remembers cell tables', async () => {
    const a = file('a.csv');
    const { ipc, recent, chooseFiles } = setup([a]);
    const r = (await ipc.call('openFileDialog', TRUSTED, 'cells')) as { ok: true; value: GrantedFile[] };
    expect(r.ok).toBe(true);
    expect(r.value.map((f) => f.path)).toEqual([a]);
    expect(chooseFiles).toHaveBeenCalledWith('cells');
    expect(await recent.has(a)).toBe(true);
    const chunk = (await ipc.call('readFileChunk', TRUSTED, r.value[0]!.token, 0, 7)) as { ok: true; value: ArrayBuffer };
    expect(new TextDecoder().decode(chunk.value)).toBe('cell_id');
  });

  it('openFileDialog answers [] when cancelled', async () => {
    expect(await setup([]).ipc.call('openFileDialog', TRUSTED, 'annotation')).toEqual({ ok: true, value: [] });
  });

  it('grantDroppedFile grants a dropped file and refuses a folder', async () => {
    const { ipc } = setup();
    expect(await ipc.call('grantDroppedFile', TRUSTED, file('d.tsv'))).toMatchObject({ ok: true, value: { name: 'd.tsv' } });
    expect(await ipc.call('grantDroppedFile', TRUSTED, dir)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
  });

  it('openRecent accepts only paths on the list', async () => {
    const a = file('a.csv');
    const { ipc, recent } = setup();
    expect(await ipc.call('openRecent', TRUSTED, a)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ipc.call('openRecent', TRUSTED, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await recent.add(a);
    expect(await ipc.call('openRecent', TRUSTED, a)).toMatchObject({ ok: true, value: { path: a } });
  });

  it('openRecent of a file that has gone says so and drops it from the list', async () => {
    const a = file('a.csv');
    const { ipc, recent } = setup();
    await recent.add(a);
    rmSync(a);
    expect(await ipc.call('openRecent', TRUSTED, a)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    expect(await recent.has(a)).toBe(false);
  });

  it('listRecent, clearRecent and appInfo', async () => {
    const a = file('a.csv');
    const { ipc, recent } = setup();
    await recent.add(a);
    expect(await ipc.call('listRecent', TRUSTED)).toEqual([expect.objectContaining({ path: a, name: 'a.csv' })]);
    await ipc.call('clearRecent', TRUSTED);
    expect(await ipc.call('listRecent', TRUSTED)).toEqual([]);
    expect(await ipc.call('appInfo', TRUSTED)).toMatchObject({ name: 'Clonoscope' });
  });

  it('saveFile asks where, writes the bytes there and answers the path', async () => {
    const to = path.join(dir, 'figure.svg');
    const { ipc, chooseSavePath, recent } = setup([], to);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await ipc.call('saveFile', TRUSTED, 'section.svg', svg.buffer)).toEqual({ ok: true, value: to });
    expect(chooseSavePath).toHaveBeenCalledWith('section.svg');
    expect(readFileSync(to, 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await recent.list()).toEqual([]); // saved files are not opened files
  });

  it('saveFile remembers what it wrote, so revealFile may show it', async () => {
    const to = path.join(dir, 'figure.png');
    const { ipc, written } = setup([], to);
    await ipc.call('saveFile', TRUSTED, 'figure.png', new ArrayBuffer(3));
    expect([...written]).toEqual([to]);
  });

  it('saveFile answers null and writes nothing when the dialog is cancelled', async () => {
    const { ipc } = setup([], null);
    expect(await ipc.call('saveFile', TRUSTED, 'section.png', new ArrayBuffer(3))).toEqual({ ok: true, value: null });
    expect(readdirSync(dir).filter((f) => f !== 'userData')).toEqual([]);
  });

  it('saveFile explains a write that failed', async () => {
    const to = path.join(dir, 'gone', 'composition.csv');
    const { ipc } = setup([], to);
    expect(await ipc.call('saveFile', TRUSTED, 'composition.csv', new ArrayBuffer(3))).toEqual({
      ok: false,
      error: { code: 'file-unwritable', message: `${to} could not be saved: its folder no longer exists.`, file: to },
    });
  });

  it('saveFile refuses a suggested name with a folder before asking anything', async () => {
    const { ipc, chooseSavePath } = setup([], path.join(dir, 'x.png'));
    expect(await ipc.call('saveFile', TRUSTED, '../x.png', new ArrayBuffer(3))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(chooseSavePath).not.toHaveBeenCalled();
  });

  it('grantPaths grants what it can and explains the rest', async () => {
    const a = file('a.csv');
    const grants = createFileGrants();
    const recent = createRecentList({ file: path.join(dir, 'userData', 'recent.json') });
    const r = await grantPaths(grants, recent, [a, path.join(dir, 'missing.csv')]);
    expect(r.files.map((f) => f.path)).toEqual([a]);
    expect(r.problems).toEqual([expect.stringMatching(/missing\.csv was not found/)]);
    expect(await recent.has(a)).toBe(true);
  });
});
