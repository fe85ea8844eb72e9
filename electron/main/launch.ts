// Files the operating system asks us to open: command-line arguments, a second instance's
// arguments, and macOS "open-file". They can arrive before the window exists, so they wait in a
// queue until the window has loaded, then are delivered (granted and sent as `openFiles`).

import path from 'node:path';

/**
 * File paths in an argv, resolved against `cwd`. `skip` is how many leading entries are not ours:
 * 1 for a packaged app (the executable), 2 when run as `electron <app>` (process.defaultApp).
 * Switches (`--inspect`, Chromium flags, `-psn_…` on macOS) are ignored.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, skip: number): string[] {
  return argv
    .slice(skip)
    .filter((a) => a.length > 0 && !a.startsWith('-'))
    .map((a) => path.resolve(cwd, a));
}

export interface OpenQueue {
  /** Delivers now if the window has loaded, else keeps the paths until it has. */
  push(paths: readonly string[]): void;
  /** The window finished loading: deliver what waited. */
  markReady(): void;
  /** The window is gone (closed or reloading): hold deliveries again. */
  markNotReady(): void;
  /** True while paths wait for the window. */
  hasPending(): boolean;
}

export function createOpenQueue(deliver: (paths: string[]) => void): OpenQueue {
  let ready = false;
  const pending: string[] = [];
  return {
    push(paths) {
      if (paths.length === 0) return;
      if (ready) deliver([...paths]);
      else pending.push(...paths);
    },
    markReady() {
      ready = true;
      if (pending.length > 0) deliver(pending.splice(0));
    },
    markNotReady() {
      ready = false;
    },
    hasPending: () => pending.length > 0,
  };
}
