// A chart's standalone SVG placed in a box of the figure: its root becomes a nested viewport at
// (x, y) of size w × h (figure units), the chart scaled uniformly to fit and centred horizontally.

import type { Box } from '../scene/figure-layout.ts';
import { num } from '../export/cell-marks.ts';

/** The chart with its root's width, height, xmlns and role replaced by the box (viewBox kept). */
export function placeSvg(chart: string, box: Box, testid?: string): string {
  const start = chart.indexOf('<svg');
  const end = chart.indexOf('>', start);
  if (start < 0 || end < 0) throw new Error('placeSvg: not an SVG');
  const root = chart.slice(start, end);
  const viewBox = /viewBox="([^"]*)"/.exec(root)?.[1] ?? `0 0 ${/width="([\d.]+)"/.exec(root)?.[1] ?? 100} ${/height="([\d.]+)"/.exec(root)?.[1] ?? 100}`;
  const label = /aria-label="([^"]*)"/.exec(root)?.[1];
  const open = `<svg x="${num(box.x)}" y="${num(box.y)}" width="${num(box.w)}" height="${num(box.h)}" viewBox="${viewBox}" preserveAspectRatio="xMidYMin meet"${label ? ` aria-label="${label}"` : ''}${testid ? ` data-panel="${testid}"` : ''}`;
  return open + chart.slice(end);
}
