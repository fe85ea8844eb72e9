import { describe, expect, it } from 'vitest';
import { colouringFor, sharedLimits } from '../../../renderer/scene/colouring.ts';
import { robustLimits } from '../../../renderer/scene/colormaps.ts';
import { ColourBook } from '../../../renderer/scene/palette.ts';
import type { CellTable, NumberColumn } from '../../../shared/dataset/cell-table.ts';

/** A table with one numeric column CD8 = values. */
function table(values: number[]): CellTable {
  const n = values.length;
  return { n, x: new Float32Array(n), y: new Float32Array(n), units: 'um', columns: [{ kind: 'number', name: 'CD8', values: Float32Array.from(values) }], roles: {} } as unknown as CellTable;
}

const ramp = (from: number, to: number, n = 1001) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe('colour limits shared across samples', () => {
  const low = table(ramp(0, 10)), high = table(ramp(5, 100));
  const values = (t: CellTable) => (t.columns[0] as NumberColumn).values;
  it('pools the widest robust range of the samples that have the column', () => {
    const [lo] = robustLimits(values(low));
    const [, hi] = robustLimits(values(high));
    expect(sharedLimits([low, high], 'CD8', false)).toEqual([lo, hi]);
    expect(lo).toBeCloseTo(0.2, 5); // 2nd percentile of 0…10
    expect(hi).toBeCloseTo(98.1, 1); // 98th percentile of 5…100
  });
  it('leaves a single sample, or a column only one sample has, to its own limits', () => {
    expect(sharedLimits([low], 'CD8', false)).toBeNull();
    expect(sharedLimits([low, table([])].map((t, k) => (k ? { ...t, columns: [] } : t)), 'CD8', false)).toBeNull();
  });
  it('gives the same value the same colour in both sections', () => {
    const shared = sharedLimits([low, high], 'CD8', false);
    const legend = (t: CellTable) => colouringFor(t.columns[0], new ColourBook(), { hidden: [], colormap: 'viridis', min: null, max: null, log: false, shared }).legend;
    const a = legend(low), b = legend(high);
    expect(a.kind === 'number' && b.kind === 'number' && [a.min, a.max]).toEqual(b.kind === 'number' && [b.min, b.max]);
  });
});
