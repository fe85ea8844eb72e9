// steinbock (imaging mass cytometry): regionprops/<img>.csv has Object, area, centroid-0 (= y, row)
// and centroid-1 (= x, column) in pixels, which for IMC are 1 µm; intensities/<img>.csv has Object and
// one mean intensity per channel. The two are joined on Object.

import { baseName, type CellFormat, has } from './types.ts';

const isRegionprops = (header: readonly string[]) => header.includes('centroid-0') && header.includes('centroid-1');

export const steinbock: CellFormat = {
  id: 'steinbock',
  label: 'steinbock (IMC) single-cell data',
  detect(ctx) {
    if (has(ctx, 'Object') && isRegionprops(ctx.header)) return 1;
    // intensities/<img>.csv alone: Object + channels, no coordinates, in an "intensities" folder
    if (ctx.header[0] === 'Object' && /(^|[\\/])intensities[\\/][^\\/]+$/i.test(ctx.fileName)) return 0.9;
    return 0;
  },
  propose(ctx) {
    if (!isRegionprops(ctx.header)) return null; // intensities: loaded through its regionprops companion
    return {
      mapping: { x: 'centroid-1', y: 'centroid-0', id: 'Object', units: 'px', pixelSizeUm: 1 },
      sure: true,
      notes: ['IMC pixels are 1 µm (centroid-1 is x, centroid-0 is y).'],
    };
  },
  companions(ctx) {
    const name = baseName(ctx.fileName);
    return isRegionprops(ctx.header)
      ? [{ kind: 'join', path: `../intensities/${name}`, on: 'Object' }]
      : [{ kind: 'primary', path: `../regionprops/${name}`, on: 'Object' }];
  },
};
