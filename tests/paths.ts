// Where tests find things. The real exports from other labs live beside the repository, never in it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_DATA = path.resolve(REPO, '../shared/real-data');
export const FIXTURES = path.join(REPO, 'tests/fixtures');
export const hasRealData = existsSync(REAL_DATA);
export const realDataSkipReason = `real-data folder not found at ${REAL_DATA}; conformance tests against other labs' exports are skipped`;

export function realFile(rel: string): string {
  return path.join(REAL_DATA, rel);
}
