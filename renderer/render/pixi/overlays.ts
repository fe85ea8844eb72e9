// Region polygons, clone territory outlines, map labels and the selection outline. Drawn in screen
// space from world coordinates; while the view moves the drawing is transformed instead of rebuilt.

import { Container, Graphics, Text } from 'pixi.js';
import { worldToScreen, type ViewState } from '../../scene/view-state.ts';
import type { OverlayPolygon, SectionScene } from '../types.ts';

const DASH = 6, GAP = 4;

function screenRing(ring: Float64Array, view: ViewState): number[] {
  const pts: number[] = [];
  for (let k = 0; k + 1 < ring.length; k += 2) {
    const [x, y] = worldToScreen(view, ring[k]!, ring[k + 1]!);
    pts.push(x, y);
  }
  return pts;
}

function dashedRing(g: Graphics, pts: number[]): void {
  const n = pts.length / 2;
  let on = true, left = DASH;
  for (let k = 0; k < n; k++) {
    let x0 = pts[2 * k]!, y0 = pts[2 * k + 1]!;
    const x1 = pts[(2 * (k + 1)) % pts.length]!, y1 = pts[(2 * (k + 1) + 1) % pts.length]!;
    let len = Math.hypot(x1 - x0, y1 - y0);
    while (len > 0) {
      const step = Math.min(left, len);
      const t = step / len;
      const xm = x0 + (x1 - x0) * t, ym = y0 + (y1 - y0) * t;
      if (on) g.moveTo(x0, y0).lineTo(xm, ym);
      x0 = xm;
      y0 = ym;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        on = !on;
        left = on ? DASH : GAP;
      }
    }
  }
}

function fillPolygon(g: Graphics, p: OverlayPolygon, view: ViewState): void {
  if (p.fillAlpha <= 0) return;
  const rings = p.rings.map((r) => screenRing(r, view)).filter((r) => r.length >= 6);
  if (rings.length === 0) return;
  g.poly(rings[0]!, true).fill({ color: p.colour, alpha: p.fillAlpha });
  for (const hole of rings.slice(1)) g.poly(hole, true).cut();
}

function strokePolygon(g: Graphics, p: OverlayPolygon, view: ViewState): void {
  const rings = p.rings.map((r) => screenRing(r, view)).filter((r) => r.length >= 6);
  if (p.strokeAlpha > 0 && p.strokeWidth > 0) {
    for (const r of rings) {
      if (p.dashed) dashedRing(g, r);
      else g.poly(r, true);
      g.stroke({ color: p.colour, alpha: p.strokeAlpha, width: p.strokeWidth });
    }
  }
}

/**
 * Region fills go under the cells (seen between them, so cell colours stay exact); outlines,
 * labels and the selection go over them.
 */
export class Overlays {
  readonly under = new Container();
  readonly container = new Container();
  private readonly fills = new Graphics();
  private readonly shapes = new Graphics();
  private readonly selection = new Graphics();
  private readonly labels = new Container();
  private drawn: ViewState | null = null;

  constructor(private readonly labelColour: () => string) {
    this.container.addChild(this.shapes, this.selection, this.labels);
    this.under.addChild(this.fills);
  }

  draw(scene: SectionScene, view: ViewState): void {
    this.shapes.clear();
    this.fills.clear();
    for (const p of scene.overlays) {
      fillPolygon(this.fills, p, view);
      strokePolygon(this.shapes, p, view);
    }
    this.drawOutline(scene.selectionOutline ?? null, view);
    for (const child of this.labels.removeChildren()) child.destroy();
    for (const l of scene.labels) {
      const [x, y] = worldToScreen(view, l.x, l.y);
      const t = new Text({ text: l.text, style: { fontFamily: 'system-ui, sans-serif', fontSize: 13, fontWeight: '600', fill: l.colour, stroke: { color: this.labelColour(), width: 3 } } });
      t.anchor.set(0.5);
      t.position.set(Math.round(x), Math.round(y));
      this.labels.addChild(t);
    }
    this.drawn = view;
    for (const c of [this.container, this.under]) {
      c.position.set(0, 0);
      c.scale.set(1);
    }
  }

  /** The selection rectangle or lasso (world coordinates), in the current drawing's frame. */
  drawOutline(outline: Float64Array | null, view: ViewState): void {
    this.selection.clear();
    if (!outline || outline.length < 4) return;
    const d = this.drawn ?? view;
    const pts = screenRing(outline, d);
    this.selection.poly(pts, outline.length > 4).fill({ color: '#4da3ff', alpha: 0.08 }).stroke({ color: '#1f7ae0', width: 1.5, alpha: 0.95 });
  }

  /** Moves the last drawing with the view; labels keep their size. */
  follow(view: ViewState): void {
    const d = this.drawn;
    if (!d) return;
    const k = view.scale / d.scale;
    const ySign = view.yUp ? -1 : 1;
    for (const c of [this.container, this.under]) {
      c.scale.set(k);
      c.position.set(view.width / 2 - (d.width / 2) * k + (d.cx - view.cx) * view.scale, view.height / 2 - (d.height / 2) * k + (d.cy - view.cy) * view.scale * ySign);
    }
    for (const child of this.labels.children) child.scale.set(1 / k);
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.under.destroy({ children: true });
  }
}
