// Real exports from other labs (../shared/real-data, see its PROVENANCE.md) and what loading each
// must give. Shared by the loader and CLI conformance tests. The expected rows and coordinate ranges
// were computed independently of Clonoscope with Python's csv/gzip/json modules:
//
//   rows = [r for r in csv.reader(open(f, encoding='utf-8-sig'), delimiter=d)][1:]   (header-less: [0:])
//   n, (min(float(r[ix])), max(...)), (min(float(r[iy])), max(...))
//
// with ix/iy the coordinate columns named in each entry; HALO centres as (XMin+XMax)/2, (YMin+YMax)/2;
// Visium rows with in_tissue == '1' only, scaled by 65 / spot_diameter_fullres from the
// scalefactors_json.json beside them; QuPath Allen CCF coordinates × 1000 (mm → µm), the section
// plane being Z (across) × Y (down) because X varies least (spread 0.118 / 0.126 mm, against ≥ 6.9 mm).
// Coordinates are stored as Float32, so they are compared to about 7 significant digits.

export interface RealTable {
  readonly file: string;
  readonly format: string;
  readonly rows: number;
  readonly dropped?: number;
  readonly units: 'um' | 'px';
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export const REAL_TABLES: readonly RealTable[] = [
  { file: 'cellprofiler-spiat-tiny/tiny_cellprofiler.txt.gz', format: 'cellprofiler', rows: 9, units: 'px', x: [800.0, 1503.9619047619049], y: [121.5, 287.6190476190476] },
  { file: 'codex-spiat-tiny/tiny_codex.csv.gz', format: 'codex', rows: 9, units: 'px', x: [10, 1009], y: [70, 606] },
  { file: 'cosmx-lung12-giotto-mini/Lung12_fov_positions_file.csv', format: 'cosmx', rows: 2, units: 'px', x: [494.444444444444, 5966.66666666667], y: [-160233.333333333, -160233.333333333] },
  { file: 'cosmx-lung12-giotto-mini/Lung12_tx_file.csv', format: 'cosmx', rows: 20000, units: 'px', x: [5294.53526475695, 6638.50663248698], y: [-157233.317952474, -156594.658333143] },
  { file: 'halo-spiat-tiny/tiny_halo.csv.gz', format: 'halo', rows: 10, units: 'px', x: [2096.0, 2840.5], y: [1091.5, 1105.5] },
  { file: 'imc-steinbock/images.csv', format: 'generic', rows: 15, units: 'um', x: [15242.0, 35299.0], y: [12309.0, 14128.0] },
  { file: 'imc-steinbock/regionprops/20210305_NE_mockData2_001.csv', format: 'steinbock', rows: 55, units: 'um', x: [18.43548387096774, 86.8641975308642], y: [8.517241379310345, 85.57142857142857] },
  // opening the intensities loads the regionprops beside them: same cells, same coordinates
  { file: 'imc-steinbock/intensities/20210305_NE_mockData2_001.csv', format: 'steinbock', rows: 55, units: 'um', x: [18.43548387096774, 86.8641975308642], y: [8.517241379310345, 85.57142857142857] },
  { file: 'inform-spiat-tiny/tiny_inform.txt.gz', format: 'inform', rows: 9, units: 'px', x: [82.0, 318.0], y: [22.0, 117.0] },
  { file: 'mcmicro-scimap-example-legacy/example_data.csv', format: 'mcmicro', rows: 3029, units: 'px', x: [107.0075758, 1095.96063], y: [151.5128205, 1108.378788] },
  { file: 'merscope-vpt-tests/cell_metadata.csv', format: 'merscope', rows: 997, units: 'um', x: [1.7741106808636526, 418.1273918025742], y: [-0.6362588310811236, 417.3451157865662] },
  { file: 'merscope-vpt-tests/detected_transcripts.csv', format: 'merscope', rows: 5936, units: 'um', x: [0.03734364297451975, 55.29364364297453], y: [0.0005353083470254205, 55.29383530834684] },
  { file: 'merscope-vpt-tests/legacy_cell_metadata.csv', format: 'merscope', rows: 7, units: 'um', x: [2454.424491967362, 2480.528116059379], y: [2550.808116263238, 2595.8286090507736] },
  { file: 'qupath-detections-abba-ccf/section1.tsv', format: 'qupath', rows: 5000, units: 'um', x: [586.8, 10722.1], y: [439.0, 7386.7] },
  { file: 'qupath-detections-abba-ccf/section2.tsv', format: 'qupath', rows: 5000, units: 'um', x: [504.6, 10899.5], y: [-7.2, 7266.2] },
  // 4,104 of 4,992 spots in the tissue; 65 / 128.52038999999996 = 0.50575632 µm per pixel
  { file: 'visium-v1-rat-lung/spatial/tissue_positions_list.csv', format: 'visium', rows: 4104, dropped: 888, units: 'um', x: [984.2018064215338, 7038.610760518235], y: [853.7166748404671, 7129.646898830607] },
  // 2,898 of 4,992 spots; 65 / 14.964878633873417 = 4.34350332 µm per pixel
  { file: 'visium-v2-cytassist-floatpx/spatial/tissue_positions.csv', format: 'visium', rows: 2898, dropped: 2094, units: 'um', x: [1105.7307848664138, 6587.316909867227], y: [3358.321570442487, 9580.592451019304] },
  { file: 'xenium-small-rwritten/cells.csv.gz', format: 'xenium', rows: 6, units: 'um', x: [1895.30472412109, 2368.07322998047], y: [2532.62687988281, 2560.04436035156] },
  { file: 'xenium-v1-mouse-brain-WT/cells.csv.gz', format: 'xenium', rows: 20000, units: 'um', x: [16.404923152923583, 6651.443823242187], y: [104.87998847961425, 5276.820336914062] },
];

/** Files without cell coordinates, and what the loader must say about each. */
export const REAL_NON_TABLES: readonly { file: string; code: string; says: RegExp }[] = [
  { file: 'codex-spiat-tiny/tiny_codex_phenotypes.txt.gz', code: 'no-coordinates', says: /has no x\/y coordinate columns\. Columns found: column 1, column 2\./ },
  { file: 'imc-steinbock/neighbors/20210305_NE_mockData2_001.csv', code: 'not-a-cell-table', says: /is a steinbock neighbour list/ },
  { file: 'imc-steinbock/panel.csv', code: 'not-a-cell-table', says: /is a steinbock panel/ },
  { file: 'merscope-vpt-tests/cell_by_gene.csv', code: 'no-coordinates', says: /has no x\/y coordinate columns\. Columns found: cell, AKAP11, .*\(131 columns\)/ },
  { file: 'merscope-vpt-tests/micron_to_mosaic_pixel_transform.csv', code: 'not-a-cell-table', says: /is a MERSCOPE micron-to-pixel transform/ },
  { file: 'qupath-geojson-annotations/TD_01_verysmall_mIF.geojson', code: 'not-a-cell-table', says: /is a GeoJSON file of shapes/ },
  { file: 'visium-v1-rat-lung/analysis/clustering/graphclust/clusters.csv', code: 'no-coordinates', says: /has no x\/y coordinate columns\. Columns found: Barcode, Cluster\./ },
  { file: 'visium-v1-rat-lung/metrics_summary.csv', code: 'not-a-cell-table', says: /is a Space Ranger metrics summary/ },
  { file: 'visium-v1-rat-lung/spatial/scalefactors_json.json', code: 'not-a-cell-table', says: /is a Visium scale-factor file/ },
  { file: 'visium-v2-cytassist-floatpx/spatial/scalefactors_json.json', code: 'not-a-cell-table', says: /is a Visium scale-factor file/ },
  { file: 'xenium-v1-mouse-brain-WT/features.tsv.gz', code: 'not-a-cell-table', says: /is a 10x feature \(gene\) list/ },
];

/** Float32 storage: equal to about 7 significant digits. */
export function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(1e-6, Math.abs(expected) * 2e-7);
}
