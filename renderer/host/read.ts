// Reading a whole (small) file in the window: region GeoJSON, a workspace. Big tables go through
// the parse worker instead.

import { fail, ok, type Result } from '../../shared/errors.ts';
import { MAX_CHUNK_BYTES, type RendererApi } from '../../shared/ipc.ts';
import type { FileRef } from './types.ts';

/** Files read whole in the window are capped (bytes). */
export const MAX_WHOLE_FILE = 256 * 1024 * 1024;

export async function readText(ref: FileRef): Promise<Result<string>> {
  const name = ref.kind === 'blob' ? ref.path : ref.file.path;
  const size = ref.kind === 'blob' ? ref.file.size : ref.file.size;
  if (size > MAX_WHOLE_FILE) return fail('file-too-large', `${name} is too large to read as a whole (${Math.round(size / 1e6)} MB; at most ${MAX_WHOLE_FILE / 1e6} MB).`, { file: name });
  if (ref.kind === 'blob') return ok(await ref.file.text());
  const api = (window as unknown as { api?: RendererApi }).api;
  if (!api) return fail('internal', `${name} cannot be read here.`, { file: name });
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < size; ) {
    const r = await api.readFileChunk(ref.file.token, offset, Math.min(MAX_CHUNK_BYTES, size - offset));
    if (!r.ok) return r;
    if (r.value.byteLength === 0) break;
    parts.push(new Uint8Array(r.value));
    offset += r.value.byteLength;
  }
  return ok(new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer()));
}

/** The first `bytes` of a file as text (for recognising a file by its opening lines). */
export async function readHead(ref: FileRef, bytes = 512): Promise<string> {
  if (ref.kind === 'blob') return ref.file.slice(0, bytes).text();
  const api = (window as unknown as { api?: RendererApi }).api;
  const r = api ? await api.readFileChunk(ref.file.token, 0, Math.min(bytes, ref.file.size)) : null;
  return r?.ok ? new TextDecoder().decode(r.value) : '';
}
