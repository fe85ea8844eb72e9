// electron/start.mjs (`npm start`): finding Electron, and the one sentence printed when it falls
// back to the browser build.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  browserPage,
  decideLaunch,
  displayProblem,
  earlyExitReason,
  electronArgs,
  electronBinary,
  electronEnv,
  fallbackSentence,
  installFailureReason,
  isStale,
  newestSource,
} from '../../../electron/start.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OFFLINE_INSTALL_OUTPUT = `RequestError: getaddrinfo ENOTFOUND github.com
    at ClientRequest.<anonymous> (/work/main/node_modules/got/dist/source/core/index.js:970:111)`;

describe('electronBinary', () => {
  it('is null when node_modules/electron has no path.txt (install script never ran)', () => {
    expect(electronBinary(dir, {})).toBeNull();
  });

  it('is null when path.txt names a binary that is not in dist/', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir, {})).toBeNull();
  });

  it('finds dist/<path.txt>, or the override dist folder', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
    const other = path.join(dir, 'other');
    mkdirSync(other);
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: other })).toBeNull();
    writeFileSync(path.join(other, 'electron'), '');
    expect(electronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: other })).toBe(path.join(other, 'electron'));
  });

  it('uses the platform default name in an override folder when path.txt is absent', () => {
    const other = path.join(dir, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'electron.exe'), '');
    expect(electronBinary(path.join(dir, 'none'), { ELECTRON_OVERRIDE_DIST_PATH: other }, 'win32')).toBe(path.join(other, 'electron.exe'));
    expect(electronBinary(path.join(dir, 'none'), { ELECTRON_OVERRIDE_DIST_PATH: other }, 'linux')).toBeNull();
  });
});

describe('why Electron could not be obtained or started', () => {
  it('recognises an offline download', () => {
    expect(installFailureReason(OFFLINE_INSTALL_OUTPUT, false)).toBe('its binary is not installed and could not be downloaded (no internet access)');
    expect(installFailureReason('', true)).toMatch(/did not finish within 60 s/);
    expect(installFailureReason("Error: EACCES: permission denied, mkdir '/usr/lib/node_modules/electron/dist'", false)).toMatch(/not writable/);
    expect(installFailureReason('something else', false)).toBe('its binary is not installed and could not be downloaded');
  });

  it('recognises missing libraries, no display, root without --no-sandbox', () => {
    expect(earlyExitReason(127, null, '/x/electron: error while loading shared libraries: libnss3.so: cannot open shared object file')).toBe('a system library it needs is missing (libnss3.so)');
    expect(earlyExitReason(1, null, '[123:456:ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY')).toBe('it could not connect to a graphical display');
    expect(earlyExitReason(1, null, '[1:2:FATAL:electron_main_delegate.cc(1)] Running as root without --no-sandbox is not supported.')).toMatch(/as root/);
    expect(earlyExitReason(null, 'SIGSEGV', '')).toBe('it was stopped by SIGSEGV');
    expect(earlyExitReason(3, null, '[9:9:ERROR:x.cc] noise\nError: Cannot find module main.cjs\n')).toBe('it exited with code 3 (Error: Cannot find module main.cjs)');
  });

  it('needs a display on Linux only', () => {
    expect(displayProblem('linux', {})).toMatch(/no graphical display/);
    expect(displayProblem('linux', { DISPLAY: ':99' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });

  it('says it in one sentence', () => {
    const s = fallbackSentence(installFailureReason(OFFLINE_INSTALL_OUTPUT, false));
    expect(s).toBe('Electron could not be started: its binary is not installed and could not be downloaded (no internet access); opening Clonoscope in your browser instead.');
    expect(s.split(/[.;] /).length).toBeLessThanOrEqual(2);
    expect(s).not.toContain('\n');
  });
});

describe('decideLaunch', () => {
  it('falls back to the browser when the binary is missing, with the download reason', () => {
    expect(decideLaunch({ binary: null, installReason: 'why', platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ run: 'browser', reason: 'why' });
    expect(decideLaunch({ binary: null, installReason: null, platform: 'darwin', env: {} })).toEqual({ run: 'browser', reason: 'its binary is not installed' });
  });

  it('falls back when there is no display, else runs Electron', () => {
    expect(decideLaunch({ binary: '/e', installReason: null, platform: 'linux', env: {} })).toMatchObject({ run: 'browser', reason: expect.stringMatching(/display/) });
    expect(decideLaunch({ binary: '/e', installReason: null, platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ run: 'electron', binary: '/e' });
  });
});

describe('arguments and environment for Electron', () => {
  it('forwards switches and makes file paths absolute against where the user ran npm start', () => {
    const cwd = path.resolve('/home/lab/project');
    expect(electronArgs(['cells.csv', '--enable-logging', '/abs/x.tsv'], cwd)).toEqual([path.join(cwd, 'cells.csv'), '--enable-logging', path.resolve('/abs/x.tsv')]);
  });

  it('drops ELECTRON_RUN_AS_NODE', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

describe('browser fallback page', () => {
  it('opens the sample data when no files were given, else the plain page', () => {
    expect(browserPage([])).toBe('/?open=sample-data');
    expect(browserPage(['/data/cells.csv'])).toBe('/');
  });
});

describe('staleness', () => {
  it('compares the newest .ts source with the bundle', () => {
    const src = path.join(dir, 'src');
    mkdirSync(src);
    writeFileSync(path.join(src, 'a.ts'), '');
    writeFileSync(path.join(src, 'notes.md'), '');
    utimesSync(path.join(src, 'a.ts'), 2000, 2000);
    utimesSync(path.join(src, 'notes.md'), 9000, 9000);
    expect(newestSource([src, path.join(dir, 'absent')])).toBe(2_000_000);
    const out = path.join(dir, 'out.cjs');
    expect(isStale(out, 0)).toBe(true);
    writeFileSync(out, '');
    utimesSync(out, 1000, 1000);
    expect(isStale(out, 2_000_000)).toBe(true);
    utimesSync(out, 3000, 3000);
    expect(isStale(out, 2_000_000)).toBe(false);
  });
});
