// Shared fakes for the Electron main-process tests: an ipcMain that records handlers, handlers that
// record whether they were called, and real handler dependencies over temp folders.
// Test files importing this must mock 'electron' (ipc.ts → protocol.ts imports it).

import path from 'node:path';
import { vi } from 'vitest';
import { ok } from '../../../shared/errors.ts';
import { wireChannel, type InvokeChannel, type MainHandlers, type OpenPurpose, type OsTheme } from '../../../shared/ipc.ts';
import type { CloseGuard } from '../../../electron/main/close-guard.ts';
import { createFileGrants } from '../../../electron/main/files.ts';
import { createHandlers, type HandlerDeps } from '../../../electron/main/handlers.ts';
import { registerIpc } from '../../../electron/main/ipc.ts';
import { createRecentList } from '../../../electron/main/recent.ts';
import { createRecoveryStore } from '../../../electron/main/recovery.ts';
import { createWorkspaceRegistry } from '../../../electron/main/workspaces.ts';

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
    revealFile: vi.fn(async () => ok(null)),
    openWorkspace: vi.fn(async () => ok(null)),
    openDroppedWorkspace: vi.fn(async () => ok({ path: '/data/a.clonoscope.json', text: '{}' })),
    openRecentWorkspace: vi.fn(async () => ok({ path: '/data/a.clonoscope.json', text: '{}' })),
    saveWorkspace: vi.fn(async () => ok('/data/a.clonoscope.json')),
    grantRelative: vi.fn(async () => ok(file)),
    relinkFile: vi.fn(async () => ok(null)),
    autosave: vi.fn(async () => ok(null)),
    clearAutosave: vi.fn(async () => undefined),
    takeRecovery: vi.fn(async () => ok(null)),
    setDirty: vi.fn(() => undefined),
    closeAfterSave: vi.fn(() => undefined),
    osTheme: vi.fn(() => 'light'),
    renderingInfo: vi.fn(async () => ({ software: false, detail: 'Hardware rendering (GPU).' })),
  } as never;
}

/**
 * Real handler dependencies over temp folders (grants, recent list, workspaces, recovery), with the
 * dialogs and the shell replaced by spies. `dir/userData` is the app's data folder.
 */
export function realDeps(dir: string, overrides: Partial<HandlerDeps> = {}) {
  const grants = createFileGrants();
  const userData = path.join(dir, 'userData');
  const deps = {
    grants,
    recent: createRecentList({ file: path.join(userData, 'recent.json') }),
    written: new Set<string>(),
    workspaces: createWorkspaceRegistry(grants),
    recovery: createRecoveryStore({ folder: userData, intervalMs: 0 }),
    chooseFiles: vi.fn(async (_p: OpenPurpose): Promise<string[]> => []),
    chooseSavePath: vi.fn(async (_name: string): Promise<string | null> => null),
    chooseWorkspace: vi.fn(async (): Promise<string | null> => null),
    chooseWorkspaceSavePath: vi.fn(async (_name: string, _near: string | null): Promise<string | null> => null),
    confirmReplace: vi.fn(async (_file: string) => true),
    chooseRelink: vi.fn(async (_name: string): Promise<string | null> => null),
    reveal: vi.fn((_file: string) => undefined),
    closeGuard: vi.fn((): CloseGuard | null => null),
    appInfo: () => ({ name: 'Clonoscope', version: '0.1.0', electron: '41', platform: 'linux' }),
    osTheme: vi.fn((): OsTheme => 'dark'),
    renderingInfo: vi.fn(async () => ({ software: true, detail: 'Software rendering (SwiftShader).' })),
    warn: vi.fn(),
    ...overrides,
  };
  return { ...deps, userData };
}

/** realDeps behind registerIpc, called as the window would call them. */
export function ipcOver(deps: HandlerDeps) {
  const ipc = fakeIpcMain();
  registerIpc(ipc, createHandlers(deps), { isGranted: deps.grants.isGranted, log: () => undefined });
  return ipc;
}
