// electron/main/recovery.ts: an autosave is offered back only after a session that did not exit
// cleanly (crash = no clean-exit marker), once; writes are rate-limited with the latest text winning;
// nothing the user has not seen is deleted.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WORKSPACE_BYTES } from '../../../shared/ipc.ts';
import { AUTOSAVE_FILE, CLEAN_EXIT_FILE, createRecoveryStore, RECOVERED_FILE, type RecoveryOptions } from '../../../electron/main/recovery.ts';

let folder: string;
const at = (name: string) => path.join(folder, name);
const store = (o: Partial<RecoveryOptions> = {}) => createRecoveryStore({ folder, intervalMs: 0, warn: vi.fn(), ...o });

/** One app session: begin at start; `end` 'clean' is a normal quit, 'crash' is a process that died. */
async function session(work: (s: ReturnType<typeof store>) => Promise<void>, end: 'clean' | 'crash') {
  const s = store();
  await s.begin();
  await work(s);
  if (end === 'clean') s.endCleanly();
  return s;
}

beforeEach(() => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'clonoscope-recovery-')), 'userData');
});
afterEach(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

describe('crash recovery', () => {
  it('offers the autosave after a crash (no clean-exit marker), with when it was saved, once', async () => {
    await session(async (s) => void (await s.autosave('{"biopsies":3}')), 'crash');
    const savedAt = new Date('2024-05-01T10:00:00Z');
    utimesSync(at(AUTOSAVE_FILE), savedAt, savedAt);
    const next = store();
    await next.begin();
    expect(await next.take()).toEqual({ ok: true, value: { text: '{"biopsies":3}', savedAt: savedAt.getTime() } });
    expect(await next.take()).toEqual({ ok: true, value: null });
  });

  it('offers nothing after a clean exit, and leaves no autosave behind', async () => {
    await session(async (s) => void (await s.autosave('{"biopsies":3}')), 'clean');
    expect(existsSync(at(AUTOSAVE_FILE))).toBe(false);
    expect(existsSync(at(CLEAN_EXIT_FILE))).toBe(true);
    const next = store();
    await next.begin();
    expect(existsSync(at(CLEAN_EXIT_FILE))).toBe(false); // this session has not exited yet
    expect(await next.take()).toEqual({ ok: true, value: null });
  });

  it('offers nothing on the very first start', async () => {
    const s = store();
    await s.begin();
    expect(await s.take()).toEqual({ ok: true, value: null });
  });

  it('a session that crashes right after a crash still has the first autosave to offer', async () => {
    await session(async (s) => void (await s.autosave('{"first":true}')), 'crash');
    await session(async () => undefined, 'crash'); // started, never autosaved, crashed again
    const third = store();
    await third.begin();
    expect(await third.take()).toMatchObject({ ok: true, value: { text: '{"first":true}' } });
  });

  it('the recovered copy is not overwritten by the new session’s autosaves', async () => {
    await session(async (s) => void (await s.autosave('{"old":true}')), 'crash');
    const s = store();
    await s.begin();
    await s.autosave('{"new":true}');
    expect(await s.take()).toMatchObject({ ok: true, value: { text: '{"old":true}' } });
  });

  it('keeps a recovered copy the window never took across a clean exit, and offers it next time', async () => {
    await session(async (s) => void (await s.autosave('{"unseen":true}')), 'crash');
    await session(async () => undefined, 'clean'); // the window never asked (it failed to load, say)
    const third = store();
    await third.begin();
    expect(await third.take()).toMatchObject({ ok: true, value: { text: '{"unseen":true}' } });
  });

  it('removes a recovered copy once it was taken and the session ends cleanly', async () => {
    await session(async (s) => void (await s.autosave('{"seen":true}')), 'crash');
    await session(async (s) => void (await s.take()), 'clean');
    expect(existsSync(at(RECOVERED_FILE))).toBe(false);
    const third = store();
    await third.begin();
    expect(await third.take()).toEqual({ ok: true, value: null });
  });

  it('clear() removes the autosave and the recovered copy (saved, or recovery declined)', async () => {
    await session(async (s) => void (await s.autosave('{"a":1}')), 'crash');
    const s = store();
    await s.begin();
    await s.autosave('{"b":2}');
    await s.clear();
    expect(existsSync(at(AUTOSAVE_FILE))).toBe(false);
    expect(existsSync(at(RECOVERED_FILE))).toBe(false);
    expect(await s.take()).toEqual({ ok: true, value: null });
  });

  it('a page that crashed gets its autosave offered again after it reloads (same session)', async () => {
    const s = store();
    await s.begin();
    expect(await s.take()).toEqual({ ok: true, value: null }); // the page asked at start
    await s.autosave('{"before-crash":true}');
    await s.rendererGone();
    expect(await s.take()).toMatchObject({ ok: true, value: { text: '{"before-crash":true}' } });
    expect(await s.take()).toEqual({ ok: true, value: null });
  });

  it('says so when the recovered copy cannot be read', async () => {
    await session(async (s) => void (await s.autosave('{}')), 'crash');
    const s = store();
    await s.begin();
    rmSync(at(RECOVERED_FILE));
    mkdirSync(at(RECOVERED_FILE)); // something unreadable where the copy should be
    expect(await s.take()).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: expect.stringMatching(/^The autosaved workspace could not be read/) } });
  });
});

describe('autosave', () => {
  it('writes atomically into the data folder, creating it', async () => {
    const s = store();
    expect(await s.autosave('{"v":1}')).toEqual({ ok: true, value: null });
    expect(readFileSync(at(AUTOSAVE_FILE), 'utf8')).toBe('{"v":1}');
  });

  it('writes at most once per interval; the latest text wins', async () => {
    let clock = 1000;
    const jobs: { job: () => void; ms: number }[] = [];
    const s = store({ intervalMs: 3000, now: () => clock, schedule: (job, ms) => (jobs.push({ job, ms }), { cancel: () => undefined }) });
    await s.autosave('{"v":1}'); // immediately
    expect(readFileSync(at(AUTOSAVE_FILE), 'utf8')).toBe('{"v":1}');
    clock += 1000;
    await s.autosave('{"v":2}');
    await s.autosave('{"v":3}');
    expect(readFileSync(at(AUTOSAVE_FILE), 'utf8')).toBe('{"v":1}'); // deferred
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.ms).toBe(2000); // the rest of the interval
    clock += 2000;
    jobs[0]!.job();
    await vi.waitFor(() => expect(readFileSync(at(AUTOSAVE_FILE), 'utf8')).toBe('{"v":3}'));
  });

  it('a pending write is dropped by clear() and by a clean exit', async () => {
    let clock = 0;
    const jobs: (() => void)[] = [];
    const cancelled: number[] = [];
    const s = store({ intervalMs: 3000, now: () => clock, schedule: (job) => (jobs.push(job), { cancel: () => cancelled.push(jobs.length) }) });
    await s.autosave('{"v":1}');
    clock = 10;
    await s.autosave('{"v":2}');
    await s.clear();
    expect(cancelled).toEqual([1]);
    expect(existsSync(at(AUTOSAVE_FILE))).toBe(false);
  });

  it('refuses text over the size cap', async () => {
    expect(await store().autosave('é'.repeat(MAX_WORKSPACE_BYTES / 2 + 1))).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
  });

  it('reports a failed deferred write through warn', async () => {
    let clock = 0;
    const jobs: (() => void)[] = [];
    const warn = vi.fn();
    const s = store({ intervalMs: 3000, now: () => clock, warn, schedule: (job) => (jobs.push(job), { cancel: () => undefined }) });
    await s.autosave('{}');
    clock = 1;
    await s.autosave('{"v":2}');
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'a file where the folder was');
    jobs[0]!();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Autosave failed/)));
  });
});
