// Xenium Explorer selection-coordinate CSVs (FORMATS.md §2) on hand-written fixtures in the layout
// the app's users send: `#` comment lines (the list of areas wholly quoted), X,Y or Selection,X,Y in µm,
// CRLF line ends. The stated areas were computed from the vertices with the shoelace formula.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../../../shared/analysis/region-stats.ts';
import { parseXeniumSelection } from '../../../shared/analysis/xenium-selection.ts';
import { FIXTURES } from '../../paths.ts';

const fixture = (name: string) => readFileSync(`${FIXTURES}/xenium-explorer/${name}`, 'utf8');

function parsed(text: string) {
  const r = parseXeniumSelection(text, 'sel.csv');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function errorOf(text: string) {
  const r = parseXeniumSelection(text, 'sel.csv');
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseXeniumSelection: fixtures', () => {
  it('one selection (X,Y), closed ring, CRLF', () => {
    const { polygons, statedAreasUm2 } = parsed(fixture('Selection_1_coordinates.csv'));
    expect(polygons.map((p) => p.name)).toEqual(['Selection 1']);
    const ring = polygons[0]!.rings[0]!;
    expect(ring.length / 2).toBe(7); // 8 rows, the closing vertex dropped
    expect([ring[0], ring[1], ring[12], ring[13]]).toEqual([1523.4375, 812.8125, 1432.6875, 1050.375]);
    expect(statedAreasUm2).toEqual([255244.46]);
    expect(polygonArea(polygons[0]!.rings)).toBeCloseTo(255244.46, 1);
  });

  it('several selections (Selection,X,Y), a quoted name with a comma, the areas line wholly quoted', () => {
    const { polygons, statedAreasUm2 } = parsed(fixture('Selections_coordinates.csv'));
    expect(polygons.map((p) => p.name)).toEqual(['Core', 'Invasive margin', 'Lymph node, metastasis']);
    expect(polygons.map((p) => p.rings[0]!.length / 2)).toEqual([4, 4, 3]);
    // the names line splits into 4 at its commas, so the 3 areas go by order: 300², 700², triangle
    expect(statedAreasUm2).toEqual([90000, 490000, 69279.66]);
    polygons.forEach((p, k) => expect(polygonArea(p.rings)).toBeCloseTo(statedAreasUm2[k]!, 1));
  });

  it('a cell list exported from a selection is not a polygon, and says so', () => {
    const e = parseXeniumSelection(fixture('Selection_1_cells_stats.csv'), 'Selection_1_cells_stats.csv');
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.error.message).toMatch(/Selection_1_cells_stats\.csv is a Xenium Explorer cell list \(Cell ID, Cluster, Transcripts, Area \(µm\^2\)\), not selection coordinates/);
      expect(e.error.line).toBe(3);
    }
  });
});

describe('parseXeniumSelection: variants', () => {
  it('LF, a byte-order mark, no comment lines, an open ring, names matched to areas', () => {
    const one = parsed('\uFEFFX,Y\n0,0\n10,0\n10,10\n');
    expect(one.polygons[0]!.name).toBe('Selection 1');
    expect([...one.polygons[0]!.rings[0]!]).toEqual([0, 0, 10, 0, 10, 10]);
    expect(one.statedAreasUm2).toEqual([null]);
    const two = parsed('#Selection names: b, a\r\n"#Areas (µm^2): 50,8"\r\nSelection,X,Y,Class,Color\r\na,0,0,,\r\na,4,0,,\r\na,0,4,,\r\nb,0,0,x,#ff0000\r\nb,10,0,x,#ff0000\r\nb,0,10,x,#ff0000\r\n');
    expect(two.polygons.map((p) => p.name)).toEqual(['a', 'b']);
    expect(two.statedAreasUm2).toEqual([8, 50]); // by name, not by order
  });
});

describe('parseXeniumSelection: errors name the file and line', () => {
  it('only comments', () => {
    expect(errorOf('#Selection name: a\r\n#Area (µm^2): 1\r\n').message).toBe('sel.csv has no selection coordinates: it holds only comment lines.');
  });
  it('no X,Y header', () => {
    const e = errorOf('#Selection name: a\nx_centroid,y_centroid\n1,2\n');
    expect(e.message).toBe("sel.csv is not a Xenium Explorer selection: line 2 should be the header X,Y or Selection,X,Y, but it is 'x_centroid,y_centroid'.");
    expect(e.line).toBe(2);
  });
  it('a value that is not a number', () => {
    const e = errorOf('X,Y\r\n1,2\r\n3,abc\r\n');
    expect(e.message).toBe("sel.csv, line 3: 'abc' in column Y is not a number.");
    expect(e.line).toBe(3);
    expect(errorOf('X,Y\n1,\n').message).toBe('sel.csv, line 2: no Y value.');
  });
  it('a header and nothing else', () => {
    expect(errorOf('Selection,X,Y\r\n').message).toBe('sel.csv has a header (Selection,X,Y) but no coordinates below it.');
  });
  it('a selection with fewer than 3 distinct points', () => {
    expect(errorOf('Selection,X,Y\na,0,0\na,1,1\na,0,0\n').message).toBe("sel.csv: selection 'a' has 2 distinct points; a polygon needs at least 3.");
  });
});
