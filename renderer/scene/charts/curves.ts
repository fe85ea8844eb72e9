// Probability curves against the number of biopsies k = 1…K: one line per series with its Wilson
// 95 % band (shaded), y from 0 to 1, an optional horizontal target (dashed, e.g. 95 %), a legend.
// Written as SVG text (svg.ts) so the chart saves as it looks.

import { esc, svg, text, textWidth, type ChartStyle } from './svg.ts';

export interface CurvePoint {
  readonly k: number;
  readonly p: number;
  /** Wilson 95 % interval; omitted: no band. */
  readonly lo?: number;
  readonly hi?: number;
}

export interface CurveSeries {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly CurvePoint[];
  /** Dashed line (a second kind of series on the same chart). */
  readonly dashed?: boolean;
}

export interface CurveOptions {
  readonly title: string;
  readonly yLabel: string;
  readonly xLabel?: string;
  /** A horizontal reference line (0–1) and its label. */
  readonly target?: { readonly y: number; readonly label: string };
  readonly width?: number;
  readonly height?: number;
  /** y axis upper limit [1]. */
  readonly yMax?: number;
}

const f = (v: number) => v.toFixed(1);

export function curveChart(series: readonly CurveSeries[], o: CurveOptions, st: ChartStyle): string {
  const W = o.width ?? 560, H = o.height ?? 300;
  const legendW = Math.min(200, Math.max(60, ...series.map((s) => textWidth(s.name, 11) + 24)));
  const left = 44, right = legendW + 16, top = 26, bottom = 36;
  const pw = W - left - right, ph = H - top - bottom;
  const K = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.k)));
  const yMax = o.yMax ?? 1;
  const x = (k: number) => left + (K === 1 ? pw / 2 : ((k - 1) / (K - 1)) * pw);
  const y = (p: number) => top + ph - (Math.min(yMax, Math.max(0, p)) / yMax) * ph;
  let body = text(0, 10, o.title, st, { weight: 600 });
  // axes and grid
  for (let t = 0; t <= 4; t++) {
    const v = (yMax * t) / 4, yy = y(v);
    body += `<line x1="${left}" x2="${left + pw}" y1="${f(yy)}" y2="${f(yy)}" stroke="${st.grid}" stroke-width="1"/>`;
    body += text(left - 6, yy, `${Math.round(v * 100)} %`, st, { anchor: 'end', colour: st.muted, size: 10 });
  }
  const step = Math.max(1, Math.ceil(K / 12));
  for (let k = 1; k <= K; k += step) body += text(x(k), top + ph + 12, String(k), st, { anchor: 'middle', colour: st.muted, size: 10 });
  body += text(left + pw / 2, H - 6, o.xLabel ?? 'biopsies (k)', st, { anchor: 'middle', colour: st.muted, size: 11 });
  body += text(10, top + ph / 2, o.yLabel, st, { anchor: 'middle', colour: st.muted, size: 11, rotate: -90 });
  if (o.target) {
    const ty = y(o.target.y);
    body += `<line x1="${left}" x2="${left + pw}" y1="${f(ty)}" y2="${f(ty)}" stroke="${st.muted}" stroke-width="1" stroke-dasharray="4 3"/>`;
    body += text(left + pw - 2, ty - 7, o.target.label, st, { anchor: 'end', colour: st.muted, size: 10 });
  }
  // bands under lines
  for (const s of series) {
    const pts = s.points.filter((p) => p.lo !== undefined && p.hi !== undefined && Number.isFinite(p.lo) && Number.isFinite(p.hi));
    if (pts.length < 1) continue;
    const upper = pts.map((p) => `${f(x(p.k))},${f(y(p.hi!))}`);
    const lower = pts.map((p) => `${f(x(p.k))},${f(y(p.lo!))}`).reverse();
    if (pts.length === 1) body += `<line x1="${f(x(pts[0]!.k))}" x2="${f(x(pts[0]!.k))}" y1="${f(y(pts[0]!.lo!))}" y2="${f(y(pts[0]!.hi!))}" stroke="${s.colour}" stroke-opacity="0.35" stroke-width="6"/>`;
    else body += `<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.colour}" fill-opacity="0.16" stroke="none"/>`;
  }
  for (const s of series) {
    const pts = s.points.filter((p) => Number.isFinite(p.p));
    if (!pts.length) continue;
    const tip = `<title>${esc(`${s.name}: ${pts.map((p) => `k=${p.k} ${(p.p * 100).toFixed(1)} %`).join(', ')}`)}</title>`;
    if (pts.length > 1) body += `<polyline points="${pts.map((p) => `${f(x(p.k))},${f(y(p.p))}`).join(' ')}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 3"' : ''}>${tip}</polyline>`;
    for (const p of pts) body += `<circle cx="${f(x(p.k))}" cy="${f(y(p.p))}" r="2.5" fill="${s.colour}">${tip}</circle>`;
  }
  // legend
  const lx = W - legendW;
  series.forEach((s, i) => {
    const ly = top + 6 + i * 16;
    if (ly > H - 8) return;
    body += `<line x1="${lx}" x2="${lx + 16}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="5 2"' : ''}/>`;
    body += text(lx + 21, ly, s.name, st, { size: 11 });
  });
  return svg(W, H, body, st, o.title);
}
