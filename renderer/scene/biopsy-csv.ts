// The biopsies of a sample as CSV: one row per biopsy and clone — where and how big the biopsy is,
// its cells and purity, and the clone's share there, in the whole tumour and in the biopsy's region.
// Positions and sizes in µm (px tables: in pixels).

import { templateOf, type BiopsyShape } from '../../shared/analysis/biopsy/geometry.ts';
import type { BiopsyReport } from '../../shared/analysis/biopsy/report.ts';

const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const n6 = (v: number) => (Number.isFinite(v) ? v.toFixed(6) : '');

export function biopsiesCsv(sample: string, shapes: readonly BiopsyShape[], reports: readonly BiopsyReport[]): string {
  const head = 'sample,biopsy,kind,centre_x,centre_y,diameter_or_length,width,angle_deg,cells,tumour_cells,purity,region,clone,clone_cells,fraction,tumour_fraction,region_fraction,missed';
  const rows = shapes.flatMap((s, k) => {
    const r = reports[k]!, t = templateOf(s);
    const size = t.kind === 'punch' ? [2 * t.radius, '', ''] : [t.length, t.width, t.angleDeg];
    return r.clones.map((c) =>
      [q(sample), k + 1, s.kind, s.cx.toFixed(2), s.cy.toFixed(2), ...size, r.cells, r.tumourCells, n6(r.purity), q(r.region ?? ''), q(c.clone), c.cells, n6(c.fraction), n6(c.sectionFraction), n6(c.regionFraction), r.missedClones.includes(c.clone) ? 1 : 0].join(','),
    );
  });
  return [head, ...rows].join('\n') + '\n';
}
