// What the section renderer draws: the cells of one table (with their colours, visibility and
// selection), polygon overlays (regions, clone territories), labels, and the selection outline —
// all in world units (the table's µm or px). Built by scene/ from the data and the view settings.

import type { CellTable } from '../../shared/dataset/cell-table.ts';
import type { ViewState } from '../scene/view-state.ts';

export interface CellStyle {
  /** Packed RGBA (packRgba) of each cell; alpha 0 hides the cell (legend: hidden category). */
  readonly rgba: Uint32Array;
  /** Diameter of a cell's mark, device pixels. */
  readonly pointSize: number;
  /** 1 for selected cells, drawn on top (their colours are already set apart in `rgba`). */
  readonly selection?: Uint8Array;
  /** Packed RGBA (little-endian, as packRgba). */
  readonly background: number;
}

export interface OverlayPolygon {
  /** Closed rings, world coordinates as x0, y0, x1, y1, …; the first is the outer ring, the others holes. */
  readonly rings: readonly Float64Array[];
  /** CSS colour of fill and outline. */
  readonly colour: string;
  /** 0–1; 0 draws the outline only. */
  readonly fillAlpha: number;
  /** 0–1. */
  readonly strokeAlpha: number;
  /** Outline width, device pixels. */
  readonly strokeWidth: number;
  /** Dashed outline (clone territories). */
  readonly dashed?: boolean;
}

export interface MapLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly colour: string;
}

export interface SectionScene {
  readonly table: CellTable;
  readonly cells: CellStyle;
  readonly overlays: readonly OverlayPolygon[];
  readonly labels: readonly MapLabel[];
  /** The rectangle or lasso being drawn or last drawn, world coordinates x0, y0, x1, y1, … */
  readonly selectionOutline?: Float64Array;
}

/** A virtual biopsy drawn over the section: its outline, number, and handles when picked. */
export interface BiopsyMark {
  /** Closed outline, world coordinates x0, y0, x1, y1, … */
  readonly outline: Float64Array;
  readonly label: string;
  readonly picked: boolean;
  /** Handle positions (world) for resizing or rotating the picked biopsy. */
  readonly handles?: readonly (readonly [number, number])[];
}

export type RenderMode = 'raster' | 'points';

export interface SectionRenderer {
  readonly canvas: HTMLCanvasElement;
  /** raster: cells rasterised on the CPU into a texture (software WebGL); points: one GPU point mesh. */
  readonly mode: RenderMode;
  /** New data or style: everything is redrawn. */
  setScene(scene: SectionScene): void;
  /**
   * New view. While `moving` (a drag or wheel in progress) the raster mode moves its cached image;
   * `moving = false` draws the cells exactly for the view.
   */
  setView(view: ViewState, moving: boolean): void;
  /** Canvas size in device pixels. */
  resize(width: number, height: number): void;
  /** The rectangle or lasso being drawn (world coordinates), redrawn alone; null removes it. */
  setOutline(outline: Float64Array | null): void;
  /** The biopsies of this section, redrawn alone (cheap: a drag redraws them every frame). */
  setBiopsies(marks: readonly BiopsyMark[]): void;
  /** Draws now (normally done on the next animation frame). */
  renderNow(): void;
  destroy(): void;
}
