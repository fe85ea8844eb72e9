// Runs one load in a fresh parse worker and answers its requests for file chunks (Electron) and
// companion files. Cancel terminates the worker at once; nothing of the file is touched.

import type { LoadedCells } from '../../shared/dataset/load.ts';
import type { ColumnTable } from '../../shared/dataset/join.ts';
import { fail, type Result } from '../../shared/errors.ts';
import type { RendererApi } from '../../shared/ipc.ts';
import type { FileRef, HostApi } from '../host/types.ts';
import type { FromWorker, Progress, ToWorker, WorkerLoadOptions } from '../workers/protocol.ts';

export interface LoadJob<T> {
  readonly result: Promise<Result<T> & { elapsedMs?: number }>;
  cancel(): void;
}

interface JobSetup {
  readonly host: HostApi;
  /** Files chosen together with this one (companions are looked for among them). */
  readonly siblings: readonly FileRef[];
  readonly onProgress?: (p: Progress) => void;
}

function electronApi(): RendererApi | undefined {
  return (window as unknown as { api?: RendererApi }).api;
}

function run<T>(message: ToWorker, setup: JobSetup, pick: (m: FromWorker) => (Result<T> & { elapsedMs?: number }) | null): LoadJob<T> {
  const worker = new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module', name: 'clonoscope-parse' });
  let settle: (r: Result<T> & { elapsedMs?: number }) => void = () => {};
  const result = new Promise<Result<T> & { elapsedMs?: number }>((resolve) => (settle = resolve));
  const name = message.type === 'load' ? (message.file.kind === 'blob' ? message.file.path : message.file.file.path) : '';
  worker.onmessage = async (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') setup.onProgress?.(m);
    else if (m.type === 'read-chunk') {
      const api = electronApi();
      const r: Result<ArrayBuffer> = api ? await api.readFileChunk(m.token, m.offset, m.length) : fail('internal', 'No host to read from.');
      worker.postMessage({ type: 'chunk', requestId: m.requestId, result: r } satisfies ToWorker, r.ok ? [r.value] : []);
    } else if (m.type === 'find-companion') {
      const file = await setup.host.companion(m.of, m.relativePath, setup.siblings).catch(() => null);
      worker.postMessage({ type: 'companion', requestId: m.requestId, file } satisfies ToWorker);
    } else {
      const r = pick(m);
      if (r) {
        settle(r);
        worker.terminate();
      }
    }
  };
  worker.onerror = (e) => {
    settle(fail('internal', `${name}: the loader stopped unexpectedly (${e.message || 'worker error'}).`, { file: name }));
    worker.terminate();
  };
  worker.postMessage(message);
  return {
    result,
    cancel() {
      worker.terminate();
      settle(fail('cancelled', `Loading ${name} was cancelled.`, { file: name }));
    },
  };
}

export function loadCellsInWorker(file: FileRef, options: WorkerLoadOptions, setup: JobSetup): LoadJob<LoadedCells> {
  return run<LoadedCells>({ type: 'load', purpose: 'cells', file, options }, setup, (m) => (m.type === 'cells' ? { ...m.result, elapsedMs: m.elapsedMs } : null));
}

export function loadAnnotationInWorker(file: FileRef, setup: JobSetup): LoadJob<{ table: ColumnTable; header: readonly string[] }> {
  return run({ type: 'load', purpose: 'annotation', file, options: {} }, setup, (m) => (m.type === 'columns' ? { ...m.result, elapsedMs: m.elapsedMs } : null));
}
