// Files that cannot be used get one clear sentence naming the file (an AppError value), never an
// exception: empty, binary, JSON/GeoJSON, companion files, tables without coordinates, corrupt gzip.

import { describe, expect, it } from 'vitest';
import { loadCells } from '../../../shared/dataset/load.ts';
import { expectError, expectOk, fixture, loadFile, loadText, utf8 } from './helpers.ts';

/** One sentence: starts with the file name, ends with a full stop, no line breaks. */
function expectSentence(message: string, file: string): void {
  expect(message.startsWith(file)).toBe(true);
  expect(message).toMatch(/[.]$/);
  expect(message).not.toMatch(/\n/);
}

describe('bad files', () => {
  it.each([
    ['bad/empty.csv', 'file-empty', /is empty \(0 bytes\)/],
    ['bad/comments_only.csv', 'file-empty', /only blank or comment \(#\) lines/],
    ['bad/header_only.csv', 'no-rows', /has a header but no data rows/],
    ['bad/section.png', 'file-binary', /is a PNG image, not a table/],
    ['bad/cells.xlsx', 'file-binary', /Excel workbook \(\.xlsx\)/],
    ['bad/nul_bytes.csv', 'file-binary', /binary data \(NUL bytes\)/],
    ['bad/regions.geojson', 'not-a-cell-table', /GeoJSON file of shapes/],
    ['visium/v1-list/spatial/scalefactors_json.json', 'not-a-cell-table', /Visium scale-factor file/],
    ['bad/corrupt.csv.gz', 'file-unreadable', /could not be decompressed: it is not a valid gzip file/],
    ['bad/truncated.csv.gz', 'file-unreadable', /could not be decompressed/],
    ['steinbock/neighbors/img_001.csv', 'not-a-cell-table', /steinbock neighbour list/],
    ['steinbock/panel.csv', 'not-a-cell-table', /steinbock panel/],
  ])('%s → %s', async (rel, code, pattern) => {
    const file = fixture(rel);
    const err = expectError(await loadFile(file));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(pattern);
    expect(err.file).toBe(file);
    expectSentence(err.message, file);
  });

  it('a table without coordinates lists the columns it has', async () => {
    const file = fixture('bad/no_coordinates.csv');
    const err = expectError(await loadFile(file));
    expect(err.code).toBe('no-coordinates');
    expect(err.message).toBe(`${file} has no x/y coordinate columns. Columns found: Cell ID, Cluster, Transcripts, Area (µm^2). Choose the coordinate columns yourself, or join this table to a cell table by id.`);
  });

  it('coordinate columns holding text are named, with the text found', async () => {
    const file = fixture('bad/text_coordinates.csv');
    const err = expectError(await loadFile(file));
    expect(err.code).toBe('no-coordinates');
    expect(err.message).toBe(`${file} has no usable x/y coordinates: 'x' holds text ('abc') and 'y' holds text ('def') where numbers were expected. Columns found: cell_id, x, y.`);
  });

  it('values and names holding line breaks are shown on one line', async () => {
    const err = expectError(await loadText('cell_id,"x\nkm",y\nc1,"a\nb",c\nc2,"d",e\n', 'multi.csv'));
    expect(err.message).not.toMatch(/\n/);
    expect(err.message).toContain('Columns found: cell_id, x km, y.');
    const ok = expectOk(await loadText('cell_id,x_centroid,y_centroid\nc1,1,2\nc2,"3\n4",5\nc3,6,7\n', 'cells.csv'));
    expect(ok.report.errors).toEqual([{ line: 3, message: "'x_centroid' is not a number ('3⏎4')" }]);
  });

  it('a long column list is cut short in the message', async () => {
    const header = Array.from({ length: 40 }, (_, i) => `gene_${i}`).join(',');
    const err = expectError(await loadText(`${header}\n${Array.from({ length: 40 }, () => '1').join(',')}\n`, 'cell_by_gene.csv'));
    expect(err.message).toContain('gene_11, … (40 columns)');
  });

  it('a file whose every row is bad says why, with the first line', async () => {
    const err = expectError(await loadText('cell_id,x_centroid,y_centroid\nc1,,1\nc2,,2\n', 'cells.csv'));
    expect(err.code).toBe('no-rows');
    expect(err.message).toBe("cells.csv has no cells to show: all 2 rows were skipped (line 2: 'x_centroid' is empty).");
  });

  it('a Visium file with no spot in the tissue says so', async () => {
    const err = expectError(await loadText('barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres\nACGT-1,0,0,0,1,2\n', 'tissue_positions.csv'));
    expect(err.code).toBe('no-rows');
    expect(err.message).toMatch(/all 1 rows were spots outside the tissue/);
  });

  it('steinbock intensities without their regionprops beside them say what to open', async () => {
    const err = expectError(await loadText('Object,Ag107,YBX1\n1,0.5,2\n2,0.25,3\n', 'intensities/img.csv'));
    expect(err.code).toBe('no-coordinates');
    expect(err.message).toMatch(/regionprops\/img\.csv was not found beside it/);
  });

  it('a missing file through the host reader is a value, not an exception', async () => {
    const err = expectError(await loadFile(fixture('bad/does-not-exist.csv')));
    expect(err.message).toMatch(/does-not-exist\.csv cannot be opened/);
  });

  it('a source that fails while streaming becomes an AppError naming the file', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield utf8('cell_id,x,y\nc1,1,2\n');
      throw new Error('disk went away');
    }
    const r = await loadCells(failing(), { fileName: 'cells.csv' });
    const err = expectError(r);
    expect(err.message).toMatch(/^cells\.csv: /);
    expect(err.message).toMatch(/disk went away/);
  });

  it('cancelling stops the load with a cancelled error', async () => {
    let text = 'cell_id,x,y\n';
    for (let i = 0; i < 5000; i++) text += `c${i},${i},${i}\n`;
    const err = expectError(await loadText(text, 'cells.csv', 1024, { isCancelled: () => true }));
    expect(err.code).toBe('cancelled');
    expect(err.message).toBe('Loading cells.csv was cancelled.');
  });

  it('a mapping naming a column the file lacks is refused, with the columns found', async () => {
    const err = expectError(await loadText('a,b\n1,2\n3,4\n', 'plain.csv', undefined, { mapping: { x: 'a', y: 'nope' } }));
    expect(err.code).toBe('bad-mapping');
    expect(err.message).toBe("plain.csv has no column 'nope'. Columns found: a, b.");
  });
});
