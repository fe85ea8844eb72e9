// Pointer and keyboard on a section: wheel zooms about the cursor, drag pans (or draws a rectangle
// or lasso with those tools; Shift-drag always draws a rectangle), double-click zooms in, hover
// reports the point under the cursor. Keys: + − zoom, arrows pan, 0 fit, Z zoom to the selection,
// Esc clears it. Positions are device pixels of the canvas.

import type { Tool } from '../app/store.ts';
import { screenToWorld, zoomAbout, panBy, type ViewState } from '../scene/view-state.ts';
import { dpr, pointerAt } from './pointer.ts';

export interface SectionInputHandlers {
  view(): ViewState | null;
  tool(): Tool;
  setView(view: ViewState, moving: boolean): void;
  fit(): void;
  hover(sx: number | null, sy: number | null): void;
  /** The outline being drawn, world coordinates (null: none). */
  outline(outline: Float64Array | null): void;
  /** A finished rectangle (4 numbers: x0, y0, x1, y1) or lasso ring, world coordinates. */
  select(outline: Float64Array): void;
  clearSelection(): void;
  zoomToSelection(): void;
}

const WHEEL_ZOOM = 0.0015; // per wheel delta unit (pixels)
const KEY_ZOOM = 1.25;
const KEY_PAN = 0.1; // of the view per arrow press

export function attachSectionInput(el: HTMLElement, h: SectionInputHandlers): void {
  const at = (e: { clientX: number; clientY: number }) => pointerAt(el, e);
  let drag: { kind: Tool; start: [number, number]; last: [number, number]; path: number[]; panned?: boolean } | null = null;
  let hoverFrame = 0;

  el.addEventListener('wheel', (e) => {
    const v = h.view();
    if (!v) return;
    e.preventDefault();
    const [sx, sy] = at(e);
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    h.setView(zoomAbout(v, Math.exp(-delta * WHEEL_ZOOM), sx, sy), true);
  }, { passive: false });

  el.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const v = h.view();
    if (!v) return;
    el.focus();
    el.setPointerCapture(e.pointerId);
    const p = at(e);
    const kind: Tool = e.shiftKey ? 'rect' : h.tool();
    drag = { kind, start: p, last: p, path: kind === 'lasso' ? [...screenToWorld(v, p[0], p[1])] : [] };
    el.classList.toggle('dragging', kind === 'pan');
  });

  el.addEventListener('pointermove', (e) => {
    const v = h.view();
    if (!v) return;
    const p = at(e);
    if (!drag) {
      cancelAnimationFrame(hoverFrame);
      hoverFrame = requestAnimationFrame(() => h.hover(p[0], p[1]));
      return;
    }
    if (drag.kind === 'pan') {
      if (p[0] === drag.last[0] && p[1] === drag.last[1]) return;
      drag.panned = true;
      h.setView(panBy(v, p[0] - drag.last[0], p[1] - drag.last[1]), true);
    }
    else if (drag.kind === 'rect') {
      const [x0, y0] = screenToWorld(v, drag.start[0], drag.start[1]);
      const [x1, y1] = screenToWorld(v, p[0], p[1]);
      h.outline(Float64Array.of(x0, y0, x1, y0, x1, y1, x0, y1));
    } else if (Math.hypot(p[0] - drag.last[0], p[1] - drag.last[1]) > 3 * dpr()) {
      drag.path.push(...screenToWorld(v, p[0], p[1]));
      h.outline(Float64Array.from(drag.path));
    } else return;
    drag.last = p;
    h.hover(null, null);
  });

  const end = (e: PointerEvent) => {
    if (!drag) return;
    const v = h.view();
    const d = drag;
    drag = null;
    el.classList.remove('dragging');
    if (!v) return;
    const p = at(e);
    const moved = Math.hypot(p[0] - d.start[0], p[1] - d.start[1]) > 3 * dpr();
    if (d.kind === 'pan') {
      if (d.panned) h.setView(v, false); // a click alone leaves the view (and its fit) as it is
    }
    else if (d.kind === 'rect' && moved) {
      const [x0, y0] = screenToWorld(v, d.start[0], d.start[1]);
      const [x1, y1] = screenToWorld(v, p[0], p[1]);
      h.select(Float64Array.of(x0, y0, x1, y1));
    } else if (d.kind === 'lasso' && d.path.length >= 6) h.select(Float64Array.from(d.path));
    else h.outline(null);
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
  el.addEventListener('pointerleave', () => {
    cancelAnimationFrame(hoverFrame);
    if (!drag) h.hover(null, null);
  });

  el.addEventListener('dblclick', (e) => {
    const v = h.view();
    if (!v) return;
    const [sx, sy] = at(e);
    h.setView(zoomAbout(v, e.shiftKey ? 0.5 : 2, sx, sy), false);
  });

  el.addEventListener('keydown', (e) => {
    const v = h.view();
    if (!v || e.ctrlKey || e.metaKey || e.altKey) return;
    const centre: [number, number] = [v.width / 2, v.height / 2];
    let next: ViewState | null = null;
    switch (e.key) {
      case '+':
      case '=':
        next = zoomAbout(v, KEY_ZOOM, ...centre);
        break;
      case '-':
      case '_':
        next = zoomAbout(v, 1 / KEY_ZOOM, ...centre);
        break;
      case 'ArrowLeft':
        next = panBy(v, v.width * KEY_PAN, 0);
        break;
      case 'ArrowRight':
        next = panBy(v, -v.width * KEY_PAN, 0);
        break;
      case 'ArrowUp':
        next = panBy(v, 0, v.height * KEY_PAN);
        break;
      case 'ArrowDown':
        next = panBy(v, 0, -v.height * KEY_PAN);
        break;
      case '0':
        h.fit();
        break;
      case 'z':
      case 'Z':
        h.zoomToSelection();
        break;
      case 'Escape':
        h.clearSelection();
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next) h.setView(next, false);
  });
}
