// Where the section is on screen: a world (section units: µm or px) → device-pixel mapping.
// Pure arithmetic shared by the renderer, the pointer handling, the scale bar and exports.
//
// screen = (world − centre) · scale · (1, ±1) + size / 2     (y flips when the section's y points up)

export interface ViewState {
  /** World point at the canvas centre. */
  readonly cx: number;
  readonly cy: number;
  /** Device pixels per world unit (> 0). */
  readonly scale: number;
  /** Canvas size in device pixels. */
  readonly width: number;
  readonly height: number;
  /** The section's y axis points up (CosMx global frame): screen y = −world y. */
  readonly yUp: boolean;
}

export interface WorldBounds {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export const MIN_SCALE = 1e-6;
export const MAX_SCALE = 1e4;

export function worldToScreen(v: ViewState, x: number, y: number): [number, number] {
  return [(x - v.cx) * v.scale + v.width / 2, (y - v.cy) * v.scale * (v.yUp ? -1 : 1) + v.height / 2];
}

export function screenToWorld(v: ViewState, sx: number, sy: number): [number, number] {
  return [(sx - v.width / 2) / v.scale + v.cx, ((sy - v.height / 2) / v.scale) * (v.yUp ? -1 : 1) + v.cy];
}

/** The view showing `b` whole, with `margin` device pixels around it. */
export function fitView(b: WorldBounds, width: number, height: number, yUp: boolean, margin = 16): ViewState {
  const w = Math.max(b.x[1] - b.x[0], 1e-9), h = Math.max(b.y[1] - b.y[0], 1e-9);
  let scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h);
  if (!(scale > 0) || !Number.isFinite(scale)) scale = 1;
  return { cx: (b.x[0] + b.x[1]) / 2, cy: (b.y[0] + b.y[1]) / 2, scale: clampScale(scale), width, height, yUp };
}

export function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** Zooms by `factor` keeping the world point under screen point (sx, sy) where it is. */
export function zoomAbout(v: ViewState, factor: number, sx: number, sy: number): ViewState {
  const [wx, wy] = screenToWorld(v, sx, sy);
  const scale = clampScale(v.scale * factor);
  const next = { ...v, scale };
  const [ax, ay] = screenToWorld(next, sx, sy);
  return { ...next, cx: v.cx + (wx - ax), cy: v.cy + (wy - ay) };
}

/** Moves the view by a screen displacement (device pixels), as when the section is dragged. */
export function panBy(v: ViewState, dx: number, dy: number): ViewState {
  return { ...v, cx: v.cx - dx / v.scale, cy: v.cy - (dy / v.scale) * (v.yUp ? -1 : 1) };
}

/** The same view on a canvas of another size (centre and scale kept). */
export function resized(v: ViewState, width: number, height: number): ViewState {
  return { ...v, width, height };
}

/** World rectangle visible in the view. */
export function visibleBounds(v: ViewState): WorldBounds {
  const [x0, y0] = screenToWorld(v, 0, 0);
  const [x1, y1] = screenToWorld(v, v.width, v.height);
  return { x: [Math.min(x0, x1), Math.max(x0, x1)], y: [Math.min(y0, y1), Math.max(y0, y1)] };
}
