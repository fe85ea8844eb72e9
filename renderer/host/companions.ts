// Finding a companion file among files chosen together (browser: multi-select or a dropped folder).

import type { FileRef } from './types.ts';
import { refPath } from './types.ts';

/** Normalises "a/b/../c/./d" → "a/c/d". */
export function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * The file among `siblings` at `relative` from `of`'s folder. With folder paths (a dropped folder)
 * the match is exact; files picked together carry only names, so a sibling's name must match the
 * last path segment and, for "../dir/name", its path must contain that folder when it has one.
 */
export function findCompanion(of: FileRef, relative: string, siblings: readonly FileRef[]): FileRef | null {
  const base = refPath(of).replace(/\\/g, '/');
  const folder = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const wanted = normalisePath(folder + relative);
  const exact = siblings.find((s) => normalisePath(refPath(s)) === wanted);
  if (exact) return exact;
  const name = wanted.slice(wanted.lastIndexOf('/') + 1);
  const dir = relative.includes('/') ? relative.split('/').slice(-2, -1)[0] : undefined;
  return (
    siblings.find((s) => {
      if (s === of) return false;
      const p = refPath(s).replace(/\\/g, '/');
      if (p.slice(p.lastIndexOf('/') + 1) !== name) return false;
      return !dir || dir === '..' || !p.includes('/') || p.split('/').includes(dir);
    }) ?? null
  );
}
