// electron/main/launch.ts: files from argv, and the queue that holds them until the window loads.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createOpenQueue, filesFromArgv } from '../../../electron/main/launch.ts';

describe('filesFromArgv', () => {
  it('skips the executable (and app path), ignores switches, resolves against cwd', () => {
    const cwd = path.resolve('/home/lab');
    expect(filesFromArgv(['/opt/Clonoscope/clonoscope', 'cells.csv', '--enable-logging', '/data/b.tsv'], cwd, 1)).toEqual([path.join(cwd, 'cells.csv'), path.resolve('/data/b.tsv')]);
    expect(filesFromArgv(['electron', '.', '--inspect=0', 'x.csv.gz'], cwd, 2)).toEqual([path.join(cwd, 'x.csv.gz')]);
    expect(filesFromArgv(['/Applications/Clonoscope.app/Contents/MacOS/Clonoscope', '-psn_0_12345'], cwd, 1)).toEqual([]);
  });
});

describe('open queue', () => {
  it('holds paths until the window has loaded, then delivers them once', () => {
    const deliver = vi.fn();
    const q = createOpenQueue(deliver);
    q.push(['/a.csv']);
    q.push(['/b.csv']);
    expect(deliver).not.toHaveBeenCalled();
    q.markReady();
    expect(deliver).toHaveBeenCalledExactlyOnceWith(['/a.csv', '/b.csv']);
    q.push(['/c.csv']);
    expect(deliver).toHaveBeenLastCalledWith(['/c.csv']);
    q.markNotReady();
    q.push(['/d.csv']);
    q.push([]);
    expect(deliver).toHaveBeenCalledTimes(2);
    q.markReady();
    expect(deliver).toHaveBeenLastCalledWith(['/d.csv']);
    q.markReady();
    expect(deliver).toHaveBeenCalledTimes(3);
  });

  it('says whether paths are waiting (the first window skips the sample data then)', () => {
    const q = createOpenQueue(vi.fn());
    expect(q.hasPending()).toBe(false);
    q.push([]);
    expect(q.hasPending()).toBe(false);
    q.push(['/a.csv']);
    expect(q.hasPending()).toBe(true);
    q.markReady();
    expect(q.hasPending()).toBe(false);
  });
});
