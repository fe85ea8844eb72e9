// Virtual biopsies over the cells: outlines with a halo (visible on cells of any colour), a number
// at each biopsy, and round handles on the picked one. A few pixi Graphics and Texts, redrawn alone,
// so dragging a biopsy costs one small redraw per frame. Drawn in the overlays' frame (`drawn`
// view), so they move with the overlay container while the view moves.

import { Container, Graphics, Text } from 'pixi.js';
import { worldToScreen, type ViewState } from '../../scene/view-state.ts';
import type { BiopsyMark } from '../types.ts';
import { ringBounds } from '../../../shared/analysis/ring-bounds.ts';

const PICKED = 0x0072b2; // Okabe–Ito blue for the picked biopsy
/** Ink and halo for a light or a dark background. */
const INKS = { light: [0x111111, 0xffffff], dark: [0xf2f2f2, 0x111111] } as const;

export class BiopsyLayer {
  readonly container = new Container();
  private readonly lines = new Graphics();
  private readonly labels: Text[] = [];
  private marks: readonly BiopsyMark[] = [];

  /** `dark`: whether the section's background is dark (ink and halo swap). */
  constructor(private readonly dark: () => boolean = () => false) {
    this.container.addChild(this.lines);
  }

  set(marks: readonly BiopsyMark[], frame: ViewState | null): void {
    this.marks = marks;
    if (frame) this.draw(frame);
  }

  /** Redraws the current marks for a (new) overlay frame. */
  draw(frame: ViewState): void {
    const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
    const [INK, HALO] = INKS[this.dark() ? 'dark' : 'light'];
    const g = this.lines.clear();
    this.marks.forEach((m, k) => {
      const pts: number[] = [];
      for (let i = 0; i + 1 < m.outline.length; i += 2) pts.push(...worldToScreen(frame, m.outline[i]!, m.outline[i + 1]!));
      g.poly(pts, true).stroke({ color: HALO, width: 4.5 * dpr, alpha: 0.9 });
      g.poly(pts, true).fill({ color: m.picked ? PICKED : INK, alpha: m.picked ? 0.1 : 0.04 }).stroke({ color: m.picked ? PICKED : INK, width: (m.picked ? 2.5 : 1.75) * dpr });
      for (const [hx, hy] of m.handles ?? []) {
        const [sx, sy] = worldToScreen(frame, hx, hy);
        g.circle(sx, sy, 5 * dpr).fill({ color: HALO }).stroke({ color: PICKED, width: 2 * dpr });
      }
      const label = this.label(k, dpr);
      label.text = m.label;
      label.style.fill = m.picked ? PICKED : INK;
      label.style.stroke = { color: HALO, width: 4 * dpr, join: 'round' };
      const [cx, cy] = centre(m.outline, frame);
      label.position.set(cx, cy);
      label.visible = true;
    });
    for (let k = this.marks.length; k < this.labels.length; k++) this.labels[k]!.visible = false;
  }

  private label(k: number, dpr: number): Text {
    let t = this.labels[k];
    if (!t) {
      t = new Text({ text: '', style: { fontFamily: 'system-ui, sans-serif', fontSize: 14 * dpr, fontWeight: '700' } });
      t.anchor.set(0.5);
      this.labels.push(t);
      this.container.addChild(t);
    }
    return t;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

/** Screen centre of an outline's bounding box. */
function centre(outline: Float64Array, frame: ViewState): [number, number] {
  const { x0, x1, y0, y1 } = ringBounds(outline);
  return worldToScreen(frame, (x0 + x1) / 2, (y0 + y1) / 2);
}
