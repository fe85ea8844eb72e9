import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE, figureProblem, layoutFigure, letterOf, pngSize, PRESET_SIZES_MM, PT_PER_MM, type FigureSpec } from '../../../renderer/scene/figure-layout.ts';

const three: FigureSpec = { ...DEFAULT_FIGURE, panels: [{ kind: 'section', title: 'Core', sampleId: 'a' }, { kind: 'section', title: 'Invasive front', sampleId: 'a' }, { kind: 'section', title: 'Metastasis', sampleId: 'b' }] };

describe('figure layout', () => {
  it('a 16:9 slide is 13.333 × 7.5 in: 4000 × 2250 px at 300 DPI, 960 × 540 pt', () => {
    expect(pngSize(three)).toEqual({ width: 4000, height: 2250 });
    const l = layoutFigure(three);
    expect(l.widthPt).toBeCloseTo(960, 1);
    expect(l.heightPt).toBeCloseTo(540, 1);
    expect(pngSize({ widthMm: PRESET_SIZES_MM['4:3'][0], heightMm: PRESET_SIZES_MM['4:3'][1], dpi: 72 })).toEqual({ width: 720, height: 540 });
  });

  it('puts three panels side by side, inside the page, not overlapping each other or the legend', () => {
    const l = layoutFigure(three);
    expect(l.panels.map((p) => p.letter)).toEqual(['A', 'B', 'C']);
    const boxes = [...l.panels.map((p) => p.cell), l.legend!];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThan(0);
      expect(b.y).toBeGreaterThan(0);
      expect(b.x + b.w).toBeLessThan(l.widthPt);
      expect(b.y + b.h).toBeLessThan(l.heightPt);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!, b = boxes[j]!;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
    expect(l.panels[1]!.cell.y).toBe(l.panels[0]!.cell.y);
    // the content sits below the letter-and-title band
    expect(l.panels[0]!.content.y - l.panels[0]!.cell.y).toBeCloseTo(11 * 1.9, 6);
    expect(l.legend!.w).toBeLessThanOrEqual(60 * PT_PER_MM);
  });

  it('wraps into rows by the column count; a bottom legend takes a strip', () => {
    const l = layoutFigure({ ...three, columns: 2, legend: 'bottom', panels: [...three.panels, { kind: 'composition', title: 'Composition' }] });
    expect(l.panels[2]!.cell.y).toBeGreaterThan(l.panels[0]!.cell.y);
    expect(l.panels[2]!.cell.x).toBe(l.panels[0]!.cell.x);
    expect(l.legend!.y).toBeGreaterThan(l.panels[3]!.cell.y + l.panels[3]!.cell.h);
  });

  it('letters go on past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(letterOf)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('refuses what cannot be made, with a sentence', () => {
    expect(figureProblem(three)).toBeNull();
    expect(figureProblem({ ...three, dpi: 1200 })).toBe('The resolution must be a whole number from 72 to 600 DPI.');
    expect(figureProblem({ ...three, panels: [] })).toBe('Add at least one panel.');
    expect(figureProblem({ ...three, widthMm: 5 })).toContain('20 to 2,000 mm');
  });
});
