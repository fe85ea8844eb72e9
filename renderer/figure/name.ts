// Names made from samples: a panel's default title, and the file names figures and workspaces are
// saved under ("Primary tumour – Metastasis figure.png").

import type { Sample } from '../app/store.ts';
import type { FigureSpec } from '../scene/figure-layout.ts';

/** A sample's name without a trailing "(sample data)"-style note or table endings: "cells.csv.gz" → "cells". */
export function sampleTitle(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').replace(/(\.(csv|tsv|txt|tab|gz))+$/i, '') || name;
}

/** `s` with the characters no file system accepts replaced by "-", at most 120 characters. */
export function fileSafe(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').slice(0, 120);
}

/** A figure's file name (without extension): its section samples' titles, e.g. "Primary tumour – Metastasis figure". */
export function figureName(spec: FigureSpec, samples: readonly Sample[]): string {
  const names: string[] = [];
  for (const p of spec.panels) {
    const s = p.kind === 'section' ? samples.find((x) => x.id === p.sampleId) : undefined;
    const name = s && sampleTitle(s.name);
    if (name && !names.includes(name)) names.push(name);
  }
  return fileSafe(names.length ? `${names.slice(0, 3).join(' – ')} figure` : 'Clonoscope figure');
}
