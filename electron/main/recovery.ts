// Crash recovery. The window autosaves its workspace to userData/autosave.clonoscope.json (atomic;
// at most one write per interval, the latest text wins). A normal quit removes the autosave and
// writes clean-exit.json; start-up removes that marker. So an autosave found at start without the
// marker is what a crashed (or killed) session left: it is moved aside to recovered.clonoscope.json,
// where new autosaves cannot overwrite it, and offered through take() once per session.
// Invariants: nothing the user has not seen is deleted — a recovered copy that was never taken
// survives a clean exit (it is offered again next time); it goes only by clear() (saved, or
// declined) or once it was taken and the session then ends cleanly. A window whose renderer
// crashed gets its autosave offered again after it reloads (rendererGone).

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../shared/errors.ts';
import { MAX_WORKSPACE_BYTES, type Recovery } from '../../shared/ipc.ts';
import { atomicWrite } from './save.ts';

export const AUTOSAVE_FILE = 'autosave.clonoscope.json';
export const RECOVERED_FILE = 'recovered.clonoscope.json';
export const CLEAN_EXIT_FILE = 'clean-exit.json';
/** Shortest time between two autosave writes (ms). */
export const AUTOSAVE_INTERVAL_MS = 3000;

export interface RecoveryOptions {
  /** The app's data folder (app.getPath('userData')). */
  readonly folder: string;
  readonly intervalMs?: number;
  readonly now?: () => number;
  /** Runs `job` after `ms` (setTimeout, unref'd, by default). */
  readonly schedule?: (job: () => void, ms: number) => { cancel(): void };
  /** Where failures of deferred writes go. */
  readonly warn?: (message: string) => void;
}

export interface RecoveryStore {
  /** Where the recovered copy lives (what take() read). */
  readonly recoveredFile: string;
  /** Once at start, before the window opens: sets a crashed session's autosave aside; removes the marker. */
  begin(): Promise<void>;
  /** Saves now, or (within the interval of the last write) later with the newest text. */
  autosave(text: string): Promise<Result<null>>;
  /** Removes the autosave and any recovered copy (saved, or recovery declined). */
  clear(): Promise<void>;
  /** The recovered autosave the first time it is asked for; null afterwards or when there is none. */
  take(): Promise<Result<Recovery | null>>;
  /** The window's renderer crashed: its autosave becomes the recovered copy, offered again by take(). */
  rendererGone(): Promise<void>;
  /** Normal quit (synchronous, for will-quit): no autosave left (nor a taken recovered copy), marker written. */
  endCleanly(): void;
}

function defaultSchedule(job: () => void, ms: number) {
  const t = setTimeout(job, ms);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
}

export function createRecoveryStore(opts: RecoveryOptions): RecoveryStore {
  const at = (name: string) => path.join(opts.folder, name);
  const intervalMs = opts.intervalMs ?? AUTOSAVE_INTERVAL_MS;
  const now = opts.now ?? Date.now;
  const schedule = opts.schedule ?? defaultSchedule;
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  let lastWrite = Number.NEGATIVE_INFINITY;
  let pending: string | null = null;
  let timer: { cancel(): void } | null = null;
  let taken = false;
  let queue: Promise<unknown> = Promise.resolve(); // writes and removals in call order

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  function write(text: string): Promise<Result<null>> {
    lastWrite = now();
    return serial(async (): Promise<Result<null>> => {
      try {
        await mkdir(opts.folder, { recursive: true });
      } catch (e) {
        return fail('file-unwritable', `The autosave folder ${opts.folder} could not be created (${e instanceof Error ? e.message : String(e)}).`, { file: opts.folder });
      }
      const r = await atomicWrite(at(AUTOSAVE_FILE), new TextEncoder().encode(text));
      return r.ok ? ok(null) : r;
    });
  }

  function flushLater(): void {
    if (timer) return;
    timer = schedule(() => {
      timer = null;
      const text = pending;
      pending = null;
      if (text !== null) void write(text).then((r) => r.ok || warn(`Autosave failed: ${r.error.message}`));
    }, Math.max(0, lastWrite + intervalMs - now()));
  }

  function cancelPending(): void {
    timer?.cancel();
    timer = null;
    pending = null;
  }

  return {
    recoveredFile: at(RECOVERED_FILE),
    async begin() {
      const clean = await stat(at(CLEAN_EXIT_FILE)).then(() => true, () => false);
      if (clean) await rm(at(AUTOSAVE_FILE), { force: true }); // a clean exit leaves none; a stray one is stale
      else await rename(at(AUTOSAVE_FILE), at(RECOVERED_FILE)).catch(() => undefined); // none: keep an older recovered copy
      await rm(at(CLEAN_EXIT_FILE), { force: true });
    },

    async autosave(text) {
      if (Buffer.byteLength(text, 'utf8') > MAX_WORKSPACE_BYTES) return fail('file-too-large', `The workspace is too large to autosave (more than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MiB).`);
      if (now() - lastWrite >= intervalMs && !timer) return write(text);
      pending = text;
      flushLater();
      return ok(null);
    },

    clear() {
      cancelPending();
      return serial(async () => {
        await rm(at(AUTOSAVE_FILE), { force: true });
        await rm(at(RECOVERED_FILE), { force: true });
      });
    },

    async take() {
      if (taken) return ok(null);
      taken = true;
      try {
        const file = at(RECOVERED_FILE);
        const [text, st] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
        return ok({ text, savedAt: st.mtimeMs });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
        return fail('file-unreadable', `The autosaved workspace could not be read (${e instanceof Error ? e.message : String(e)}).`);
      }
    },

    rendererGone() {
      cancelPending();
      return serial(async () => {
        await rename(at(AUTOSAVE_FILE), at(RECOVERED_FILE)).catch(() => undefined);
        taken = false;
      });
    },

    endCleanly() {
      cancelPending();
      try {
        rmSync(at(AUTOSAVE_FILE), { force: true });
        if (taken) rmSync(at(RECOVERED_FILE), { force: true });
        mkdirSync(opts.folder, { recursive: true });
        const tmp = at(`${CLEAN_EXIT_FILE}.tmp`);
        writeFileSync(tmp, `${JSON.stringify({ cleanExitAt: now() })}\n`);
        renameSync(tmp, at(CLEAN_EXIT_FILE));
      } catch (e) {
        warn(`The clean-exit marker could not be written (${String(e)}); the next start may offer to recover.`);
      }
    },
  };
}
