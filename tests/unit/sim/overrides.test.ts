import { describe, expect, it } from 'vitest';
import { addOverride, overridesOf, type Overrides } from '../../../shared/sim/overrides.ts';
import { paramProblems, presetParams } from '../../../shared/sim/params.ts';

describe('model parameters set by name', () => {
  it('applies growth and tissue parameters over the preset', () => {
    const o: Overrides = { growth: {}, tissue: {} };
    expect(addOverride(o, 'death=0.4')).toBeNull();
    expect(addOverride(o, 'mode = eden')).toBeNull();
    expect(addOverride(o, 'frontWidthUm=300')).toBeNull();
    const p = presetParams('selective-sweep', { cells: 1000, ...overridesOf(o) });
    expect(p.growth.death).toBe(0.4);
    expect(p.growth.mode).toBe('eden');
    expect(p.tissue.frontWidthUm).toBe(300);
    expect(p.growth.sDriver).toBe(1); // untouched preset values stay
    expect(paramProblems(p)).toEqual([]);
  });

  it('says what is wrong with a bad assignment', () => {
    const o: Overrides = { growth: {}, tissue: {} };
    expect(addOverride(o, 'death')).toBe("'death' is not KEY=VALUE.");
    expect(addOverride(o, 'death=fast')).toBe("death must be a number, not 'fast'.");
    expect(addOverride(o, 'mode=spiral')).toBe("mode must be one of push, eden, random-neighbour, not 'spiral'.");
    expect(addOverride(o, 'seed=3')).toMatch(/^unknown parameter 'seed'; the parameters are lattice, mode,/);
  });

  it('leaves range checks to paramProblems', () => {
    const o: Overrides = { growth: {}, tissue: {} };
    expect(addOverride(o, 'death=2')).toBeNull();
    expect(paramProblems(presetParams('big-bang', overridesOf(o)))).toContain('the death rate must be at least 0 and below the birth rate.');
  });
});
