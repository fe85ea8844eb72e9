// electron/main/workspaces.ts: reading and writing workspace text. A save interrupted midway — a
// write that fails after part of the data, or the process killed in the middle of writing —
// leaves the previous workspace intact and readable.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open) };
});

import { MAX_WORKSPACE_BYTES } from '../../../shared/ipc.ts';
import { createFileGrants } from '../../../electron/main/files.ts';
import { createWorkspaceRegistry, decodeWorkspace, isWorkspacePath, jsonStrings, workspaceTarget } from '../../../electron/main/workspaces.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const realFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

let dir: string;
let target: string;
const OLD = JSON.stringify({ version: 1, samples: [{ path: 'cells.csv' }] });
const NEW = JSON.stringify({ version: 1, samples: Array.from({ length: 20_000 }, (_, i) => ({ path: `cells-${i}.csv`, biopsies: [i, i + 1] })) });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-workspace-'));
  target = path.join(dir, 'tumour.clonoscope.json');
});
afterEach(() => {
  vi.mocked(fsp.open).mockReset().mockImplementation(realFs.open);
  rmSync(dir, { recursive: true, force: true });
});

describe('names and text', () => {
  it('recognises workspace files by their ending, in any case', () => {
    expect(isWorkspacePath('/d/Tumour 1.clonoscope.json')).toBe(true);
    expect(isWorkspacePath('C:\\d\\T.CLONOSCOPE.JSON')).toBe(true);
    expect(isWorkspacePath('/d/cells.json')).toBe(false);
    expect(isWorkspacePath('/d/clonoscope.json.csv')).toBe(false);
  });

  it('adds .clonoscope.json to a name chosen without a .json ending', () => {
    expect(workspaceTarget('/d/tumour')).toBe('/d/tumour.clonoscope.json');
    expect(workspaceTarget('/d/tumour.clonoscope.json')).toBe('/d/tumour.clonoscope.json');
    expect(workspaceTarget('/d/tumour.json')).toBe('/d/tumour.json');
  });

  it('collects every string value (not keys) of a JSON text; nothing from malformed text', () => {
    expect([...jsonStrings('{"a":"x","b":["y",{"c":"z","d":1}],"e":null}')].sort()).toEqual(['x', 'y', 'z']);
    expect(jsonStrings('{"a": "x", oops').size).toBe(0);
  });

  it('decodes UTF-8 and refuses bytes that are not text', () => {
    expect(decodeWorkspace(new TextEncoder().encode('{"µm":"é"}'))).toBe('{"µm":"é"}');
    expect(decodeWorkspace(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(decodeWorkspace(new Uint8Array([0x7b, 0x00, 0x7d]))).toBeNull();
  });
});

describe('read', () => {
  it('refuses a workspace over the size cap without reading it', async () => {
    writeFileSync(target, '');
    truncateSync(target, MAX_WORKSPACE_BYTES + 1); // sparse: no 64 MiB written
    expect(await createWorkspaceRegistry(createFileGrants()).read(target)).toMatchObject({ ok: false, error: { code: 'file-too-large', file: target } });
  });

  it('registers what it read, by absolute path', async () => {
    writeFileSync(target, OLD);
    const reg = createWorkspaceRegistry(createFileGrants());
    expect(reg.has(target)).toBe(false);
    expect(await reg.read(path.relative(process.cwd(), target))).toEqual({ ok: true, value: { path: target, text: OLD } });
    expect(reg.has(target)).toBe(true);
  });
});

describe('write (atomic)', () => {
  it('writes the text and registers the path', async () => {
    const reg = createWorkspaceRegistry(createFileGrants());
    expect(await reg.write(target, NEW)).toEqual({ ok: true, value: target });
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(reg.has(target)).toBe(true);
    expect(readdirSync(dir)).toEqual(['tumour.clonoscope.json']);
  });

  it('a write that fails after part of the data leaves the old workspace intact, and no temporary file', async () => {
    writeFileSync(target, OLD);
    let partial = '';
    vi.mocked(fsp.open).mockImplementationOnce(async (...args: Parameters<typeof realFs.open>) => {
      const handle = await realFs.open(...args);
      Object.assign(handle, {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, data.length >> 1));
          partial = readFileSync(String(args[0]), 'utf8');
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
      return handle;
    });
    const r = await createWorkspaceRegistry(createFileGrants()).write(target, NEW);
    expect(r).toMatchObject({ ok: false, error: { code: 'file-unwritable', message: `${target} could not be saved: the disk is full.` } });
    expect(partial.length).toBe(Buffer.byteLength(NEW) >> 1); // half of it did reach the disk — in the temporary file
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(JSON.parse(OLD));
    expect(readdirSync(dir)).toEqual(['tumour.clonoscope.json']);
  });

  it('refuses text over the size cap before writing anything', async () => {
    writeFileSync(target, OLD);
    const big = 'é'.repeat(MAX_WORKSPACE_BYTES / 2 + 1); // fewer UTF-16 units than the cap, more bytes
    expect(await createWorkspaceRegistry(createFileGrants()).write(target, big)).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('a process killed in the middle of writing leaves the old workspace intact and readable', async () => {
    writeFileSync(target, OLD);
    // A child process saves with the real code; its write stops after half the bytes (flushed to
    // disk), says so, and waits — then we kill it with SIGKILL, as a crash or power cut would.
    const out = path.join(dir, 'child');
    mkdirSync(out);
    await build({
      stdin: {
        resolveDir: here,
        sourcefile: 'killed-save.ts',
        contents: `
          import { open } from 'node:fs/promises';
          import { createFileGrants } from '../../../electron/main/files.ts';
          import { createWorkspaceRegistry } from '../../../electron/main/workspaces.ts';
          const [target, textFile] = process.argv.slice(2);
          const probe = await open(process.execPath, 'r');
          const FileHandle = Object.getPrototypeOf(probe);
          await probe.close();
          FileHandle.writeFile = async function (data) {
            await this.write(data.subarray(0, data.length >> 1));
            await this.sync();
            process.stdout.write('half-written\\n');
            await new Promise(() => undefined); // never finishes: killed here
          };
          const { readFile } = await import('node:fs/promises');
          await createWorkspaceRegistry(createFileGrants()).write(target, await readFile(textFile, 'utf8'));
        `,
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: path.join(out, 'killed-save.mjs'),
      logLevel: 'silent',
    });
    writeFileSync(path.join(out, 'new.json'), NEW);
    const child = spawn(process.execPath, [path.join(out, 'killed-save.mjs'), target, path.join(out, 'new.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('half-written') && resolve());
      child.on('exit', (code) => reject(new Error(`the child exited (${code}) before writing`)));
    });
    const temp = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(temp).toHaveLength(1);
    expect(readFileSync(path.join(dir, temp[0]!)).length).toBe(Buffer.byteLength(NEW) >> 1);
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(await createWorkspaceRegistry(createFileGrants()).read(target)).toEqual({ ok: true, value: { path: target, text: OLD } });
  });
});
