import { describe, expect, it } from 'vitest';
import { fileSafe, sampleTitle } from '../../../renderer/figure/name.ts';

describe('names from samples', () => {
  it('drops a trailing note and every table ending', () => {
    expect(sampleTitle('Primary tumour (sample data)')).toBe('Primary tumour');
    expect(sampleTitle('cells.csv.gz')).toBe('cells');
    expect(sampleTitle('cell_seg_data.txt')).toBe('cell_seg_data');
    expect(sampleTitle('lung.core · B')).toBe('lung.core · B');
    expect(sampleTitle('(x)')).toBe('(x)'); // nothing would be left
  });
  it('makes file names any file system accepts', () => {
    expect(fileSafe('a/b:c*d?"e"<f>|g')).toBe('a-b-c-d--e--f--g');
    expect(fileSafe('x'.repeat(300))).toHaveLength(120);
  });
});
