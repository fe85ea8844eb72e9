import { describe, expect, it } from 'vitest';
import { formatLength, scaleBar, scaleBarForView } from '../../../renderer/scene/scale-bar.ts';
import { fitView, zoomAbout } from '../../../renderer/scene/view-state.ts';

describe('scaleBar', () => {
  it('picks a 1-2-5 length between 60 and 150 CSS px at every zoom from 1 nm to 10 m per px', () => {
    for (let e = -3; e <= 7; e += 0.01) {
      const umPerPx = 10 ** e;
      const bar = scaleBar(umPerPx)!;
      expect(bar.cssPixels).toBeGreaterThanOrEqual(60);
      expect(bar.cssPixels).toBeLessThanOrEqual(150);
      expect(bar.cssPixels).toBeCloseTo(bar.length / umPerPx, 9);
      const mantissa = bar.length / 10 ** Math.floor(Math.log10(bar.length) + 1e-9);
      expect([1, 2, 5]).toContain(Number(mantissa.toPrecision(6)));
    }
  });

  it('labels in nm, µm, mm and m', () => {
    expect(scaleBar(5)!.label).toBe('500 µm');
    expect(scaleBar(10)!.label).toBe('1 mm');
    expect(scaleBar(20)!.label).toBe('2 mm');
    expect(scaleBar(0.002)!.label).toBe('200 nm');
    expect(scaleBar(0.01)!.label).toBe('1 µm');
    expect(scaleBar(0.0001)!.label).toBe('10 nm');
    expect(scaleBar(100)!.label).toBe('10 mm');
    expect(scaleBar(1e4)!.label).toBe('1 m');
    expect(formatLength(0.5, 'um')).toBe('500 nm');
    expect(formatLength(0.0005, 'um')).toBe('0.5 nm');
    expect(formatLength(2500, 'um')).toBe('2.5 mm');
  });

  it('labels pixel tables in px, with thousands separators', () => {
    expect(scaleBar(5, 'px')!.label).toBe('500 px');
    expect(scaleBar(100, 'px')!.label).toBe('10,000 px');
    expect(scaleBar(0.005, 'px')!.label).toBe('0.5 px');
  });

  it('has no bar for a scale that is not a positive number', () => {
    expect(scaleBar(0)).toBeNull();
    expect(scaleBar(-1)).toBeNull();
    expect(scaleBar(NaN)).toBeNull();
    expect(scaleBar(Infinity)).toBeNull();
  });

  it('follows a view as it zooms (device pixels per world unit, divided by the pixel ratio)', () => {
    let view = fitView({ x: [0, 10_000], y: [0, 8_000] }, 1600, 1200, false); // ≈ 0.157 device px per µm
    const labels: string[] = [];
    for (let k = 0; k < 12; k++) {
      const bar = scaleBarForView(view, 2, 'um')!;
      expect(bar.cssPixels).toBeGreaterThanOrEqual(60);
      expect(bar.cssPixels).toBeLessThanOrEqual(150);
      expect(bar.length * (view.scale / 2)).toBeCloseTo(bar.cssPixels, 6);
      labels.push(bar.label);
      view = zoomAbout(view, 2, 800, 600);
    }
    expect(labels[0]).toBe('1 mm');
    expect(labels.at(-1)).toBe('500 nm');
    expect(new Set(labels).size).toBeGreaterThan(8);
  });
});
