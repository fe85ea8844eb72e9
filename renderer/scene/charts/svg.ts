// Small helpers for charts written as SVG text: the same markup is shown in the window and saved
// in figures, so a chart looks the same on screen and on a slide.

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ChartStyle {
  /** CSS colours of text and axes. */
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly font: string;
  /** px */
  readonly fontSize: number;
}

export const LIGHT: ChartStyle = { text: '#1d2127', muted: '#5f6670', grid: '#d8dce2', background: '#ffffff', font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', fontSize: 12 };
export const DARK: ChartStyle = { text: '#e6e8eb', muted: '#9aa1ab', grid: '#343842', background: '#16181c', font: LIGHT.font, fontSize: 12 };

export function text(x: number, y: number, s: string, st: ChartStyle, o: { anchor?: 'start' | 'middle' | 'end'; colour?: string; size?: number; weight?: number; rotate?: number; baseline?: string } = {}): string {
  const rot = o.rotate ? ` transform="rotate(${o.rotate} ${x.toFixed(1)} ${y.toFixed(1)})"` : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" fill="${o.colour ?? st.text}" font-family="${esc(st.font)}" font-size="${o.size ?? st.fontSize}"${o.weight ? ` font-weight="${o.weight}"` : ''} text-anchor="${o.anchor ?? 'start'}" dominant-baseline="${o.baseline ?? 'middle'}"${rot}>${esc(s)}</text>`;
}

/** A filled rectangle; with `tip`, a tooltip (SVG <title>) shown on hover. */
export function rect(x: number, y: number, w: number, h: number, fill: string, tip?: string): string {
  const attrs = `x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${Math.max(0, w).toFixed(2)}" height="${Math.max(0, h).toFixed(2)}" fill="${fill}"`;
  return tip ? `<rect ${attrs}><title>${esc(tip)}</title></rect>` : `<rect ${attrs}/>`;
}

export function svg(width: number, height: number, body: string, st: ChartStyle, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${rect(0, 0, width, height, st.background)}${body}</svg>`;
}

/** Rough text width (px) for layout, without measuring: about 0.58 em per character. */
export function textWidth(s: string, size: number): number {
  return s.length * size * 0.58;
}

/** Black or white, whichever reads better on a background colour (#rrggbb). */
export function ink(background: string): string {
  const v = parseInt(background.slice(1, 7), 16);
  const l = 0.2126 * ((v >> 16) & 255) + 0.7152 * ((v >> 8) & 255) + 0.0722 * (v & 255);
  return l > 140 ? '#111111' : '#ffffff';
}

export function hex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}
