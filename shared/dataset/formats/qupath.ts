// QuPath measurement exports (TSV): "Centroid X µm"/"Centroid Y µm" (or "px" when uncalibrated),
// Class / Classification, Parent, Image. ABBA-registered exports carry Allen CCFv3 X/Y/Z in mm
// instead; a section is then the plane of the two axes that vary (coronal: Z across, Y down).

import { unitsInName, type SourceUnits } from '../mapping.ts';
import { type CellFormat, type FormatContext, findName, hasAny, profileOf } from './types.ts';

const CENTROIDS = [
  ['Centroid X µm', 'Centroid Y µm'],
  ['Centroid X μm', 'Centroid Y μm'],
  ['Centroid X um', 'Centroid Y um'],
  ['Centroid X px', 'Centroid Y px'],
  ['Centroid X', 'Centroid Y'],
] as const;
const CCF = ['Allen CCFv3 X mm', 'Allen CCFv3 Y mm', 'Allen CCFv3 Z mm'] as const;

function centroidPair(ctx: FormatContext): readonly [string, string] | undefined {
  return CENTROIDS.find(([x, y]) => ctx.header.includes(x) && ctx.header.includes(y));
}

const hasCcf = (ctx: FormatContext) => CCF.every((c) => ctx.header.includes(c));
const QUPATH_COLUMNS = ['Image', 'Name', 'Class', 'Classification', 'Parent', 'ROI', 'Object ID', 'Num Detections'];

export const qupath: CellFormat = {
  id: 'qupath',
  label: 'QuPath measurements',
  detect(ctx) {
    if (centroidPair(ctx)) return hasAny(ctx, ...QUPATH_COLUMNS) ? 0.95 : 0.8;
    if (hasCcf(ctx)) return 0.9;
    return 0;
  },
  propose(ctx) {
    const roles = {
      phenotype: findName(ctx, 'Classification', 'Class'),
      region: findName(ctx, 'Parent'),
      sample: findName(ctx, 'Image'),
    };
    const pair = centroidPair(ctx);
    if (pair) {
      const units: SourceUnits = unitsInName(pair[0]) ?? 'px';
      const notes = units === 'px' ? ['Coordinates are in image pixels (the image was not calibrated): set the pixel size to work in µm.'] : [];
      return { mapping: { x: pair[0], y: pair[1], id: findName(ctx, 'Object ID'), units, ...roles }, sure: true, notes };
    }
    // Allen CCF: the axis with the smallest spread is the section's position; the other two span it.
    const spread = CCF.map((c) => {
      const p = profileOf(ctx, c);
      return p ? p.max - p.min : 0;
    });
    const order = [0, 1, 2].sort((a, b) => spread[a]! - spread[b]!);
    const normal = order[0]!;
    const [across, down] = normal === 0 ? [2, 1] : normal === 1 ? [0, 2] : [0, 1];
    return {
      mapping: { x: CCF[across]!, y: CCF[down]!, z: CCF[normal]!, units: 'mm', ...roles },
      sure: true,
      notes: [`Allen CCFv3 atlas coordinates (mm): the section plane is ${CCF[across]!.split(' ')[2]}–${CCF[down]!.split(' ')[2]}, at ${CCF[normal]!.split(' ')[2]} ≈ ${((profileOf(ctx, CCF[normal]!)?.min ?? 0)).toFixed(2)} mm.`],
    };
  },
};
