// The section renderer (pixi.js v8): cells, then overlays, on one canvas. Cells are rasterised on
// the CPU where WebGL is software, or drawn as one GPU point mesh where it is hardware. Renders on
// demand, never in an idle loop.
//
// While the view moves in raster mode, nothing is rendered: the finished canvas is moved and scaled
// with a CSS transform (the browser's compositor does it), because on software WebGL even one
// full-canvas textured quad per frame caps panning near 20 fps. When the view settles the canvas is
// redrawn exactly and the transform removed in the same frame.

import 'pixi.js/unsafe-eval'; // the app's CSP has no 'unsafe-eval'
import { Application } from 'pixi.js';
import type { ViewState } from '../../scene/view-state.ts';
import type { BiopsyMark, RenderMode, SectionRenderer, SectionScene } from '../types.ts';
import { probeGl } from './gl-probe.ts';
import { Overlays } from './overlays.ts';
import { PointCells } from './point-cells.ts';
import { RasterCells } from './raster-cells.ts';

export interface RendererOptions {
  /** auto: points on hardware WebGL, raster on software WebGL or none. */
  readonly mode?: 'auto' | RenderMode;
  /** CSS colour behind the cells. */
  readonly background?: string;
}

export async function createSectionRenderer(container: HTMLElement, options: RendererOptions = {}): Promise<SectionRenderer> {
  const gl = probeGl();
  const mode: RenderMode = options.mode && options.mode !== 'auto' ? options.mode : gl.available && !gl.software ? 'points' : 'raster';
  const app = new Application();
  await app.init({
    preference: mode === 'points' ? 'webgl' : ['webgl', 'canvas'],
    antialias: false,
    autoStart: false,
    sharedTicker: false,
    resolution: 1, // the view works in device pixels itself
    autoDensity: false,
    width: 16,
    height: 16,
    background: options.background ?? '#ffffff',
    preserveDrawingBuffer: new URLSearchParams(location.search).get("preserve") !== "0",
  });
  const canvas = app.canvas;
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.style.transformOrigin = '0 0';
  container.append(canvas);
  return new PixiSectionRenderer(app, mode);
}

class PixiSectionRenderer implements SectionRenderer {
  readonly canvas: HTMLCanvasElement;
  private readonly raster: RasterCells | null;
  private readonly points: PointCells | null;
  private readonly overlays: Overlays;
  private scene: SectionScene | null = null;
  private view: ViewState | null = null;
  private frame = 0;
  private dirtyCells = false;
  private dirtyOverlays = false;
  /** Something changed since the last render. */
  private pending = false;
  private destroyed = false;
  /** The view the canvas was last drawn for (raster mode moves it with CSS from there). */
  private drawnView: ViewState | null = null;

  constructor(private readonly app: Application, readonly mode: RenderMode) {
    this.canvas = app.canvas;
    this.raster = mode === 'raster' ? new RasterCells() : null;
    this.points = mode === 'points' ? new PointCells() : null;
    this.overlays = new Overlays(() => this.backgroundCss());
    app.stage.addChild(this.overlays.under, this.raster ? this.raster.sprite : this.points!.mesh, this.overlays.container);
  }

  private backgroundCss(): string {
    const c = this.scene?.cells.background ?? 0xffffffff;
    return `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;
  }

  setScene(scene: SectionScene): void {
    if (this.destroyed) return;
    this.scene = scene;
    const c = scene.cells.background;
    this.app.renderer.background.color = [(c & 255) / 255, ((c >>> 8) & 255) / 255, ((c >>> 16) & 255) / 255, 1];
    this.dirtyCells = this.dirtyOverlays = true;
    this.schedule();
  }

  setView(view: ViewState, moving: boolean): void {
    if (this.destroyed) return;
    const resized = !this.view || this.view.width !== view.width || this.view.height !== view.height;
    this.view = view;
    if (resized) this.resize(view.width, view.height);
    if (moving && !resized && this.raster) {
      this.cssFollow(view);
      return;
    }
    if (moving && !resized) {
      this.points?.follow(view);
      this.overlays.follow(view);
    } else this.dirtyCells = this.dirtyOverlays = true;
    if (this.points) this.dirtyOverlays = this.dirtyOverlays || !moving;
    this.schedule();
  }

  /** Places the last drawn canvas where its content belongs in `view`, with a CSS transform. */
  private cssFollow(view: ViewState): void {
    const d = this.drawnView;
    if (!d) return;
    const k = view.scale / d.scale;
    const ySign = view.yUp ? -1 : 1;
    const dpr = this.canvas.width / Math.max(1, this.canvas.clientWidth || this.canvas.width);
    const tx = (view.width / 2 - (d.width / 2) * k + (d.cx - view.cx) * view.scale) / dpr;
    const ty = (view.height / 2 - (d.height / 2) * k + (d.cy - view.cy) * view.scale * ySign) / dpr;
    this.canvas.style.transform = `translate(${tx.toFixed(2)}px, ${ty.toFixed(2)}px) scale(${k.toFixed(6)})`;
  }

  resize(width: number, height: number): void {
    if (this.destroyed) return;
    const w = Math.max(1, Math.round(width)), h = Math.max(1, Math.round(height));
    if (this.app.renderer.width !== w || this.app.renderer.height !== h) this.app.renderer.resize(w, h);
    this.dirtyCells = this.dirtyOverlays = true;
    this.schedule();
  }

  setOutline(outline: Float64Array | null): void {
    if (this.destroyed) return;
    if (this.view) this.overlays.drawOutline(outline, this.view);
    this.schedule();
  }

  setBiopsies(marks: readonly BiopsyMark[]): void {
    if (this.destroyed) return;
    this.overlays.drawBiopsies(marks, this.view);
    this.schedule();
  }

  private schedule(): void {
    this.pending = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  renderNow(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    if (!this.pending || this.destroyed) return; // nothing new to draw (a CSS-moved canvas stays as it is)
    this.pending = false;
    const { scene, view } = this;
    if (scene && view) {
      if (this.dirtyCells) {
        this.raster?.draw(scene, view);
        this.points?.draw(scene, view);
      }
      if (this.dirtyOverlays) this.overlays.draw(scene, view);
      this.dirtyCells = this.dirtyOverlays = false;
      this.drawnView = view;
    }
    this.app.render();
    if (this.canvas.style.transform) this.canvas.style.transform = ''; // in the same frame as the new content
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.raster?.destroy();
    this.points?.destroy();
    this.overlays.destroy();
    this.app.destroy(true, { children: true });
  }
}
