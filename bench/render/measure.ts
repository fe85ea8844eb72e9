// Timing on presented frames: first frame, rAF-driven gestures (frame-to-frame intervals) and
// the exact redraw after a gesture ("settle").

import type { ViewState } from '../../renderer/scene/view-state.ts';
import type { Contender } from './contender.ts';
import { checkPixels, looksDrawn, syncGpu, type PixelCheck } from './pixels.ts';

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
export async function untilShown(c: Contender, start: () => Promise<void> | void, want: { drawn: number; colours: number }, timeoutMs: number): Promise<ShownResult> {
  const t0 = performance.now();
  await start();
  let frames = 0;
  for (;;) {
    c.render();
    const check = checkPixels(c.canvas);
    const drawn = looksDrawn(check, want.drawn, want.colours);
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
  /** Frame-to-frame intervals, ms (all of them). */
  readonly intervals: readonly number[];
  /** Median fps over the intervals after the first `warmup` (frames queued before the GPU pushes back; all when too few). */
  readonly fpsMedian: number;
  /** 10th percentile of fps (90th percentile interval), after the warm-up too. */
  readonly fpsP10: number;
  /** Frames / time from the first frame until the last one was read back and presented. */
  readonly fpsOverall: number;
  /** Median main-thread time of setView + render in a frame, ms (with `sync`: until the GPU is done). */
  readonly jsMsMedian: number;
  /** Each frame ended with a GPU sync. */
  readonly synced: boolean;
  /** Picture of the last frame. */
  readonly check: PixelCheck;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
}

export interface GestureOptions {
  /** Stop once this has passed and 3 frames are drawn (slow contenders: a few frames). */
  readonly budgetMs: number;
  /** First intervals left out of median and p10. */
  readonly warmup: number;
  /**
   * End every frame with a one-pixel readback: exact per-frame cost, but CPU and GPU no longer
   * overlap and each frame waits for the next vsync. Off by default (as the app runs); then
   * Chromium queues 2–3 frames ahead of the GPU, which `warmup` and `fpsOverall` account for.
   */
  readonly sync: boolean;
}

/** One view per animation frame, as a drag or wheel gesture would. */
export function gesture(c: Contender, views: readonly ViewState[], { budgetMs, warmup, sync }: GestureOptions): Promise<GestureResult> {
  return new Promise((resolve) => {
    const times: number[] = [], js: number[] = [];
    let i = 0;
    const tick = async () => {
      const t = performance.now();
      times.push(t);
      c.setView(views[i]!, true);
      c.render();
      if (sync) syncGpu(c.canvas);
      js.push(performance.now() - t);
      i++;
      const last = i === views.length || (t - times[0]! > budgetMs && i >= 3);
      if (!last) return void requestAnimationFrame(tick);
      const check = checkPixels(c.canvas); // waits for the GPU to finish the last frame
      const end = await nextFrame();
      const intervals = times.slice(1).map((x, k) => x - times[k]!);
      const steady = intervals.length > warmup ? intervals.slice(warmup) : intervals;
      resolve({
        frames: i,
        asked: views.length,
        intervals,
        fpsMedian: 1000 / quantile(steady, 0.5),
        fpsP10: 1000 / quantile(steady, 0.9),
        fpsOverall: (1000 * i) / (end - times[0]!),
        jsMsMedian: quantile(js, 0.5),
        synced: sync,
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
  const shown = await untilShown(c, () => c.setView(view, false), { drawn: 0.002, colours: 1 }, timeoutMs);
  for (let k = 0; k < 3; k++) await nextFrame();
  c.render();
  const later = checkPixels(c.canvas);
  return { ...shown, changedLater: later.hash !== shown.check.hash };
}
