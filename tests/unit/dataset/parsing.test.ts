// Robust parsing: delimiters, decimal commas, encodings, quoting, line ends, comment lines, NA
// tokens, percent strings, long ids, bad rows — through the whole loader, and the pieces on their own
// (tokenizer, number parser, sniffer, column builders).

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CategoryBuilder, IdBuilder, NumberBuilder, makeFieldDecoder, numbersToCategories, shortestFloat32 } from '../../../shared/dataset/columns.ts';
import { isNaToken, parseNumberString } from '../../../shared/dataset/numbers.ts';
import { detectDelimiter, sniffLayout } from '../../../shared/dataset/sniff.ts';
import { MAX_QUOTED_SPAN, RowTokenizer } from '../../../shared/dataset/tokenizer.ts';
import { column, counts, expectError, expectOk, f32, fixture, ids, labels, loadFile, loadText, numbers, utf8 } from './helpers.ts';

const xs = (t: { x: Float32Array }) => Array.from(t.x);
const ys = (t: { y: Float32Array }) => Array.from(t.y);

describe('delimiters and decimal commas', () => {
  it.each([
    ['comma', 'cells.csv', 'cell_id,x,y\nc1,1.5,2.5\nc2,3.25,4\n', ','],
    ['tab', 'cells.tsv', 'cell_id\tx\ty\nc1\t1.5\t2.5\nc2\t3.25\t4\n', '\t'],
    ['semicolon', 'cells.csv', 'cell_id;x;y\nc1;1.5;2.5\nc2;3.25;4\n', ';'],
    ['tab in a .txt', 'cells.txt', 'cell_id\tx\ty\nc1\t1.5\t2.5\nc2\t3.25\t4\n', '\t'],
    ['comma in a .txt (SPIAT CellProfiler)', 'cells.txt', 'cell_id,x,y\nc1,1.5,2.5\nc2,3.25,4\n', ','],
  ])('%s', async (_, name, text, delimiter) => {
    const { table, report } = expectOk(await loadText(text, name));
    expect(report.delimiter).toBe(delimiter);
    expect(xs(table)).toEqual([1.5, 3.25]);
    expect(ys(table)).toEqual([2.5, 4]);
  });

  it('reads decimal commas in a semicolon file and in a tab file', async () => {
    for (const [name, text] of [
      ['a.csv', 'cell_id;x;y;area\nc1;1,5;2,25;10,5\nc2;-3,75;4;7\n'],
      ['a.tsv', 'cell_id\tx\ty\tarea\nc1\t1,5\t2,25\t10,5\nc2\t-3,75\t4\t7\n'],
    ]) {
      const { table, report } = expectOk(await loadText(text!, name));
      expect(report.decimalComma).toBe(true);
      expect(xs(table)).toEqual([1.5, -3.75]);
      expect(ys(table)).toEqual([2.25, 4]);
      expect(numbers(table, 'area')).toEqual([10.5, 7]);
    }
  });

  it('a decimal comma in a comma-separated file is a bad row with a hint, not a silent shift', async () => {
    const { table, report } = expectOk(await loadText('cell_id,x,y\nc1,1.5,2\nc2,"3,5",4\nc3,5,6\n'));
    expect(table.n).toBe(2);
    expect(report.errors).toEqual([{ line: 3, message: "'x' is not a number ('3,5' — is this a decimal-comma file?)" }]);
  });

  it('finds the delimiter when quoted fields hold newlines and the other candidates', () => {
    const lines = 'note;x;y\n"a\nb; c";1;2\n"d";3;4\n"e\n\nf";5;6'.split('\n');
    expect(detectDelimiter(lines, 'a.csv')).toBe(';');
    expect(detectDelimiter(['x,y', '1,2', '3,4'], 'a.tsv')).toBe(',');
    expect(detectDelimiter(['9.2e+00 0.0e+00 -1.2e+02', '0.0e+00 9.2e+00 1.2e+02', '0 0 1'], 'transform.csv')).toBe(' ');
  });
});

describe('encodings', () => {
  it('drops a UTF-8 byte-order mark before the first column name', async () => {
    const { table } = expectOk(await loadText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('cell_id,x,y\nc1,1,2\nc2,3,4\n')])));
    expect(table.columns[0]!.name).toBe('cell_id');
    expect(ids(table, 'cell_id')).toEqual(['c1', 'c2']);
  });

  it('reads Latin-1 µ (0xB5) as µ, in names and in labels', async () => {
    const bytes = new Uint8Array([...utf8('Centroid X '), 0xb5, ...utf8('m\tCentroid Y '), 0xb5, ...utf8('m\tClass\n1\t2\t5'), 0xb5, ...utf8('m ring\n3\t4\tTumor\n')]);
    const { table, report } = expectOk(await loadText(bytes, 'export.txt'));
    expect(report.encoding).toBe('windows-1252');
    expect(report.format).toBe('qupath');
    expect(table.roles.x).toEqual(['Centroid X µm']);
    expect(labels(table, 'Class')).toEqual(['5µm ring', 'Tumor']);
  });

  it('reads UTF-16 (Excel "Unicode text") with its BOM', async () => {
    const text = 'cell_id\tx\ty\nc1\t1.5\t2\nc2\t3\t4\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    const { table } = expectOk(await loadText(le, 'cells.txt', 5));
    expect(xs(table)).toEqual([1.5, 3]);
  });

  it('keeps both micro signs (U+00B5 and Greek U+03BC) and superscripts in names', async () => {
    const { table } = expectOk(await loadText('XMin,XMax,YMin,YMax,Cell Area (µm²),Nucleus Area (μm²)\n0,2,0,4,10,5\n2,4,4,8,11,6\n', 'halo.csv'));
    expect(table.columns.map((c) => c.name).slice(4)).toEqual(['Cell Area (µm²)', 'Nucleus Area (μm²)']);
  });
});

describe('quoting and line ends', () => {
  it('reads quoted delimiters, doubled quotes and newlines, and counts lines right after them', async () => {
    const { table, report } = expectOk(await loadFile(fixture('quirks/quoted_newlines_bad_rows.csv')));
    // header line 1; c2 spans lines 3–4; c4 spans 6–8
    expect(ids(table, 'cell_id')).toEqual(['c1', 'c2', 'c4', 'c7', 'c9']);
    expect(labels(table, 'note')).toEqual(['tumour, core', 'spans\ntwo lines', 'three\nline\nnote', 'say "hi"', 'last']);
    expect(report.skippedRows).toBe(4);
    expect(report.errors).toEqual([
      { line: 5, message: "'x' is not a number ('abc')" },
      { line: 9, message: "'x' is empty" },
      { line: 10, message: 'expected 4 fields, found 3' },
      { line: 12, message: 'expected 4 fields, found 5' },
    ]);
  });

  it('reads CRLF, LF and a mix of them, with or without a final newline, to the same table', async () => {
    const rows = ['cell_id,x,y,label', 'c1,1,2,A', 'c2,3,4,B', 'c3,5,6,C'];
    const variants = [rows.join('\n'), `${rows.join('\n')}\n`, `${rows.join('\r\n')}\r\n`, rows.join('\r\n'), `${rows.slice(0, 3).join('\r\n')}\r\n${rows[3]}`, `${rows[0]}\n${rows[1]}\r\n${rows[2]}\n${rows[3]}\r\n`];
    for (const v of variants) {
      const { table, report } = expectOk(await loadText(v));
      expect(report.errors).toEqual([]);
      expect(ys(table)).toEqual([2, 4, 6]);
      expect(labels(table, 'label')).toEqual(['A', 'B', 'C']);
    }
  });

  it('reads classic Mac line ends (CR alone, Excel "CSV (Macintosh)"), whatever the chunking', async () => {
    const text = 'cell_id,x,y,note\rc1,1,2,"a\rb"\rc2,3,4,ok\rc3,x,5,bad\r';
    for (const chunk of [3, 1 << 20]) {
      const { table, report } = expectOk(await loadText(text, 'cells.csv', chunk));
      expect(ids(table, 'cell_id')).toEqual(['c1', 'c2']);
      expect(report.errors).toEqual([{ line: 5, message: "'x' is not a number ('x')" }]);
    }
  });

  it('a quote that never closes costs its one line, reported once, and the lines after it still load', async () => {
    for (const text of ['cell_id,x,y,note\nc1,1,2,ok\nc2,3,4,"runaway\nc3,5,6,fine\nc4,7,8,fine\n', 'cell_id,x,y,note\nc1,1,2,ok\nc2,3,"runaway\nc3,5,6,fine\nc4,7,8,fine']) {
      const { table, report } = expectOk(await loadText(text));
      expect(report.skippedRows).toBe(1);
      expect(report.errors).toEqual([{ line: 3, message: 'a quote (") opened here is never closed, so the line cannot be split into fields reliably' }]);
      expect(ids(table, 'cell_id')).toEqual(['c1', 'c3', 'c4']);
      expect(xs(table)).toEqual([1, 5, 7]);
    }
  });

  it('a stray quote that only "closes" a megabyte later does not silently swallow the rows in between', async () => {
    const rows = ['cell_id,x,y,note', 'c1,1,2,ok', 'c2,3,4,"stray'];
    for (let i = 0; i < 12000; i++) rows.push(`f${i},5,6,${'z'.repeat(90)}`);
    rows.push('c9,7,8,"closed"', 'c10,9,10,end');
    const bytes = utf8(`${rows.join('\n')}\n`);
    expect(bytes.length).toBeGreaterThan(MAX_QUOTED_SPAN);
    for (const chunk of [65536, 1 << 20, 1 << 22]) {
      const { table, report } = expectOk(await loadText(bytes, 'cells.csv', chunk));
      // c2's line is the bad row; the 12,000 rows after it and c9, c10 load
      expect(table.n).toBe(12003);
      expect(report.skippedRows).toBe(1);
      expect(report.errors).toEqual([{ line: 3, message: 'a quote (") opened here is never closed, so the line cannot be split into fields reliably' }]);
      expect(ids(table, 'cell_id').slice(0, 3)).toEqual(['c1', 'f0', 'f1']);
      expect(ids(table, 'cell_id').slice(-2)).toEqual(['c9', 'c10']);
    }
  });

  it('skips blank lines, also ones holding only spaces or a CR, without counting them as bad rows', async () => {
    const { table, report } = expectOk(await loadText('cell_id,x,y\n\nc1,1,2\n   \n\r\nc2,3,4\n\t\n'));
    expect(table.n).toBe(2);
    expect(report.skippedRows).toBe(0);
  });
});

describe('comment lines before the header', () => {
  it('skips # lines (one wholly quoted, Xenium Explorer style) and keeps line numbers right', async () => {
    const text = '#Selection name: core\r\n"#Areas (µm^2): 1,234.5"\r\n# another\r\ncell_id,x,y\r\nc1,1,2\r\nc2,oops,4\r\nc3,5,6';
    const { table, report } = expectOk(await loadText(text));
    expect(report.hasHeader).toBe(true);
    expect(ids(table, 'cell_id')).toEqual(['c1', 'c3']);
    expect(report.errors).toEqual([{ line: 6, message: "'x' is not a number ('oops')" }]);
  });

  it('reads a commented header ("#cell_id,x,y")', async () => {
    const { table } = expectOk(await loadText('#cell_id,x,y\nc1,1,2\nc2,3,4\n'));
    expect(table.columns.map((c) => c.name)).toEqual(['cell_id', 'x', 'y']);
    expect(xs(table)).toEqual([1, 3]);
  });

  it('reads the fixture with BOM, comment lines, mixed line ends and every NA token', async () => {
    const { table, report } = expectOk(await loadFile(fixture('quirks/comments_bom_crlf_na.csv')));
    expect(report.errors).toEqual([]);
    expect(table.n).toBe(6);
    expect(xs(table)).toEqual([1, 3, 5, 7, 9, 11]);
    const marker = numbers(table, 'marker');
    expect(marker.slice(0, 5).every(Number.isNaN)).toBe(true);
    expect(marker[5]).toBe(0.5);
    expect(labels(table, 'label')).toEqual(['A', 'B', undefined, undefined, 'A', 'B']);
  });
});

describe('missing values, percents, numbers', () => {
  it('treats NA, NaN, nan, #N/A, N/A, null, None and empty as missing, in numbers and in labels', async () => {
    const tokens = ['NA', 'NaN', 'nan', '#N/A', 'N/A', 'null', 'None', '', '""'];
    let text = 'cell_id,x,y,value,label\n';
    tokens.forEach((t, i) => (text += `c${i},${i},${i},${t},${t}\n`));
    text += 'c9,9,9,1.5,Tumor\n';
    const { table } = expectOk(await loadText(text));
    const value = numbers(table, 'value');
    expect(value.slice(0, tokens.length).every(Number.isNaN)).toBe(true);
    expect(value.at(-1)).toBe(1.5);
    expect(labels(table, 'label')).toEqual([...tokens.map(() => undefined), 'Tumor']);
  });

  it('reads percent strings as numbers and marks the column', async () => {
    const { table } = expectOk(await loadFile(fixture('quirks/percent_trailing_tab.tsv')));
    expect(numbers(table, 'positive')).toEqual([12.5, f32(0.01), 100]);
    const col = column(table, 'positive');
    expect(col.kind === 'number' && col.percent).toBe(true);
  });

  it('parses numbers from bytes: signs, exponents, spaces, quotes, percents, Inf', () => {
    const cases: [string, number][] = [
      ['12', 12], ['-12.5', -12.5], ['+3', 3], ['.5', 0.5], ['5.', 5], ['1e3', 1000], ['-1.5E-2', -0.015],
      [' 7 ', 7], ['"8.25"', 8.25], ['59.61 %', 59.61], ['0.01%', 0.01], ['Inf', Infinity], ['-inf', -Infinity],
      ['123456789012345678', 123456789012345678], ['0.30000000000000004', 0.30000000000000004],
    ];
    for (const [s, v] of cases) expect(parseNumberString(s), s).toBe(v);
    for (const s of ['', '-', '.', 'e5', '1e', '1.2.3', '--1', '1-', '0x10', 'abc', '%', '1,5']) expect(Number.isNaN(parseNumberString(s)), s).toBe(true);
    expect(parseNumberString('1,5', true)).toBe(1.5);
    expect(parseNumberString('-0,17 %', true)).toBe(-0.17);
    expect(Number.isNaN(parseNumberString('1.5', true))).toBe(true);
  });

  it('NA tokens are recognised exactly, with spaces and quotes stripped', () => {
    const na = (s: string) => isNaToken(utf8(s), 0, utf8(s).length);
    for (const s of ['', 'NA', ' NA ', '"NA"', 'NaN', 'nan', '#N/A', '<NA>', 'null', 'None']) expect(na(s), s).toBe(true);
    for (const s of ['0', 'na na', 'NAN1', 'Tumor', '-']) expect(na(s), s).toBe(false);
  });

  it('a coordinate far outside any section (Float32 overflow) is a bad row, not an infinite point', async () => {
    const { table, report } = expectOk(await loadText('cell_id,x,y\nc1,1,2\nc2,3e39,4\nc3,5,-1e300\nc4,7,8\n'));
    expect(xs(table)).toEqual([1, 7]);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(report.errors[0]!.message).toBe("'x' is out of range ('3e39')");
  });
});

describe('ids', () => {
  it('keeps 19- and 39-digit ids exactly as written, also when they appear after the sniffed sample', async () => {
    let text = 'EntityID,fov,volume,center_x,center_y\n';
    for (let i = 1; i <= 2100; i++) text += `${i},0,1.5,${i},${i}\n`;
    text += '2317032900000100001,0,1.5,1,1\n122851975224960588357737638142574126175,0,1.5,2,2\n';
    const { table } = expectOk(await loadText(text, 'cell_metadata.csv'));
    const all = ids(table, 'EntityID');
    expect(all[0]).toBe('1');
    expect(all.slice(-2)).toEqual(['2317032900000100001', '122851975224960588357737638142574126175']);
  });

  it('keeps leading zeros and mixed ids as text', () => {
    const dec = makeFieldDecoder(new TextDecoder());
    const b = new IdBuilder('id', 4, dec, false);
    for (const s of ['12', '007', '3']) b.push(utf8(s), 0, utf8(s).length, false);
    const col = b.finish();
    expect(col.kind === 'id' && col.strings).toEqual(['12', '007', '3']);
  });

  it('an unmapped column of integers too long for a double keeps its digits', async () => {
    const { table } = expectOk(await loadText('cell_id,x,y,parent\nc1,1,2,2317032900000100001\nc2,3,4,2317032900000100002\n'));
    expect(ids(table, 'parent')).toEqual(['2317032900000100001', '2317032900000100002']);
  });
});

describe('text in a numeric column', () => {
  it('turns the column into labels without losing the numbers read before the text (beyond the sniffed sample)', async () => {
    let text = 'cell_id,x,y,grade\n';
    for (let i = 1; i <= 2501; i++) text += `${i},${i * 0.5},${i * 0.25},${i === 2400 ? 'high' : 1000 + i}\n`;
    const { table, report } = expectOk(await loadText(text));
    expect(report.skippedRows).toBe(0);
    expect(table.n).toBe(2501);
    const grade = labels(table, 'grade');
    expect(grade[0]).toBe('1001');
    expect(grade[2399]).toBe('high');
    expect(grade[2400]).toBe('3401');
    expect(counts(table, 'grade').high).toBe(1);
  });

  it('integers beyond the exact range of Float32 are kept exactly, also when text turns up later', async () => {
    let text = 'cell_id,x,y,barcode_number\n';
    for (let i = 1; i <= 2501; i++) text += `${i},${i * 0.5},${i * 0.25},${i === 2400 ? 'high' : 16777000 + i}\n`;
    const { table, report } = expectOk(await loadText(text));
    expect(report.skippedRows).toBe(0);
    const values = ids(table, 'barcode_number');
    expect(values[0]).toBe('16777001');
    expect(values[215]).toBe('16777216');
    expect(values[2399]).toBe('high');
    expect(values[2400]).toBe('16779401'); // Float32 would have made it 16779400
  });

  it('shortestFloat32 gives back what was written whenever Float32 could hold it', () => {
    for (const v of [0.1, 1.5, -2.25, 16777216, 12345.67, 3.4e38, 1e-7]) expect(shortestFloat32(Math.fround(v))).toBe(v);
    const nb = new NumberBuilder('n', 2);
    for (const s of ['0.1', '16777216']) nb.push(utf8(s), 0, utf8(s).length);
    const cat = numbersToCategories(nb, makeFieldDecoder(new TextDecoder()), 2);
    expect(cat.labels).toEqual(['0.1', '16777216']);
  });

  it('a stray text value in an x column is a bad row; x stays the coordinate', async () => {
    const { table, report } = expectOk(await loadText('cell_id,x,y\nc1,1,2\nc2,3x,4\nc3,5,6\n'));
    expect(table.roles.x).toEqual(['x']);
    expect(xs(table)).toEqual([1, 5]);
    expect(report.errors).toEqual([{ line: 3, message: "'x' is not a number ('3x')" }]);
  });
});

describe('gzip', () => {
  it('reads gzip by its magic bytes whatever the name', async () => {
    const { table, report } = expectOk(await loadFile(fixture('xenium/cells.csv.gz')));
    expect(report.format).toBe('xenium');
    expect(table.n).toBe(3);
  });

  it('a gzip stream that reaches the parser undecompressed (compressed twice) gets its own message', async () => {
    const err = expectError(await loadText(gzipSync(utf8('x,y\n1,2\n')), 'cells.csv.gz'));
    expect(err.code).toBe('file-binary');
    expect(err.message).toMatch(/^cells\.csv\.gz is gzip-compressed/);
  });
});

describe('R write.table without a row-name header', () => {
  it('a header one name short of the rows gets an unnamed first column instead of every row failing', async () => {
    const { table, report } = expectOk(await loadText('x\ty\tclone\ncell_1\t1.5\t2\tA\ncell_2\t3\t4\tB\n', 'meta.txt'));
    expect(report.skippedRows).toBe(0);
    expect(table.columns.map((c) => c.name)).toEqual(['column 1', 'x', 'y', 'clone']);
    expect(xs(table)).toEqual([1.5, 3]);
  });

  it('a trailing delimiter on every row is not mistaken for row names', async () => {
    const { table } = expectOk(await loadText('x,y,clone\n1.5,2,A,\n3,4,B,\n'));
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'y', 'clone']);
    expect(labels(table, 'clone')).toEqual(['A', 'B']);
  });
});

describe('sniffing', () => {
  const sniff = (text: string, name = 'a.csv') => sniffLayout(text, true, name)!;

  it('tells header from data', () => {
    expect(sniff('cell,x,y\n1,2,3\n').hasHeader).toBe(true);
    expect(sniff('1,2,3\n4,5,6\n').hasHeader).toBe(false);
    expect(sniff('ACGCCTGACACGCGCT-1,0,0,0,1027,1331\nTACCGATCCAACACTT-1,0,1,1,1198,1431\n').hasHeader).toBe(false);
    // inferCNV annotations: R-mangled barcodes with a sample prefix, no header
    expect(sniff('H2_1_AAACAAGTATCTCCCA.1\tClone_A\nH2_1_AAACACCAATAACTGC.1\tClone_B\n', 'a.tsv').hasHeader).toBe(false);
    expect(sniff('Barcode\tCloneNames\nH2_1_AAACAAGTATCTCCCA.1\tA\n', 'a.tsv').hasHeader).toBe(true);
  });

  it('counts preamble and header lines, including a header name holding a newline', () => {
    const l = sniff('# a\n\n# b\n"cell\nid",x,y\n1,2,3\n');
    expect(l.preambleLines).toBe(3);
    expect(l.headerLines).toBe(2);
    expect(l.header).toEqual(['cell\nid', 'x', 'y']);
  });

  it('detects decimal commas only where the delimiter is not a comma', () => {
    expect(sniff('x;y\n1,5;2,5\n').decimalComma).toBe(true);
    expect(sniff('x\ty\n1,5\t2\n', 'a.tsv').decimalComma).toBe(true);
    expect(sniff('x,y\n"1,5","2,5"\n').decimalComma).toBe(false);
    expect(sniff('x;y\n1.5;2,5\n3.5;4\n').decimalComma).toBe(false);
  });
});

describe('tokenizer', () => {
  const rowsOf = (text: string, chunk = 1 << 20) => {
    const out: { fields: string[]; quoted: number[]; line: number }[] = [];
    const tok = new RowTokenizer(44, 8);
    const bytes = utf8(text);
    const sink = {
      row(b: Uint8Array, s: Int32Array, e: Int32Array, q: Uint8Array, n: number, line: number) {
        out.push({ fields: Array.from({ length: n }, (_, i) => new TextDecoder().decode(b.subarray(s[i], e[i]))), quoted: Array.from(q.subarray(0, n)), line });
      },
    };
    for (let i = 0; i < bytes.length; i += chunk) tok.push(bytes.subarray(i, i + chunk), sink);
    tok.finish(sink);
    return out;
  };

  it('splits fields, strips the CR of CRLF, keeps quoted CR and delimiters', () => {
    expect(rowsOf('a,b\r\n"c\r\n",d\r\n')).toEqual([
      { fields: ['a', 'b'], quoted: [0, 0], line: 1 },
      { fields: ['c\r\n', 'd'], quoted: [1, 0], line: 2 },
    ]);
    expect(rowsOf('"x,y","he said ""hi"""\n')[0]!.fields).toEqual(['x,y', 'he said ""hi""']);
  });

  it('a quote inside an unquoted field is literal', () => {
    expect(rowsOf('5" monitor,b\nc,d\n').map((r) => r.fields)).toEqual([['5" monitor', 'b'], ['c', 'd']]);
  });

  it('handles a quote, a doubled quote and a CR exactly at a chunk end', () => {
    const text = '"ab""c",d\r\n"e",f\r\ng,"h"\r\n';
    const whole = rowsOf(text);
    for (let chunk = 1; chunk <= text.length; chunk++) expect(rowsOf(text, chunk)).toEqual(whole);
    expect(whole.map((r) => r.fields)).toEqual([['ab""c', 'd'], ['e', 'f'], ['g', 'h']]);
  });
});

describe('column builders', () => {
  it('category labels are trimmed and shared by their byte spellings; quoted "" is unescaped', () => {
    const b = new CategoryBuilder('c', 2, makeFieldDecoder(new TextDecoder()));
    for (const [s, q] of [['Tumor', false], ['Tumor ', false], ['say ""hi""', true], ['NA', false], ['Stroma', false], ['Tumor', true]] as const) b.push(utf8(s), 0, utf8(s).length, q);
    const col = b.finish();
    expect(col.kind === 'category' && col.labels).toEqual(['Tumor', 'say "hi"', 'Stroma']);
    expect(col.kind === 'category' && Array.from(col.codes)).toEqual([0, 0, 1, 0xffff, 2, 0]);
  });
});
