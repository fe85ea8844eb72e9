import { describe, expect, it } from 'vitest';
import { fitText, formatTick, legendColumns, legendSvg } from '../../../renderer/export/legend-svg.ts';
import { scaleBarSvg } from '../../../renderer/export/scale-bar-svg.ts';
import { parseXml } from './decode-png.ts';

const NASTY = '<b>&"';
const wrap = (g: string) => parseXml(`<svg xmlns="http://www.w3.org/2000/svg">${g}</svg>`).documentElement!;

describe('legendSvg, categories', () => {
  const entries = [
    { label: 'C1', colour: '#E69F00' },
    { label: NASTY, colour: '#56B4E9' },
    { label: 'hidden one', colour: '#000000', hidden: true },
    { label: 'stroma', colour: '#9a9a9a' },
  ];

  it('lists the shown entries in order, with their colours and exact names', () => {
    const l = legendSvg({ kind: 'category', title: 'Clone & "region"', entries }, { x: 10, y: 20, width: 500, unitsPerPx: 0.75 });
    const root = wrap(l.svg);
    const g = root.getElementsByTagName('g')[0]!;
    expect(g.getAttribute('transform')).toBe('translate(10 20)');
    const items = Array.from(root.getElementsByTagName('g')).filter((e) => e.hasAttribute('data-entry'));
    expect(items.map((e) => e.getAttribute('data-entry'))).toEqual(['C1', NASTY, 'stroma']);
    expect(items.map((e) => e.getElementsByTagName('text')[0]!.textContent)).toEqual(['C1', NASTY, 'stroma']);
    expect(items.map((e) => e.getElementsByTagName('rect')[0]!.getAttribute('fill'))).toEqual(['#E69F00', '#56B4E9', '#9a9a9a']);
    expect(root.getElementsByTagName('text')[0]!.textContent).toBe('Clone & "region"');
    expect(l.columns).toBe(3); // all on one row in 500 units
    expect(l.height).toBeCloseTo(2 * 9 * 1.45, 6); // title + one row, 12 px × 0.75 = 9 pt text
  });

  it('wraps into columns filled down then across when the width is short', () => {
    expect(legendColumns(7, 50, 10, 125)).toEqual({ columns: 2, rows: 4 });
    expect(legendColumns(4, 50, 10, 1000)).toEqual({ columns: 4, rows: 1 });
    expect(legendColumns(5, 50, 10, 170)).toEqual({ columns: 3, rows: 2 }); // 3 columns fit (170 ≥ 3 × 50 + 2 × 10)
    expect(legendColumns(0, 50, 10, 100)).toEqual({ columns: 0, rows: 0 });
    const many = Array.from({ length: 12 }, (_, k) => ({ label: `clone ${k + 1}`, colour: '#123456' }));
    const l = legendSvg({ kind: 'category', entries: many }, { width: 200, unitsPerPx: 0.75 });
    const ys = Array.from(wrap(l.svg).getElementsByTagName('rect')).map((r) => Number(r.getAttribute('y')));
    expect(l.columns).toBeGreaterThan(1);
    expect(ys[1]!).toBeGreaterThan(ys[0]!); // second entry below the first (down first)
  });

  it('shortens long names with an ellipsis, never splitting a character', () => {
    expect(fitText('short', 10, 100)).toBe('short');
    const long = fitText('a very long clone name indeed', 10, 60);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThan(12);
    expect(fitText('😀😀😀😀😀😀😀😀😀😀', 10, 30)).toBe('😀😀😀😀…');
  });
});

describe('legendSvg, colour bar', () => {
  it('draws 64 steps and round ticks with their labels, increasing left to right', () => {
    const l = legendSvg({ kind: 'number', title: 'Ki-67', min: 0.5, max: 250, log: true, colormap: 'viridis' }, { width: 300, unitsPerPx: 0.75 });
    const root = wrap(l.svg);
    const labels = Array.from(root.getElementsByTagName('text')).map((t) => t.textContent).slice(1);
    expect(labels).toEqual(['1', '10', '100']); // powers of ten within [0.5, 250]
    const xs = Array.from(root.getElementsByTagName('text')).slice(1).map((t) => Number(t.getAttribute('x')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0); // a decade is the same length on a log bar
    // 0.5 … 250 is 2.7 decades across the bar, so one decade is 1 / 2.7 of it (less the label margins)
    expect(xs[1]! - xs[0]!).toBeGreaterThan(80);
    expect(root.getElementsByTagName('rect').length).toBe(64 + labels.length);
    expect(l.width).toBe(300);
  });

  it('formats ticks briefly', () => {
    expect([0, 0.25, 1200, 12000, 2.5e6, 1e-4, -3].map(formatTick)).toEqual(['0', '0.25', '1200', '12,000', '2.5e6', '1e-4', '-3']);
  });
});

describe('scaleBarSvg', () => {
  it('a 1 mm bar is exactly 1000 µm / worldPerUnit box units long, labelled "1 mm"', () => {
    // 12.5 µm per pt: 1 mm = 80 pt, within 60–150 px × 0.75 = 45–112.5 pt
    const b = scaleBarSvg({ worldPerUnit: 12.5, units: 'um', x: 500, y: 300, unitsPerPx: 0.75 })!;
    expect([b.length, b.label, b.barLength]).toEqual([1000, '1 mm', 80]);
    const root = wrap(b.svg);
    const rects = Array.from(root.getElementsByTagName('rect'));
    const bar = rects[rects.length - 1]!; // halo first, bar last
    expect(['x', 'y', 'width', 'height'].map((a) => Number(bar.getAttribute(a)))).toEqual([420, 297, 80, 3]); // right end at x, bottom at y
    const texts = Array.from(root.getElementsByTagName('text'));
    expect(texts.map((t) => t.textContent)).toEqual(['1 mm', '1 mm']); // halo + ink
    expect(Number(texts[1]!.getAttribute('x'))).toBe(460); // centred on the bar
    expect(root.getElementsByTagName('g')[0]!.getAttribute('data-scale-bar')).toBe('1 mm');
  });

  it('works in mm figures and pixel tables; anchors; no halo on request', () => {
    const mm = scaleBarSvg({ worldPerUnit: 50, units: 'um', x: 10, y: 50, anchor: 'start', unitsPerPx: 25.4 / 96, halo: null })!;
    expect([mm.label, mm.barLength]).toEqual(['1 mm', 20]); // 1000 µm at 50 µm per mm of figure
    const rects = Array.from(wrap(mm.svg).getElementsByTagName('rect'));
    expect(rects).toHaveLength(1);
    expect(Number(rects[0]!.getAttribute('x'))).toBe(10);
    const px = scaleBarSvg({ worldPerUnit: 5, units: 'px', x: 100, y: 50, anchor: 'middle', unitsPerPx: 0.75 })!;
    expect(px.label).toBe('500 px');
    expect(px.barLength).toBe(100);
    expect(px.width).toBeGreaterThanOrEqual(px.barLength);
    expect(Number(Array.from(wrap(px.svg).getElementsByTagName('rect')).pop()!.getAttribute('x'))).toBe(50);
    expect(scaleBarSvg({ worldPerUnit: 0, units: 'um', x: 0, y: 0, unitsPerPx: 1 })).toBeNull();
  });

  it('counts the label in the width when it is wider than the bar', () => {
    const b = scaleBarSvg({ worldPerUnit: 10_000 / 45, units: 'px', x: 0, y: 0, unitsPerPx: 0.75, minLength: 40, maxLength: 50 })!;
    expect(b.label).toBe('10,000 px');
    expect(b.width).toBeGreaterThan(b.barLength);
  });
});
