// The figure's look: page colour, ink and chart style from its background and font choices.
// Figure units are points (1/72 in); screen sizes in CSS px become 0.75 pt.

import { DARK, LIGHT, type ChartStyle } from '../scene/charts/svg.ts';
import type { FigureSpec } from '../scene/figure-layout.ts';

/** pt per CSS px (1/96 in). */
export const PT_PER_PX = 0.75;

export interface FigureLook {
  /** CSS colour of the page, or null (transparent). */
  readonly page: string | null;
  /** Chart style in pt: text and axes colours, font family and body size. */
  readonly style: ChartStyle;
}

export function figureLook(spec: Pick<FigureSpec, 'background' | 'fontFamily' | 'fontSizePt'>): FigureLook {
  const base = spec.background === 'dark' ? DARK : LIGHT;
  const page = spec.background === 'white' ? '#ffffff' : spec.background === 'dark' ? DARK.background : null;
  return { page, style: { ...base, background: page ?? 'none', font: spec.fontFamily, fontSize: spec.fontSizePt } };
}
