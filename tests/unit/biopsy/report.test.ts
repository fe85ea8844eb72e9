import { describe, expect, it } from 'vitest';
import { designReport } from '../../../shared/analysis/biopsy/design-report.ts';
import { cellsInBiopsy, punchAt } from '../../../shared/analysis/biopsy/geometry.ts';
import { biopsyReport } from '../../../shared/analysis/biopsy/report.ts';
import { BiopsySection } from '../../../shared/analysis/biopsy/section.ts';
import { SAMPLE_MET, sampleSection, sectionOf, treeOf } from './helpers.ts';

// A (root, a1) → B (b1, b2), A → C (c1). Cells: a punch of radius 10 at the origin holds B, B, A and
// two normal cells; elsewhere C, C, A near (100, 100) and one B at (50, 50).
const tree = treeOf('clone,parent,mutations\nA,,a1\nB,A,b1;b2\nC,A,c1\n');
const cells: [number, number, string, string][] = [
  [0, 0, 'B', 'core'], [1, 0, 'B', 'core'], [0, 1, 'A', 'core'], [-1, 0, 'normal', 'core'], [0, -1, 'normal', 'core'],
  [100, 100, 'C', 'front'], [101, 100, 'C', 'front'], [100, 101, 'A', 'front'], [50, 50, 'B', 'core'],
];
const labels = ['A', 'B', 'C', 'normal'], regions = ['core', 'front'];
const section = new BiopsySection({
  x: cells.map((c) => c[0]), y: cells.map((c) => c[1]),
  cloneCodes: cells.map((c) => labels.indexOf(c[2])), cloneLabels: labels,
  regionCodes: cells.map((c) => regions.indexOf(c[3])), regionLabels: regions, tree,
});
const first = punchAt(0, 0, 20);
const second = punchAt(100, 100, 4);

describe('one biopsy, by hand (SCIENCE.md §3.1, §3.3)', () => {
  const r = biopsyReport(section, first);

  it('cells, purity, composition against the section and the region, missed clones', () => {
    expect([r.cells, r.tumourCells, r.purity]).toEqual([5, 3, 0.6]);
    expect(r.region).toBe('core');
    const share = Object.fromEntries(r.clones.map((c) => [c.clone, c]));
    expect(share.A!.fraction).toBeCloseTo(1 / 3, 12);
    expect(share.B!.fraction).toBeCloseTo(2 / 3, 12);
    expect(share.C!.fraction).toBe(0);
    expect(share.B!.sectionFraction).toBeCloseTo(3 / 7, 12);
    expect(share.B!.regionFraction).toBeCloseTo(3 / 4, 12); // core: A 1, B 3
    expect(share.C!.regionFraction).toBe(0);
    expect(r.missedClones).toEqual(['C']);
  });

  it('CCF, expected VAF = ρ·CCF/2, clonal calls and illusions of every mutation', () => {
    const m = Object.fromEntries(r.mutations!.map((x) => [x.mutation, x]));
    expect(m.a1).toMatchObject({ clone: 'A', ccf: 1, tumourCcf: 1, clonal: true, clonalInTumour: true, illusion: false, detected: true });
    expect(m.a1!.expectedVaf).toBeCloseTo(0.3, 12);
    expect(m.b2!.ccf).toBeCloseTo(2 / 3, 12);
    expect(m.b2!.tumourCcf).toBeCloseTo(3 / 7, 12);
    expect(m.b2!.regionCcf).toBeCloseTo(3 / 4, 12);
    expect(m.b2!.expectedVaf).toBeCloseTo(0.2, 12);
    expect(m.b2!.clonal).toBe(false); // 2/3 < τ = 0.9
    expect(m.c1).toMatchObject({ ccf: 0, detected: false, expectedVaf: 0 });
    // with τ = 0.6, B's mutations look clonal here but are subclonal in the tumour (3/7): illusions
    const low = biopsyReport(section, first, { tau: 0.6 });
    expect(low.mutations!.filter((x) => x.illusion).map((x) => x.mutation)).toEqual(['b1', 'b2']);
    expect(low.clinic).toMatchObject({ truncalLooking: 3, illusions: 2, trulyTruncal: 1, truncalMissed: 0 });
    expect(low.clinic.illusionFraction).toBeCloseTo(2 / 3, 12);
    // a user purity for tables without normal cells
    expect(biopsyReport(section, first, { purity: 1 }).mutations![0]!.expectedVaf).toBeCloseTo(0.5, 12);
  });

  it('what it would tell the clinic', () => {
    expect(r.clinic).toMatchObject({
      tumourCells: 3, purity: 0.6, clonesSeen: 2, clonesInSection: 3, clonesMissed: ['C'],
      truncalLooking: 1, illusions: 0, trulyTruncal: 1, truncalMissed: 0, mutationsDetected: 3, mutationsMissed: 1,
    });
    expect(r.clinic.dominantClone!.clone).toBe('B');
    expect(r.clinic.worstCompositionError).toBeCloseTo(2 / 7, 12); // C: 0 here, 2/7 in the section
  });

  it('an empty biopsy reports nothing clonal', () => {
    const empty = biopsyReport(section, punchAt(300, 300, 2));
    expect([empty.cells, empty.tumourCells, empty.region]).toEqual([0, 0, null]);
    expect(empty.purity).toBeNaN();
    expect(empty.mutations!.some((x) => x.clonal || x.detected)).toBe(false);
  });
});

describe('a set of biopsies, by hand', () => {
  it('Gerlinger classes, truncal calls, pooled composition', () => {
    const d = designReport(section, [first, second]);
    expect(d.classes).toEqual({ ubiquitous: 1, shared: 0, private: 3, absent: 0, heterogeneousFraction: 0.75 });
    expect(d.mutations!.find((m) => m.mutation === 'c1')).toMatchObject({ presentIn: 1, biopsyClass: 'private', regionClass: 'private' });
    expect(d.regions).toEqual(['core', 'front']);
    expect(d.truncalCalls).toBe(1); // a1
    expect(d.wronglyTruncal).toBe(0);
    expect(d.clonesMissed).toEqual([]);
    expect(d.compositionError).toBeCloseTo(2 / 21, 12); // pooled A, B, C = 1/3 each vs 2/7, 3/7, 2/7
  });

  it('one biopsy calls B truncal (τ = 0.6) and the metastasis early; the truth is late', () => {
    // the metastasis holds C only: it carries a1 and c1, not b1, b2
    const met = sectionOf([0, 1, 2], [0, 0, 0], ['C', 'C', 'C'], tree);
    const d = designReport(section, [first], { tau: 0.6, metastasis: met });
    expect(d.mutations!.filter((m) => m.wronglyTruncal).map((m) => m.mutation)).toEqual(['b1', 'b2']);
    expect(d.illusionFraction).toBeCloseTo(2 / 3, 12);
    expect(d.metastasis).toMatchObject({ call: 'early', truth: 'late', correct: false, evidence: ['b1', 'b2'], truthEvidence: [] });
    // biopsying the C area as well fixes the call
    expect(designReport(section, [first, second], { tau: 0.6, metastasis: met }).metastasis).toMatchObject({ call: 'late', correct: true });
  });
});

describe('the sample data: a late metastasis from a minor subclone', () => {
  const primary = sampleSection();
  const met = sampleSection(SAMPLE_MET);

  it('a report counts exactly the cells in the punch; fractions sum to 1', () => {
    const shape = punchAt(1400, 1400, 600);
    const r = biopsyReport(primary, shape);
    const inside = cellsInBiopsy(primary.index, shape);
    expect(r.cells).toBe(inside.length);
    expect(r.clones.reduce((s, c) => s + c.fraction, 0)).toBeCloseTo(1, 12);
    expect(r.clones.reduce((s, c) => s + c.sectionFraction, 0)).toBeCloseTo(1, 12);
    expect(r.mutations!.filter((m) => m.clone === 'C0').every((m) => m.ccf === 1 && m.clonal && !m.illusion)).toBe(true); // truncal
  });

  it('one small biopsy inside C5 calls the divergence early (the TRACERx trap); the whole section says late', () => {
    // search C5 cells for a 300 µm punch whose tumour cells are ≥ 90 % C5
    const c5 = primary.clones.indexOf('C5');
    let chosen = null;
    for (let i = 0; i < primary.n && !chosen; i += 7) {
      if (primary.category[i] !== c5) continue;
      const r = biopsyReport(primary, punchAt(primary.x[i]!, primary.y[i]!, 300));
      if (r.tumourCells >= 50 && r.clones[c5]!.fraction >= 0.9) chosen = punchAt(primary.x[i]!, primary.y[i]!, 300);
    }
    expect(chosen).not.toBeNull();
    const d = designReport(primary, [chosen!], { metastasis: met });
    expect(d.metastasis!.truth).toBe('late');
    expect(d.metastasis!.call).toBe('early');
    expect(d.metastasis!.evidence).toContain('M1271'); // C5's mutation: clonal in the biopsy, absent from the metastasis
    expect(d.wronglyTruncal).toBeGreaterThan(0);
  });
});
