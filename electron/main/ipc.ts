// Registers one ipcMain.handle per invoke channel. Before any handler runs, each call must pass:
//   1. the sender check: the calling frame's URL starts with app://clonoscope/;
//   2. VALIDATORS[name] from shared/ipc.ts (arity, types, ranges, companion paths);
//   3. for token arguments: the token was actually granted.
// A call that fails 2 or 3 gets a Result failure ('invalid-argument') on Result channels and an
// exception on the others; a call that fails 1 always gets an exception. The handler is not called.

import type { IpcMainInvokeEvent } from 'electron';
import { fail, toAppError, type Result } from '../../shared/errors.ts';
import { INVOKE_CHANNELS, VALIDATORS, wireChannel, type EventApi, type EventChannel, type InvokeApi, type InvokeChannel, type MainHandlers } from '../../shared/ipc.ts';
import { APP_ORIGIN } from './protocol.ts';

/** The part of ipcMain used here (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

type ResultChannel = { [K in InvokeChannel]: ReturnType<InvokeApi[K]> extends Result<unknown> ? K : never }[InvokeChannel];

/** Which channels answer with a Result; checked against the contract by the compiler. */
const RETURNS_RESULT: { readonly [K in InvokeChannel]: K extends ResultChannel ? true : false } = {
  openFileDialog: true,
  readFileChunk: true,
  openCompanion: true,
  grantDroppedFile: true,
  listRecent: false,
  openRecent: true,
  clearRecent: false,
  appInfo: false,
  saveFile: true,
  revealFile: true,
  openWorkspace: true,
  openDroppedWorkspace: true,
  openRecentWorkspace: true,
  saveWorkspace: true,
  grantRelative: true,
  relinkFile: true,
  autosave: true,
  clearAutosave: false,
  takeRecovery: true,
  setDirty: false,
  closeAfterSave: false,
  osTheme: false,
  renderingInfo: false,
};

/** Channels whose first argument is a file token (saveFile takes none: the user picks the path in main). */
const TOKEN_CHANNELS: ReadonlySet<InvokeChannel> = new Set<InvokeChannel>(['readFileChunk', 'openCompanion']);

export class IpcRefused extends Error {
  override readonly name = 'IpcRefused';
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && url.startsWith(APP_ORIGIN);
}

export interface IpcOptions {
  /** Whether a token was granted (FileGrants.isGranted). */
  readonly isGranted: (token: string) => boolean;
  /** Logs refused calls (defaults to console.warn). */
  readonly log?: (message: string) => void;
}

export function registerIpc(ipcMain: IpcMainLike, handlers: MainHandlers, opts: IpcOptions): () => void {
  const log = opts.log ?? ((m: string) => console.warn(m));

  function register<K extends InvokeChannel>(name: K): void {
    const handler: (...args: Parameters<InvokeApi[K]>) => unknown = handlers[name];
    const refuse = (reason: string) => {
      log(`IPC ${name} refused: ${reason}`);
      if (RETURNS_RESULT[name]) return fail('invalid-argument', `Clonoscope refused an internal request (${name}: ${reason}).`);
      throw new IpcRefused(`${name}: ${reason}`);
    };
    ipcMain.handle(wireChannel(name), async (event, ...args) => {
      if (!isTrustedSender(event)) {
        log(`IPC ${name} refused: sender ${event.senderFrame?.url ?? '(no frame)'} is not ${APP_ORIGIN}`);
        throw new IpcRefused(`${name}: untrusted sender`);
      }
      const v = VALIDATORS[name](args);
      if (!v.ok) return refuse(v.reason);
      if (TOKEN_CHANNELS.has(name) && !opts.isGranted(v.args[0] as string)) return refuse('token was never granted');
      if (!RETURNS_RESULT[name]) return handler(...v.args);
      try {
        return await handler(...v.args);
      } catch (e) {
        return { ok: false, error: toAppError(e) }; // errors are values on Result channels
      }
    });
  }

  for (const name of INVOKE_CHANNELS) register(name);
  return () => INVOKE_CHANNELS.forEach((name) => ipcMain.removeHandler(wireChannel(name)));
}

/** Sends a main → window event with the contract's payload type. */
export function sendEvent<E extends EventChannel>(contents: { send(channel: string, ...args: unknown[]): void }, event: E, payload: EventApi[E]): void {
  contents.send(wireChannel(event), payload);
}
