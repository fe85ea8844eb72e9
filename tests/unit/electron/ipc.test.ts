// electron/main/ipc.ts: every call is sender-checked and validated before its handler runs.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

import { ok } from '../../../shared/errors.ts';
import { INVOKE_CHANNELS, MAX_CHUNK_BYTES, MAX_WORKSPACE_BYTES, wireChannel, type MainHandlers } from '../../../shared/ipc.ts';
import { isTrustedSender, registerIpc, sendEvent } from '../../../electron/main/ipc.ts';
import { fakeIpcMain, spyHandlers, TRUSTED } from './fakes.ts';

const GRANTED = 'g'.repeat(24);
const NEVER_GRANTED = 'n'.repeat(24);

function setup() {
  const ipc = fakeIpcMain();
  const handlers = spyHandlers();
  const log = vi.fn();
  const unregister = registerIpc(ipc, handlers, { isGranted: (t) => t === GRANTED, log });
  return { ipc, handlers, log, unregister };
}

function expectRefused(r: unknown) {
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
}

function noHandlerCalled(handlers: ReturnType<typeof spyHandlers>) {
  for (const name of INVOKE_CHANNELS) expect(handlers[name], name).not.toHaveBeenCalled();
}

describe('registerIpc', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it('registers exactly one handler per channel, under the wire name', () => {
    expect([...s.ipc.handlers.keys()].sort()).toEqual(INVOKE_CHANNELS.map(wireChannel).sort());
    s.unregister();
    expect(s.ipc.handlers.size).toBe(0);
  });

  it('passes valid calls through to the handler', async () => {
    expect(await s.ipc.call('readFileChunk', TRUSTED, GRANTED, 0, 1024)).toMatchObject({ ok: true });
    expect(s.handlers.readFileChunk).toHaveBeenCalledWith(GRANTED, 0, 1024);
    expect(await s.ipc.call('openCompanion', TRUSTED, GRANTED, 'scalefactors_json.json')).toMatchObject({ ok: true });
    expect(await s.ipc.call('openCompanion', TRUSTED, GRANTED, '../spatial/scalefactors_json.json')).toMatchObject({ ok: true });
    expect(await s.ipc.call('appInfo', TRUSTED)).toMatchObject({ name: 'Clonoscope' });
    expect(await s.ipc.call('openFileDialog', TRUSTED, 'annotation')).toMatchObject({ ok: true });
    const png = new ArrayBuffer(8);
    expect(await s.ipc.call('saveFile', TRUSTED, 'section 1.png', png)).toMatchObject({ ok: true });
    expect(s.handlers.saveFile).toHaveBeenCalledWith('section 1.png', png);
  });

  it('passes valid calls on the workspace, recovery and appearance channels through', async () => {
    const ws = '/data/tumour 1.clonoscope.json';
    const calls: [(typeof INVOKE_CHANNELS)[number], unknown[]][] = [
      ['revealFile', ['/home/lab/Documents/figure.png']],
      ['openWorkspace', []],
      ['openDroppedWorkspace', [ws]],
      ['openRecentWorkspace', [ws]],
      ['saveWorkspace', ['tumour 1.clonoscope.json', '{"version":1}', null, false]],
      ['saveWorkspace', ['tumour 1.clonoscope.json', '{"version":1}', ws, true]],
      ['grantRelative', [ws, '../data/cells.csv.gz']],
      ['relinkFile', ['cells.csv.gz']],
      ['autosave', ['{"version":1}']],
      ['clearAutosave', []],
      ['takeRecovery', []],
      ['setDirty', [true]],
      ['closeAfterSave', [false]],
      ['osTheme', []],
      ['renderingInfo', []],
    ];
    for (const [name, args] of calls) {
      await s.ipc.call(name, TRUSTED, ...args);
      expect(s.handlers[name], name).toHaveBeenLastCalledWith(...args);
    }
    expect(s.log).not.toHaveBeenCalled();
  });

  const malicious: [string, (typeof INVOKE_CHANNELS)[number], unknown[]][] = [
    ['wrong purpose', 'openFileDialog', ['exe']],
    ['purpose of the wrong type', 'openFileDialog', [{ toString: () => 'cells' }]],
    ['an extra argument', 'openFileDialog', ['cells', 'more']],
    ['no arguments', 'readFileChunk', []],
    ['a token that is a path', 'readFileChunk', ['/etc/passwd', 0, 10]],
    ['a token of the wrong type', 'readFileChunk', [123456789012345678, 0, 10]],
    ['a negative offset', 'readFileChunk', [GRANTED, -1, 10]],
    ['a fractional offset', 'readFileChunk', [GRANTED, 0.5, 10]],
    ['an offset given as a string', 'readFileChunk', [GRANTED, '0', 10]],
    ['NaN length', 'readFileChunk', [GRANTED, 0, Number.NaN]],
    ['an oversized chunk', 'readFileChunk', [GRANTED, 0, MAX_CHUNK_BYTES + 1]],
    ['an infinite chunk', 'readFileChunk', [GRANTED, 0, Number.POSITIVE_INFINITY]],
    ['a fourth argument', 'readFileChunk', [GRANTED, 0, 10, 'w']],
    ['a token that was never granted', 'readFileChunk', [NEVER_GRANTED, 0, 10]],
    ['companion path traversal', 'openCompanion', [GRANTED, '../../etc/passwd']],
    ['deep companion path traversal', 'openCompanion', [GRANTED, '../../../../../../etc/shadow']],
    ['an absolute companion path', 'openCompanion', [GRANTED, '/etc/passwd']],
    ['a Windows absolute companion path', 'openCompanion', [GRANTED, 'C:\\Windows\\win.ini']],
    ['a backslash traversal', 'openCompanion', [GRANTED, '..\\..\\secret']],
    ['a companion ending in ..', 'openCompanion', [GRANTED, '../x/..']],
    ['a companion ..', 'openCompanion', [GRANTED, '..']],
    ['a companion with a NUL', 'openCompanion', [GRANTED, 'a\0b']],
    ['a companion of a never-granted token', 'openCompanion', [NEVER_GRANTED, 'scalefactors_json.json']],
    ['an empty dropped path', 'grantDroppedFile', ['']],
    ['a dropped path with a NUL', 'grantDroppedFile', ['/tmp/a\0b']],
    ['a dropped path that is an object', 'grantDroppedFile', [{ path: '/etc/passwd' }]],
    ['a huge dropped path', 'grantDroppedFile', ['/'.repeat(5000)]],
    ['a recent path that is a number', 'openRecent', [42]],
    ['a suggested name with a folder', 'saveFile', ['figures/a.png', new ArrayBuffer(1)]],
    ['a suggested name that climbs out', 'saveFile', ['../../.bashrc', new ArrayBuffer(1)]],
    ['a suggested name that is ..', 'saveFile', ['..', new ArrayBuffer(1)]],
    ['an absolute suggested name', 'saveFile', ['/etc/passwd', new ArrayBuffer(1)]],
    ['a Windows path as suggested name', 'saveFile', ['C:\\Windows\\win.ini', new ArrayBuffer(1)]],
    ['a suggested name with a NUL', 'saveFile', ['a\0.png', new ArrayBuffer(1)]],
    ['an empty suggested name', 'saveFile', ['', new ArrayBuffer(1)]],
    ['a suggested name over 255 characters', 'saveFile', [`${'a'.repeat(252)}.png`, new ArrayBuffer(1)]],
    ['a suggested name that is not a string', 'saveFile', [{ toString: () => 'a.png' }, new ArrayBuffer(1)]],
    ['bytes as a string', 'saveFile', ['a.csv', 'x,y\n1,2\n']],
    ['bytes as a typed array', 'saveFile', ['a.png', new Uint8Array(4)]],
    ['bytes as a plain array', 'saveFile', ['a.png', [1, 2, 3]]],
    ['no bytes', 'saveFile', ['a.png']],
    ['a third argument', 'saveFile', ['a.png', new ArrayBuffer(1), '/etc/passwd']],
    // workspaces
    ['a revealed path that is an object', 'revealFile', [{ path: '/etc' }]],
    ['a revealed path with a NUL', 'revealFile', ['/tmp/a\0b']],
    ['no revealed path', 'revealFile', []],
    ['an argument to openWorkspace', 'openWorkspace', ['/etc/passwd']],
    ['an empty dropped workspace', 'openDroppedWorkspace', ['']],
    ['a dropped workspace that is an array', 'openDroppedWorkspace', [['/a.clonoscope.json']]],
    ['a huge dropped workspace path', 'openDroppedWorkspace', [`/${'a'.repeat(5000)}.clonoscope.json`]],
    ['a recent workspace that is a number', 'openRecentWorkspace', [7]],
    ['saveWorkspace with three arguments', 'saveWorkspace', ['w.clonoscope.json', '{}', null]],
    ['saveWorkspace with five arguments', 'saveWorkspace', ['w.clonoscope.json', '{}', null, false, 'x']],
    ['a workspace name with a folder', 'saveWorkspace', ['../../w.clonoscope.json', '{}', null, false]],
    ['an absolute workspace name', 'saveWorkspace', ['/etc/cron.d/w', '{}', null, false]],
    ['workspace text that is not a string', 'saveWorkspace', ['w.clonoscope.json', { version: 1 }, null, false]],
    ['workspace text as bytes', 'saveWorkspace', ['w.clonoscope.json', new ArrayBuffer(2), null, false]],
    ['workspace text over the cap', 'saveWorkspace', ['w.clonoscope.json', 'x'.repeat(MAX_WORKSPACE_BYTES + 1), null, false]],
    ['a current path that is a number', 'saveWorkspace', ['w.clonoscope.json', '{}', 0, false]],
    ['an empty current path', 'saveWorkspace', ['w.clonoscope.json', '{}', '', false]],
    ['a current path with a NUL', 'saveWorkspace', ['w.clonoscope.json', '{}', '/a\0.clonoscope.json', false]],
    ['saveAs as a string', 'saveWorkspace', ['w.clonoscope.json', '{}', null, 'true']],
    ['saveAs missing', 'saveWorkspace', ['w.clonoscope.json', '{}', null, undefined]],
    ['grantRelative with one argument', 'grantRelative', ['/d/w.clonoscope.json']],
    ['a relative path that is not a string', 'grantRelative', ['/d/w.clonoscope.json', ['cells.csv']]],
    ['a relative path with a NUL', 'grantRelative', ['/d/w.clonoscope.json', 'cells.csv\0.png']],
    ['an empty relative path', 'grantRelative', ['/d/w.clonoscope.json', '']],
    ['a huge relative path', 'grantRelative', ['/d/w.clonoscope.json', '../'.repeat(2000)]],
    ['a relink name with a folder', 'relinkFile', ['../../etc/passwd']],
    ['an absolute relink name', 'relinkFile', ['/etc/passwd']],
    ['a relink name that is ..', 'relinkFile', ['..']],
    ['a relink name over 255 characters', 'relinkFile', ['a'.repeat(256)]],
    // recovery
    ['autosave text over the cap', 'autosave', ['x'.repeat(MAX_WORKSPACE_BYTES + 1)]],
    ['autosave text that is an object', 'autosave', [{ text: '{}' }]],
    ['autosave without text', 'autosave', []],
    ['an argument to takeRecovery', 'takeRecovery', [true]],
  ];
  it.each(malicious)('refuses %s without calling a handler', async (_what, name, args) => {
    expectRefused(await s.ipc.call(name, TRUSTED, ...args));
    noHandlerCalled(s.handlers);
    expect(s.log).toHaveBeenCalledOnce();
  });

  it('throws (rather than answering) for invalid calls on channels without a Result', async () => {
    await expect(s.ipc.call('listRecent', TRUSTED, 'x')).rejects.toThrow(/listRecent/);
    await expect(s.ipc.call('clearRecent', TRUSTED, 1)).rejects.toThrow(/clearRecent/);
    await expect(s.ipc.call('appInfo', TRUSTED, {})).rejects.toThrow(/appInfo/);
    await expect(s.ipc.call('setDirty', TRUSTED, 'yes')).rejects.toThrow(/setDirty/);
    await expect(s.ipc.call('setDirty', TRUSTED, 1)).rejects.toThrow(/setDirty/);
    await expect(s.ipc.call('setDirty', TRUSTED)).rejects.toThrow(/setDirty/);
    await expect(s.ipc.call('closeAfterSave', TRUSTED, null)).rejects.toThrow(/closeAfterSave/);
    await expect(s.ipc.call('closeAfterSave', TRUSTED, true, true)).rejects.toThrow(/closeAfterSave/);
    await expect(s.ipc.call('clearAutosave', TRUSTED, 'all')).rejects.toThrow(/clearAutosave/);
    await expect(s.ipc.call('osTheme', TRUSTED, 'dark')).rejects.toThrow(/osTheme/);
    await expect(s.ipc.call('renderingInfo', TRUSTED, {})).rejects.toThrow(/renderingInfo/);
    noHandlerCalled(s.handlers);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///tmp/index.html'],
    ['a look-alike host', 'app://clonoscope.evil/index.html'],
    ['a look-alike scheme', 'xapp://clonoscope/index.html'],
    ['about:blank', 'about:blank'],
    ['a destroyed frame', null],
  ])('refuses calls from %s', async (_what, url) => {
    for (const name of INVOKE_CHANNELS) {
      const args = name === 'openFileDialog' ? ['cells'] : name === 'readFileChunk' ? [GRANTED, 0, 1] : [];
      await expect(s.ipc.call(name, url, ...args)).rejects.toThrow(/untrusted sender/);
    }
    noHandlerCalled(s.handlers);
  });

  it('turns a throwing handler into an internal-error Result on Result channels', async () => {
    s.handlers.grantDroppedFile.mockRejectedValueOnce(new Error('boom'));
    expect(await s.ipc.call('grantDroppedFile', TRUSTED, '/data/cells.csv')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('isTrustedSender', () => {
  it('accepts only app://clonoscope/ frames', () => {
    expect(isTrustedSender({ senderFrame: { url: TRUSTED } } as never)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://clonoscope' } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });
});

describe('sendEvent', () => {
  it('sends on the wire channel with the payload', () => {
    const send = vi.fn();
    sendEvent({ send }, 'menu', 'open');
    expect(send).toHaveBeenCalledWith(wireChannel('menu'), 'open');
  });
});

describe('the contract types', () => {
  it('reject handlers that drift (checked by tsc -p tests)', () => {
    const good = spyHandlers();
    const drifted: MainHandlers[] = [
      // @ts-expect-error readFileChunk must answer Result<ArrayBuffer>, not a string
      { ...good, readFileChunk: async () => ok('text') },
      // @ts-expect-error offset is a number, not a string
      { ...good, readFileChunk: async (_t: string, _o: string) => ok(new ArrayBuffer(0)) },
      // @ts-expect-error listRecent answers RecentFile[], not a Result
      { ...good, listRecent: async () => ok([]) },
    ];
    // @ts-expect-error every channel needs a handler
    const missing: MainHandlers = { openFileDialog: good.openFileDialog };
    expect(drifted).toHaveLength(3);
    expect(missing).toBeDefined();
  });
});
