// Timing on presented frames: first frame, rAF-driven gestures (frame-to-frame intervals) and
// the exact redraw after a gesture ("settle").

import type { ViewState } from '../../renderer/scene/view-state.ts';
import type { Contender } from './contender.ts';
import { checkPixels, looksDrawn, type PixelCheck } from './pixels.ts';

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

export interface ShownResult {
  /** From the call to the frame after the picture was read back, ms. */
  readonly ms: number;
  /** Animation frames it took until the picture was drawn. */
  readonly frames: number;
  readonly check: PixelCheck;
  readonly drawn: boolean;
}

/**
 * Runs `start`, then draws every animation frame until the picture looks drawn (or `timeoutMs`);
 * the time ends one frame after the readback that saw it, i.e. when it is on screen.
 */
export async function untilShown(c: Contender, start: () => Promise<void> | void, minColours: number, timeoutMs: number): Promise<ShownResult> {
  const t0 = performance.now();
  await start();
  let frames = 0;
  for (;;) {
    c.render();
    const check = checkPixels(c.canvas);
    const drawn = looksDrawn(check, minColours);
    if (drawn || performance.now() - t0 > timeoutMs) {
      await nextFrame();
      return { ms: performance.now() - t0, frames, check, drawn };
    }
    await nextFrame();
    frames++;
  }
}

export interface GestureResult {
  /** Frames drawn (fewer than asked when the time budget ran out). */
  readonly frames: number;
  readonly asked: number;
  /** Frame-to-frame intervals, ms. */
  readonly intervals: readonly number[];
  readonly fpsMedian: number;
  /** 10th percentile of fps (from the 90th percentile interval). */
  readonly fpsP10: number;
  /** Frames / time from the first frame until the last one was read back and presented. */
  readonly fpsOverall: number;
  /** Median main-thread time of setView + render in a frame, ms. */
  readonly jsMsMedian: number;
  /** Picture of the last frame. */
  readonly check: PixelCheck;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

/** One view per animation frame, as a drag or wheel gesture would; stops early after `budgetMs`. */
export function gesture(c: Contender, views: readonly ViewState[], budgetMs: number): Promise<GestureResult> {
  return new Promise((resolve) => {
    const times: number[] = [], js: number[] = [];
    let i = 0;
    const tick = async () => {
      const t = performance.now();
      times.push(t);
      c.setView(views[i]!, true);
      c.render();
      js.push(performance.now() - t);
      i++;
      const last = i === views.length || (t - times[0]! > budgetMs && i >= 2);
      if (!last) return void requestAnimationFrame(tick);
      const check = checkPixels(c.canvas); // waits for the GPU to finish the last frame
      const end = await nextFrame();
      const intervals = times.slice(1).map((x, k) => x - times[k]!);
      resolve({
        frames: i,
        asked: views.length,
        intervals,
        fpsMedian: 1000 / quantile(intervals, 0.5),
        fpsP10: 1000 / quantile(intervals, 0.9),
        fpsOverall: (1000 * i) / (end - times[0]!),
        jsMsMedian: quantile(js, 0.5),
        check,
      });
    };
    requestAnimationFrame(tick);
  });
}

export interface SettleResult extends ShownResult {
  /** The picture changed again a few frames later (an asynchronous exact redraw finished after). */
  readonly changedLater: boolean;
}

/** The exact redraw when the gesture ends: setView(view, false) → frame presented. */
export async function settle(c: Contender, view: ViewState, timeoutMs: number): Promise<SettleResult> {
  const shown = await untilShown(c, () => c.setView(view, false), 1, timeoutMs);
  for (let k = 0; k < 3; k++) await nextFrame();
  c.render();
  const later = checkPixels(c.canvas);
  return { ...shown, changedLater: later.hash !== shown.check.hash };
}
