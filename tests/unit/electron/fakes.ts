// Shared fakes for the Electron main-process tests: an ipcMain that records handlers, and
// handlers that record whether they were called.

import { vi } from 'vitest';
import { ok } from '../../../shared/errors.ts';
import { wireChannel, type InvokeChannel, type MainHandlers } from '../../../shared/ipc.ts';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

export function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    /** Calls a channel as a window at `url` would. */
    call(name: InvokeChannel, url: string | null, ...args: unknown[]): Promise<unknown> {
      const h = handlers.get(wireChannel(name));
      if (!h) throw new Error(`no handler for ${name}`);
      return Promise.resolve().then(() => h({ senderFrame: url === null ? null : { url } }, ...args));
    },
  };
}

export const TRUSTED = 'app://clonoscope/index.html';

export function spyHandlers(): { [K in keyof MainHandlers]: ReturnType<typeof vi.fn> } & MainHandlers {
  const file = { token: 'A'.repeat(24), name: 'cells.csv', path: '/data/cells.csv', size: 10 };
  return {
    openFileDialog: vi.fn(async () => ok([file])),
    readFileChunk: vi.fn(async () => ok(new ArrayBuffer(4))),
    openCompanion: vi.fn(async () => ok(null)),
    grantDroppedFile: vi.fn(async () => ok(file)),
    listRecent: vi.fn(async () => []),
    openRecent: vi.fn(async () => ok(file)),
    clearRecent: vi.fn(async () => undefined),
    appInfo: vi.fn(() => ({ name: 'Clonoscope', version: '0.1.0', electron: '41.0.0', platform: 'linux' })),
    saveFile: vi.fn(async () => ok('/home/lab/Documents/figure.png')),
  } as never;
}
