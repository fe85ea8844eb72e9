// Drawing regions on a section: the polygon tool (click the corners; double-click or Enter closes,
// Backspace removes the last corner, Esc cancels; drag a corner of a shown region to move it — a
// click on a corner without dragging places a corner as usual) and the
// freehand tool (drag around the region). Positions are device pixels of the canvas; regions are
// stored in world coordinates.

import type { RegionShape, Tool } from '../app/store.ts';
import { screenToWorld, worldToScreen, type ViewState } from '../scene/view-state.ts';
import { claimPointer, dpr, pointerAt } from './pointer.ts';

export interface RegionDrawHandlers {
  view(): ViewState | null;
  tool(): Tool;
  shapes(): readonly RegionShape[];
  /** The region being drawn or edited (world coordinates), or null. */
  preview(ring: Float64Array | null): void;
  /** A new closed region (world coordinates). */
  finish(ring: Float64Array): void;
  /** A corner was moved: shape, ring and vertex index, new world position. */
  moveVertex(shape: number, ring: number, vertex: number, x: number, y: number): void;
}

const HIT_CSS_PX = 7;

export function attachRegionDraw(el: HTMLElement, h: RegionDrawHandlers): void {
  const at = (e: { clientX: number; clientY: number }) => pointerAt(el, e);
  const active = () => h.tool() === 'poly' || h.tool() === 'free';
  let corners: number[] = []; // polygon in progress, world x, y pairs
  let free: number[] | null = null;
  /** A corner under the pointer at pointerdown; `dragging` once the pointer has moved. */
  let vertex: { shape: number; ring: number; index: number; copy: Float64Array; from: [number, number]; dragging: boolean } | null = null;
  let lastScreen: [number, number] | null = null;

  const reset = () => {
    corners = [];
    free = null;
    vertex = null;
    h.preview(null);
  };
  const close = () => {
    if (corners.length >= 6) h.finish(Float64Array.from(corners));
    reset();
  };
  const hitVertex = (v: ViewState, p: [number, number]) => {
    let best: typeof vertex = null, bestD = HIT_CSS_PX * dpr();
    h.shapes().forEach((shape, s) =>
      shape.rings.forEach((ring, r) => {
        for (let k = 0; k + 1 < ring.length; k += 2) {
          const [sx, sy] = worldToScreen(v, ring[k]!, ring[k + 1]!);
          const d = Math.hypot(sx - p[0], sy - p[1]);
          if (d <= bestD) [best, bestD] = [{ shape: s, ring: r, index: k / 2, copy: Float64Array.from(ring), from: p, dragging: false }, d];
        }
      }),
    );
    return best;
  };

  el.addEventListener('pointerdown', (e) => {
    if (!active() || e.button !== 0) return;
    const v = h.view();
    if (!v) return;
    claimPointer(el, e);
    const p = at(e);
    const [wx, wy] = screenToWorld(v, p[0], p[1]);
    if (h.tool() === 'free') {
      free = [wx, wy];
      lastScreen = p;
      return;
    }
    if (corners.length === 0 && (vertex = hitVertex(v, p))) return; // a drag or a first corner: pointermove decides
    corners.push(wx, wy);
    h.preview(Float64Array.from(corners));
  }, { capture: true });

  el.addEventListener('pointermove', (e) => {
    if (!active()) return;
    const v = h.view();
    if (!v) return;
    const p = at(e);
    const [wx, wy] = screenToWorld(v, p[0], p[1]);
    if (free) {
      if (lastScreen && Math.hypot(p[0] - lastScreen[0], p[1] - lastScreen[1]) < 3 * dpr()) return;
      free.push(wx, wy);
      lastScreen = p;
      h.preview(Float64Array.from(free));
    } else if (vertex) {
      if (!vertex.dragging && Math.hypot(p[0] - vertex.from[0], p[1] - vertex.from[1]) < 3 * dpr()) return;
      vertex.dragging = true;
      vertex.copy[2 * vertex.index] = wx;
      vertex.copy[2 * vertex.index + 1] = wy;
      h.preview(vertex.copy);
    } else if (corners.length) h.preview(Float64Array.from([...corners, wx, wy]));
    else return;
    e.stopImmediatePropagation();
  }, { capture: true });

  el.addEventListener('pointerup', (e) => {
    if (!active()) return;
    e.stopImmediatePropagation();
    if (free) {
      if (free.length >= 6) h.finish(Float64Array.from(free));
      reset();
    } else if (vertex?.dragging) {
      const v = vertex;
      reset();
      h.moveVertex(v.shape, v.ring, v.index, v.copy[2 * v.index]!, v.copy[2 * v.index + 1]!);
    } else if (vertex) {
      // a click on a corner without dragging: the first corner of a new region
      const view = h.view();
      vertex = null;
      if (view) {
        corners.push(...screenToWorld(view, ...at(e)));
        h.preview(Float64Array.from(corners));
      }
    }
  }, { capture: true });

  el.addEventListener('dblclick', (e) => {
    if (!active()) return;
    e.stopImmediatePropagation();
    // the double-click's two clicks each added a corner at the same place
    if (corners.length >= 4) corners.length -= 2;
    close();
  }, { capture: true });

  el.addEventListener('keydown', (e) => {
    if (!active()) return;
    if (e.key === 'Enter') close();
    else if (e.key === 'Escape') reset();
    else if (e.key === 'Backspace' && corners.length) {
      corners.length -= 2;
      h.preview(corners.length ? Float64Array.from(corners) : null);
    } else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }, { capture: true });
}
