// Paths inside a workspace file: data files are stored relative to the workspace's folder with '/'
// separators, so a project folder can move or be shared; a file on another drive stays absolute.
// Pure string work (the renderer has no node:path): POSIX paths and Windows paths (C:\…, \\server\share\…).

const isWindows = (p: string) => /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** The root ('/', 'C:/', '//server/share/') and the segments of an absolute path, '.' and '..' resolved. */
function split(p: string): { root: string; parts: string[] } {
  const win = isWindows(p);
  const s = win ? p.replace(/\\/g, '/') : p;
  let root: string;
  if (win && s.startsWith('//')) {
    const [server = '', share = ''] = s.slice(2).split('/');
    root = `//${server}/${share}/`;
  } else root = win ? `${s.slice(0, 2).toUpperCase()}/` : '/';
  const parts: string[] = [];
  for (const seg of s.slice(root.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return { root, parts };
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || isWindows(p);
}

/** The folder holding a file. */
export function folderOf(file: string): string {
  const { root, parts } = split(file);
  return root + parts.slice(0, -1).join('/');
}

/** `file` relative to `folder` ('data/cells.csv', '../other/cells.csv'); absolute when the roots differ. */
export function relativePath(folder: string, file: string): string {
  if (!isAbsolutePath(file) || !isAbsolutePath(folder)) return file.replace(/\\/g, '/');
  const a = split(folder), b = split(file);
  const win = isWindows(file);
  const same = (x: string, y: string) => (win ? x.toLowerCase() === y.toLowerCase() : x === y);
  if (!same(a.root, b.root)) return file;
  let k = 0;
  while (k < a.parts.length && k < b.parts.length && same(a.parts[k]!, b.parts[k]!)) k++;
  return [...a.parts.slice(k).map(() => '..'), ...b.parts.slice(k)].join('/') || '.';
}

/** A stored path made absolute against the workspace's folder (absolute paths are kept). */
export function resolvePath(folder: string, stored: string): string {
  if (isAbsolutePath(stored)) return stored;
  const { root, parts } = split(`${folder.replace(/[\\/]+$/, '')}/${stored}`);
  const joined = root + parts.join('/');
  return isWindows(folder) ? joined.replace(/\//g, '\\') : joined;
}
