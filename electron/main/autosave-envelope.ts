// The autosave on disk: the window's workspace text plus the data files that were granted when it
// was written. After a crash nothing is granted any more, and the autosave was written by the
// window, so its paths are not to be trusted by themselves: recovery re-grants only the files
// listed here — files the user had opened in that session — never other paths the text names.

import path from 'node:path';
import { jsonStrings } from './workspaces.ts';

const KIND = 'clonoscope-autosave';

export interface Autosave {
  readonly text: string;
  /** Absolute paths of granted data files the text names. */
  readonly granted: readonly string[];
}

/** The envelope for `text`: every absolute path in it that `isGranted` accepts is listed. */
export function wrapAutosave(text: string, isGranted: (file: string) => boolean): string {
  const granted = [...jsonStrings(text)].filter((s) => path.isAbsolute(s) && isGranted(s));
  return JSON.stringify({ kind: KIND, granted, text });
}

/** The text and granted files of an autosave; a bare workspace text (older autosave) grants nothing. */
export function unwrapAutosave(stored: string): Autosave {
  try {
    const o = JSON.parse(stored) as { kind?: unknown; granted?: unknown; text?: unknown };
    if (o.kind === KIND && typeof o.text === 'string' && Array.isArray(o.granted))
      return { text: o.text, granted: o.granted.filter((g): g is string => typeof g === 'string' && path.isAbsolute(g)) };
  } catch {
    // not JSON: the window will say the recovered text is not a workspace
  }
  return { text: stored, granted: [] };
}
