// The window's size and position, kept in userData/window-state.json (written atomically when the
// window closes) and restored at start — only where it still fits the displays attached now: a
// window saved on a monitor that is gone reopens centred on the primary display.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
  readonly fullScreen: boolean;
}

/** Bounds for a new window: no x/y means "centred by the OS". */
export interface PlacedBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the window (px) must lie on a display for the saved position to be kept. */
const MIN_VISIBLE = 100;

const isInt = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** The state in window-state.json, or null when it is missing or malformed. */
export function parseWindowState(text: string): WindowState | null {
  try {
    const v = JSON.parse(text) as { bounds?: Record<string, unknown>; maximized?: unknown; fullScreen?: unknown };
    const b = v.bounds;
    if (!b || !isInt(b.x, -1e5, 1e5) || !isInt(b.y, -1e5, 1e5) || !isInt(b.width, 1, 1e5) || !isInt(b.height, 1, 1e5)) return null;
    return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: v.maximized === true, fullScreen: v.fullScreen === true };
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window. `workAreas[0]` is the primary display's work area. The saved size is kept
 * (at least MIN_SIZE, at most the display's work area); the saved position only when at least
 * MIN_VISIBLE × MIN_VISIBLE px of the window, its title bar included, lies on one display.
 */
export function restoredBounds(state: WindowState | null, workAreas: readonly Rect[]): PlacedBounds {
  const primary = workAreas[0];
  const fit = (area: Rect | undefined, w: number, h: number) => ({
    width: Math.max(MIN_SIZE.width, area ? Math.min(w, area.width) : w),
    height: Math.max(MIN_SIZE.height, area ? Math.min(h, area.height) : h),
  });
  if (!state) return fit(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  const b = state.bounds;
  const titleBar = { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, MIN_VISIBLE) };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE, b.width) && o.height >= Math.min(MIN_VISIBLE, b.height) / 2;
  });
  if (!home) return fit(primary, b.width, b.height);
  const size = fit(home, b.width, b.height);
  // keep it inside the display it was on when clamping made it smaller
  const x = Math.min(Math.max(b.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(b.y, home.y), home.y + home.height - size.height);
  return { x, y, ...size };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  return parseWindowState(await readFile(file, 'utf8').catch(() => ''));
}

/** Synchronous (runs while the window closes, possibly right before the app quits); temp file + rename. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, file);
}

/** What to save for a window (its normal bounds, so a maximised window restores its old size too). */
export function captureWindowState(win: { getNormalBounds(): Rect; isMaximized(): boolean; isFullScreen(): boolean }): WindowState {
  const { x, y, width, height } = win.getNormalBounds();
  return { bounds: { x, y, width, height }, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}
