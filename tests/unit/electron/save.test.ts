// electron/main/save.ts: a save replaces the file completely or not at all, and leaves no temp file.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open), rename: vi.fn(real.rename) };
});

import { atomicWrite, describeWriteError, tempPathFor } from '../../../electron/main/save.ts';

const realFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const isRoot = process.getuid?.() === 0;

let dir: string;
let target: string;
const OLD = 'cell_id,x,y\n1,0,0\n';
const NEW = new TextEncoder().encode('clone,fraction\nA,0.25\nB,0.75\n'.repeat(1000));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-save-'));
  target = path.join(dir, 'composition.csv');
});
afterEach(() => {
  vi.mocked(fsp.open).mockReset().mockImplementation(realFs.open);
  vi.mocked(fsp.rename).mockReset().mockImplementation(realFs.rename);
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const fsError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });
const onlyTarget = () => expect(readdirSync(dir)).toEqual(['composition.csv']);

describe('atomicWrite', () => {
  it('writes a new file and returns its path', async () => {
    expect(await atomicWrite(target, NEW.buffer)).toEqual({ ok: true, value: target });
    expect(readFileSync(target)).toEqual(Buffer.from(NEW));
    onlyTarget();
  });

  it('replaces an existing file, keeping its permissions', async () => {
    writeFileSync(target, OLD, { mode: 0o640 });
    chmodSync(target, 0o640);
    expect(await atomicWrite(target, NEW)).toMatchObject({ ok: true });
    expect(readFileSync(target)).toEqual(Buffer.from(NEW));
    expect(statSync(target).mode & 0o777).toBe(0o640);
    onlyTarget();
  });

  it('writes a zero-byte file', async () => {
    expect(await atomicWrite(target, new ArrayBuffer(0))).toMatchObject({ ok: true });
    expect(statSync(target).size).toBe(0);
  });

  it('writes into a hidden temporary file beside the target, then renames it', async () => {
    const tmp = tempPathFor(target);
    expect(path.dirname(tmp)).toBe(dir);
    expect(path.basename(tmp)).toMatch(/^\.composition\.csv\.[0-9a-f]{12}\.tmp$/);
    expect(tempPathFor(target)).not.toBe(tmp);
    expect(Buffer.byteLength(path.basename(tempPathFor(path.join(dir, `${'é'.repeat(120)}.csv`))))).toBeLessThanOrEqual(255);
    expect(path.basename(tempPathFor(path.join(dir, `${'a'.repeat(251)}.png`))).length).toBeLessThanOrEqual(255);
  });

  it('leaves the old file intact and no temporary file when the write is interrupted midway (disk full)', async () => {
    writeFileSync(target, OLD);
    let during: string[] = [];
    vi.mocked(fsp.open).mockImplementationOnce(async (...args: Parameters<typeof realFs.open>) => {
      const handle = await realFs.open(...args);
      Object.assign(handle, {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, data.length >> 1)); // half the bytes reach the disk…
          during = readdirSync(dir);
          expect(readFileSync(target, 'utf8')).toBe(OLD); // …of the temporary file only
          throw fsError('ENOSPC', 'no space left on device, write');
        },
      });
      return handle;
    });
    const r = await atomicWrite(target, NEW);
    expect(during).toHaveLength(2);
    expect(r).toEqual({ ok: false, error: { code: 'file-unwritable', message: `${target} could not be saved: the disk is full.`, file: target } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    onlyTarget();
  });

  it('leaves the old file intact and no temporary file when the rename fails', async () => {
    writeFileSync(target, OLD);
    vi.mocked(fsp.rename).mockRejectedValueOnce(fsError('EBUSY', 'resource busy or locked, rename'));
    const r = await atomicWrite(target, NEW);
    expect(r).toMatchObject({ ok: false, error: { code: 'file-unwritable', message: `${target} could not be saved: the file is locked by another program.` } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    onlyTarget();
  });

  it('leaves no temporary file when flushing to disk fails', async () => {
    vi.mocked(fsp.open).mockImplementationOnce(async (...args: Parameters<typeof realFs.open>) => {
      const handle = await realFs.open(...args);
      Object.assign(handle, { sync: async () => Promise.reject(fsError('EIO', 'i/o error, fsync')) });
      return handle;
    });
    expect(await atomicWrite(target, NEW)).toMatchObject({ ok: false, error: { message: `${target} could not be saved: the disk reported a read/write error.` } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explains a missing folder and a folder in the way', async () => {
    const gone = path.join(dir, 'gone', 'a.csv');
    expect(await atomicWrite(gone, NEW)).toMatchObject({ ok: false, error: { code: 'file-unwritable', message: `${gone} could not be saved: its folder no longer exists.` } });
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'x');
    expect(await atomicWrite(target, NEW)).toMatchObject({ ok: false, error: { message: `${target} could not be saved: a folder of that name is in the way.` } });
    onlyTarget();
  });

  it('explains a refused permission', async () => {
    writeFileSync(target, OLD);
    vi.mocked(fsp.open).mockRejectedValueOnce(fsError('EACCES', 'permission denied, open'));
    expect(await atomicWrite(target, NEW)).toMatchObject({ ok: false, error: { code: 'file-unwritable', message: `${target} could not be saved: you do not have permission to write there (or the file is open in another program).` } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    onlyTarget();
  });

  it.skipIf(isRoot)('explains a folder the user may not write to (a real read-only folder)', async () => {
    writeFileSync(target, OLD);
    chmodSync(dir, 0o555);
    const r = await atomicWrite(target, NEW);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be saved: you do not have permission to write there/) } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    onlyTarget();
  });

  it('writes through a symbolic link to the real file', async () => {
    const real = path.join(dir, 'real.csv');
    writeFileSync(real, OLD);
    const link = path.join(dir, 'link.csv');
    symlinkSync(real, link);
    expect(await atomicWrite(link, NEW)).toEqual({ ok: true, value: real });
    expect(readFileSync(real)).toEqual(Buffer.from(NEW));
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });
});

describe('describeWriteError', () => {
  it.each([
    ['EACCES', 'you do not have permission to write there (or the file is open in another program)'],
    ['EPERM', 'you do not have permission to write there (or the file is open in another program)'],
    ['EROFS', 'the disk is read-only'],
    ['EDQUOT', 'your disk quota is used up'],
    ['ENAMETOOLONG', 'the name is too long'],
  ])('%s', (code, why) => {
    expect(describeWriteError('/d/a.csv', fsError(code, 'x'))).toBe(`/d/a.csv could not be saved: ${why}.`);
  });

  it('names the file and quotes anything unexpected', () => {
    expect(describeWriteError('/d/a.csv', new Error('odd'))).toBe('/d/a.csv could not be saved (odd).');
  });
});
