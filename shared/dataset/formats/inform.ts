// Akoya / PerkinElmer inForm *_cell_seg_data.txt (TAB): "Cell X Position", "Cell Y Position" in
// pixels unless the export was set to microns (headers then say "(microns)"). Tissue Category,
// Phenotype, Sample Name / Slide ID. Quirks (#N/A, "0.17 %", decimal commas) are handled by the parser.

import { type CellFormat, findName, has } from './types.ts';

export const inform: CellFormat = {
  id: 'inform',
  label: 'inForm cell segmentation data',
  detect(ctx) {
    if (!has(ctx, 'Cell X Position', 'Cell Y Position')) return 0;
    return has(ctx, 'Tissue Category') || has(ctx, 'Phenotype') || has(ctx, 'Sample Name') ? 1 : 0.8;
  },
  propose(ctx) {
    const microns = ctx.header.some((h) => /\((square )?microns\)/i.test(h));
    return {
      mapping: {
        x: 'Cell X Position',
        y: 'Cell Y Position',
        id: findName(ctx, 'Cell ID'),
        region: findName(ctx, 'Tissue Category'),
        phenotype: findName(ctx, 'Phenotype'),
        sample: findName(ctx, 'Slide ID', 'Sample Name'),
        units: microns ? 'um' : 'px',
      },
      sure: true,
      notes: microns ? [] : ['inForm coordinates are in image pixels: set the pixel size to work in µm (often 0.5 µm at 20×).'],
    };
  },
};
