// Cells of a figure panel as SVG vector marks: pure string building, no DOM.
//
// Each colour is one <path> of zero-length subpaths ("M x y h0") stroked with round caps, which
// Chromium, svg2pdf.js and poppler all draw as discs of the stroke width. Coordinates are whole
// numbers in steps of 1/16 of the mark diameter (position error ≤ 1/32 of a mark, invisible) under
// a scale() transform, written relative to the previous cell ("m12-3h0"), with each colour's cells
// sorted into rows one mark high, so most steps take 2–4 digits: ~8 bytes per cell.
// Colours are drawn most common first, so rare clones stay on top (the screen draws in table order).

/** Where the world is in a panel: world point at the box centre, world units per box unit, y direction. */
export interface SectionWindow {
  /** World point (table units: µm or px) at the centre of the box. */
  readonly cx: number;
  readonly cy: number;
  /** World units per box unit (> 0): a 10 mm wide window in a 100-unit box is 100 µm per unit. */
  readonly worldPerUnit: number;
  /** The section's y axis points up: world y grows towards the top of the box. */
  readonly yUp: boolean;
}

export interface CellPoints {
  readonly n: number;
  /** World coordinates (table units). */
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/** box = (world − centre) / worldPerUnit · (1, ±1) + size / 2 */
export function worldToBox(w: SectionWindow, width: number, height: number, x: number, y: number): [number, number] {
  return [(x - w.cx) / w.worldPerUnit + width / 2, ((y - w.cy) / w.worldPerUnit) * (w.yUp ? -1 : 1) + height / 2];
}

/**
 * Indices of the cells drawn in a width × height box: colour alpha ≠ 0 and the mark (diameter
 * `markSize`, box units) at least partly inside the box. Table order.
 */
export function visibleCells(cells: CellPoints, rgba: Uint32Array, w: SectionWindow, width: number, height: number, markSize: number): Uint32Array {
  const r = markSize / 2;
  const k = 1 / w.worldPerUnit, ky = w.yUp ? -k : k;
  const ox = width / 2 - w.cx * k, oy = height / 2 - w.cy * ky;
  const out = new Uint32Array(cells.n);
  let m = 0;
  for (let i = 0; i < cells.n; i++) {
    if (rgba[i]! >>> 24 === 0) continue;
    const bx = cells.x[i]! * k + ox, by = cells.y[i]! * ky + oy;
    if (bx + r > 0 && by + r > 0 && bx - r < width && by - r < height) out[m++] = i; // NaN fails every test
  }
  return out.slice(0, m);
}

/** CSS colour and opacity of a packed RGBA (packRgba layout: r | g << 8 | b << 16 | a << 24). */
export function cssOfPacked(c: number): { colour: string; opacity: number } {
  const hex = (v: number) => v.toString(16).padStart(2, '0');
  return { colour: `#${hex(c & 255)}${hex((c >>> 8) & 255)}${hex((c >>> 16) & 255)}`, opacity: (c >>> 24) / 255 };
}

/** A number for SVG text: at most `decimals` decimals, no trailing zeros, no "-0". */
export function num(v: number, decimals = 2): string {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return r === 0 ? '0' : String(r);
}

/** Relative move + dot: "m12-3h0", "m12 3h0". */
function step(dx: number, dy: number): string {
  return `m${dx}${dy < 0 ? '' : ' '}${dy}h0`;
}

/**
 * The `<g>` of vector marks for the cells `indices` (see visibleCells), in box units: one stroked
 * path per colour. Empty string when there is nothing to draw.
 */
export function cellMarksSvg(cells: CellPoints, rgba: Uint32Array, indices: Uint32Array, w: SectionWindow, width: number, height: number, markSize: number): string {
  if (indices.length === 0 || !(markSize > 0)) return '';
  const Q = 16; // grid steps per mark diameter
  const q = Number((markSize / Q).toPrecision(8)); // box units per grid step, exactly as written in scale()
  const k = 1 / (w.worldPerUnit * q), ky = w.yUp ? -k : k;
  const ox = width / 2 / q - w.cx * k, oy = height / 2 / q - w.cy * ky;
  // group by colour (counting sort: one pass to count, one to place)
  const byColour = new Map<number, number>();
  for (let j = 0; j < indices.length; j++) {
    const c = rgba[indices[j]!]!;
    byColour.set(c, (byColour.get(c) ?? 0) + 1);
  }
  const colours = [...byColour.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const start = new Map<number, number>();
  let at = 0;
  for (const [c, count] of colours) start.set(c, at), (at += count);
  const qx = new Int32Array(indices.length), qy = new Int32Array(indices.length);
  const fill = new Map(start);
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j]!;
    const slot = fill.get(rgba[i]!)!;
    fill.set(rgba[i]!, slot + 1);
    qx[slot] = Math.round(cells.x[i]! * k + ox);
    qy[slot] = Math.round(cells.y[i]! * ky + oy);
  }
  const parts: string[] = [`<g transform="scale(${q})" fill="none" stroke-linecap="round" stroke-width="${Q}">`];
  for (const [c, count] of colours) {
    const s = start.get(c)!;
    const order = rowOrder(qx, qy, s, count, Q);
    const { colour, opacity } = cssOfPacked(c);
    const d: string[] = [];
    let px = 0, py = 0;
    for (let t = 0; t < order.length; t++) {
      const j = order[t]!;
      const x = qx[j]!, y = qy[j]!;
      d.push(t === 0 ? `M${x}${y < 0 ? '' : ' '}${y}h0` : step(x - px, y - py));
      px = x;
      py = y;
    }
    parts.push(`<path stroke="${colour}"${opacity < 1 ? ` stroke-opacity="${num(opacity, 3)}"` : ''} d="${d.join('')}"/>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/**
 * Positions s … s+count−1 ordered row by row (rows `rowHeight` grid steps high), left to right
 * within a row: short relative steps. Sorted as one Float64Array of packed keys (row, x, slot).
 */
function rowOrder(qx: Int32Array, qy: Int32Array, s: number, count: number, rowHeight: number): Uint32Array {
  let x0 = Infinity, x1 = -Infinity, r0 = Infinity, r1 = -Infinity;
  for (let j = s; j < s + count; j++) {
    const r = Math.floor(qy[j]! / rowHeight);
    if (qx[j]! < x0) x0 = qx[j]!;
    if (qx[j]! > x1) x1 = qx[j]!;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
  }
  const out = new Uint32Array(count);
  const xSpan = x1 - x0 + 1, slotSpan = count;
  if ((r1 - r0 + 1) * xSpan * slotSpan > 2 ** 52) {
    for (let t = 0; t < count; t++) out[t] = s + t; // too wide to pack: table order
    return out;
  }
  const keys = new Float64Array(count);
  for (let t = 0; t < count; t++) {
    const j = s + t;
    keys[t] = ((Math.floor(qy[j]! / rowHeight) - r0) * xSpan + (qx[j]! - x0)) * slotSpan + t;
  }
  keys.sort();
  for (let t = 0; t < count; t++) out[t] = s + (keys[t]! % slotSpan);
  return out;
}
