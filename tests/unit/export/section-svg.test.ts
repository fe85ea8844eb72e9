import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { packRgba } from '../../../renderer/render/cell-raster.ts';
import { DEFAULT_MAX_VECTOR_CELLS, isDarkCss, sectionSvg, windowFromView, type SectionSvgInput } from '../../../renderer/export/section-svg.ts';
import { bytesOfDataUri, countColour, decodePng, parseXml, pixelAt } from './decode-png.ts';

const ORANGE = packRgba(230, 159, 0), BLUE = packRgba(0, 114, 178);
const NASTY = '<b>&"x\'';

/** 10 × 6 cells on a 100 µm grid, world [50, 950] × [50, 550]; two colours; box 60 × 36 units = world 1000 × 600. */
function input(over: Partial<SectionSvgInput> = {}): SectionSvgInput {
  const n = 60, x = new Float32Array(n), y = new Float32Array(n), rgba = new Uint32Array(n);
  for (let i = 0; i < n; i++) (x[i] = 50 + 100 * (i % 10)), (y[i] = 50 + 100 * Math.floor(i / 10)), (rgba[i] = i < 20 ? BLUE : ORANGE);
  return {
    cells: { n, x, y }, rgba, x: 12, y: 30, width: 60, height: 36, window: { cx: 500, cy: 300, worldPerUnit: 1000 / 60, yUp: false },
    markSize: 3, background: null, unitsPerPx: 0.75, rasterPxPerUnit: 300 / 72, ...over,
  };
}

const children = (el: Element, name: string) => Array.from(el.childNodes).filter((c): c is Element => c.nodeName === name);

describe('sectionSvg', () => {
  it('is a nested, clipped viewport in box units with the visible-cell count', async () => {
    const root = parseXml(await sectionSvg(input())).documentElement!;
    expect(root.nodeName).toBe('svg');
    expect(['x', 'y', 'width', 'height', 'viewBox', 'overflow'].map((a) => root.getAttribute(a))).toEqual(['12', '30', '60', '36', '0 0 60 36', 'hidden']);
    expect(root.getAttribute('data-visible-cells')).toBe('60');
    expect(children(root, 'rect')).toHaveLength(0); // background null: transparent
  });

  it('switches from vector marks to one raster image above maxVectorCells', async () => {
    const vec = parseXml(await sectionSvg(input({ maxVectorCells: 60 }))).documentElement!;
    expect(vec.getAttribute('data-cells')).toBe('vector');
    expect(vec.getElementsByTagName('image')).toHaveLength(0);
    const strokes = Array.from(vec.getElementsByTagName('path')).map((p) => p.getAttribute('stroke'));
    expect(strokes).toEqual(['#e69f00', '#0072b2']); // 40 orange, then 20 blue

    const ras = parseXml(await sectionSvg(input({ maxVectorCells: 59 }))).documentElement!;
    expect(ras.getAttribute('data-cells')).toBe('raster');
    expect(ras.getElementsByTagName('path')).toHaveLength(0);
    const img = ras.getElementsByTagName('image')[0]!;
    expect(['x', 'y', 'width', 'height', 'preserveAspectRatio'].map((a) => img.getAttribute(a))).toEqual(['0', '0', '60', '36', 'none']);
    expect(img.getAttribute('data-px')).toBe('250x150'); // 60 × 36 pt at 300 dpi
    const d = decodePng(bytesOfDataUri(img.getAttribute('href')!));
    expect([d.width, d.height]).toEqual([250, 150]);
    expect(pixelAt(d, 0, 0).alpha).toBe(0); // transparent between cells
    // cell 0 at world (50, 50) → box (3, 3) → px (12.5, 12.5); cell 59 at (950, 550) → box (57, 33)
    expect(pixelAt(d, 12.5, 12.5).hex).toBe('#0072b2');
    expect(pixelAt(d, 57 * 250 / 60, 33 * 150 / 36).hex).toBe('#e69f00');
    expect(countColour(d, '#e69f00')).toBeGreaterThan(countColour(d, '#0072b2')); // 40 vs 20 marks
  });

  it('counts only shown cells inside the box; the default limit is DEFAULT_MAX_VECTOR_CELLS', async () => {
    const base = input();
    const rgba = base.rgba.slice();
    rgba[5] = 0; // hidden
    const window = { ...base.window, cx: 100 }; // box spans world x [−400, 600]: columns 0–5 (x ≤ 550) remain
    const root = parseXml(await sectionSvg({ ...base, rgba, window })).documentElement!;
    expect(root.getAttribute('data-visible-cells')).toBe(String(6 * 6 - 1));
    expect(root.getAttribute('data-cells')).toBe('vector');
    expect(DEFAULT_MAX_VECTOR_CELLS).toBeGreaterThan(1000);
    const none = parseXml(await sectionSvg(input({ maxVectorCells: 0 }))).documentElement!;
    expect(none.getAttribute('data-cells')).toBe('raster');
  });

  it('escapes names and keeps them exact: title, labels, overlay colours, biopsy numbers', async () => {
    const ring = Float64Array.of(200, 200, 400, 200, 400, 400, 200, 400);
    const svg = await sectionSvg(input({
      title: NASTY, background: '#16181c',
      labels: [{ x: 500, y: 300, text: NASTY, colour: '#123456' }, { x: 5000, y: 300, text: 'outside', colour: '#000000' }],
      overlays: [{ rings: [ring], colour: '#0072B2', fillAlpha: 0.2, strokeAlpha: 1, strokeWidth: 2, dashed: true }],
      biopsies: [{ outline: ring, label: NASTY, picked: true }],
    }));
    const root = parseXml(svg).documentElement!;
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe(NASTY);
    const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts.filter((t) => t === NASTY)).toHaveLength(4); // label and biopsy number, each halo + ink
    expect(texts).not.toContain('outside'); // labels outside the box are left out
    const biopsy = Array.from(root.getElementsByTagName('g')).find((g) => g.hasAttribute('data-biopsy'))!;
    expect(biopsy.getAttribute('data-biopsy')).toBe(NASTY);
    expect(children(root, 'rect')[0]!.getAttribute('fill')).toBe('#16181c');
    // the dashed outline: a halo path, then the dashed one 6 px on / 4 px off × 0.75 pt/px
    const dashed = Array.from(root.getElementsByTagName('path')).find((p) => p.hasAttribute('stroke-dasharray'))!;
    expect(dashed.getAttribute('stroke-dasharray')).toBe('4.5 3');
    expect(dashed.getAttribute('stroke-width')).toBe('1.5');
    // world (200, 200) → box (200 − 500) / (1000/60) + 30 = 12, (200 − 300) / (1000/60) + 18 = 12
    expect(dashed.getAttribute('d')).toBe('M12 12L24 12 24 24 12 24Z');
  });

  it('rejects sizes that cannot be drawn', async () => {
    await expect(sectionSvg(input({ width: 0 }))).rejects.toThrow(RangeError);
    await expect(sectionSvg(input({ markSize: 0 }))).rejects.toThrow(RangeError);
    await expect(sectionSvg(input({ window: { cx: 0, cy: 0, worldPerUnit: 0, yUp: false } }))).rejects.toThrow(RangeError);
  });
});

describe('windowFromView and isDarkCss', () => {
  it('maps the view width (device px / scale) onto the box width', () => {
    const w = windowFromView({ cx: 10, cy: 20, scale: 2, width: 800, height: 600, yUp: true }, 200);
    expect(w).toEqual({ cx: 10, cy: 20, worldPerUnit: 2, yUp: true }); // 400 world units over 200 box units
  });
  it('tells dark backgrounds', () => {
    expect([isDarkCss('#16181c'), isDarkCss('#fff'), isDarkCss('rgb(10, 10, 10)'), isDarkCss('white')]).toEqual([true, false, true, false]);
  });
});
