// Every supported export, from small hand-written fixtures (tests/fixtures/<format>/): the format is
// recognised, the coordinates come from the right columns in the right units, and the columns that
// matter keep their values. Expected numbers are read off the fixture files by eye.

import { describe, expect, it } from 'vitest';
import { inspectSummary } from '../../../shared/dataset/summary.ts';
import { column, counts, expectError, expectOk, f32, fixture, ids, labels, loadFile, numbers } from './helpers.ts';

const xs = (t: { x: Float32Array }) => Array.from(t.x);
const ys = (t: { y: Float32Array }) => Array.from(t.y);
const all = (values: number[]) => values.map(f32);

describe('10x Visium', () => {
  it('reads a header-less tissue_positions_list.csv: pxl_col is x, pxl_row is y, in_tissue = 0 dropped, µm from scalefactors', async () => {
    const { table, report } = expectOk(await loadFile(fixture('visium/v1-list/spatial/tissue_positions_list.csv')));
    expect(report.format).toBe('visium');
    expect(report.hasHeader).toBe(false);
    expect(report.rows).toBe(5);
    expect(report.droppedRows).toBe(3);
    expect(report.droppedWhat).toMatch(/in_tissue = 0/);
    // spot_diameter_fullres 130 → 65 / 130 = 0.5 µm per full-resolution pixel
    expect(table.units).toBe('um');
    expect(table.pixelSizeUm).toBe(0.5);
    expect(xs(table)).toEqual([5632, 1954, 5276, 1513, 1690].map((px) => px * 0.5));
    expect(ys(table)).toEqual([6402, 7236, 2862, 5742, 6112].map((px) => px * 0.5));
    expect(table.roles.x).toEqual(['pxl_col_in_fullres']);
    expect(table.roles.y).toEqual(['pxl_row_in_fullres']);
    expect(ids(table, 'barcode')).toEqual(['AAACAAGTATCTCCCA-1', 'AAACACCAATAACTGC-1', 'AAACAGAGCGACTCCT-1', 'AAACAGCTTTCAGAAG-1', 'AAACAGGGTCTATATT-1']);
    expect(report.notes.join(' ')).toMatch(/0\.5000 µm/);
  });

  it('keeps every spot on request', async () => {
    const { table, report } = expectOk(await loadFile(fixture('visium/v1-list/spatial/tissue_positions_list.csv'), { keepAllRows: true }));
    expect(table.n).toBe(8);
    expect(report.droppedRows).toBe(0);
    expect(counts(table, 'in_tissue')).toEqual({ '0': 3, '1': 5 });
  });

  it('reads a headed tissue_positions.csv with float pixels; without scale factors it stays in pixels', async () => {
    const { table, report } = expectOk(await loadFile(fixture('visium/v2-header/spatial/tissue_positions.csv')));
    expect(report.format).toBe('visium');
    expect(report.hasHeader).toBe(true);
    expect(report.rows).toBe(3);
    expect(report.droppedRows).toBe(1);
    expect(table.units).toBe('px');
    expect(table.pixelSizeUm).toBeUndefined();
    expect(xs(table)).toEqual(all([277.02293093963647, 266.3499012580616, 255.67750036829416]));
    expect(ys(table)).toEqual(all([773.1464013804834, 791.6148335926347, 810.0660829893839]));
    expect(report.notes.join(' ')).toMatch(/No scalefactors_json\.json/);
  });

  it('a user pixel size wins over the scale factors', async () => {
    const { table } = expectOk(await loadFile(fixture('visium/v1-list/spatial/tissue_positions_list.csv'), { mapping: { pixelSizeUm: 2 } }));
    expect(table.pixelSizeUm).toBe(2);
    expect(table.x[0]).toBe(5632 * 2);
  });
});

describe('10x Xenium', () => {
  it('reads cells.csv (XOA ≥ 1.3: string ids, optional columns, segmentation_method)', async () => {
    const { table, report } = expectOk(await loadFile(fixture('xenium/cells.csv')));
    expect(report.format).toBe('xenium');
    expect(table.units).toBe('um');
    expect(table.n).toBe(4);
    expect(xs(table)).toEqual(all([377.9476623535156, 382.4195861816406, 319.3426208496094, 1204.554931640625]));
    expect(ys(table)).toEqual(all([843.8507690429688, 858.3250122070312, 828.2396240234375, 2010.130859375]));
    expect(ids(table, 'cell_id')).toEqual(['aaabinlp-1', 'aaacalai-1', 'aaacjgil-1', 'aaacpaeb-1']);
    expect(Number.isNaN(numbers(table, 'nucleus_area')[2])).toBe(true);
    expect(counts(table, 'segmentation_method')['Segmented by nucleus expansion of 5.0µm']).toBe(1);
  });

  it('reads the early fully quoted layout, plain and gzip-compressed, to the same table', async () => {
    const plain = expectOk(await loadFile(fixture('xenium/early_cells.csv')));
    const gz = expectOk(await loadFile(fixture('xenium/cells.csv.gz')));
    for (const { table, report } of [plain, gz]) {
      expect(report.format).toBe('xenium');
      expect(table.n).toBe(3);
      expect(ids(table, 'cell_id')).toEqual(['aaadnakl-1', 'aaaeaoem-1', 'aaafbpbl-1']);
      expect(xs(table)).toEqual(all([828.6818817138671, 402.3239776611328, 16.40494537353516]));
      expect(ys(table)).toEqual(all([864.7862335205078, 862.3818603515625, 2000.5]));
    }
    expect(inspectSummary(gz)).toEqual({ ...inspectSummary(plain), file: gz.report.file });
  });

  it('reads a Xenium Explorer selection export after its comment lines (one wholly quoted), CRLF, no final newline', async () => {
    const { table, report } = expectOk(await loadFile(fixture('xenium/Selection_1_coordinates.csv')));
    expect(report.errors).toEqual([]);
    expect(table.n).toBe(3);
    expect(xs(table)).toEqual([1200.5, 1210.75, 1195]);
    expect(ys(table)).toEqual([830.25, 845.5, 860]);
    expect(labels(table, 'Selection')).toEqual(['Tumour core', 'Tumour core', 'Tumour core']);
  });

  it('says a Xenium Explorer cell-stats export has no coordinates and lists its columns', async () => {
    const err = expectError(await loadFile(fixture('xenium/Selection_1_cells_stats.csv')));
    expect(err.code).toBe('no-coordinates');
    expect(err.message).toContain('Cell ID, Cluster, Transcripts, Area (µm^2)');
  });
});

describe('Vizgen MERSCOPE', () => {
  it('reads vpt cell_metadata.csv: 19-digit EntityIDs kept exactly, empty fov column, negative coordinates', async () => {
    const { table, report } = expectOk(await loadFile(fixture('merscope/cell_metadata.csv')));
    expect(report.format).toBe('merscope');
    expect(table.units).toBe('um');
    expect(ids(table, 'EntityID')).toEqual(['2317032900000100001', '2317032900000100002', '2317032900000100003']);
    expect(xs(table)).toEqual(all([37.82719630835313, 70.38284004828098, -4.25]));
    expect(ys(table)).toEqual(all([1.7825488665002052, 3.7931618605085164, -0.636259]));
    expect(numbers(table, 'fov').every(Number.isNaN)).toBe(true);
    expect(inspectSummary({ table, report, profiles: [] }).columns.find((c) => c.name === 'fov')?.type).toBe('empty');
  });

  it('reads the legacy layout with a blank first header: the 38–39-digit ids are the id, not a number', async () => {
    const { table, report } = expectOk(await loadFile(fixture('merscope/legacy_cell_metadata.csv')));
    expect(report.format).toBe('merscope');
    expect(table.roles.id).toEqual(['column 1']);
    expect(ids(table, 'column 1')).toEqual([
      '122851975224960588357737638142574126175',
      '12544592916666172487553489012267029149',
      '122851975224960588357737638142574126176',
    ]);
    expect(xs(table)).toEqual(all([2454.424491967362, 2474.425871338023, 2480.5]));
    expect(ys(table)).toEqual(all([2573.716928832817, 2587.531302537812, 2595.75]));
  });

  it('reads an R-rewritten copy: the id column named X is the id, never x', async () => {
    const { table, report } = expectOk(await loadFile(fixture('merscope/cell_metadata_rwritten.csv')));
    expect(report.format).toBe('merscope');
    expect(table.roles.x).toEqual(['center_x']);
    expect(table.roles.id).toEqual(['X']);
    expect(ids(table, 'X')).toEqual(['2317032900000100001', '2317032900000100002', '2317032900000100003']);
    expect(xs(table)).toEqual(all([37.8271963083531, 70.382840048281, -4.25]));
  });
});

describe('NanoString CosMx', () => {
  it('prefers global over local pixels, flags y-up, keys cells by fov + cell_ID', async () => {
    const { table, report } = expectOk(await loadFile(fixture('cosmx/Lung5_Rep1_metadata_file.csv')));
    expect(report.format).toBe('cosmx');
    expect(table.roles.x).toEqual(['CenterX_global_px']);
    expect(table.roles.y).toEqual(['CenterY_global_px']);
    expect(table.units).toBe('px');
    expect(table.yUp).toBe(true);
    expect(table.roles.id).toEqual(['fov', 'cell_ID']);
    expect(xs(table)).toEqual([5503.5, 5593, 9812.75, 10115]);
    expect(ys(table)).toEqual([-1161.25, -1157, -4716, -4707.5]);
  });

  it('falls back to FOV-local pixels (y down) and says the FOVs overlap', async () => {
    const { table, report } = expectOk(await loadFile(fixture('cosmx/Lung5_Rep1_metadata_subset.csv')));
    expect(report.format).toBe('cosmx');
    expect(table.roles.x).toEqual(['CenterX_local_px']);
    expect(table.yUp).toBeUndefined();
    expect(xs(table)).toEqual([2503, 2593, 812]);
    expect(report.notes.join(' ')).toMatch(/FOV-local/);
  });
});

describe('MCMICRO', () => {
  it('reads X_centroid / Y_centroid in pixels', async () => {
    const { table, report } = expectOk(await loadFile(fixture('mcmicro/exemplar-001--unmicst_cell.csv')));
    expect(report.format).toBe('mcmicro');
    expect(table.units).toBe('px');
    expect(table.roles.id).toEqual(['CellID']);
    expect(xs(table)).toEqual(all([1026.2545454545454, 1301.9056603773586, 603.6986301369863]));
    expect(ys(table)).toEqual(all([8.290909090909091, 7.566037735849057, 15.506849315068493]));
    expect(numbers(table, 'DNA_6')).toEqual(all([5230.33, 5707.88, 6099.42]));
  });

  it('reads the older X_position / Y_position naming (no final newline)', async () => {
    const { table, report } = expectOk(await loadFile(fixture('mcmicro/example_data.csv')));
    expect(report.format).toBe('mcmicro');
    expect(table.n).toBe(3);
    expect(xs(table)).toEqual(all([548.2878788, 605.5714286, 1095.961538]));
    expect(ys(table)).toEqual(all([115.5, 1062.813187, 151.5128205]));
    expect(numbers(table, 'Orientation')).toEqual(all([-81.4, 12.3, 40.1]));
  });
});

describe('QuPath', () => {
  it('reads a UTF-8 TSV with Centroid X µm / Centroid Y µm and its classes', async () => {
    const { table, report } = expectOk(await loadFile(fixture('qupath/detections.tsv')));
    expect(report.format).toBe('qupath');
    expect(report.delimiter).toBe('\t');
    expect(table.units).toBe('um');
    expect(table.roles.x).toEqual(['Centroid X µm']);
    expect(xs(table)).toEqual(all([1520.3, 1533.1, 1601.95, 1700.0]));
    expect(ys(table)).toEqual([2210.75, 2215.5, 2301.2, 2400.25].map(f32));
    expect(table.roles.phenotype).toBe('Class');
    expect(labels(table, 'Class')).toEqual(['Tumor: Positive', 'Tumor: Negative', 'Stroma', undefined]);
    expect(counts(table, 'Parent')).toEqual({ 'Annotation (tumour)': 3, Image: 1 });
    expect(Number.isNaN(numbers(table, 'Nucleus: DAB OD mean')[2])).toBe(true);
  });

  it('reads a Latin-1 export (µ is the byte 0xB5) with CRLF', async () => {
    const { table, report } = expectOk(await loadFile(fixture('qupath/annotations_latin1.txt')));
    expect(report.encoding).toBe('windows-1252');
    expect(report.format).toBe('qupath');
    expect(table.roles.x).toEqual(['Centroid X µm']);
    expect(table.columns.map((c) => c.name)).toContain('Area µm^2');
    expect(xs(table)).toEqual([812.5, 2450.75]);
    expect(ys(table)).toEqual([640.25, 655.5]);
    expect(labels(table, 'Name')).toEqual(['Core A-1', 'Core A-2']);
    expect(numbers(table, 'Positive %')).toEqual([25, f32(1.2)]);
  });

  it('reads an uncalibrated export in pixels with UUID object ids', async () => {
    const { table, report } = expectOk(await loadFile(fixture('qupath/cells_px.tsv')));
    expect(report.format).toBe('qupath');
    expect(table.units).toBe('px');
    expect(table.roles.id).toEqual(['Object ID']);
    expect(ids(table, 'Object ID')[1]).toBe('9a2f4e71-0c55-4d2b-8e6a-1b2c3d4e5f60');
    expect(table.roles.phenotype).toBe('Classification');
    expect(xs(table)).toEqual([10240.5, 10300]);
  });
});

describe('HALO', () => {
  it('takes the cell centre as the midpoint of XMin/XMax and YMin/YMax (BOM, CRLF, quoted path with commas)', async () => {
    const { table, report } = expectOk(await loadFile(fixture('halo/object_results.csv')));
    expect(report.format).toBe('halo');
    expect(table.units).toBe('px');
    expect(xs(table)).toEqual([(2090 + 2102) / 2, (2831 + 2850) / 2, (2500 + 2507) / 2]);
    expect(ys(table)).toEqual([(1085 + 1098) / 2, (1100 + 1111) / 2, (1190 + 1201) / 2]);
    expect(table.roles.x).toEqual(['XMin', 'XMax']);
    expect(table.roles.region).toBe('Classifier Label');
    expect(counts(table, 'Classifier Label')).toEqual({ Tumor: 2, Stroma: 1 });
    expect(labels(table, 'Image Location')).toEqual(['\\\\server\\scans\\TMA2_[3,D].qptiff', '\\\\server\\scans\\TMA2_[3,D].qptiff', undefined]);
    expect(table.columns.map((c) => c.name)).toContain('Cell Area (µm²)');
    expect(numbers(table, 'CD3+ CD8+')).toEqual([0, 0, 1]);
  });
});

describe('inForm', () => {
  it('reads cell_seg_data.txt: TAB, #N/A, percent strings, trailing empty version column, CRLF', async () => {
    const { table, report } = expectOk(await loadFile(fixture('inform/S6_cell_seg_data.txt')));
    expect(report.format).toBe('inform');
    expect(report.skippedRows).toBe(0);
    expect(table.units).toBe('px');
    expect(xs(table)).toEqual([82, 171, 318]);
    expect(ys(table)).toEqual([30, 22, 117]);
    expect(table.roles.region).toBe('Tissue Category');
    expect(table.roles.phenotype).toBe('Phenotype');
    expect(counts(table, 'Tissue Category')).toEqual({ Tumor: 2, Stroma: 1 });
    expect(numbers(table, 'Nucleus Area (percent)')).toEqual(all([0.01, 0.01, 0.02]));
    expect(numbers(table, 'Confidence')).toEqual(all([89.36, 97.38, 75.1]));
    const distance = numbers(table, 'Distance from Tissue Category Edge (pixels)');
    expect(Number.isNaN(distance[0])).toBe(true);
    expect(distance[1]).toBe(3.25);
    expect(table.columns.at(-1)!.name).toBe('inForm 2.3.6267.15036');
    expect(labels(table, 'Sample Name')[0]).toBe('S6_[49209,17530].im3');
  });

  it('reads a decimal-comma export (numbers, percents), keeping commas inside text', async () => {
    const { table, report } = expectOk(await loadFile(fixture('inform/P12_cell_seg_data.txt')));
    expect(report.decimalComma).toBe(true);
    expect(xs(table)).toEqual([82.5, 171.75]);
    expect(ys(table)).toEqual([30.25, 22.5]);
    expect(numbers(table, 'Nucleus Area (percent)')).toEqual(all([0.17, 0.01]));
    expect(numbers(table, 'Distance from Tissue Category Edge (pixels)')[1]).toBe(f32(3.243));
    expect(labels(table, 'Sample Name')).toEqual(['P12_[12345,6789].im3', 'P12_[12345,6789].im3']);
  });
});

describe('steinbock', () => {
  it('reads regionprops (centroid-0 is y, centroid-1 is x; IMC pixels are 1 µm) and joins the intensities on Object', async () => {
    const { table, report } = expectOk(await loadFile(fixture('steinbock/regionprops/img_001.csv')));
    expect(report.format).toBe('steinbock');
    expect(table.units).toBe('um');
    expect(xs(table)).toEqual(all([50.94827586206897, 35.65625, 18.435483870967744]));
    expect(ys(table)).toEqual(all([8.517241379310345, 10.0, 85.57142857142857]));
    expect(report.joins).toHaveLength(1);
    expect(report.joins[0]).toMatchObject({ annotationKey: 'Object', cellKey: 'Object', matched: 3, unmatchedCells: 0, unmatchedAnnotations: 0 });
    expect(numbers(table, 'Cytokeratin 5')).toEqual(all([0.034482758620689655, 0.09458689391613007, 2.5]));
  });

  it('opening the intensities table loads its regionprops and joins itself on', async () => {
    const { table, report } = expectOk(await loadFile(fixture('steinbock/intensities/img_001.csv')));
    expect(report.format).toBe('steinbock');
    expect(table.n).toBe(3);
    expect(ys(table)[2]).toBe(f32(85.57142857142857));
    expect(numbers(table, 'YBX1')).toEqual(all([6.507055607335321, 8.0167475938797, 3.125]));
  });

  it('neighbour lists and panels are named for what they are', async () => {
    expect(expectError(await loadFile(fixture('steinbock/neighbors/img_001.csv'))).message).toMatch(/neighbour list/);
    expect(expectError(await loadFile(fixture('steinbock/panel.csv'))).message).toMatch(/steinbock panel/);
  });
});

describe('CellProfiler', () => {
  it('reads Location_Center_X/Y, nan, CRLF; ImageNumber + ObjectNumber is the key', async () => {
    const { table, report } = expectOk(await loadFile(fixture('cellprofiler/cell.csv')));
    expect(report.format).toBe('cellprofiler');
    expect(table.units).toBe('px');
    expect(xs(table)).toEqual([800, 1245.5, 12.25]);
    expect(ys(table)).toEqual([121.5, 140.5, 30.75]);
    expect(table.z && Array.from(table.z)).toEqual([0, 0, 0]);
    expect(table.roles.id).toEqual(['ImageNumber', 'ObjectNumber']);
    expect(Number.isNaN(numbers(table, 'Intensity_MeanIntensity_FullStack_c2')[0])).toBe(true);
    expect(Number.isNaN(numbers(table, 'Neighbors_NumberOfNeighbors_8')[1])).toBe(true);
  });
});

describe('CODEX', () => {
  it('reads the processor layout with name:description headers', async () => {
    const { table, report } = expectOk(await loadFile(fixture('codex/reg001_processor.csv')));
    expect(report.format).toBe('codex');
    expect(table.roles.x).toEqual(['x:x']);
    expect(table.roles.y).toEqual(['y:y']);
    expect(xs(table)).toEqual([104, 388, 1700]);
    expect(ys(table)).toEqual([2103, 2150, 77]);
    expect(table.z && Array.from(table.z)).toEqual([6, 7, 6]);
    expect(table.roles.sample).toBe('region:region');
  });

  it('reads the R-mangled X.X / Y.Y layout (negative intensities) with its phenotype cluster ids', async () => {
    const { table, report } = expectOk(await loadFile(fixture('codex/goltsev_spleen.csv')));
    expect(report.format).toBe('codex');
    expect(xs(table)).toEqual([10, 1000, 512]);
    expect(ys(table)).toEqual([70, 294, 606]);
    expect(table.roles.phenotype).toBe('Imaging.phenotype.cluster.ID');
    expect(counts(table, 'Imaging.phenotype.cluster.ID')).toEqual({ '9600': 2, '9626': 1 });
    expect(numbers(table, 'Ly6C')[0]).toBe(f32(-154.3017578125));
  });
});

describe('generic tables', () => {
  it('finds x/y and guesses clone / region roles by name', async () => {
    const { table, report } = expectOk(await loadFile(fixture('generic/cells_xy.csv')));
    expect(report.format).toBe('generic');
    expect(xs(table)).toEqual([100.5, 110, 120.75, 130]);
    expect(ys(table)).toEqual([200.25, 210.5, 190, 205.5]);
    expect(table.roles.clone).toBe('clone');
    expect(table.roles.region).toBe('region');
    expect(table.roles.id).toEqual(['cell']);
    expect(counts(table, 'clone')).toEqual({ clone_A: 2, clone_B: 1, normal: 1 });
    expect(report.notes.join(' ')).toMatch(/taken to be µm/);
  });

  it('reads a semicolon-separated decimal-comma table with units in the column names', async () => {
    const { table, report } = expectOk(await loadFile(fixture('generic/semicolon_decimal_comma.csv')));
    expect(report.delimiter).toBe(';');
    expect(report.decimalComma).toBe(true);
    expect(table.roles.x).toEqual(['x_um']);
    expect(xs(table)).toEqual([12.5, 13.75, -4.5]);
    expect(ys(table)).toEqual([100.25, 101, 99.5]);
    expect(report.notes).toEqual([]);
  });

  it('does not take an R row-index column named X for x', async () => {
    const { table } = expectOk(await loadFile(fixture('quirks/r_index_X.csv')));
    expect(table.roles.x).toEqual(['x']);
    expect(table.roles.y).toEqual(['y']);
    expect(xs(table)).toEqual([10.5, 11.5, 12.5]);
    expect(column(table, 'X').kind).toBe('number');
  });
});
