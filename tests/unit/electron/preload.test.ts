// electron/preload/index.ts: window.api maps every channel, hides IPC events, exposes nothing else.
import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({ key: '', api: null as unknown }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => Object.assign(exposed, { key, api }) },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: vi.fn(() => '/dropped.csv') },
}));

import { EVENT_CHANNELS, INVOKE_CHANNELS, wireChannel } from '../../../shared/ipc.ts';
import { buildApi } from '../../../electron/preload/index.ts';

function fakeIpc() {
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  return {
    listeners,
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    on: vi.fn((c: string, l: (e: unknown, ...a: unknown[]) => void) => listeners.set(c, (listeners.get(c) ?? new Set()).add(l))),
    removeListener: vi.fn((c: string, l: (e: unknown, ...a: unknown[]) => void) => listeners.get(c)?.delete(l)),
    emit(c: string, payload: unknown) {
      for (const l of listeners.get(c) ?? []) l({ sender: 'ipcRenderer itself' }, payload);
    },
  };
}

describe('buildApi', () => {
  it('maps every invoke channel to ipcRenderer.invoke on its wire channel, passing arguments unchanged', async () => {
    const ipc = fakeIpc();
    const api = buildApi(ipc, { getPathForFile: () => '' });
    for (const name of INVOKE_CHANNELS) {
      const fn = api[name] as (...a: unknown[]) => Promise<unknown>;
      expect(await fn('a', 1)).toEqual({ channel: wireChannel(name), args: ['a', 1] });
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
  });

  it('exposes exactly the contract: the invoke channels, on and pathForFile, frozen', () => {
    const api = buildApi(fakeIpc(), { getPathForFile: () => '' });
    expect(Object.keys(api).sort()).toEqual([...INVOKE_CHANNELS, 'on', 'pathForFile'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('subscribes to every event channel, passes only the payload, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = buildApi(ipc, { getPathForFile: () => '' });
    for (const event of EVENT_CHANNELS) {
      const listener = vi.fn();
      const off = api.on(event, listener);
      ipc.emit(wireChannel(event), 'payload');
      expect(listener).toHaveBeenCalledWith('payload');
      expect(listener.mock.calls[0]).toHaveLength(1); // never the IpcRendererEvent
      off();
      ipc.emit(wireChannel(event), 'again');
      expect(listener).toHaveBeenCalledOnce();
    }
  });

  it('refuses unknown event names', () => {
    const api = buildApi(fakeIpc(), { getPathForFile: () => '' });
    expect(() => api.on('not-a-channel' as never, () => undefined)).toThrow(/Unknown event/);
  });

  it('pathForFile uses webUtils and answers "" when there is no path', () => {
    const api = buildApi(fakeIpc(), { getPathForFile: (f) => ((f as unknown as { p?: string }).p ?? '') });
    expect(api.pathForFile({ p: '/data/cells.csv' })).toBe('/data/cells.csv');
    const throwing = buildApi(fakeIpc(), {
      getPathForFile: () => {
        throw new TypeError('not a File');
      },
    });
    expect(throwing.pathForFile({})).toBe('');
  });

  it('is exposed to the page as window.api', () => {
    expect(exposed.key).toBe('api');
    expect(Object.keys(exposed.api as object)).toContain('readFileChunk');
  });
});
