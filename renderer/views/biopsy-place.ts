// Placing and editing virtual biopsies on a section (the punch and needle tools):
//   click              a punch (or a needle of the current size) centred there
//   drag on the tissue a punch: centre where the drag starts, radius to the pointer;
//                      a needle: from where the drag starts to the pointer (length and angle)
//   drag a biopsy      moves it (and picks it); click picks it
//   drag a handle      punch: the radius; needle ends: length and angle (the other end stays);
//                      needle side: the width
//   Delete / Backspace removes the picked biopsy; Esc unpicks.
// Positions are device pixels of the canvas; biopsies are in world coordinates (table units).

import { contains, prepareShape, type BiopsyShape, type BiopsyTemplate, type Needle } from '../../shared/analysis/biopsy/geometry.ts';
import type { Tool } from '../app/store.ts';
import { screenToWorld, worldToScreen, type ViewState } from '../scene/view-state.ts';
import { claimPointer, dpr, pointerAt } from './pointer.ts';

export interface BiopsyPlaceHandlers {
  view(): ViewState | null;
  tool(): Tool;
  biopsies(): readonly BiopsyShape[];
  picked(): number | null;
  /** The size of a new biopsy, world units. */
  template(): BiopsyTemplate;
  /** The biopsies as they look during a drag (not yet committed), with the one being edited. */
  preview(list: readonly BiopsyShape[], picked: number | null): void;
  add(shape: BiopsyShape): void;
  replace(index: number, shape: BiopsyShape): void;
  pick(index: number | null): void;
  remove(index: number): void;
}

const HANDLE_CSS_PX = 8;
const DRAG_CSS_PX = 4;

/** Handle positions of a biopsy, world: punch [rim]; needle [end A, end B, side]. */
export function handlesOf(s: BiopsyShape): [number, number][] {
  if (s.kind === 'punch') return [[s.cx + s.radius, s.cy]];
  const [c, n] = axis(s);
  const hl = s.length / 2, hw = s.width / 2;
  return [
    [s.cx - c * hl, s.cy - n * hl],
    [s.cx + c * hl, s.cy + n * hl],
    [s.cx - n * hw, s.cy + c * hw],
  ];
}

function axis(s: Needle): [number, number] {
  const a = (s.angleDeg * Math.PI) / 180;
  return [Math.cos(a), Math.sin(a)];
}

/** A needle from (x0, y0) to (x1, y1) of this width. */
function needleBetween(x0: number, y0: number, x1: number, y1: number, width: number): Needle {
  const length = Math.hypot(x1 - x0, y1 - y0);
  const angleDeg = ((Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI + 360) % 180; // a needle has no direction
  return { kind: 'needle', length, width, angleDeg, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

type Drag =
  | { kind: 'new'; from: [number, number]; world: [number, number]; moved: boolean }
  | { kind: 'move'; index: number; from: [number, number]; offset: [number, number]; moved: boolean }
  | { kind: 'handle'; index: number; handle: number };

export function attachBiopsyPlace(el: HTMLElement, h: BiopsyPlaceHandlers): void {
  const at = (e: { clientX: number; clientY: number }) => pointerAt(el, e);
  const active = () => h.tool() === 'punch' || h.tool() === 'needle';
  let drag: Drag | null = null;
  let draft: BiopsyShape | null = null;

  const shapeFor = (d: Drag, w: [number, number]): BiopsyShape | null => {
    const t = h.template();
    if (d.kind === 'new') {
      const [x0, y0] = d.world;
      if (!d.moved) return t.kind === 'punch' ? { kind: 'punch', radius: t.radius, cx: x0, cy: y0 } : { ...t, cx: x0, cy: y0 };
      if (h.tool() === 'punch') return { kind: 'punch', radius: Math.hypot(w[0] - x0, w[1] - y0), cx: x0, cy: y0 };
      return needleBetween(x0, y0, w[0], w[1], t.kind === 'needle' ? t.width : 2 * t.radius);
    }
    const s = h.biopsies()[d.index];
    if (!s) return null;
    if (d.kind === 'move') return { ...s, cx: w[0] - d.offset[0], cy: w[1] - d.offset[1] };
    if (s.kind === 'punch') return { ...s, radius: Math.max(1e-6, Math.hypot(w[0] - s.cx, w[1] - s.cy)) };
    const ends = handlesOf(s);
    if (d.handle === 2) {
      const [c, n] = axis(s);
      return { ...s, width: Math.max(1e-6, 2 * Math.abs(-(w[0] - s.cx) * n + (w[1] - s.cy) * c)) };
    }
    const fixed = ends[1 - d.handle]!;
    return needleBetween(fixed[0], fixed[1], w[0], w[1], s.width);
  };

  const showDraft = () => {
    const list = [...h.biopsies()];
    let picked = h.picked();
    if (draft && drag?.kind === 'new') (list.push(draft), (picked = list.length - 1));
    else if (draft && drag && drag.kind !== 'new') (list[drag.index] = draft), (picked = drag.index);
    h.preview(list, picked);
  };

  el.addEventListener('pointerdown', (e) => {
    if (!active() || e.button !== 0) return;
    const v = h.view();
    if (!v) return;
    claimPointer(el, e);
    const p = at(e);
    const w = screenToWorld(v, p[0], p[1]);
    const list = h.biopsies();
    const picked = h.picked();
    if (picked !== null && list[picked]) {
      const k = handlesOf(list[picked]).findIndex(([hx, hy]) => {
        const [sx, sy] = worldToScreen(v, hx, hy);
        return Math.hypot(sx - p[0], sy - p[1]) <= HANDLE_CSS_PX * dpr();
      });
      if (k >= 0) return void (drag = { kind: 'handle', index: picked, handle: k });
    }
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (!contains(prepareShape(s), w[0], w[1])) continue;
      if (picked !== i) h.pick(i);
      drag = { kind: 'move', index: i, from: p, offset: [w[0] - s.cx, w[1] - s.cy], moved: false };
      return;
    }
    drag = { kind: 'new', from: p, world: w, moved: false };
  }, { capture: true });

  el.addEventListener('pointermove', (e) => {
    if (!active() || !drag) return;
    const v = h.view();
    if (!v) return;
    e.stopImmediatePropagation();
    const p = at(e);
    if (drag.kind !== 'handle' && !drag.moved) {
      if (Math.hypot(p[0] - drag.from[0], p[1] - drag.from[1]) < DRAG_CSS_PX * dpr()) return;
      drag.moved = true;
    }
    draft = shapeFor(drag, screenToWorld(v, p[0], p[1]));
    showDraft();
  }, { capture: true });

  const end = (e: PointerEvent) => {
    if (!active() || !drag) return;
    e.stopImmediatePropagation();
    const d = drag, v = h.view();
    drag = null;
    const final = v ? shapeFor(d, screenToWorld(v, ...at(e))) : null;
    draft = null;
    if (d.kind === 'new') {
      const tiny = final && (final.kind === 'punch' ? final.radius : Math.min(final.length, final.width)) * (v?.scale ?? 1) < 2 * dpr();
      if (final && !tiny) h.add(final);
      else showDraft();
    } else if (final && (d.kind === 'handle' || d.moved)) h.replace(d.index, final);
    else showDraft();
  };
  el.addEventListener('pointerup', end, { capture: true });
  el.addEventListener('pointercancel', (e) => {
    if (!drag) return;
    e.stopImmediatePropagation();
    drag = draft = null;
    showDraft();
  }, { capture: true });

  el.addEventListener('keydown', (e) => {
    if (!active()) return;
    const picked = h.picked();
    if ((e.key === 'Delete' || e.key === 'Backspace') && picked !== null) h.remove(picked);
    else if (e.key === 'Escape' && picked !== null) h.pick(null);
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }, { capture: true });
}
