// What the benchmark page needs from a renderer: load the same cells, follow a view, draw now.

import type { ViewState } from '../../renderer/scene/view-state.ts';
import type { SyntheticSection } from './cells.ts';

export interface BenchOptions {
  readonly width: number;
  readonly height: number;
  /** Diameter of a cell's mark, device pixels (the same for every contender). */
  readonly pointSize: number;
}

export interface Contender {
  /** Mode actually used (Clonoscope: raster | points; others: a fixed word). */
  readonly mode: string;
  /** Draws differently while a gesture is in progress (then the exact redraw after it is timed). */
  readonly movingMode: boolean;
  /** The canvas whose pixels show the cells. */
  readonly canvas: HTMLCanvasElement;
  /** Builds buffers from the cells and shows `view` (timed as part of the first frame). */
  load(cells: SyntheticSection, view: ViewState): Promise<void> | void;
  /** `moving` = a gesture is in progress (contenders without a moving mode ignore it). */
  setView(view: ViewState, moving: boolean): void;
  /** Draws now, synchronously as far as the contender allows. */
  render(): void;
  destroy(): void;
  /** Diagnostics worth printing (e.g. how many frames it drew by itself). */
  notes?(): string;
}

/** A contender that cannot run here (e.g. Clonoscope's renderer not written yet). */
export class Unavailable extends Error {}

export type ContenderFactory = (container: HTMLElement, options: BenchOptions, variant: string) => Promise<Contender>;
