// electron/main/session-handlers.ts over real temp files, reached through registerIpc as the window
// reaches it: workspaces (open, drop, recent, save, save as), grantRelative's rules, relinkFile,
// revealFile's rule, autosave / recovery, the close guard and appearance.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrapAutosave } from '../../../electron/main/autosave-envelope.ts';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }, dialog: {} }));

import type { GrantedFile } from '../../../shared/ipc.ts';
import type { CloseGuard } from '../../../electron/main/close-guard.ts';
import type { HandlerDeps } from '../../../electron/main/handlers.ts';
import { AUTOSAVE_FILE } from '../../../electron/main/recovery.ts';
import { ipcOver, realDeps, TRUSTED } from './fakes.ts';

let dir: string;
const put = (rel: string, content: string | Buffer) => {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
};

function setup(overrides: Partial<HandlerDeps> = {}) {
  const deps = realDeps(dir, overrides);
  return { ...deps, ipc: ipcOver(deps) };
}
type R<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const WS_TEXT = JSON.stringify({ version: 1, samples: [{ name: 'core', source: { path: '../data/cells.csv' } }], note: '../../secret.txt is mentioned in prose' });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-session-'));
  put('data/cells.csv', 'x,y\n1,2\n');
  put('secret.txt', 'private');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening workspaces', () => {
  it('openWorkspace reads the chosen workspace, puts it on the recent list, and answers null when cancelled', async () => {
    const ws = put('work/tumour.clonoscope.json', WS_TEXT);
    const s = setup({ chooseWorkspace: vi.fn(async () => ws) });
    expect(await s.ipc.call('openWorkspace', TRUSTED)).toEqual({ ok: true, value: { path: ws, text: WS_TEXT } });
    expect(await s.recent.has(ws)).toBe(true);
    vi.mocked(s.chooseWorkspace).mockResolvedValueOnce(null);
    expect(await s.ipc.call('openWorkspace', TRUSTED)).toEqual({ ok: true, value: null });
  });

  it('drops a UTF-8 byte-order mark, refuses binary files, folders and missing files with a sentence', async () => {
    const { ipc } = setup();
    const bom = put('bom.clonoscope.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"version":1}')]));
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, bom)).toMatchObject({ ok: true, value: { text: '{"version":1}' } });
    const binary = put('x.clonoscope.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, binary)).toMatchObject({ ok: false, error: { code: 'file-binary' } });
    mkdirSync(path.join(dir, 'folder.clonoscope.json'));
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, path.join(dir, 'folder.clonoscope.json'))).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringMatching(/is a folder, not a workspace/) } });
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, path.join(dir, 'gone.clonoscope.json'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/was not found/) } });
  });

  it('openDroppedWorkspace reads only *.clonoscope.json files', async () => {
    const { ipc } = setup();
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, path.join(dir, 'secret.txt'))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ipc.call('openDroppedWorkspace', TRUSTED, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('openRecentWorkspace reads only workspaces on the recent list, and drops one that has gone', async () => {
    const ws = put('w.clonoscope.json', '{}');
    const s = setup();
    expect(await s.ipc.call('openRecentWorkspace', TRUSTED, ws)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await s.recent.add(ws);
    expect(await s.ipc.call('openRecentWorkspace', TRUSTED, ws)).toMatchObject({ ok: true, value: { path: ws } });
    rmSync(ws);
    expect(await s.ipc.call('openRecentWorkspace', TRUSTED, ws)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    expect(await s.recent.has(ws)).toBe(false);
  });
});

describe('saving workspaces', () => {
  it('Save of a new workspace asks where (in the documents folder), writes atomically, remembers it and clears the autosave', async () => {
    const to = path.join(dir, 'tumour.clonoscope.json');
    const s = setup({ chooseWorkspaceSavePath: vi.fn(async () => to) });
    await s.ipc.call('autosave', TRUSTED, '{"unsaved":true}');
    expect(existsSync(path.join(s.userData, AUTOSAVE_FILE))).toBe(true);
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'tumour.clonoscope.json', WS_TEXT, null, false)).toEqual({ ok: true, value: to });
    expect(s.chooseWorkspaceSavePath).toHaveBeenCalledWith('tumour.clonoscope.json', null);
    expect(readFileSync(to, 'utf8')).toBe(WS_TEXT);
    expect(s.written.has(to)).toBe(true);
    expect(await s.recent.has(to)).toBe(true);
    expect(existsSync(path.join(s.userData, AUTOSAVE_FILE))).toBe(false);
  });

  it('Save of a workspace opened in this session writes in place without asking', async () => {
    const ws = put('w.clonoscope.json', '{"v":1}');
    const s = setup({ chooseWorkspace: vi.fn(async () => ws) });
    await s.ipc.call('openWorkspace', TRUSTED);
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'w.clonoscope.json', '{"v":2}', ws, false)).toEqual({ ok: true, value: ws });
    expect(s.chooseWorkspaceSavePath).not.toHaveBeenCalled();
    expect(readFileSync(ws, 'utf8')).toBe('{"v":2}');
  });

  it('Save to a path main never opened asks first (the window cannot name a file to overwrite)', async () => {
    const victim = put('notes.clonoscope.json', 'keep me');
    const s = setup();
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'w.clonoscope.json', '{}', victim, false)).toEqual({ ok: true, value: null });
    expect(s.chooseWorkspaceSavePath).toHaveBeenCalledWith('w.clonoscope.json', victim);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('Save As always asks, at the current path', async () => {
    const ws = put('w.clonoscope.json', '{}');
    const copy = path.join(dir, 'copy.clonoscope.json');
    const s = setup({ chooseWorkspace: vi.fn(async () => ws), chooseWorkspaceSavePath: vi.fn(async () => copy) });
    await s.ipc.call('openWorkspace', TRUSTED);
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'w.clonoscope.json', '{"v":3}', ws, true)).toEqual({ ok: true, value: copy });
    expect(s.chooseWorkspaceSavePath).toHaveBeenCalledWith('w.clonoscope.json', ws);
    expect(readFileSync(ws, 'utf8')).toBe('{}');
  });

  it('adds .clonoscope.json to a bare name, and asks before replacing a file the dialog did not ask about', async () => {
    const s = setup({ chooseWorkspaceSavePath: vi.fn(async () => path.join(dir, 'tumour')) });
    const target = path.join(dir, 'tumour.clonoscope.json');
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'tumour.clonoscope.json', '{"a":1}', null, false)).toEqual({ ok: true, value: target });
    expect(s.confirmReplace).not.toHaveBeenCalled();
    vi.mocked(s.confirmReplace).mockResolvedValueOnce(false);
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'tumour.clonoscope.json', '{"a":2}', null, true)).toEqual({ ok: true, value: null });
    expect(s.confirmReplace).toHaveBeenCalledWith(target);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
  });

  it('answers null when the dialog is cancelled, and a sentence when the write fails (old file intact)', async () => {
    const s = setup();
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'w.clonoscope.json', '{}', null, false)).toEqual({ ok: true, value: null });
    const gone = path.join(dir, 'gone', 'w.clonoscope.json');
    vi.mocked(s.chooseWorkspaceSavePath).mockResolvedValueOnce(gone);
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'w.clonoscope.json', '{}', null, false)).toMatchObject({ ok: false, error: { code: 'file-unwritable', message: `${gone} could not be saved: its folder no longer exists.` } });
  });
});

describe('grantRelative', () => {
  async function opened() {
    const ws = put('work/tumour.clonoscope.json', WS_TEXT);
    const s = setup({ chooseWorkspace: vi.fn(async () => ws) });
    await s.ipc.call('openWorkspace', TRUSTED);
    return { ...s, ws };
  }

  it('grants a file the opened workspace names by a relative path, resolved against its folder', async () => {
    const { ipc, ws } = await opened();
    const r = (await ipc.call('grantRelative', TRUSTED, ws, '../data/cells.csv')) as R<GrantedFile>;
    expect(r).toMatchObject({ ok: true, value: { path: path.join(dir, 'data/cells.csv'), name: 'cells.csv', size: 8 } });
    const chunk = (await ipc.call('readFileChunk', TRUSTED, (r as { value: GrantedFile }).value.token, 0, 3)) as R<ArrayBuffer>;
    expect(new TextDecoder().decode((chunk as { value: ArrayBuffer }).value)).toBe('x,y');
  });

  it('refuses paths the workspace does not name, even inside its text in prose, and traversal out of it', async () => {
    const { ipc, ws } = await opened();
    for (const rel of ['../../secret.txt', '../secret.txt', '/etc/passwd', 'samples', 'path', '../data/cells.csv ']) {
      expect(await ipc.call('grantRelative', TRUSTED, ws, rel), rel).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('refuses workspaces not opened or saved in this session', async () => {
    const other = put('other.clonoscope.json', JSON.stringify({ f: 'secret.txt' }));
    const { ipc } = setup();
    expect(await ipc.call('grantRelative', TRUSTED, other, 'secret.txt')).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/was not opened as a workspace/) } });
  });

  it('for text the window wrote, re-grants only files already open: a saved workspace cannot mint grants', async () => {
    const to = path.join(dir, 'work/new.clonoscope.json');
    mkdirSync(path.dirname(to));
    const s = setup({ chooseWorkspaceSavePath: vi.fn(async () => to) });
    const cells = (await s.ipc.call('grantDroppedFile', TRUSTED, path.join(dir, 'data/cells.csv'))) as { value: GrantedFile };
    expect(await s.ipc.call('saveWorkspace', TRUSTED, 'new.clonoscope.json', JSON.stringify({ a: '../data/cells.csv', b: '../secret.txt' }), null, false)).toEqual({ ok: true, value: to });
    expect(await s.ipc.call('grantRelative', TRUSTED, to, '../secret.txt')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await s.ipc.call('grantRelative', TRUSTED, to, '../data/cells.csv')).toMatchObject({ ok: true, value: { token: cells.value.token } });
  });
});

describe('relinkFile and revealFile', () => {
  it('relinkFile grants the file the user finds, and answers null when cancelled', async () => {
    const moved = put('moved/cells.csv', 'x,y\n');
    const s = setup({ chooseRelink: vi.fn(async () => moved) });
    expect(await s.ipc.call('relinkFile', TRUSTED, 'cells.csv')).toMatchObject({ ok: true, value: { path: moved } });
    expect(s.chooseRelink).toHaveBeenCalledWith('cells.csv');
    vi.mocked(s.chooseRelink).mockResolvedValueOnce(null);
    expect(await s.ipc.call('relinkFile', TRUSTED, 'cells.csv')).toEqual({ ok: true, value: null });
  });

  it('revealFile shows only files saved in this session, and says so when one has gone', async () => {
    const to = path.join(dir, 'figure.png');
    const s = setup({ chooseSavePath: vi.fn(async () => to) });
    expect(await s.ipc.call('revealFile', TRUSTED, path.join(dir, 'secret.txt'))).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await s.ipc.call('revealFile', TRUSTED, to)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await s.ipc.call('saveFile', TRUSTED, 'figure.png', new ArrayBuffer(4));
    expect(await s.ipc.call('revealFile', TRUSTED, to)).toEqual({ ok: true, value: null });
    expect(s.reveal).toHaveBeenCalledExactlyOnceWith(to);
    rmSync(to);
    expect(await s.ipc.call('revealFile', TRUSTED, to)).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    expect(s.reveal).toHaveBeenCalledOnce();
  });
});

describe('recovery, closing and appearance', () => {
  it('autosave writes to the data folder; takeRecovery offers nothing in a session that started clean', async () => {
    const s = setup();
    await s.recovery.begin();
    expect(await s.ipc.call('autosave', TRUSTED, '{"v":1}')).toEqual({ ok: true, value: null });
    expect(unwrapAutosave(readFileSync(path.join(s.userData, AUTOSAVE_FILE), 'utf8'))).toEqual({ text: '{"v":1}', granted: [] });
    expect(await s.ipc.call('takeRecovery', TRUSTED)).toEqual({ ok: true, value: null });
    await s.ipc.call('clearAutosave', TRUSTED);
    expect(existsSync(path.join(s.userData, AUTOSAVE_FILE))).toBe(false);
  });

  it('takeRecovery answers a crashed session’s autosave once', async () => {
    const first = setup();
    await first.recovery.begin();
    await first.ipc.call('autosave', TRUSTED, '{"lost":false}'); // …and the app crashes: no endCleanly
    const second = setup();
    await second.recovery.begin();
    const r = (await second.ipc.call('takeRecovery', TRUSTED)) as R<{ text: string; savedAt: number }>;
    expect(r).toMatchObject({ ok: true, value: { text: '{"lost":false}', savedAt: expect.any(Number) } });
    expect(await second.ipc.call('takeRecovery', TRUSTED)).toEqual({ ok: true, value: null });
  });

  it('setDirty and closeAfterSave reach the close guard (and are ignored while there is no window)', async () => {
    const guard = { setDirty: vi.fn(), closeAfterSave: vi.fn() } as unknown as CloseGuard;
    const s = setup({ closeGuard: vi.fn(() => guard) });
    await s.ipc.call('setDirty', TRUSTED, true);
    await s.ipc.call('closeAfterSave', TRUSTED, false);
    expect(guard.setDirty).toHaveBeenCalledWith(true);
    expect(guard.closeAfterSave).toHaveBeenCalledWith(false);
    const none = setup();
    await expect(none.ipc.call('setDirty', TRUSTED, true)).resolves.toBeUndefined();
  });

  it('osTheme and renderingInfo answer what main knows', async () => {
    const { ipc } = setup();
    expect(await ipc.call('osTheme', TRUSTED)).toBe('dark');
    expect(await ipc.call('renderingInfo', TRUSTED)).toEqual({ software: true, detail: 'Software rendering (SwiftShader).' });
  });
});
