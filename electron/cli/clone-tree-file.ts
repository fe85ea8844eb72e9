// Reading a clone tree file (CSV clone,parent,mutations; optionally gzipped) for a command; on
// failure the sentence is written to stderr and the result is null.

import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseCloneTree, type CloneTree } from '../../shared/analysis/clone-tree.ts';
import { cannotOpen } from '../common/file-source.ts';

export async function readCloneTree(file: string): Promise<CloneTree | null> {
  let text: string;
  try {
    const bytes = await readFile(file);
    text = new TextDecoder().decode(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
  } catch (e) {
    process.stderr.write(`${cannotOpen(file, e)}\n`);
    return null;
  }
  const t = parseCloneTree(text, file);
  if (!t.ok) {
    process.stderr.write(`${t.error.message}\n`);
    return null;
  }
  return t.value;
}
