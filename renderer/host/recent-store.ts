// The browser's recent-files list: names and times in localStorage, and — where the browser
// offers them — file-system handles in IndexedDB so a recent file can be reopened with one click.

import type { RecentEntry } from './types.ts';

const KEY = 'clonoscope.recent';
const MAX = 10;
const DB = 'clonoscope';
const STORE = 'handles';

interface Stored {
  path: string;
  name: string;
  openedAt: number;
}

function readList(): Stored[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? (v as Stored[]).filter((e) => typeof e?.path === 'string') : [];
  } catch {
    return [];
  }
}

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await openDb();
  if (!db) return undefined;
  return new Promise((resolve) => {
    const req = fn(db.transaction(STORE, mode).objectStore(STORE));
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(undefined);
  });
}

export async function listRecent(): Promise<RecentEntry[]> {
  const list = readList();
  const keys = new Set(((await withStore('readonly', (s) => s.getAllKeys())) ?? []).map(String));
  return list.map((e) => ({ ...e, reopenable: keys.has(e.path) }));
}

export async function rememberRecent(path: string, name: string, handle?: FileSystemFileHandle): Promise<void> {
  const list = [{ path, name, openedAt: Date.now() }, ...readList().filter((e) => e.path !== path)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(list));
  if (handle) await withStore('readwrite', (s) => s.put(handle, path));
}

export async function recentHandle(path: string): Promise<FileSystemFileHandle | undefined> {
  return withStore('readonly', (s) => s.get(path) as IDBRequest<FileSystemFileHandle>);
}

export async function clearRecentList(): Promise<void> {
  localStorage.removeItem(KEY);
  await withStore('readwrite', (s) => s.clear());
}
