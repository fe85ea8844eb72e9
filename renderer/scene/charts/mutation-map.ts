// The multi-region mutation map (Gerlinger et al. 2012): one row per mutation, grouped by the clone
// whose branch carries it (in tree order, drawn as a small tree on the left), one column per sample
// or region, filled where the mutation is present; a last column gives its class.

import type { CloneTree } from '../../../shared/analysis/clone-tree.ts';
import type { MutationClasses } from '../../../shared/analysis/compare.ts';
import { rect, svg, text, textWidth, type ChartStyle } from './svg.ts';

export const CLASS_COLOURS = { ubiquitous: '#0072B2', shared: '#E69F00', private: '#CC79A7', absent: '#9a9a9a' } as const;

export function mutationMap(tree: CloneTree, classes: MutationClasses, columns: readonly string[], cloneColour: (clone: string) => string, st: ChartStyle, title: string): string {
  const rowH = 9, colW = 26, treeW = 140;
  // rows: clones in tree order (depth-first), each with its mutations
  const children = new Map<number, number[]>();
  tree.parent.forEach((p, c) => children.set(p, [...(children.get(p) ?? []), c]));
  const dfs: { clone: number; depth: number }[] = [];
  const walk = (c: number, depth: number) => {
    dfs.push({ clone: c, depth });
    for (const k of children.get(c) ?? []) walk(k, depth + 1);
  };
  for (const r of children.get(-1) ?? []) walk(r, 0);
  const rowsOf = new Map<number, number[]>();
  classes.cloneOf.forEach((c, k) => rowsOf.set(c, [...(rowsOf.get(c) ?? []), k]));
  const longest = Math.max(30, ...columns.map((c) => textWidth(c, st.fontSize - 1)));
  const top = 30 + Math.min(260, longest * 0.72);
  const maxDepth = Math.max(0, ...dfs.map((d) => d.depth));
  const step = Math.min(18, (treeW - 40) / Math.max(1, maxDepth));
  let y = top;
  let body = text(0, 12, title, st, { weight: 600 });
  columns.forEach((c, j) => (body += text(treeW + j * colW + colW / 2, top - 6, c, st, { rotate: -45, size: st.fontSize - 1, colour: st.muted })));
  body += text(treeW + columns.length * colW + 8, top - 6, 'class', st, { rotate: -45, size: st.fontSize - 1, colour: st.muted });
  const yOf = new Map<number, number>();
  for (const { clone, depth } of dfs) {
    const rows = rowsOf.get(clone) ?? [];
    const h = Math.max(rowH, rows.length * rowH);
    const x = 4 + depth * step;
    yOf.set(clone, y + h / 2);
    const p = tree.parent[clone]!;
    if (p >= 0 && yOf.has(p)) {
      const px = 4 + (depth - 1) * step;
      body += `<path d="M${px + 3},${yOf.get(p)!.toFixed(1)} V${(y + h / 2).toFixed(1)} H${x}" stroke="${st.muted}" fill="none" stroke-width="1"/>`;
    }
    body += `<circle cx="${x + 3}" cy="${(y + h / 2).toFixed(1)}" r="3.5" fill="${cloneColour(tree.clones[clone]!)}"/>` + text(x + 10, y + h / 2, tree.clones[clone]!, st, { size: st.fontSize - 2 });
    rows.forEach((k, r) => {
      const ry = y + r * rowH;
      columns.forEach((_, j) => {
        const on = classes.present[j]?.[k] === 1;
        body += rect(treeW + j * colW + 1, ry + 0.5, colW - 2, rowH - 1, on ? CLASS_COLOURS[classes.classOf[k] as keyof typeof CLASS_COLOURS] : st.grid, `${classes.mutations[k]} in ${columns[j]}: ${on ? `CCF ${(classes.ccf[j]![k]! * 100).toFixed(0)} %` : 'absent'}`);
      });
      body += rect(treeW + columns.length * colW + 6, ry + 0.5, 10, rowH - 1, CLASS_COLOURS[classes.classOf[k] as keyof typeof CLASS_COLOURS], `${classes.mutations[k]}: ${classes.classOf[k]}`);
    });
    y += h + 3;
  }
  let lx = 0;
  const legendY = y + 14;
  for (const [cls, colour] of Object.entries(CLASS_COLOURS)) {
    if (cls === 'absent') continue;
    const n = (classes as unknown as Record<string, number>)[cls] ?? 0;
    body += rect(lx, legendY - 5, 10, 10, colour) + text(lx + 14, legendY, `${cls} (${n})`, st, { size: st.fontSize - 1 });
    lx += 120;
  }
  const width = Math.max(treeW + columns.length * colW + 40 + longest * 0.72, lx + 20);
  return svg(width, legendY + 14, body, st, title);
}
