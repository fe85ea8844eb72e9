// The file name a figure is saved under (without extension): its section samples' names, e.g.
// "primary tumour – metastasis figure"; characters no file system accepts become "-".

import type { Sample } from '../app/store.ts';
import type { FigureSpec } from '../scene/figure-layout.ts';

export function figureName(spec: FigureSpec, samples: readonly Sample[]): string {
  const names: string[] = [];
  for (const p of spec.panels) {
    const s = p.kind === 'section' ? samples.find((x) => x.id === p.sampleId) : undefined;
    const name = s?.name.replace(/\s*\([^)]*\)\s*$/, '').replace(/\.(csv|tsv|txt|gz)$/i, '');
    if (name && !names.includes(name)) names.push(name);
  }
  const base = names.length ? `${names.slice(0, 3).join(' – ')} figure` : 'Clonoscope figure';
  return base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').slice(0, 120);
}
