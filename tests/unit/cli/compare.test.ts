// `clonoscope compare` run as a child process on the sample data (a simulated primary and its
// metastasis, whose truth simulation.json records). Every number is recomputed here from the gzip
// CSVs with plain loops, independently of shared/analysis.

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../paths.ts';
import { ensureCliBuilt, runCli } from './run-cli.ts';

const PRIMARY = 'sample-data/primary_cells.csv.gz';
const METASTASIS = 'sample-data/metastasis_cells.csv.gz';
const TREE = 'sample-data/clone_tree.csv';

beforeAll(ensureCliBuilt, 240_000);

/** Clone counts of a sample-data table (no quoted fields there), all rows and tumour rows. */
function cloneCounts(rel: string): { rows: number; counts: Map<string, number> } {
  const lines = gunzipSync(readFileSync(path.join(REPO, rel))).toString('utf8').trim().split('\n');
  const col = lines[0]!.split(',').indexOf('clone');
  const counts = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const c = line.split(',')[col]!;
    if (c !== '' && c.toLowerCase() !== 'normal') counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { rows: lines.length - 1, counts };
}

function expected(counts: Map<string, number>) {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  const p = new Map([...counts].map(([k, v]) => [k, v / n]));
  let h = 0, lambda = 0;
  for (const v of p.values()) (h -= v * Math.log(v)), (lambda += v * v);
  return { n, p, shannon: h, simpson: lambda, richness: counts.size };
}

function jsd(p: Map<string, number>, q: Map<string, number>): number {
  let d = 0;
  for (const k of new Set([...p.keys(), ...q.keys()])) {
    const a = p.get(k) ?? 0, b = q.get(k) ?? 0, m = (a + b) / 2;
    if (a > 0) d += 0.5 * a * Math.log2(a / m);
    if (b > 0) d += 0.5 * b * Math.log2(b / m);
  }
  return d;
}

interface Json {
  by: string;
  samples: { name: string; rows: number; tumourCells: number; composition: Record<string, number>; shannon: number; simpson: number; giniSimpson: number; inverseSimpson: number; richness: number }[];
  jsd: number[][];
  sharing: { all: string[]; some: string[]; private: Record<string, string[]> };
  mutations: { ubiquitous: number; shared: number; private: number; total: number; heterogeneousFraction: number };
  metastases: { sample: string; seedingClone: string; founderClone: string; divergence: string; missingTruncal: string[] }[];
}

describe('compare --json on the sample primary and metastasis', () => {
  let out: Json;
  const primary = cloneCounts(PRIMARY);
  const metastasis = cloneCounts(METASTASIS);

  beforeAll(async () => {
    const r = await runCli(['compare', PRIMARY, METASTASIS, '--by', 'clone', '--tree', TREE, '--json']);
    if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
    out = JSON.parse(r.stdout) as Json;
  }, 120_000);

  it('one sample per file, in order, with composition and diversity over tumour cells', () => {
    expect(out.by).toBe('clone');
    expect(out.samples.map((s) => s.name)).toEqual(['primary_cells', 'metastasis_cells']);
    // README.md: 50,365 cells (20,053 tumour) and 15,288 (6,040)
    expect([primary.rows, metastasis.rows]).toEqual([50_365, 15_288]);
    [primary, metastasis].forEach((t, k) => {
      const s = out.samples[k]!;
      const e = expected(t.counts);
      expect([s.rows, s.tumourCells]).toEqual([t.rows, e.n]);
      expect(Object.keys(s.composition).sort()).toEqual([...e.p.keys()].sort());
      for (const [label, f] of e.p) expect(s.composition[label]).toBeCloseTo(f, 12);
      expect(s.shannon).toBeCloseTo(e.shannon, 10);
      expect(s.simpson).toBeCloseTo(e.simpson, 12);
      expect(s.giniSimpson).toBeCloseTo(1 - e.simpson, 12);
      expect(s.inverseSimpson).toBeCloseTo(1 / e.simpson, 10);
      expect(s.richness).toBe(e.richness);
    });
    expect([out.samples[0]!.tumourCells, out.samples[1]!.tumourCells]).toEqual([20_053, 6_040]);
  });

  it('JSD in bits, samples × samples', () => {
    const d = jsd(expected(primary.counts).p, expected(metastasis.counts).p);
    expect(out.jsd).toHaveLength(2);
    expect(out.jsd[0]![0]).toBe(0);
    expect(out.jsd[1]![1]).toBe(0);
    expect(out.jsd[0]![1]).toBeCloseTo(d, 12);
    expect(out.jsd[1]![0]).toBeCloseTo(d, 12);
    // the metastasis holds only clones born after it left (C10 and below): no clone in common, JSD = 1
    expect(d).toBe(1);
    expect(out.sharing.all).toEqual([]);
    expect(out.sharing.private.metastasis_cells).toContain('C10');
  });

  it('mutation classes from the clone tree, recomputed from the clones present in each file', () => {
    const rows = readFileSync(path.join(REPO, TREE), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const parent = new Map(rows.map((r) => [r[0]!, r[1]!]));
    const own = new Map(rows.map((r) => [r[0]!, r[2] ? r[2].split(';') : []]));
    const carried = (clones: Iterable<string>) => {
      const set = new Set<string>();
      for (let c of clones) for (; c; c = parent.get(c)!) for (const m of own.get(c)!) set.add(m);
      return set;
    };
    const a = carried(primary.counts.keys()), b = carried(metastasis.counts.keys());
    const both = [...a].filter((m) => b.has(m)).length;
    const onlyOne = a.size + b.size - 2 * both;
    // two samples: present in both = ubiquitous, in one = private, none shared
    expect(out.mutations.ubiquitous).toBe(both);
    expect(out.mutations.shared).toBe(0);
    expect(out.mutations.private).toBe(onlyOne);
    expect(out.mutations.total).toBe(both + onlyOne);
    expect(out.mutations.heterogeneousFraction).toBeCloseTo(onlyOne / (both + onlyOne), 12);
    // C0 (10) + C1 (3) + C3 (1) + C9 (2): the path to the seeding clone
    expect(both).toBe(16);
  });

  it('the metastasis: seeded by C9, late divergence — the simulated truth', () => {
    const truth = JSON.parse(readFileSync(path.join(REPO, 'sample-data/simulation.json'), 'utf8')).metastasis;
    expect(out.metastases).toHaveLength(1);
    const m = out.metastases[0]!;
    expect(m.sample).toBe('metastasis_cells');
    expect(m.seedingClone).toBe(truth.seedingClone);
    expect(m.founderClone).toBe(truth.founderClone);
    expect(m.divergence).toBe(truth.mode);
    expect(m.missingTruncal).toEqual([]);
  });
});

describe('compare: other uses', () => {
  it('--metastasis names the metastasis when its file name does not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clonoscope-compare-'));
    const lesion = path.join(dir, 'lesion_b.csv.gz');
    copyFileSync(path.join(REPO, METASTASIS), lesion);
    const r = await runCli(['compare', PRIMARY, '--metastasis', lesion, '--tree', TREE, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.samples.map((s) => s.name)).toEqual(['primary_cells', 'lesion_b']);
    expect(out.by).toBe('clone'); // the clone column the loader recognised
    expect(out.metastases.map((m) => [m.sample, m.seedingClone, m.divergence])).toEqual([['lesion_b', 'C9', 'late']]);
  }, 60_000);

  it('prints a readable comparison without --json', async () => {
    const r = await runCli(['compare', PRIMARY, METASTASIS, '--by', 'cell_type']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Composition by cell_type/);
    expect(r.stdout).toMatch(/Jensen–Shannon divergence \(bits/);
    expect(r.stdout).toMatch(/primary_cells\s+50,365/);
  }, 60_000);

  it('a missing column names the columns found (exit 1)', async () => {
    const r = await runCli(['compare', PRIMARY, METASTASIS, '--by', 'subclone']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${PRIMARY} has no column 'subclone'. Columns found: cell_id, x, y, region, clone, cell_type, PanCK, Vimentin, CD8, CD68, Ki67.`);
  }, 60_000);

  it("an unreadable file gets the loader's sentence (exit 1)", async () => {
    const r = await runCli(['compare', PRIMARY, 'no/such/file.csv', '--by', 'clone']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('no/such/file.csv cannot be opened: no such file.');
  }, 60_000);

  it('usage errors exit 2', async () => {
    for (const args of [['compare', PRIMARY, '--by', 'clone'], ['compare', PRIMARY, METASTASIS, '--bogus'], ['compare', PRIMARY, METASTASIS, '--min-ccf', '2']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^clonoscope compare: .*\n\nUsage: clonoscope compare/);
    }
    const help = await runCli(['compare', '--help']);
    expect([help.code, help.stdout.startsWith('Usage: clonoscope compare')]).toEqual([0, true]);
  }, 60_000);
});
