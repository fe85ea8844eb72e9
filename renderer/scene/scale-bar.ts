// The scale bar: a round length (1, 2 or 5 × 10^k world units) whose on-screen length lies between
// about 60 and 150 CSS px (the 1-2-5 steps are at most 2.5× apart, so one always fits; the one
// nearest ~95 px is taken), and its label in the table's units: "200 nm", "500 µm", "2 mm", or px.

import { formatCount } from '../../shared/errors.ts';
import type { Units } from '../../shared/dataset/cell-table.ts';
import type { ViewState } from './view-state.ts';

export interface ScaleBar {
  /** World units (µm, or px for pixel tables). */
  readonly length: number;
  /** On-screen length, CSS px. */
  readonly cssPixels: number;
  readonly label: string;
}

export interface ScaleBarRange {
  /** CSS px [60, 150]. */
  readonly minCss?: number;
  readonly maxCss?: number;
}

/** The bar for `worldPerCssPx` world units per CSS pixel; null when that is not a positive number. */
export function scaleBar(worldPerCssPx: number, units: Units = 'um', range: ScaleBarRange = {}): ScaleBar | null {
  if (!(worldPerCssPx > 0) || !Number.isFinite(worldPerCssPx)) return null;
  const lo = range.minCss ?? 60, hi = range.maxCss ?? 150;
  const ideal = Math.sqrt(lo * hi) * worldPerCssPx; // world length shown at the middle of the range
  const e = Math.floor(Math.log10(ideal));
  let best = 0, bestMiss = Infinity;
  for (let k = e - 1; k <= e + 1; k++) {
    for (const m of [1, 2, 5]) {
      const length = roundNumber(m * 10 ** k);
      const css = length / worldPerCssPx;
      const miss = Math.abs(Math.log(css / Math.sqrt(lo * hi))) + (css < lo || css > hi ? 100 : 0);
      if (miss < bestMiss) [best, bestMiss] = [length, miss];
    }
  }
  return { length: best, cssPixels: best / worldPerCssPx, label: formatLength(best, units) };
}

/** The bar for a view (scale in device px per world unit) on a screen with `devicePixelRatio`. */
export function scaleBarForView(view: ViewState, devicePixelRatio: number, units: Units = 'um', range?: ScaleBarRange): ScaleBar | null {
  return scaleBar(devicePixelRatio / view.scale, units, range);
}

/** "200 nm", "1 µm", "500 µm", "1 mm", "20 mm", "1 m"; "0.5 px", "500 px", "10,000 px". */
export function formatLength(length: number, units: Units): string {
  if (units === 'px') return `${formatNumber(length)} px`;
  if (length >= 1e6) return `${formatNumber(roundNumber(length / 1e6))} m`;
  if (length >= 1e3) return `${formatNumber(roundNumber(length / 1e3))} mm`;
  if (length >= 1) return `${formatNumber(length)} µm`;
  return `${formatNumber(roundNumber(length * 1e3))} nm`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) && v >= 10_000 ? formatCount(v) : String(v);
}

/** Rids a product like 0.1 × 3 of binary noise (12 significant digits). */
function roundNumber(v: number): number {
  return Number(v.toPrecision(12));
}
