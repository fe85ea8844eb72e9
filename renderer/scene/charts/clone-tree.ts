// The clone tree as a diagram: the root at the top, each clone a disc in its colour under its
// parent, leaves spread evenly and parents centred over their children; the number of mutations on
// each branch is written beside it. With `shares`, each disc's area follows the clone's share of
// the tumour cells (a clone without cells is an open circle).

import type { CloneTree } from '../../../shared/analysis/clone-tree.ts';
import { esc, svg, text, type ChartStyle } from './svg.ts';

export function cloneTreeChart(tree: CloneTree, colour: (clone: string) => string, st: ChartStyle, o: { title?: string; width?: number; height?: number; shares?: ReadonlyMap<string, number> } = {}): string {
  const n = tree.clones.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let c = 0; c < n; c++) (tree.parent[c]! >= 0 ? children[tree.parent[c]!]! : roots).push(c);
  const depth = new Int32Array(n);
  for (const c of tree.order) if (tree.parent[c]! >= 0) depth[c] = depth[tree.parent[c]!]! + 1;
  const maxDepth = Math.max(0, ...depth);
  // x: leaves in depth-first order at 0, 1, 2, …; a parent at the mean of its children
  const x = new Float64Array(n);
  let leaf = 0;
  const place = (c: number): number => {
    const kids = children[c]!;
    x[c] = kids.length ? kids.map(place).reduce((a, b) => a + b, 0) / kids.length : leaf++;
    return x[c]!;
  };
  roots.forEach(place);
  const W = o.width ?? Math.max(240, leaf * 56 + 40), H = o.height ?? Math.max(160, (maxDepth + 1) * 64 + 50);
  const top = o.title ? 34 : 16, bottom = 22, side = 24;
  const px = (c: number) => side + (leaf <= 1 ? (W - 2 * side) / 2 : (x[c]! / (leaf - 1)) * (W - 2 * side));
  const py = (c: number) => top + (maxDepth === 0 ? (H - top - bottom) / 2 : (depth[c]! / maxDepth) * (H - top - bottom));
  const maxShare = o.shares ? Math.max(1e-9, ...o.shares.values()) : 1;
  const radius = (c: number) => {
    const r0 = Math.min(12, (W - 2 * side) / Math.max(1, leaf) / 3);
    if (!o.shares) return r0;
    const s = o.shares.get(tree.clones[c]!) ?? 0;
    return s > 0 ? Math.max(2.5, r0 * Math.sqrt(s / maxShare)) : r0 * 0.45;
  };
  let body = o.title ? text(0, 10, o.title, st, { weight: 600 }) : '';
  for (let c = 0; c < n; c++) {
    const p = tree.parent[c]!;
    if (p < 0) continue;
    body += `<line x1="${px(p).toFixed(1)}" y1="${py(p).toFixed(1)}" x2="${px(c).toFixed(1)}" y2="${py(c).toFixed(1)}" stroke="${st.muted}" stroke-width="1.5"/>`;
    const m = tree.mutations[c]!.length;
    if (m) body += text((px(p) + px(c)) / 2 + 4, (py(p) + py(c)) / 2, String(m), st, { colour: st.muted, size: st.fontSize - 2 });
  }
  for (let c = 0; c < n; c++) {
    const name = tree.clones[c]!;
    const empty = o.shares && !(o.shares.get(name)! > 0);
    const share = o.shares?.get(name);
    const tip = `<title>${esc(`${name}: ${tree.mutations[c]!.length} mutations on its branch${share !== undefined ? `, ${(share * 100).toFixed(1)} % of tumour cells` : ''}`)}</title>`;
    body += `<circle cx="${px(c).toFixed(1)}" cy="${py(c).toFixed(1)}" r="${radius(c).toFixed(1)}" fill="${empty ? 'none' : colour(name)}" stroke="${empty ? colour(name) : st.background === 'none' ? '#ffffff' : st.background}" stroke-width="${empty ? 1.5 : 1}">${tip}</circle>`;
    body += text(px(c), py(c) + radius(c) + st.fontSize * 0.75, name, st, { anchor: 'middle', size: st.fontSize - 1 });
  }
  if (o.shares) body += text(W - 4, H - 6, 'disc area ∝ share of tumour cells; numbers: mutations per branch', st, { anchor: 'end', colour: st.muted, size: st.fontSize - 3 });
  else body += text(W - 4, H - 6, 'numbers: mutations per branch', st, { anchor: 'end', colour: st.muted, size: st.fontSize - 3 });
  return svg(W, H, body, st, o.title ?? 'Clone tree');
}
