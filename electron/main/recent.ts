// The recent-files list: newest first, at most 10, one entry per path, persisted as JSON in the
// user-data folder (written atomically: temp file + rename). Files that no longer exist are pruned
// when the list is read. This file is Clonoscope's own; users' data files are never written.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecentFile } from '../../shared/ipc.ts';

export const MAX_RECENT = 10;

export interface RecentOptions {
  /** userData/recent.json */
  readonly file: string;
  /** OS recent documents (app.addRecentDocument / clearRecentDocuments) where supported. */
  readonly os?: { add(path: string): void; clear(): void };
  readonly now?: () => number;
  readonly max?: number;
  /** Called after every change (to rebuild the Open Recent menu). */
  readonly onChange?: (files: readonly RecentFile[]) => void;
}

export interface RecentList {
  /** The list with missing files pruned (and the pruning persisted). */
  list(): Promise<RecentFile[]>;
  /** True when `path` is on the list (the only paths openRecent accepts). */
  has(path: string): Promise<boolean>;
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  clear(): Promise<void>;
}

function isRecentFile(v: unknown): v is RecentFile {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.path === 'string' && r.path.length > 0 && typeof r.name === 'string' && typeof r.openedAt === 'number';
}

/** Entries from recent.json; anything unreadable or malformed counts as an empty list. */
export function parseRecent(text: string, max = MAX_RECENT): RecentFile[] {
  try {
    const data: unknown = JSON.parse(text);
    const files = typeof data === 'object' && data !== null ? (data as { files?: unknown }).files : undefined;
    return Array.isArray(files) ? dedupe(files.filter(isRecentFile)).slice(0, max) : [];
  } catch {
    return [];
  }
}

function dedupe(files: readonly RecentFile[]): RecentFile[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.path) && (seen.add(f.path), true));
}

/** `files` with `entry` at the front, any older entry for the same path removed, capped. */
export function withRecent(files: readonly RecentFile[], entry: RecentFile, max = MAX_RECENT): RecentFile[] {
  return [entry, ...files.filter((f) => f.path !== entry.path)].slice(0, max);
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export function createRecentList(opts: RecentOptions): RecentList {
  const max = opts.max ?? MAX_RECENT;
  const now = opts.now ?? Date.now;
  let cache: RecentFile[] | null = null;
  let queue: Promise<unknown> = Promise.resolve(); // serialises read-modify-write

  async function load(): Promise<RecentFile[]> {
    if (!cache) cache = parseRecent(await readFile(opts.file, 'utf8').catch(() => '{}'), max);
    return cache;
  }

  async function save(files: RecentFile[]): Promise<void> {
    cache = files;
    await mkdir(path.dirname(opts.file), { recursive: true });
    const tmp = `${opts.file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ version: 1, files }, null, 2)}\n`, 'utf8');
    await rename(tmp, opts.file);
    opts.onChange?.(files);
  }

  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    list: () =>
      serial(async () => {
        const files = await load();
        const present = await Promise.all(files.map((f) => isFile(f.path)));
        const kept = files.filter((_, i) => present[i]);
        if (kept.length !== files.length) await save(kept);
        return [...kept];
      }),
    has: (p) => serial(async () => (await load()).some((f) => f.path === p)),
    add: (p) =>
      serial(async () => {
        const abs = path.resolve(p);
        await save(withRecent(await load(), { path: abs, name: path.basename(abs), openedAt: now() }, max));
        opts.os?.add(abs);
      }),
    remove: (p) =>
      serial(async () => {
        const files = await load();
        if (files.some((f) => f.path === p)) await save(files.filter((f) => f.path !== p));
      }),
    clear: () =>
      serial(async () => {
        await save([]);
        opts.os?.clear();
      }),
  };
}
