// The bundled sample data (sample-data/, made by the simulator): a primary section and a
// metastasis, opened through the same path as any user file.

import type { FileRef } from '../host/types.ts';
import { openFiles, type OpenContext, type SampleLabel } from './open.ts';

const SAMPLE_FILES: readonly { file: string; label?: SampleLabel }[] = [
  { file: 'primary_cells.csv.gz', label: { name: 'Primary tumour (sample data)', site: 'primary', origin: 'sample-data' } },
  { file: 'metastasis_cells.csv.gz', label: { name: 'Metastasis (sample data)', site: 'metastasis', origin: 'sample-data' } },
  // region outlines the simulator drew (core, invasive front, stroma), attached to their sections
  { file: 'primary_regions.geojson' },
  { file: 'metastasis_regions.geojson' },
  // the true clone tree of both sections (mutations per clone)
  { file: 'clone_tree.csv' },
];

export async function openSampleData(ctx: OpenContext): Promise<void> {
  const refs: FileRef[] = [];
  const labels = new Map<FileRef, SampleLabel>();
  try {
    for (const { file, label } of SAMPLE_FILES) {
      const response = await fetch(`./sample-data/${file}`);
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      const ref: FileRef = { kind: 'blob', file: new File([await response.blob()], file), path: `sample-data/${file}` };
      refs.push(ref);
      if (label) labels.set(ref, label);
    }
  } catch (e) {
    ctx.store.set({ message: { kind: 'error', text: `The sample data could not be read (${e instanceof Error ? e.message : String(e)}): rebuild the app with npm run build.` } });
    return;
  }
  await openFiles(ctx, 'cells', refs, labels);
  if (ctx.store.get().message?.kind !== 'error')
    ctx.store.set({
      message: {
        kind: 'info',
        text: 'Sample data: a simulated primary tumour (core, invasive front, stroma) and a metastasis that diverged late from one of its minor subclones. Regions are outlined; colour by clone, region or a marker.',
      },
    });
}
