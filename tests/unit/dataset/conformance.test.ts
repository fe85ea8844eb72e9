// Conformance against real exports from other labs (../shared/real-data, see its PROVENANCE.md):
// every file loads to the rows and coordinate ranges computed independently (see real-data.ts), or
// fails with the sentence that says what it is. Skipped, with the reason printed, without the folder.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectSummary } from '../../../shared/dataset/summary.ts';
import { REAL_DATA, hasRealData, realDataSkipReason, realFile } from '../../paths.ts';
import { joinColumns } from '../../../shared/dataset/join.ts';
import { column, counts, expectError, expectOk, ids, loadFile, loadFileTable } from './helpers.ts';
import { REAL_NON_TABLES, REAL_TABLES, close } from './real-data.ts';

if (!hasRealData) console.log(`SKIPPED: ${realDataSkipReason}`);

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe.skipIf(!hasRealData)('real exports through loadCells', () => {
  it('every file in the folder loads or is refused with a sentence naming it (files added later too)', async () => {
    const listed = new Set([...REAL_TABLES, ...REAL_NON_TABLES].map((t) => t.file));
    expect([...listed].filter((f) => !existsSync(realFile(f)))).toEqual([]);
    const found = allFiles(REAL_DATA).filter((f) => !f.endsWith('.md'));
    expect(found.length).toBeGreaterThanOrEqual(listed.size);
    for (const file of found) {
      const r = await loadFile(file);
      if (r.ok) expect(Array.from(r.value.table.x).every(Number.isFinite), file).toBe(true);
      else {
        expect(r.error.code, file).not.toBe('internal');
        expect(r.error.message.startsWith(file), r.error.message).toBe(true);
      }
    }
  });

  it.each(REAL_TABLES.map((t) => [t.file, t] as const))('%s', async (_, t) => {
    const loaded = expectOk(await loadFile(realFile(t.file)));
    const s = inspectSummary(loaded);
    expect(s.format).toBe(t.format);
    expect(s.rows).toBe(t.rows);
    expect(s.skippedRows).toBe(0);
    expect(s.errors).toEqual([]);
    expect(s.droppedRows).toBe(t.dropped ?? 0);
    expect(s.units).toBe(t.units);
    for (const [got, want] of [[s.bounds.x[0], t.x[0]], [s.bounds.x[1], t.x[1]], [s.bounds.y[0], t.y[0]], [s.bounds.y[1], t.y[1]]] as const)
      expect(close(got, want), `${got} ≈ ${want}`).toBe(true);
    expect(Array.from(loaded.table.x).every(Number.isFinite) && Array.from(loaded.table.y).every(Number.isFinite)).toBe(true);
  });

  it.each(REAL_NON_TABLES.map((t) => [t.file, t] as const))('%s is refused with a clear sentence', async (_, t) => {
    const file = realFile(t.file);
    const err = expectError(await loadFile(file));
    expect(err.code).toBe(t.code);
    expect(err.message).toMatch(t.says);
    expect(err.message.startsWith(file)).toBe(true);
  });

  it('keeps the 19- and 39-digit MERSCOPE ids exactly', async () => {
    const vpt = expectOk(await loadFile(realFile('merscope-vpt-tests/cell_metadata.csv'))).table;
    const vptIds = ids(vpt, 'EntityID');
    expect([vptIds[0], vptIds.at(-1)]).toEqual(['2317032900000100001', '2317032900024100080']);
    expect(new Set(vptIds).size).toBe(997);
    const legacy = expectOk(await loadFile(realFile('merscope-vpt-tests/legacy_cell_metadata.csv'))).table;
    expect(ids(legacy, 'column 1')).toEqual([
      '122851975224960588357737638142574126175',
      '12544592916666172487553489012267029149',
      '19320643404846173073645158443356416746',
      '278553449663181344055724306744100259899',
      '283637591229266918050461000208591062004',
      '315044445292209057016535672629872777287',
      '6805969505460782826686193089187090913',
    ]);
  });

  it('reads the categories the way Python counts them', async () => {
    // collections.Counter over the raw columns
    const inform = expectOk(await loadFile(realFile('inform-spiat-tiny/tiny_inform.txt.gz'))).table;
    expect(counts(inform, 'Tissue Category')).toEqual({ TUMOUR: 8, STROMA: 1 });
    expect(counts(inform, 'Phenotype')).toEqual({ 'AMACR+PD-L1-': 8, OTHER: 1 });
    const tx = expectOk(await loadFile(realFile('cosmx-lung12-giotto-mini/Lung12_tx_file.csv'))).table;
    expect(counts(tx, 'CellComp')).toEqual({ Nuclear: 8898, '0': 5786, Cytoplasm: 3483, Membrane: 1833 });
    const section2 = expectOk(await loadFile(realFile('qupath-detections-abba-ccf/section2.tsv'))).table;
    expect(counts(section2, 'Class')).toEqual({ Positive: 4965, Negative: 35 });
    const halo = expectOk(await loadFile(realFile('halo-spiat-tiny/tiny_halo.csv.gz'))).table;
    expect(counts(halo, 'Classifier Label')).toEqual({ TUMOUR: 10 });
  });

  it('Visium v1: 4,104 in-tissue spots of 4,992, px → µm from the scale factors, clusters joined 4,104 of 4,104', async () => {
    const { table, report } = expectOk(await loadFile(realFile('visium-v1-rat-lung/spatial/tissue_positions_list.csv')));
    expect(report.rows + report.droppedRows).toBe(4992);
    expect(table.pixelSizeUm).toBeCloseTo(65 / 128.52038999999996, 12);
    const clusters = expectOk(await loadFileTable(realFile('visium-v1-rat-lung/analysis/clustering/graphclust/clusters.csv'))).table;
    const joined = expectOk(joinColumns(table, clusters, { file: 'clusters.csv' }));
    expect(joined.report).toMatchObject({ matched: 4104, unmatchedCells: 0, unmatchedAnnotations: 0 });
    expect(counts(joined.table, 'Cluster')).toEqual({ '1': 912, '2': 633, '3': 607, '4': 508, '5': 495, '6': 401, '7': 311, '8': 237 });
  });

  it('steinbock: intensities joined on Object for all 55 cells', async () => {
    const { table, report } = expectOk(await loadFile(realFile('imc-steinbock/regionprops/20210305_NE_mockData2_001.csv')));
    expect(report.joins[0]).toMatchObject({ matched: 55, unmatchedCells: 0, unmatchedAnnotations: 0 });
    expect(column(table, 'Cytokeratin 5').kind).toBe('number');
  });
});
