// Parse worker: loads one file (cells, or an annotation table) off the window's thread and sends
// back typed columns, transferring their buffers. The window cancels by terminating the worker.

import { transferablesOf } from '../../shared/dataset/cell-table.ts';
import { loadCells, loadColumnTable } from '../../shared/dataset/load.ts';
import type { CompanionReader } from '../../shared/dataset/source.ts';
import { fail, type Result } from '../../shared/errors.ts';
import type { FileRef } from '../host/types.ts';
import { openFileBytes, type ReadRange } from './file-bytes.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

let nextRequest = 1;
const pending = new Map<number, (value: unknown) => void>();

function request<T>(message: (id: number) => FromWorker): Promise<T> {
  const id = nextRequest++;
  return new Promise<T>((resolve) => {
    pending.set(id, resolve as (v: unknown) => void);
    scope.postMessage(message(id));
  });
}

const readChunk: ReadRange = async (token, offset, length) => {
  const r = await request<Result<ArrayBuffer>>((requestId) => ({ type: 'read-chunk', requestId, token, offset, length }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

function companionsOf(file: FileRef): CompanionReader {
  return {
    async read(relativePath) {
      const found = await request<FileRef | null>((requestId) => ({ type: 'find-companion', requestId, of: file, relativePath }));
      if (!found) return null;
      const opened = await openFileBytes(found, readChunk);
      return { name: found.kind === 'blob' ? found.path : found.file.path, bytes: opened.source };
    },
  };
}

async function load(msg: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  const started = performance.now();
  const { file } = msg;
  const name = file.kind === 'blob' ? file.path : file.file.path;
  const total = file.kind === 'blob' ? file.file.size : file.file.size;
  let bytesRead = 0;
  let rows = 0;
  let lastPost = 0;
  const post = (force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < 80) return;
    lastPost = now;
    scope.postMessage({ type: 'progress', bytesRead, totalBytes: total, rows, elapsedMs: now - started });
  };
  let opened;
  try {
    opened = await openFileBytes(file, readChunk, (b) => {
      bytesRead = b;
      post();
    });
  } catch (e) {
    const error = fail('file-unreadable', `${name} could not be read (${e instanceof Error ? e.message : String(e)}).`, { file: name });
    scope.postMessage(msg.purpose === 'cells' ? { type: 'cells', result: error, elapsedMs: 0 } : { type: 'columns', result: error, elapsedMs: 0 });
    return;
  }
  if (msg.purpose === 'annotation') {
    const result = await loadColumnTable(opened.source, { fileName: name, sizeHint: opened.textSize });
    post(true);
    scope.postMessage({ type: 'columns', result, elapsedMs: performance.now() - started });
    return;
  }
  const { options } = msg;
  const result = await loadCells(opened.source, {
    fileName: name,
    sizeHint: opened.textSize,
    companions: companionsOf(file),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.keepAllRows ? { keepAllRows: true } : {}),
    ...(options.remembered ? { remembered: options.remembered } : {}),
    onProgress: (r) => {
      rows = r;
      post();
    },
  });
  post(true);
  const transfer = result.ok ? transferablesOf(result.value.table) : [];
  scope.postMessage({ type: 'cells', result, elapsedMs: performance.now() - started }, transfer);
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'load') void load(msg);
  else {
    const resolve = pending.get(msg.requestId);
    pending.delete(msg.requestId);
    resolve?.(msg.type === 'chunk' ? msg.result : msg.file);
  }
};
