// Cells drawn on the CPU into a texture shown by one sprite. While the view moves, the sprite is
// moved and scaled (a single textured quad: smooth even on software WebGL); when it settles, the
// cells are rasterised again exactly for the view.

import { BufferImageSource, Sprite, Texture } from 'pixi.js';
import type { ViewState } from '../../scene/view-state.ts';
import { rasterCells } from '../cell-raster.ts';
import type { SectionScene } from '../types.ts';

export class RasterCells {
  readonly sprite = new Sprite();
  private pixels = new Uint8Array(4);
  private source: BufferImageSource | null = null;
  /** The view the texture was drawn for. */
  private drawn: ViewState | null = null;

  /** Rasterises the scene's cells for `view` into the texture (resized to the view when needed). */
  draw(scene: SectionScene, view: ViewState): void {
    const w = Math.max(1, Math.round(view.width)), h = Math.max(1, Math.round(view.height));
    if (!this.source || this.source.width !== w || this.source.height !== h) {
      this.pixels = new Uint8Array(w * h * 4);
      this.source?.destroy();
      this.source = new BufferImageSource({ resource: this.pixels, width: w, height: h, scaleMode: 'linear' });
      this.sprite.texture = new Texture({ source: this.source });
    }
    rasterCells({ data: this.pixels, width: w, height: h }, scene.table, scene.cells.rgba, view, {
      size: scene.cells.pointSize,
      background: 0, // transparent: the region fills and the background show between cells
      ...(scene.cells.selection ? { selection: scene.cells.selection } : {}),
    });
    this.source.update();
    this.drawn = view;
    this.follow(view);
  }

  /** Places the last raster where its cells belong in `view` (no re-rasterising). */
  follow(view: ViewState): void {
    const d = this.drawn;
    if (!d) return;
    const k = view.scale / d.scale;
    const ySign = view.yUp ? -1 : 1;
    this.sprite.scale.set(k);
    this.sprite.position.set(view.width / 2 - (d.width / 2) * k + (d.cx - view.cx) * view.scale, view.height / 2 - (d.height / 2) * k + (d.cy - view.cy) * view.scale * ySign);
  }

  get drawnView(): ViewState | null {
    return this.drawn;
  }

  destroy(): void {
    this.sprite.destroy();
    this.source?.destroy();
  }
}
