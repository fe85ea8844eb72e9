import { describe, expect, it } from 'vitest';
import { insideRing, ringArea2, type Position } from '../../../shared/analysis/contours.ts';
import { REGION_NAMES } from '../../../shared/analysis/regions.ts';
import { MARKERS } from '../../../shared/sim/markers.ts';
import { regionsGeoJson } from '../../../shared/sim/output-geojson.ts';
import { CELLS_HEADER, cellsCsv, cellsCsvChunks, cloneTreeCsv } from '../../../shared/sim/output-tables.ts';
import { simulationRecord } from '../../../shared/sim/record.ts';
import { spotsCsv, spotTable } from '../../../shared/sim/spots.ts';
import { CELL_TYPES, FIBROBLAST, MACROPHAGE, T_CELL, TUMOUR } from '../../../shared/sim/tissue.ts';
import { simulated } from './helpers.ts';

const metastasis = { mode: 'late' as const, cells: 1500, seed: 5, privateMutations: 5 };
const all = (seed: number) => {
  const sim = simulated('selective-sweep', 4000, seed, { metastasis });
  return [
    cellsCsv(sim.primary, sim.clones),
    cellsCsv(sim.metastasis!, sim.clones),
    cloneTreeCsv(sim.clones),
    regionsGeoJson(sim.primary.section),
    spotsCsv(spotTable(sim.primary, sim.clones)),
    simulationRecord(sim),
  ];
};

describe('simulation outputs', () => {
  const sim = simulated('selective-sweep', 4000, 1, { metastasis });
  const csv = cellsCsv(sim.primary, sim.clones);
  const rows = csv.trimEnd().split('\n').map((l) => l.split(','));

  it('same seed and parameters give identical bytes; another seed does not', () => {
    const a = all(1);
    expect(all(1)).toEqual(a);
    expect(all(2)[0]).not.toEqual(a[0]);
    for (const text of a) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.includes('\r')).toBe(false);
    }
  });

  it('writes one row per cell with µm to 2 decimals and the known labels', () => {
    expect(rows[0]!.join(',')).toBe(CELLS_HEADER);
    expect(CELLS_HEADER).toBe(`cell_id,x,y,region,clone,cell_type,${MARKERS.join(',')}`);
    expect(rows.length - 1).toBe(sim.primary.section.n);
    const names = new Set([...sim.clones.names, 'normal']);
    const bad = rows.slice(1).filter((r, k) => {
      const ok =
        r[0] === String(k + 1) &&
        /^\d+\.\d\d$/.test(r[1]!) &&
        /^\d+\.\d\d$/.test(r[2]!) &&
        (REGION_NAMES as readonly string[]).includes(r[3]!) &&
        names.has(r[4]!) &&
        (CELL_TYPES as readonly string[]).includes(r[5]!) &&
        (r[4] === 'normal') === (r[5] !== 'tumour') &&
        r.length === 11 &&
        r.slice(6).every((m) => /^\d+\.\d\d$/.test(m));
      return !ok;
    });
    expect(bad).toEqual([]);
    expect([...cellsCsvChunks(sim.primary, sim.clones, 1000)].join('')).toBe(csv);
  });

  it('gives biopsies a realistic purity: ~60–80 % tumour cells in the core, less at the front', () => {
    const purity = (region: string) => {
      const inRegion = rows.slice(1).filter((r) => r[3] === region);
      return inRegion.filter((r) => r[5] === 'tumour').length / inRegion.length;
    };
    expect(purity('core')).toBeGreaterThan(0.6);
    expect(purity('core')).toBeLessThan(0.8);
    expect(purity('invasive front')).toBeLessThan(purity('core') - 0.15);
    expect(purity('stroma')).toBe(0);
    // the immune band: more CD8 T cells among the front's cells than in the core or the stroma
    const cd8 = (region: string) => rows.slice(1).filter((r) => r[3] === region && r[5] === 'CD8 T cell').length / rows.slice(1).filter((r) => r[3] === region).length;
    expect(cd8('invasive front')).toBeGreaterThan(1.5 * cd8('core'));
    expect(cd8('invasive front')).toBeGreaterThan(1.5 * cd8('stroma'));
  });

  it('gives each cell type its markers: PanCK on tumour, Vimentin on fibroblasts, CD8 on T cells, CD68 on macrophages', () => {
    const { section, markers } = sim.primary;
    const mean = (marker: number, type: number) => {
      let s = 0;
      let k = 0;
      for (let i = 0; i < section.n; i++)
        if (section.cellType[i] === type) {
          s += markers[marker]![i]!;
          k++;
        }
      return s / k;
    };
    for (const [marker, type] of [[0, TUMOUR], [1, FIBROBLAST], [2, T_CELL], [3, MACROPHAGE]] as const)
      for (const other of [TUMOUR, FIBROBLAST, T_CELL, MACROPHAGE]) if (other !== type) expect(mean(marker, type)).toBeGreaterThan(1.5 * mean(marker, other));
    for (const m of markers) expect(Math.min(...m)).toBeGreaterThanOrEqual(0);
  });

  it('writes the clone tree with parents before children and the clone node’s own mutations', () => {
    const lines = cloneTreeCsv(sim.clones).trimEnd().split('\n');
    expect(lines[0]).toBe('clone,parent,mutations');
    const seen = new Set<string>();
    const mutations = new Set<string>();
    for (const [k, line] of lines.slice(1).entries()) {
      const [clone, parent, muts] = line.split(',');
      if (k === 0) {
        expect(parent).toBe('');
        expect(muts).toBe('M1;M2;M3;M4;M5;M6;M7;M8;M9;M10');
      } else expect(seen.has(parent!)).toBe(true);
      seen.add(clone!);
      for (const m of muts ? muts.split(';') : []) {
        expect(m).toMatch(/^M\d+$/);
        expect(mutations.has(m)).toBe(false);
        mutations.add(m);
      }
    }
  });

  it('outlines core, invasive front and stroma as QuPath-style GeoJSON in µm', () => {
    const geo = JSON.parse(regionsGeoJson(sim.primary.section)) as {
      type: string;
      features: { geometry: { type: string; coordinates: Position[][][] }; properties: { name: string; classification: { name: string; color: number[] } } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.properties.name)).toEqual(['core', 'invasive front', 'stroma']);
    for (const f of geo.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.properties.classification.name).toBe(f.properties.name);
      expect(f.properties.classification.color).toHaveLength(3);
      expect(f.geometry.coordinates.length).toBeGreaterThan(0);
      for (const polygon of f.geometry.coordinates)
        for (const [k, ring] of polygon.entries()) {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(Math.sign(ringArea2(ring))).toBe(k === 0 ? 1 : -1);
        }
    }
    // most cells labelled core lie inside the core outline, and most others outside it
    const core = geo.features[0]!.geometry.coordinates;
    const inCore = (x: number, y: number) => core.some((p) => insideRing(p[0]!, x, y) && !p.slice(1).some((h) => insideRing(h, x, y)));
    const { section } = sim.primary;
    let agree = 0;
    for (let i = 0; i < section.n; i++) if (inCore(section.x[i]!, section.y[i]!) === (section.region[i] === 2)) agree++;
    expect(agree / section.n).toBeGreaterThan(0.98);
  });

  it('aggregates the same cells into 55 µm spots on a 100 µm hexagonal grid', () => {
    const spots = spotTable(sim.primary, sim.clones);
    const text = spotsCsv(spots).trimEnd().split('\n');
    const header = text[0]!.split(',');
    expect(header.slice(0, 7)).toEqual(['barcode', 'x', 'y', 'in_tissue', 'n_cells', 'majority_clone', 'region']);
    expect(header.slice(7)).toEqual([...sim.clones.names, 'normal'].map((c) => `fraction_${c}`));
    expect(new Set(spots.barcode).size).toBe(spots.n);
    let assigned = 0;
    for (const line of text.slice(1)) {
      const r = line.split(',');
      expect(r).toHaveLength(header.length);
      expect(r[0]).toMatch(/^[ACGT]{16}-1$/);
      const n = Number(r[4]);
      assigned += n;
      expect(r[3]).toBe(n > 0 ? '1' : '0');
      if (n === 0) continue;
      const fractions = r.slice(7).map(Number);
      expect(Math.abs(fractions.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.0005 * fractions.length);
      const best = header[7 + fractions.indexOf(Math.max(...fractions))]!.slice('fraction_'.length);
      expect(r[5]).toBe(best);
    }
    // a 55 µm disc every 100·100·√3/2 µm² holds ~27.4 % of the tissue's cells
    expect(assigned / sim.primary.section.n).toBeGreaterThan(0.2);
    expect(assigned / sim.primary.section.n).toBeLessThan(0.35);
    // nearest spots are 100 µm apart
    expect(spots.x[1]! - spots.x[0]!).toBe(100);
  });
});
