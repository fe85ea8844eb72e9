// Stacked composition bars: one horizontal bar per sample or region, split into the fractions of
// its labels (clones, phenotypes), with a legend. Fractions in [0, 1]; each bar sums to 1.

import { rect, svg, text, textWidth, type ChartStyle } from './svg.ts';

export interface Bar {
  readonly label: string;
  /** Tumour cells behind the fractions (shown after the label). */
  readonly n: number;
  readonly fractions: ReadonlyMap<string, number>;
}

export interface StackedBarsOptions {
  readonly title: string;
  /** Order of the segments (the legend order). */
  readonly keys: readonly string[];
  readonly colour: (key: string) => string;
  readonly width?: number;
  readonly barHeight?: number;
}

export function stackedBars(bars: readonly Bar[], o: StackedBarsOptions, st: ChartStyle): string {
  const bh = o.barHeight ?? 22, gap = 8;
  const labelW = Math.min(360, Math.max(80, ...bars.map((b) => textWidth(`${b.label} (${b.n.toLocaleString('en')})`, st.fontSize) + 12)));
  const width = Math.max(o.width ?? 560, labelW + 320);
  const plotW = width - labelW - 16;
  const legendRows = Math.ceil(o.keys.length / Math.max(1, Math.floor(width / 110)));
  const top = 26;
  const height = top + bars.length * (bh + gap) + 18 + legendRows * 18 + 8;
  let body = text(0, 12, o.title, st, { weight: 600 });
  bars.forEach((b, k) => {
    const y = top + k * (bh + gap);
    body += text(labelW - 8, y + bh / 2, `${b.label} (${b.n.toLocaleString('en')})`, st, { anchor: 'end' });
    let x = labelW;
    for (const key of o.keys) {
      const f = b.fractions.get(key) ?? 0;
      if (f <= 0) continue;
      const w = f * plotW;
      body += rect(x, y, w, bh, o.colour(key), `${b.label} — ${key}: ${(f * 100).toFixed(1)} %`);
      x += w;
    }
  });
  const axisY = top + bars.length * (bh + gap);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) body += text(labelW + t * plotW, axisY + 6, `${t * 100} %`, st, { anchor: 'middle', colour: st.muted, size: st.fontSize - 2 });
  const perRow = Math.max(1, Math.floor(width / 110));
  o.keys.forEach((key, k) => {
    const x = (k % perRow) * 110, y = axisY + 22 + Math.floor(k / perRow) * 18;
    body += rect(x, y - 5, 10, 10, o.colour(key)) + text(x + 14, y, key, st, { size: st.fontSize - 1 });
  });
  return svg(width, height, body, st, o.title);
}
