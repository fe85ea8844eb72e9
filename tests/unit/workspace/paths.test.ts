import { describe, expect, it } from 'vitest';
import { folderOf, isAbsolutePath, relativePath, resolvePath } from '../../../shared/workspace/paths.ts';

describe('workspace paths', () => {
  it('stores files beside or below the workspace relative to its folder', () => {
    expect(relativePath('/home/ana/project', '/home/ana/project/data/cells.csv.gz')).toBe('data/cells.csv.gz');
    expect(relativePath('/home/ana/project', '/home/ana/shared/tree.csv')).toBe('../shared/tree.csv');
    expect(relativePath('/home/ana/project/', '/home/ana/project/a.csv')).toBe('a.csv');
  });
  it('resolves stored paths against the folder the workspace is in now', () => {
    expect(resolvePath('/mnt/usb/project', 'data/cells.csv.gz')).toBe('/mnt/usb/project/data/cells.csv.gz');
    expect(resolvePath('/mnt/usb/project', '../shared/tree.csv')).toBe('/mnt/usb/shared/tree.csv');
    expect(resolvePath('/mnt/usb/project', '/abs/cells.csv')).toBe('/abs/cells.csv');
  });
  it('round-trips: resolve(relative(f)) = f', () => {
    for (const f of ['/a/b/c/d.csv', '/a/x.csv', '/z/y/x.csv']) expect(resolvePath('/a/b', relativePath('/a/b', f))).toBe(f);
  });
  it('handles Windows drives and shares, case-insensitively; another drive stays absolute', () => {
    expect(relativePath('C:\\Users\\ana\\proj', 'c:\\Users\\ana\\proj\\data\\cells.csv')).toBe('data/cells.csv');
    expect(relativePath('C:\\Users\\ana\\proj', 'D:\\data\\cells.csv')).toBe('D:\\data\\cells.csv');
    expect(resolvePath('C:\\Users\\ana\\proj', 'data/cells.csv')).toBe('C:\\Users\\ana\\proj\\data\\cells.csv');
    expect(resolvePath('\\\\lab\\share\\proj', '../raw/c.csv')).toBe('\\\\lab\\share\\raw\\c.csv');
    expect(isAbsolutePath('C:/x')).toBe(true);
    expect(isAbsolutePath('data/x')).toBe(false);
  });
  it('gives the folder of a file', () => {
    expect(folderOf('/home/ana/project/w.clonoscope.json')).toBe('/home/ana/project');
    expect(folderOf('C:\\p\\w.clonoscope.json')).toBe('C:/p');
  });
});
