// electron/main/window-state.ts: the window reopens where it was, as long as that is still on a
// display; otherwise centred on the primary display at a size that fits.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureWindowState, DEFAULT_SIZE, loadWindowState, parseWindowState, restoredBounds, saveWindowStateSync, type WindowState } from '../../../electron/main/window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 870 }; // primary work area (menu bar / dock taken off)
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 }; // to the right, higher up
const state = (bounds: WindowState['bounds'], more: Partial<WindowState> = {}): WindowState => ({ bounds, maximized: false, fullScreen: false, ...more });

describe('restoredBounds', () => {
  it('first start: the default size, centred by the OS, shrunk to fit a small display', () => {
    expect(restoredBounds(null, [laptop])).toEqual({ width: 1400, height: 870 });
    expect(restoredBounds(null, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual(DEFAULT_SIZE);
    expect(restoredBounds(null, [])).toEqual(DEFAULT_SIZE);
  });

  it('keeps a position that is on a display, on the primary or another one', () => {
    expect(restoredBounds(state({ x: 100, y: 50, width: 1000, height: 700 }), [laptop, monitor])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restoredBounds(state({ x: 2000, y: -100, width: 1600, height: 1000 }), [laptop, monitor])).toEqual({ x: 2000, y: -100, width: 1600, height: 1000 });
  });

  it('a window left on a monitor that is gone reopens centred on the primary display, at a size that fits', () => {
    expect(restoredBounds(state({ x: 2000, y: -100, width: 1600, height: 1000 }), [laptop])).toEqual({ width: 1440, height: 870 });
  });

  it('a title bar pushed off the top or far off the side does not count as visible', () => {
    expect(restoredBounds(state({ x: 100, y: -650, width: 1000, height: 700 }), [laptop])).not.toHaveProperty('x');
    expect(restoredBounds(state({ x: 1400, y: 50, width: 1000, height: 700 }), [laptop])).not.toHaveProperty('x');
  });

  it('clamps a window larger than its display, and pulls it inside', () => {
    expect(restoredBounds(state({ x: 500, y: 100, width: 3000, height: 2000 }), [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
    expect(restoredBounds(state({ x: 1000, y: 300, width: 1000, height: 700 }), [laptop])).toEqual({ x: 440, y: 170, width: 1000, height: 700 });
  });

  it('never goes below the minimum size', () => {
    expect(restoredBounds(state({ x: 10, y: 10, width: 200, height: 100 }), [laptop])).toEqual({ x: 10, y: 10, width: 720, height: 480 });
  });
});

describe('window-state.json', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-winstate-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips (written atomically, the folder created)', async () => {
    const file = path.join(dir, 'userData', 'window-state.json');
    const s = state({ x: -1200, y: 40, width: 1100, height: 800 }, { maximized: true });
    saveWindowStateSync(file, s);
    expect(await loadWindowState(file)).toEqual(s);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(s);
  });

  it('reads a missing or malformed file as none', async () => {
    expect(await loadWindowState(path.join(dir, 'none.json'))).toBeNull();
    for (const text of ['', '{', '{"bounds":{"x":0,"y":0,"width":-5,"height":10}}', '{"bounds":{"x":"0","y":0,"width":5,"height":10}}', '{"bounds":{"x":0.5,"y":0,"width":5,"height":10}}', '[]']) {
      writeFileSync(path.join(dir, 'w.json'), text);
      expect(await loadWindowState(path.join(dir, 'w.json')), text).toBeNull();
    }
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":800,"height":600},"maximized":"yes"}')).toEqual(state({ x: 1, y: 2, width: 800, height: 600 }));
  });

  it('captures the normal bounds, so a maximised window restores its old size as well', () => {
    const win = { getNormalBounds: () => ({ x: 5, y: 6, width: 900, height: 700 }), isMaximized: () => true, isFullScreen: () => false };
    expect(captureWindowState(win)).toEqual(state({ x: 5, y: 6, width: 900, height: 700 }, { maximized: true }));
  });
});
