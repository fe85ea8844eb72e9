// The preload: the ONLY code that touches ipcRenderer. Runs sandboxed with context isolation, so
// it is bundled to one CommonJS file (.build/preload/index.cjs). It exposes `window.api`
// (RendererApi), built generically from the channel lists in shared/ipc.ts, and nothing else:
// no ipcRenderer, no IPC event objects, no arbitrary channels.

import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, wireChannel, type EventApi, type EventChannel, type InvokeChannel, type RendererApi } from '../../shared/ipc.ts';

/** The parts of ipcRenderer and webUtils the API needs (fakes in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}
export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

const EVENTS: ReadonlySet<string> = new Set(EVENT_CHANNELS);

export function buildApi(ipc: IpcRendererLike, web: WebUtilsLike): RendererApi {
  const invoke = Object.fromEntries(
    INVOKE_CHANNELS.map((name: InvokeChannel) => [name, (...args: unknown[]) => ipc.invoke(wireChannel(name), ...args)]),
  ) as { [K in InvokeChannel]: RendererApi[K] };

  function on<E extends EventChannel>(event: E, listener: (payload: EventApi[E]) => void): () => void {
    if (!EVENTS.has(event)) throw new Error(`Unknown event "${String(event)}"`);
    // The IpcRendererEvent never reaches the page (its `sender` is ipcRenderer itself).
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as EventApi[E]);
    ipc.on(wireChannel(event), wrapped);
    return () => void ipc.removeListener(wireChannel(event), wrapped);
  }

  function pathForFile(file: object): string {
    try {
      return web.getPathForFile(file as File) ?? '';
    } catch {
      return ''; // not a File, or a File with no path (made in the page)
    }
  }

  return Object.freeze({ ...invoke, on, pathForFile });
}

contextBridge.exposeInMainWorld('api', buildApi(ipcRenderer, webUtils));
