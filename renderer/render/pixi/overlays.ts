// Region polygons, clone territory outlines, map labels and the selection outline.
//
// Fills (under the cells, seen between them so cell colours stay exact) and outlines with labels
// (over the cells) are painted with the 2D canvas API into two view-sized textures when the view
// settles; while it moves they are moved and scaled like the cell raster, so even very detailed
// outlines cost one textured quad per frame on software WebGL. The selection outline is a small
// vector drawing, redrawn as it is dragged.

import { CanvasSource, Container, Graphics, Sprite, Texture } from 'pixi.js';
import { worldToScreen, type ViewState } from '../../scene/view-state.ts';
import type { BiopsyMark, OverlayPolygon, SectionScene } from '../types.ts';
import { BiopsyLayer } from './biopsy-layer.ts';

/** A view-sized 2D canvas shown as a pixi sprite. */
class CanvasLayer {
  readonly sprite = new Sprite();
  private readonly canvas = document.createElement('canvas');
  private source: CanvasSource | null = null;

  begin(view: ViewState): CanvasRenderingContext2D {
    const w = Math.max(1, Math.round(view.width)), h = Math.max(1, Math.round(view.height));
    if (this.canvas.width !== w || this.canvas.height !== h || !this.source) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.source?.destroy();
      this.source = new CanvasSource({ resource: this.canvas, scaleMode: 'linear' });
      this.sprite.texture = new Texture({ source: this.source });
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.clearRect(0, 0, w, h);
    return ctx;
  }

  end(): void {
    this.source?.update();
  }

  destroy(): void {
    this.sprite.destroy();
    this.source?.destroy();
  }
}

function tracePolygon(ctx: CanvasRenderingContext2D, rings: readonly Float64Array[], view: ViewState): void {
  ctx.beginPath();
  for (const r of rings) {
    if (r.length < 6) continue;
    for (let k = 0; k + 1 < r.length; k += 2) {
      const [x, y] = worldToScreen(view, r[k]!, r[k + 1]!);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
  }
}

function paint(fills: CanvasRenderingContext2D, strokes: CanvasRenderingContext2D, p: OverlayPolygon, view: ViewState, halo: string): void {
  if (p.fillAlpha > 0) {
    tracePolygon(fills, p.rings, view);
    fills.globalAlpha = p.fillAlpha;
    fills.fillStyle = p.colour;
    fills.fill('evenodd');
  }
  if (p.strokeAlpha > 0 && p.strokeWidth > 0) {
    tracePolygon(strokes, p.rings, view);
    if (p.dashed) {
      // a halo under dashed outlines keeps them visible over cells of every colour
      strokes.globalAlpha = p.strokeAlpha * 0.85;
      strokes.strokeStyle = halo;
      strokes.lineWidth = p.strokeWidth + 3;
      strokes.setLineDash([]);
      strokes.stroke();
    }
    strokes.globalAlpha = p.strokeAlpha;
    strokes.strokeStyle = p.colour;
    strokes.lineWidth = p.strokeWidth;
    strokes.setLineDash(p.dashed ? [6, 4] : []);
    strokes.stroke();
  }
}

export class Overlays {
  /** Goes under the cells. */
  readonly under = new Container();
  /** Goes over the cells. */
  readonly container = new Container();
  private readonly fills = new CanvasLayer();
  private readonly strokes = new CanvasLayer();
  private readonly selection = new Graphics();
  private drawn: ViewState | null = null;
  private readonly biopsies: BiopsyLayer;
  /** An outline being drawn (lasso, region in progress): kept over redraws of the overlays. */
  private live: Float64Array | null = null;

  constructor(private readonly labelHalo: () => string) {
    this.biopsies = new BiopsyLayer(() => isDark(labelHalo()));
    this.under.addChild(this.fills.sprite);
    this.container.addChild(this.strokes.sprite, this.biopsies.container, this.selection);
  }

  draw(scene: SectionScene, view: ViewState): void {
    const f = this.fills.begin(view), s = this.strokes.begin(view);
    const halo = this.labelHalo();
    for (const p of scene.overlays) paint(f, s, p, view, halo);
    f.globalAlpha = s.globalAlpha = 1;
    s.setLineDash([]);
    s.font = `600 ${Math.round(13 * (window.devicePixelRatio || 1))}px system-ui, sans-serif`;
    s.textAlign = 'center';
    s.textBaseline = 'middle';
    s.lineJoin = 'round';
    s.lineWidth = 3 * (window.devicePixelRatio || 1);
    s.strokeStyle = this.labelHalo();
    for (const l of scene.labels) {
      const [x, y] = worldToScreen(view, l.x, l.y);
      s.strokeText(l.text, x, y);
      s.fillStyle = l.colour;
      s.fillText(l.text, x, y);
    }
    this.fills.end();
    this.strokes.end();
    this.drawn = view;
    for (const c of [this.container, this.under]) {
      c.position.set(0, 0);
      c.scale.set(1);
    }
    this.strokeOutline(this.live ?? scene.selectionOutline ?? null, view);
    this.biopsies.draw(view);
  }

  /** The section's biopsies, in the current drawing's frame. */
  drawBiopsies(marks: readonly BiopsyMark[], view: ViewState | null): void {
    this.biopsies.set(marks, this.drawn ?? view);
  }

  /** The outline being drawn (world coordinates), or null when done, in the current drawing's frame. */
  drawOutline(outline: Float64Array | null, view: ViewState): void {
    this.live = outline;
    this.strokeOutline(outline, view);
  }

  private strokeOutline(outline: Float64Array | null, view: ViewState): void {
    this.selection.clear();
    if (!outline || outline.length < 4) return;
    const d = this.drawn ?? view;
    const pts: number[] = [];
    for (let k = 0; k + 1 < outline.length; k += 2) pts.push(...worldToScreen(d, outline[k]!, outline[k + 1]!));
    this.selection.poly(pts, outline.length > 4).fill({ color: '#4da3ff', alpha: 0.08 }).stroke({ color: '#1f7ae0', width: 1.5, alpha: 0.95 });
  }

  /** Moves the last drawing with the view (no redrawing). */
  follow(view: ViewState): void {
    const d = this.drawn;
    if (!d) return;
    const k = view.scale / d.scale;
    const ySign = view.yUp ? -1 : 1;
    for (const c of [this.container, this.under]) {
      c.scale.set(k);
      c.position.set(view.width / 2 - (d.width / 2) * k + (d.cx - view.cx) * view.scale, view.height / 2 - (d.height / 2) * k + (d.cy - view.cy) * view.scale * ySign);
    }
  }

  destroy(): void {
    this.biopsies.destroy();
    this.fills.destroy();
    this.strokes.destroy();
    this.container.destroy({ children: true });
    this.under.destroy({ children: true });
  }
}

/** Whether a CSS rgb(…) colour is dark (relative luminance below ½). */
function isDark(css: string): boolean {
  const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(css);
  return !!m && 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) < 128;
}
