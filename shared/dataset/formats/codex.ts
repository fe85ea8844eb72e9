// CODEX / PhenoCycler tables. Processor CSV: colon-joined headers ("x:x", "y:y", "region:region",
// "cell_id:cell_id"); R-mangled copies (Goltsev et al. 2018, as shipped by SPIAT): "X.X", "Y.Y",
// "Z.Z", "Imaging.phenotype.cluster.ID", "niche.cluster.ID". Coordinates in pixels.

import { type CellFormat, findName, has } from './types.ts';

export const codex: CellFormat = {
  id: 'codex',
  label: 'CODEX / PhenoCycler',
  detect(ctx) {
    if (has(ctx, 'x:x', 'y:y')) return 0.95;
    if (has(ctx, 'X.X', 'Y.Y')) return has(ctx, 'Imaging.phenotype.cluster.ID') || has(ctx, 'sample_Xtile_Ytile') || has(ctx, 'Z.Z') ? 0.95 : 0.7;
    return 0;
  },
  propose(ctx) {
    const processor = has(ctx, 'x:x', 'y:y');
    return {
      mapping: processor
        ? { x: 'x:x', y: 'y:y', ...(has(ctx, 'z:z') ? { z: 'z:z' } : {}), id: findName(ctx, 'cell_id:cell_id'), sample: findName(ctx, 'region:region'), units: 'px' }
        : {
            x: 'X.X',
            y: 'Y.Y',
            ...(has(ctx, 'Z.Z') ? { z: 'Z.Z' } : {}),
            phenotype: findName(ctx, 'Imaging.phenotype.cluster.ID', 'ClusterName', 'cluster'),
            units: 'px',
          },
      sure: true,
      notes: ['CODEX coordinates are in pixels: set the pixel size to work in µm.'],
    };
  },
};
