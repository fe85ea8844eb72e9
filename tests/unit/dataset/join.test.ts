// Joining annotations onto a cell table by id: Visium clusters, Loupe exports, inferCNV annotations
// with R-mangled barcodes, MERSCOPE cell_by_gene on 19-digit ids, and the key column on request.

import { describe, expect, it } from 'vitest';
import type { CellTable } from '../../../shared/dataset/cell-table.ts';
import { describeJoin, joinColumns } from '../../../shared/dataset/join.ts';
import { loadColumnTable } from '../../../shared/dataset/load.ts';
import { bytesSource } from '../../../shared/dataset/source.ts';
import { inspectSummary } from '../../../shared/dataset/summary.ts';
import { counts, expectError, expectOk, fixture, ids, labels, loadFile, loadFileTable, loadText, numbers, utf8 } from './helpers.ts';

const positions = async () => expectOk(await loadFile(fixture('visium/v1-list/spatial/tissue_positions_list.csv')));
const annotation = async (rel: string) => expectOk(await loadFileTable(fixture(rel))).table;

describe('Visium annotations', () => {
  it('joins graphclust clusters.csv by barcode and counts matched and unmatched', async () => {
    const cells = await positions();
    const joined = expectOk(joinColumns(cells.table, await annotation('visium/v1-list/analysis/clustering/graphclust/clusters.csv'), { file: 'clusters.csv' }));
    expect(joined.report).toMatchObject({ cellKey: 'barcode', annotationKey: 'Barcode', matched: 4, unmatchedCells: 1, unmatchedAnnotations: 1, addedColumns: ['Cluster'] });
    expect(labels(joined.table, 'Cluster')).toEqual(['3', '1', '3', '2', undefined]);
    expect(describeJoin(joined.report)).toBe('Joined clusters.csv on Barcode = barcode: 4 cells matched, 1 without annotation, 1 annotation rows not in the table.');
    const summary = inspectSummary({ ...cells, table: joined.table });
    expect(summary.categories.Cluster).toEqual({ '1': 1, '2': 1, '3': 2 });
  });

  it('joins a Loupe export with a BOM, a quoted header and empty labels (missing, not a label "")', async () => {
    const cells = await positions();
    const ann = await annotation('visium/labels/Loupe_Final_Annotations.csv');
    expect(ann.columns.map((c) => c.name)).toEqual(['Barcode', 'Final_Annotations']);
    const joined = expectOk(joinColumns(cells.table, ann, { file: 'Loupe.csv' }));
    expect(joined.report).toMatchObject({ matched: 4, unmatchedCells: 1, unmatchedAnnotations: 0 });
    expect(labels(joined.table, 'Final_Annotations')).toEqual(['GG4', 'Stroma', undefined, 'GG4', undefined]);
    expect(counts(joined.table, 'Final_Annotations')).toEqual({ GG4: 2, Stroma: 1 });
  });

  it('joins inferCNV annotations: no header, TAB, R-mangled barcodes (H2_1_ACGT….1)', async () => {
    const cells = await positions();
    const ann = await annotation('visium/labels/H2_1_inferCNV_annotations.tsv');
    expect(ann.n).toBe(5); // the first line is data, not a header
    const joined = expectOk(joinColumns(cells.table, ann, { file: 'annotations.tsv' }));
    expect(joined.report).toMatchObject({ keyRewrite: 'R-mangled barcodes', matched: 4, unmatchedCells: 1, unmatchedAnnotations: 1 });
    expect(labels(joined.table, 'column 2')).toEqual(['Clone_A.1', 'Clone_A.2', 'Clone_B', undefined, 'Clone_B']);
  });

  it('joins on the column named with `on`, and says so when no such column exists', async () => {
    const cells = await positions();
    const ann = await annotation('visium/labels/Loupe_Final_Annotations.csv');
    expect(expectOk(joinColumns(cells.table, ann, { file: 'Loupe.csv', on: 'Barcode' })).report.annotationKey).toBe('Barcode');
    expect(expectOk(joinColumns(cells.table, ann, { file: 'Loupe.csv', on: 'barcode' })).report.cellKey).toBe('barcode');
    const err = expectError(joinColumns(cells.table, ann, { file: 'Loupe.csv', on: 'spot' }));
    expect(err.code).toBe('join-no-key');
    expect(err.message).toBe("Loupe.csv: there is no key column 'spot' in it or in the cell table (its columns: Barcode, Final_Annotations).");
  });

  it('says which columns it tried when nothing matches', async () => {
    const cells = await positions();
    const ann = expectOk(await loadColumnTable(bytesSource(utf8('spot,label\nAAAA,x\nCCCC,y\n')), { fileName: 'other.csv' })).table;
    const err = expectError(joinColumns(cells.table, ann, { file: 'other.csv' }));
    expect(err.code).toBe('join-no-key');
    expect(err.message).toBe('other.csv: none of its columns (spot, label) matches the ids of the cells.');
  });
});

describe('key choice', () => {
  it('prefers the real id over a label column whose few values happen to match a category of the cells', async () => {
    // the cells have a fov category "1","2"; the annotation's cluster column holds "1","2" too, and
    // only half of the cell ids are annotated
    const cells = expectOk(await loadText('cell_id,x,y,fov\nc1,1,1,1\nc2,2,2,1\nc3,3,3,2\nc4,4,4,2\n')).table;
    const ann = expectOk(await loadColumnTable(bytesSource(utf8('cell_id,cluster\nc1,2\nc3,1\nzz,1\n')), { fileName: 'clusters.csv' })).table;
    const joined = expectOk(joinColumns(cells, ann, { file: 'clusters.csv' }));
    expect(joined.report).toMatchObject({ cellKey: 'cell_id', annotationKey: 'cell_id', matched: 2, unmatchedCells: 2, unmatchedAnnotations: 1 });
    expect(labels(joined.table, 'cluster')).toEqual(['2', undefined, '1', undefined]);
  });

  it('joins MERSCOPE cell_by_gene onto cell_metadata by 19-digit ids (exact, not rounded through a double)', async () => {
    const cells = expectOk(await loadFile(fixture('merscope/cell_metadata.csv'))).table;
    const genes = await annotation('merscope/cell_by_gene.csv');
    expect(ids(genes, 'cell')).toEqual(['2317032900000100001', '2317032900000100002', '2317032900000100003']);
    const joined = expectOk(joinColumns(cells, genes, { file: 'cell_by_gene.csv' }));
    expect(joined.report).toMatchObject({ cellKey: 'EntityID', annotationKey: 'cell', matched: 3, unmatchedCells: 0, unmatchedAnnotations: 0 });
    expect(numbers(joined.table, 'MALAT1')).toEqual([14, 9, 22]);
  });

  it('joins on a composite key (CosMx fov + cell_ID)', async () => {
    const cells = expectOk(await loadFile(fixture('cosmx/Lung5_Rep1_metadata_file.csv'))).table;
    const ann = expectOk(await loadColumnTable(bytesSource(utf8('cell,celltype\n1_2,T cell\n2_1,tumour\n2_9,B cell\n')), { fileName: 'types.csv' })).table;
    const joined = expectOk(joinColumns(cells, ann, { file: 'types.csv' }));
    expect(joined.report).toMatchObject({ cellKey: 'fov_cell_ID', matched: 2, unmatchedAnnotations: 1 });
    expect(labels(joined.table, 'celltype')).toEqual([undefined, 'T cell', 'tumour', undefined]);
  });

  it('a joined column whose name is taken gets the file name added; every column stays n long', async () => {
    const cells = expectOk(await loadText('cell_id,x,y,label\nc1,1,1,A\nc2,2,2,B\n')).table;
    const ann = expectOk(await loadColumnTable(bytesSource(utf8('cell_id,label\nc2,Z\n')), { fileName: 'dir/more.csv' })).table;
    const joined: CellTable = expectOk(joinColumns(cells, ann, { file: 'dir/more.csv' })).table;
    expect(labels(joined, 'label')).toEqual(['A', 'B']);
    expect(labels(joined, 'label (more.csv)')).toEqual([undefined, 'Z']);
  });
});

describe('a join needs a real key', () => {
  it('does not join cluster numbers onto a table whose field-of-view numbers happen to match', async () => {
    const cells = expectOk(await loadText('fov,x_global_px,y_global_px,target\n2,1,2,A\n2,3,4,B\n3,5,6,A\n3,7,8,C\n'));
    let clusters = 'Barcode,Cluster\n';
    for (let i = 0; i < 40; i++) clusters += `ACGTACGTACGTAC${String(i).padStart(2, '0')}-1,${(i % 8) + 1}\n`;
    const ann = expectOk(await loadColumnTable(bytesSource(utf8(clusters)), { fileName: 'clusters.csv' }));
    const joined = joinColumns(cells.table, ann.table, { file: 'clusters.csv' });
    expect(joined.ok).toBe(false);
    if (!joined.ok) expect(joined.error.code).toBe('join-no-key');
  });
});
