import { describe, expect, it } from 'vitest';
import { packRgba } from '../../../renderer/render/cell-raster.ts';
import { text, LIGHT } from '../../../renderer/scene/charts/svg.ts';
import { ExportError, prepareSvgForPdf } from '../../../renderer/export/convert.ts';
import { figurePixels, figureSvg, pxPerUnit, toMm, unitsPerCssPx, xmlSafe } from '../../../renderer/export/figure-svg.ts';
import { legendSvg } from '../../../renderer/export/legend-svg.ts';
import { scaleBarSvg } from '../../../renderer/export/scale-bar-svg.ts';
import { sectionSvg } from '../../../renderer/export/section-svg.ts';
import { parseXml } from './decode-png.ts';

describe('figure units', () => {
  it('converts pt and mm to CSS px, output px and mm', () => {
    expect(unitsPerCssPx('pt')).toBe(0.75);
    expect(unitsPerCssPx('mm')).toBeCloseTo(0.2645833, 7);
    expect(pxPerUnit('pt', 300)).toBeCloseTo(300 / 72, 12);
    expect(pxPerUnit('mm', 300)).toBeCloseTo(11.811024, 6);
    expect(figurePixels(960, 540, 'pt', 300)).toEqual({ widthPx: 4000, heightPx: 2250 }); // the 16:9 slide
    expect(figurePixels(338.667, 190.5, 'mm', 300)).toEqual({ widthPx: 4000, heightPx: 2250 });
    expect(figurePixels(960, 540, 'pt', 72)).toEqual({ widthPx: 960, heightPx: 540 });
    expect(figurePixels(960, 540, 'pt', 600)).toEqual({ widthPx: 8000, heightPx: 4500 });
    expect(toMm(960, 'pt')).toBeCloseTo(338.6667, 4);
    expect(toMm(540, 'pt')).toBeCloseTo(190.5, 9);
    expect(toMm(12, 'mm')).toBe(12);
  });
});

describe('figureSvg', () => {
  it('is a standalone SVG document: physical size, viewBox in figure units, escaped title', () => {
    const svg = figureSvg({ width: 960, height: 540, units: 'pt', background: '#ffffff', body: '<rect x="1" y="2" width="3" height="4"/>', title: 'A <b>&"' });
    const root = parseXml(svg).documentElement!;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(['width', 'height', 'viewBox', 'aria-label'].map((a) => root.getAttribute(a))).toEqual(['960pt', '540pt', '0 0 960 540', 'A <b>&"']);
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe('A <b>&"');
    const rects = root.getElementsByTagName('rect');
    expect(rects[0]!.getAttribute('fill')).toBe('#ffffff');
    expect(rects[0]!.getAttribute('width')).toBe('960');
    const mm = parseXml(figureSvg({ width: 338.6667, height: 190.5, units: 'mm', background: null, body: '' })).documentElement!;
    expect(mm.getAttribute('width')).toBe('338.667mm');
    expect(mm.getElementsByTagName('rect')).toHaveLength(0); // transparent
  });

  it('drops characters XML cannot hold, keeping everything else', () => {
    expect(xmlSafe('a\u0007b\u000bc\td\ne\uD800f\uDC00g😀\uFFFEh')).toBe('abc\td\nefg😀h');
    const svg = figureSvg({ width: 10, height: 10, units: 'mm', background: null, body: text(1, 1, 'clone\u000b7', LIGHT), title: 'x\u0001' });
    expect(parseXml(svg).documentElement!.getElementsByTagName('text')[0]!.textContent).toBe('clone7');
  });
});

describe('a whole figure', () => {
  it('is well-formed and holds the panel titles, scale-bar text and legend entries', async () => {
    const u = unitsPerCssPx('pt');
    const n = 2000, x = new Float32Array(n), y = new Float32Array(n), rgba = new Uint32Array(n);
    const lut = [packRgba(230, 159, 0), packRgba(86, 180, 233), packRgba(0, 158, 115)];
    for (let i = 0; i < n; i++) (x[i] = (i * 7919) % 5000), (y[i] = (i * 104729) % 3000), (rgba[i] = lut[i % 3]!);
    const body: string[] = [];
    const titles = ['Core <1>', 'Front & edge', 'Metastasis "M1"'];
    for (const [j, title] of titles.entries()) {
      const px = 24 + j * 310, worldPerUnit = 5000 / 290;
      body.push(text(px, 30, title, LIGHT, { size: 13, weight: 600 }));
      body.push(await sectionSvg({ cells: { n, x, y }, rgba, x: px, y: 44, width: 290, height: 180, window: { cx: 2500, cy: 1500, worldPerUnit, yUp: false }, markSize: 2, background: null, unitsPerPx: u, rasterPxPerUnit: pxPerUnit('pt', 300), maxVectorCells: j === 2 ? 0 : 50_000, title }));
      body.push(scaleBarSvg({ worldPerUnit, units: 'um', x: px + 282, y: 216, unitsPerPx: u })!.svg);
    }
    body.push(legendSvg({ kind: 'category', title: 'Clone', entries: [{ label: 'C1', colour: '#E69F00' }, { label: 'C2 <sub>', colour: '#56B4E9' }, { label: 'C3', colour: '#009E73' }] }, { x: 24, y: 240, width: 900, unitsPerPx: u }).svg);
    const root = parseXml(figureSvg({ width: 960, height: 300, units: 'pt', background: '#ffffff', body: body.join('') })).documentElement!;
    const texts = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent);
    for (const t of titles) expect(texts).toContain(t);
    expect(texts.filter((t) => t === '1 mm')).toHaveLength(6); // 3 bars × (halo + ink): 1 mm = 58 pt at 17.2 µm/pt (2 mm, 116 pt, is over 112.5)
    for (const e of ['Clone', 'C1', 'C2 <sub>', 'C3']) expect(texts).toContain(e);
    const panels = Array.from(root.getElementsByTagName('svg'));
    expect(panels.map((p) => p.getAttribute('data-cells'))).toEqual(['vector', 'vector', 'raster']);
  });
});

describe('prepareSvgForPdf', () => {
  it('copies dominant-baseline to alignment-baseline and maps numeric weights to bold / normal', () => {
    const root = parseXml('<svg xmlns="http://www.w3.org/2000/svg"><text dominant-baseline="middle" font-weight="600">a</text><text font-weight="400" alignment-baseline="hanging" dominant-baseline="middle">b</text><g font-weight="bold"/></svg>').documentElement!;
    prepareSvgForPdf(root as unknown as Element);
    const [a, b] = Array.from(root.getElementsByTagName('text'));
    expect([a!.getAttribute('alignment-baseline'), a!.getAttribute('font-weight')]).toEqual(['middle', 'bold']);
    expect([b!.getAttribute('alignment-baseline'), b!.getAttribute('font-weight')]).toEqual(['hanging', 'normal']);
    expect(root.getElementsByTagName('g')[0]!.getAttribute('font-weight')).toBe('bold');
  });

  it('ExportError carries a reason', () => {
    const e = new ExportError('No clipboard.', 'unavailable');
    expect([e.name, e.message, e.reason, e instanceof Error]).toEqual(['ExportError', 'No clipboard.', 'unavailable', true]);
    expect(new ExportError('x').reason).toBe('failed');
  });
});
