// `clonoscope inspect FILE [--join TABLE [--on COL]] --json`, run as a child process on the
// hand-written fixtures: the JSON a user (or a script) gets, and exit codes with one clear sentence
// on stderr when a file cannot be used.

import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../paths.ts';
import { ensureCliBuilt, inspectJson, runCli } from './run-cli.ts';

const fx = (rel: string) => `${FIXTURES}/${rel}`;

beforeAll(ensureCliBuilt, 240_000);

describe('inspect --json on every format', () => {
  it.each([
    // file, format, rows, units, x range, y range — read off the fixture files by hand
    ['visium/v1-list/spatial/tissue_positions_list.csv', 'visium', 5, 'um', [756.5, 2816], [1431, 3618]],
    ['visium/v2-header/spatial/tissue_positions.csv', 'visium', 3, 'px', [255.6775, 277.0229], [773.1464, 810.0661]],
    ['xenium/cells.csv', 'xenium', 4, 'um', [319.3426, 1204.5549], [828.2396, 2010.1309]],
    ['xenium/cells.csv.gz', 'xenium', 3, 'um', [16.4049, 828.6819], [862.3819, 2000.5]],
    ['merscope/cell_metadata.csv', 'merscope', 3, 'um', [-4.25, 70.3828], [-0.6363, 3.7932]],
    ['merscope/legacy_cell_metadata.csv', 'merscope', 3, 'um', [2454.4245, 2480.5], [2573.7169, 2595.75]],
    ['merscope/cell_metadata_rwritten.csv', 'merscope', 3, 'um', [-4.25, 70.3828], [-0.6363, 3.7932]],
    ['cosmx/Lung5_Rep1_metadata_file.csv', 'cosmx', 4, 'px', [5503.5, 10115], [-4716, -1157]],
    ['mcmicro/exemplar-001--unmicst_cell.csv', 'mcmicro', 3, 'px', [603.6986, 1301.9057], [7.566, 15.5068]],
    ['mcmicro/example_data.csv', 'mcmicro', 3, 'px', [548.2879, 1095.9615], [115.5, 1062.8132]],
    ['qupath/detections.tsv', 'qupath', 4, 'um', [1520.3, 1700], [2210.75, 2400.25]],
    ['qupath/annotations_latin1.txt', 'qupath', 2, 'um', [812.5, 2450.75], [640.25, 655.5]],
    ['halo/object_results.csv', 'halo', 3, 'px', [2096, 2840.5], [1091.5, 1195.5]],
    ['inform/S6_cell_seg_data.txt', 'inform', 3, 'px', [82, 318], [22, 117]],
    ['inform/P12_cell_seg_data.txt', 'inform', 2, 'px', [82.5, 171.75], [22.5, 30.25]],
    ['steinbock/regionprops/img_001.csv', 'steinbock', 3, 'um', [18.4355, 50.9483], [8.5172, 85.5714]],
    ['cellprofiler/cell.csv', 'cellprofiler', 3, 'px', [12.25, 1245.5], [30.75, 140.5]],
    ['codex/reg001_processor.csv', 'codex', 3, 'px', [104, 1700], [77, 2150]],
    ['codex/goltsev_spleen.csv', 'codex', 3, 'px', [10, 1000], [70, 606]],
    ['generic/cells_xy.csv', 'generic', 4, 'um', [100.5, 130], [190, 210.5]],
    ['generic/semicolon_decimal_comma.csv', 'generic', 3, 'um', [-4.5, 13.75], [99.5, 101]],
  ] as const)('%s', async (rel, format, rows, units, x, y) => {
    const s = await inspectJson(fx(rel));
    expect(s.format).toBe(format);
    expect(s.rows).toBe(rows);
    expect(s.skippedRows).toBe(0);
    expect(s.errors).toEqual([]);
    expect(s.units).toBe(units);
    expect(s.bounds.x[0]).toBeCloseTo(x[0], 3);
    expect(s.bounds.x[1]).toBeCloseTo(x[1], 3);
    expect(s.bounds.y[0]).toBeCloseTo(y[0], 3);
    expect(s.bounds.y[1]).toBeCloseTo(y[1], 3);
  });

  it('reports columns with their role and type, and categories with counts', async () => {
    const s = await inspectJson(fx('halo/object_results.csv'));
    const byName = Object.fromEntries(s.columns.map((c) => [c.name, c]));
    expect(byName.XMin).toEqual({ name: 'XMin', role: 'x', type: 'number' });
    expect(byName.YMax).toEqual({ name: 'YMax', role: 'y', type: 'number' });
    expect(byName['Object Id']).toMatchObject({ role: 'id', type: 'id' });
    expect(byName['Classifier Label']).toMatchObject({ role: 'region', type: 'category' });
    expect(byName['Cell Area (µm²)']).toMatchObject({ role: 'measurement', type: 'number' });
    expect(s.categories['Classifier Label']).toEqual({ Tumor: 2, Stroma: 1 });
  });

  it('Visium: dropped spots counted, pixel size from the scale factors', async () => {
    const s = await inspectJson(fx('visium/v1-list/spatial/tissue_positions_list.csv'));
    expect(s.droppedRows).toBe(3);
    expect(s.pixelSizeUm).toBe(0.5);
    expect(s.columns.find((c) => c.name === 'pxl_col_in_fullres')?.role).toBe('x');
    expect(s.columns.find((c) => c.name === 'pxl_row_in_fullres')?.role).toBe('y');
    const all = await inspectJson(fx('visium/v1-list/spatial/tissue_positions_list.csv'), '--keep-all-spots');
    expect(all.rows).toBe(8);
    expect(all.droppedRows).toBe(0);
    const px = await inspectJson(fx('visium/v1-list/spatial/tissue_positions_list.csv'), '--pixel-size', '2');
    expect(px.pixelSizeUm).toBe(2);
    expect(px.bounds.x).toEqual([1513 * 2, 5632 * 2]);
  });

  it('bad rows: counted, listed with line numbers after quoted newlines', async () => {
    const s = await inspectJson(fx('quirks/quoted_newlines_bad_rows.csv'));
    expect(s.rows).toBe(5);
    expect(s.skippedRows).toBe(4);
    expect(s.errors).toEqual([
      { line: 5, message: "'x' is not a number ('abc')" },
      { line: 9, message: "'x' is empty" },
      { line: 10, message: 'expected 4 fields, found 3' },
      { line: 12, message: 'expected 4 fields, found 5' },
    ]);
    expect(s.categories.note).toEqual({ 'tumour, core': 1, 'spans\ntwo lines': 1, 'three\nline\nnote': 1, 'say "hi"': 1, last: 1 });
  });

  it('an id column named X is not x', async () => {
    const s = await inspectJson(fx('quirks/r_index_X.csv'));
    expect(s.columns.find((c) => c.role === 'x')?.name).toBe('x');
    expect(s.bounds.x).toEqual([10.5, 12.5]);
  });

  it('opening steinbock intensities loads the regionprops beside them and joins on Object', async () => {
    const s = await inspectJson(fx('steinbock/intensities/img_001.csv'));
    expect(s.rows).toBe(3);
    expect(s.joins).toEqual([expect.objectContaining({ annotationKey: 'Object', cellKey: 'Object', matched: 3 })]);
    expect(s.columns.map((c) => c.name)).toContain('Cytokeratin 5');
  });
});

describe('inspect --join', () => {
  const positions = fx('visium/v1-list/spatial/tissue_positions_list.csv');

  it('joins clusters.csv by barcode, with matched / unmatched counts and the joined categories', async () => {
    const s = await inspectJson(positions, '--join', fx('visium/v1-list/analysis/clustering/graphclust/clusters.csv'));
    expect(s.joins).toEqual([expect.objectContaining({ cellKey: 'barcode', annotationKey: 'Barcode', matched: 4, unmatchedCells: 1, unmatchedAnnotations: 1 })]);
    expect(s.categories.Cluster).toEqual({ '1': 1, '2': 1, '3': 2 });
    expect(s.columns.at(-1)).toEqual({ name: 'Cluster', role: 'category', type: 'category' });
  });

  it('joins a Loupe export (BOM, quoted header, empty labels) and an inferCNV annotation file together', async () => {
    const s = await inspectJson(positions, '--join', fx('visium/labels/Loupe_Final_Annotations.csv'), '--join', fx('visium/labels/H2_1_inferCNV_annotations.tsv'));
    expect(s.joins).toHaveLength(2);
    expect(s.joins[0]).toMatchObject({ annotationKey: 'Barcode', matched: 4, unmatchedCells: 1 });
    expect(s.joins[1]).toMatchObject({ keyRewrite: 'R-mangled barcodes', matched: 4, unmatchedAnnotations: 1 });
    expect(s.categories.Final_Annotations).toEqual({ GG4: 2, Stroma: 1 });
    expect(s.categories['column 2']).toEqual({ 'Clone_A.1': 1, 'Clone_A.2': 1, Clone_B: 2 });
  });

  it('--on picks the key; an unknown key is an error', async () => {
    const s = await inspectJson(positions, '--join', fx('visium/labels/Loupe_Final_Annotations.csv'), '--on', 'Barcode');
    expect(s.joins[0]).toMatchObject({ annotationKey: 'Barcode', cellKey: 'barcode' });
    const bad = await runCli(['inspect', positions, '--join', fx('visium/labels/Loupe_Final_Annotations.csv'), '--on', 'spot', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toMatch(/there is no key column 'spot'/);
  });

  it('joins MERSCOPE cell_by_gene by 19-digit ids', async () => {
    const s = await inspectJson(fx('merscope/cell_metadata.csv'), '--join', fx('merscope/cell_by_gene.csv'));
    expect(s.joins[0]).toMatchObject({ cellKey: 'EntityID', annotationKey: 'cell', matched: 3, unmatchedCells: 0 });
  });

  it('a join table that matches nothing fails with a sentence', async () => {
    const r = await runCli(['inspect', fx('generic/cells_xy.csv'), '--join', fx('merscope/cell_by_gene.csv'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/cell_by_gene\.csv: none of its columns \(cell, EGFR, FASN, MALAT1, Blank-1\) matches the ids of the cells\.$/);
  });
});

describe('inspect on files it cannot use', () => {
  it.each([
    ['bad/does-not-exist.csv', /does-not-exist\.csv cannot be opened: no such file\./],
    ['bad/empty.csv', /empty\.csv is empty \(0 bytes\)\./],
    ['bad/section.png', /section\.png is a PNG image, not a table\./],
    ['bad/cells.xlsx', /cells\.xlsx is a zip archive or an Excel workbook \(\.xlsx\)/],
    ['bad/nul_bytes.csv', /nul_bytes\.csv contains binary data \(NUL bytes\), not text\./],
    ['bad/regions.geojson', /regions\.geojson is a GeoJSON file of shapes/],
    ['bad/corrupt.csv.gz', /corrupt\.csv\.gz could not be decompressed: it is not a valid gzip file/],
    ['bad/truncated.csv.gz', /truncated\.csv\.gz could not be decompressed/],
    ['bad/header_only.csv', /header_only\.csv has no cells to show: it has a header but no data rows\./],
    ['bad/comments_only.csv', /comments_only\.csv has no table/],
    ['bad/no_coordinates.csv', /no_coordinates\.csv has no x\/y coordinate columns\. Columns found: Cell ID, Cluster, Transcripts, Area \(µm\^2\)\./],
    ['bad/text_coordinates.csv', /text_coordinates\.csv has no usable x\/y coordinates: 'x' holds text \('abc'\)/],
    ['visium/v1-list/spatial/scalefactors_json.json', /is a Visium scale-factor file/],
    ['visium/v1-list/analysis/clustering/graphclust/clusters.csv', /clusters\.csv has no x\/y coordinate columns\. Columns found: Barcode, Cluster\./],
  ])('%s exits non-zero with one sentence on stderr', async (rel, message) => {
    const r = await runCli(['inspect', fx(rel), '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['inspect'])).code).toBe(2);
    expect((await runCli(['inspect', fx('generic/cells_xy.csv'), '--pixel-size', 'abc'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('the human-readable report names the format, rows and units', async () => {
    const r = await runCli(['inspect', fx('visium/v1-list/spatial/tissue_positions_list.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/format\s+10x Visium spot positions \(visium\)/);
    expect(r.stdout).toMatch(/rows\s+5 \(3 spots outside the tissue \(in_tissue = 0\) dropped\)/);
    expect(r.stdout).toMatch(/units\s+µm/);
  });
});
