// Region outlines of a section as a GeoJSON FeatureCollection in µm (x right, y down, the cells'
// frame), one MultiPolygon feature per region, with QuPath-style properties so QuPath imports them
// as classified annotations: { objectType: 'annotation', name, classification: { name, color } }.
//   core            d >  w/2
//   invasive front  −w/2 ≤ d ≤ w/2
//   stroma          −margin ≤ d < −w/2   (the tissue around the tumour)

import { bandPolygons } from '../analysis/contours.ts';
import { REGION_NAMES } from '../analysis/regions.ts';
import type { Section } from './tissue.ts';

/** Region colours [r, g, b] (Okabe–Ito: vermillion, orange, bluish green). */
export const REGION_COLOURS: Readonly<Record<(typeof REGION_NAMES)[number], readonly [number, number, number]>> = {
  core: [213, 94, 0],
  'invasive front': [230, 159, 0],
  stroma: [0, 158, 115],
};

export function regionsGeoJson(section: Section): string {
  const { raster, signedDistance, frontWidthUm } = section.regions;
  const half = frontWidthUm / 2;
  // strict and closed bounds only differ on a set of zero area, so the bands share their edges
  const bands: Record<(typeof REGION_NAMES)[number], [number, number]> = {
    core: [half, Infinity],
    'invasive front': [-half, half],
    stroma: [-section.marginUm, -half],
  };
  const features = (['core', 'invasive front', 'stroma'] as const).map((name) => {
    const polygons = bandPolygons(raster, signedDistance, bands[name][0], bands[name][1]);
    return {
      type: 'Feature',
      id: name.replace(' ', '-'),
      geometry: { type: 'MultiPolygon', coordinates: polygons },
      properties: { objectType: 'annotation', name, classification: { name, color: [...REGION_COLOURS[name]] } },
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}
