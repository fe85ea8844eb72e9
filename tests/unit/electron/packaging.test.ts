// The packaged app, built for real with electron-builder (`--linux dir`, electron/builder.config.cjs)
// but with a stub Electron distribution — a fake `electron` executable carrying the fuse sentinel —
// so nothing is downloaded. Checks that app.asar holds main, preload and the renderer and nothing
// else (no node_modules, no dev dependencies, no sources, no source maps), that the fuses were
// flipped as configured, and the installer settings (targets, icon, workspace file association).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../paths.ts';

const require = createRequire(path.join(REPO, 'package.json'));
// @electron/asar comes with electron-builder (app-builder-lib depends on it).
const asar = require(require.resolve('@electron/asar', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] })) as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};
const config = require(path.join(REPO, 'electron/builder.config.cjs')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };

const work = path.join(REPO, '.scratch', 'packaging');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Fuse wire v1 order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocol.
const STUB_FUSES = '10110001'; // the opposite of what the config asks for in the first six
const WANT_FUSES = '01001101';

let appOut = '';
let archive = '';
let listing: string[] = [];

beforeAll(async () => {
  // What the app ships: main + preload (bundled now; fast) and the renderer build (reused when present).
  const { buildMain, buildPreload } = await import(pathToFileURL(path.join(REPO, 'electron/build.mjs')).href);
  await buildMain();
  await buildPreload();
  if (!existsSync(path.join(REPO, '.build/renderer/index.html'))) {
    const r = spawnSync(path.join(REPO, 'node_modules/.bin/vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the renderer did not build:\n${r.stderr}`);
  }
  rmSync(work, { recursive: true, force: true });
  const dist = path.join(work, 'electron-dist');
  mkdirSync(dist, { recursive: true });
  const exe = path.join(dist, 'electron');
  writeFileSync(exe, Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron"\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(STUB_FUSES)]));
  chmodSync(exe, 0o755);
  writeFileSync(path.join(dist, 'LICENSE'), 'stub');
  const out = path.join(work, 'out');
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules/electron-builder/cli.js'), '--config', 'electron/builder.config.cjs', '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${out}`], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ELECTRON_BUILDER_CACHE: path.join(work, 'cache') },
    timeout: 150_000,
  });
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  const unpacked = readdirSync(out).find((d) => /^linux(-\w+)?-unpacked$/.test(d));
  if (!unpacked) throw new Error(`no linux-unpacked folder in ${out}: ${readdirSync(out).join(', ')}`);
  appOut = path.join(out, unpacked);
  archive = path.join(appOut, 'resources', 'app.asar');
  listing = asar.listPackage(archive).map((p) => p.replaceAll('\\', '/'));
}, 180_000);

describe('the packaged app (electron-builder --linux dir)', () => {
  it('is one app.asar beside the executable, with no loose app folder', () => {
    expect(existsSync(archive)).toBe(true);
    expect(existsSync(path.join(appOut, 'resources', 'app'))).toBe(false);
    expect(existsSync(path.join(appOut, 'clonoscope'))).toBe(true);
  });

  it('holds main, preload and the renderer, and the package.json main points at main', () => {
    for (const f of ['/package.json', '/.build/main/index.cjs', '/.build/preload/index.cjs', '/.build/renderer/index.html']) expect(listing, f).toContain(f);
    expect(listing.some((f) => /^\/\.build\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string; devDependencies?: unknown; scripts?: unknown };
    expect(packaged.main).toBe('.build/main/index.cjs');
    expect(packaged.devDependencies).toBeUndefined();
    expect(packaged.scripts).toBeUndefined();
  });

  it('holds no node_modules at all — so no dev dependency (vitest, playwright, typescript, electron, …)', () => {
    expect(listing.filter((f) => f.includes('node_modules'))).toEqual([]);
    for (const dep of [...Object.keys(pkg.devDependencies), ...Object.keys(pkg.dependencies)]) {
      expect(listing.filter((f) => f.split('/').includes(dep)), dep).toEqual([]);
    }
  });

  it('holds no sources, tests, source maps, benchmarks or the command-line tool', () => {
    expect(listing.filter((f) => /\.(ts|map)$/.test(f) || /^\/(electron|renderer|shared|tests|bench|sample-data)\//.test(f) || /^\/\.build\/(cli|bench)/.test(f))).toEqual([]);
  });

  it('the preload is one CommonJS file that requires only electron (a sandboxed preload can require nothing else)', () => {
    const preload = asar.extractFile(archive, '.build/preload/index.cjs').toString();
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((r) => r[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('flips the fuses in the executable as configured (no RunAsNode, NODE_OPTIONS or --inspect; asar only, checked)', () => {
    const exe = readFileSync(path.join(appOut, 'clonoscope'));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    expect(exe[at]).toBe(1); // wire version
    expect(exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1')).toBe(WANT_FUSES);
  });
});

describe('installer settings', () => {
  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config).toMatchObject({ appId: 'org.clonoscope.app', productName: 'Clonoscope', asar: true });
  });

  it('sets every fuse the app relies on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('associates *.clonoscope.json workspaces with the app, as their editor', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'clonoscope.json', name: 'Clonoscope workspace', role: 'Editor' })]);
  });

  it('has a real 512 × 512 RGBA PNG icon in the build resources folder', () => {
    const icon = path.join(REPO, config.icon);
    expect(path.dirname(icon)).toBe(path.join(REPO, config.directories.buildResources));
    const png = readFileSync(icon);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });
});
