// Picks the host: Electron when the preload exposed window.api, the browser otherwise.

import type { OpenPurpose, RendererApi } from '../../shared/ipc.ts';
import { createBrowserHost } from './browser.ts';
import { createElectronHost } from './electron.ts';
import type { HostApi } from './types.ts';

export function createHost(inputs: Record<OpenPurpose, HTMLInputElement>, showError: (message: string) => void): HostApi {
  const api = (window as unknown as { api?: RendererApi }).api;
  return api ? createElectronHost(api, showError) : createBrowserHost(inputs);
}
