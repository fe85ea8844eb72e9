// electron/main/recent.ts: newest first, de-duplicated, capped at 10, persisted, pruned.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentList, MAX_RECENT, parseRecent, withRecent } from '../../../electron/main/recent.ts';

let dir: string;
let store: string;
let clock: number;
const now = () => ++clock;

function touch(name: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, 'x,y\n');
  return p;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-recent-'));
  store = path.join(dir, 'userData', 'recent.json');
  clock = 1000;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('recent list', () => {
  it('puts the newest first and moves a reopened file to the top without duplicating it', async () => {
    const r = createRecentList({ file: store, now });
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map(touch);
    await r.add(a!);
    await r.add(b!);
    await r.add(c!);
    await r.add(a!);
    const list = await r.list();
    expect(list.map((f) => f.name)).toEqual(['a.csv', 'c.csv', 'b.csv']);
    expect(list[0]).toEqual({ path: a, name: 'a.csv', openedAt: 1004 });
  });

  it('keeps at most 10', async () => {
    const r = createRecentList({ file: store, now });
    for (let i = 0; i < 14; i++) await r.add(touch(`f${i}.csv`));
    const list = await r.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.name).toBe('f13.csv');
    expect(list.at(-1)!.name).toBe('f4.csv');
  });

  it('persists as JSON in the user-data folder and reads it back', async () => {
    const a = touch('a.csv');
    await createRecentList({ file: store, now }).add(a);
    const saved = JSON.parse(readFileSync(store, 'utf8'));
    expect(saved).toEqual({ version: 1, files: [{ path: a, name: 'a.csv', openedAt: 1001 }] });
    const again = createRecentList({ file: store, now });
    expect(await again.list()).toEqual(saved.files);
    expect(await again.has(a)).toBe(true);
    expect(await again.has(path.join(dir, 'b.csv'))).toBe(false);
  });

  it('prunes files that no longer exist when listed, and saves the pruned list', async () => {
    const r = createRecentList({ file: store, now });
    const a = touch('a.csv');
    const b = touch('b.csv');
    await r.add(a);
    await r.add(b);
    rmSync(a);
    expect((await r.list()).map((f) => f.name)).toEqual(['b.csv']);
    expect(JSON.parse(readFileSync(store, 'utf8')).files).toHaveLength(1);
  });

  it('clears, removes, and tells the menu and the OS', async () => {
    const onChange = vi.fn();
    const os = { add: vi.fn(), clear: vi.fn() };
    const r = createRecentList({ file: store, now, onChange, os });
    const a = touch('a.csv');
    await r.add(a);
    expect(os.add).toHaveBeenCalledWith(a);
    expect(onChange).toHaveBeenLastCalledWith([expect.objectContaining({ path: a })]);
    await r.remove(a);
    expect(await r.list()).toEqual([]);
    await r.add(a);
    await r.clear();
    expect(os.clear).toHaveBeenCalledOnce();
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(await createRecentList({ file: store }).list()).toEqual([]);
  });

  it('serialises concurrent additions', async () => {
    const r = createRecentList({ file: store, now });
    const files = Array.from({ length: 8 }, (_, i) => touch(`c${i}.csv`));
    await Promise.all(files.map((f) => r.add(f)));
    expect((await r.list()).map((f) => f.path).sort()).toEqual([...files].sort());
  });

  it('treats a corrupt or foreign recent.json as empty', () => {
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"files": 3}')).toEqual([]);
    expect(parseRecent('[1,2]')).toEqual([]);
    const ok = { path: '/a.csv', name: 'a.csv', openedAt: 1 };
    expect(parseRecent(JSON.stringify({ files: [ok, { path: 5 }, ok, null] }))).toEqual([ok]);
  });

  it('withRecent is pure', () => {
    const a = { path: '/a', name: 'a', openedAt: 1 };
    const b = { path: '/b', name: 'b', openedAt: 2 };
    const list = [a, b];
    expect(withRecent(list, { ...b, openedAt: 3 })).toEqual([{ ...b, openedAt: 3 }, a]);
    expect(list).toEqual([a, b]);
    expect(withRecent(list, { path: '/c', name: 'c', openedAt: 4 }, 2).map((f) => f.path)).toEqual(['/c', '/a']);
  });
});
