// A labelled square heatmap (JSD between samples): a sequential colormap from 0 to `max`, the
// value written in each cell.

import { ink, rect, svg, text, textWidth, type ChartStyle } from './svg.ts';

export interface HeatmapOptions {
  readonly title: string;
  readonly max: number;
  /** t in [0, 1] → CSS colour #rrggbb. */
  readonly colour: (t: number) => string;
  readonly format?: (v: number) => string;
  readonly cell?: number;
  /** Row/column highlighted as the reference. */
  readonly reference?: number;
}

export function heatmap(labels: readonly string[], values: readonly (readonly number[])[], o: HeatmapOptions, st: ChartStyle): string {
  const cell = o.cell ?? 56;
  const fmt = o.format ?? ((v: number) => v.toFixed(2));
  const longest = Math.max(40, ...labels.map((l) => textWidth(l, st.fontSize)));
  const labelW = Math.min(360, longest + 12);
  const top = 26 + Math.min(260, longest * 0.72 + 10); // column labels at −45°
  const n = labels.length;
  const width = Math.max(labelW + n * cell + 8, labelW + (n - 0.5) * cell + longest * 0.72 + 8), height = top + n * cell + 8;
  let body = text(0, 12, o.title, st, { weight: 600 });
  labels.forEach((l, j) => (body += text(labelW + j * cell + cell / 2, top - 6, l, st, { anchor: 'start', rotate: -45, colour: j === o.reference ? st.text : st.muted, weight: j === o.reference ? 700 : 400 })));
  labels.forEach((l, i) => {
    const y = top + i * cell;
    body += text(labelW - 6, y + cell / 2, l, st, { anchor: 'end', weight: i === o.reference ? 700 : 400 });
    for (let j = 0; j < n; j++) {
      const v = values[i]![j]!;
      const c = o.colour(Math.min(1, Math.max(0, v / (o.max || 1))));
      body += rect(labelW + j * cell, y, cell - 2, cell - 2, c) + text(labelW + j * cell + cell / 2 - 1, y + cell / 2, fmt(v), st, { anchor: 'middle', colour: ink(c), size: st.fontSize - 1 });
    }
  });
  return svg(width, height, body, st, o.title);
}
