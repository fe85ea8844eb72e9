import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleCommand } from '../../../electron/cli/sample.ts';
import { FIXTURES } from '../../paths.ts';
import { ensureCliBuilt, runCli } from '../cli/run-cli.ts';
import { readSampleCells, SAMPLE_CELLS, SAMPLE_TREE } from './helpers.ts';

interface SampleJson {
  seed: number;
  iterations: number;
  stopped: string;
  clones: { clone: string; trueFraction: number; detection: { k: number; p: number; lo: number; hi: number }[]; kNeeded95: number | null }[];
  illusion?: { k: number; p: number }[];
  notes: string[];
}

describe('clonoscope sample', () => {
  let stdout = '';
  let stderr = '';
  beforeEach(() => {
    stdout = stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  const punch = [SAMPLE_CELLS, '--biopsy', 'punch', '--radius', '300', '--count', '3', '--iterations', '1500', '--seed', '5'];

  it('prints the clones, their true fractions and detection curves as JSON', async () => {
    expect(await sampleCommand([...punch, '--json'])).toBe(0);
    const out = JSON.parse(stdout) as SampleJson;
    expect(out.seed).toBe(5);
    expect(out.iterations).toBe(1500);
    // the known truth: clone fractions over the section's tumour cells, counted from the file itself
    const { clone } = readSampleCells();
    const tumour = clone.filter((c) => c !== 'normal');
    expect(out.clones.map((c) => c.clone)).toEqual([...new Set(tumour)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    for (const c of out.clones) {
      expect(c.trueFraction).toBeCloseTo(tumour.filter((t) => t === c.clone).length / tumour.length, 12);
      expect(c.detection.map((d) => d.k)).toEqual([1, 2, 3]);
      for (const d of c.detection) expect(d.lo <= d.p && d.p <= d.hi).toBe(true);
      expect(c.kNeeded95 === null || c.kNeeded95 >= 1).toBe(true);
    }
    const c5 = out.clones.find((c) => c.clone === 'C5')!;
    expect(c5.trueFraction).toBeCloseTo(0.327, 3); // sample-data/README.md: C5 holds about a third of the tumour
    // the largest clones are found by one punch far more often than the smallest
    const byFraction = [...out.clones].sort((a, b) => a.trueFraction - b.trueFraction);
    expect(byFraction.at(-1)!.detection[0]!.p).toBeGreaterThan(byFraction[0]!.detection[0]!.p);
  });

  it('the same arguments print the same numbers', async () => {
    await sampleCommand([...punch, '--json']);
    const once = stdout;
    stdout = '';
    await sampleCommand([...punch, '--json']);
    expect(stdout).toBe(once);
  });

  it('needles, stratified placement, restricted areas, read detection and a clone tree', async () => {
    const args = [SAMPLE_CELLS, '--biopsy', 'needle', '--length', '1500', '--width', '400', '--angle', '45', '--count', '4', '--placement', 'stratified',
      '--within', 'tumor', '--detect', 'reads:100', '--iterations', '600', '--tree', SAMPLE_TREE, '--json'];
    expect(await sampleCommand(args), stderr).toBe(0);
    const out = JSON.parse(stdout) as SampleJson;
    expect(out.illusion!.map((i) => i.k)).toEqual([1, 2, 3, 4]);
    stdout = '';
    expect(await sampleCommand([SAMPLE_CELLS, '--radius', '200', '--within', 'front', '--iterations', '300'])).toBe(0);
    expect(stdout).toMatch(/within the invasive front/);
    expect(stdout).toMatch(/k for 95 %/);
  });

  it.each([
    [[SAMPLE_CELLS, '--biopsy', 'punch'], /needs --radius R/],
    [[SAMPLE_CELLS, '--biopsy', 'needle', '--length', '100'], /needs --length L and --width W/],
    [[SAMPLE_CELLS, '--biopsy', 'trephine', '--radius', '5'], /must be 'punch' or 'needle'/],
    [[SAMPLE_CELLS], /say which biopsy/],
    [[SAMPLE_CELLS, '--radius=-3'], /positive number of µm/],
    [[SAMPLE_CELLS, '--radius', 'wide'], /positive number of µm, not 'wide'/],
    [[SAMPLE_CELLS, '--radius', '100', '--count', '0'], /--count must be a whole number from 1 to 100/],
    [[SAMPLE_CELLS, '--radius', '100', '--placement', 'grid'], /--placement must be 'random' or 'stratified'/],
    [[SAMPLE_CELLS, '--radius', '100', '--within', 'stroma'], /--within must be section, tumor, core or front/],
    [[SAMPLE_CELLS, '--radius', '100', '--detect', 'cells:x'], /detection rule 'cells:x' is not valid/],
    [[SAMPLE_CELLS, '--radius', '100', '--seed', '1.5'], /--seed must be a whole number/],
    [[SAMPLE_CELLS, '--radius', '100', '--angle', '30'], /are for --biopsy needle/],
    [['--radius', '100'], /expected one FILE/],
    [[SAMPLE_CELLS, '--radius', '100', '--bogus'], /Unknown option/],
  ])('usage error %j: exit 2 and a sentence', async (args, message) => {
    expect(await sampleCommand(args)).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: clonoscope sample');
  });

  it('a table without a clone column, a missing file, a biopsy too large: exit 1', async () => {
    expect(await sampleCommand([path.join(FIXTURES, 'xenium/cells.csv'), '--radius', '10', '--iterations', '10'])).toBe(1);
    expect(stderr).toMatch(/has no clone column/);
    stderr = '';
    expect(await sampleCommand(['/nonexistent/cells.csv', '--radius', '10'])).toBe(1);
    expect(stderr).toMatch(/cells\.csv/);
    stderr = '';
    expect(await sampleCommand([SAMPLE_CELLS, '--radius', '5000'])).toBe(1);
    expect(stderr).toMatch(/does not fit on the section/);
  });
});

describe('npx clonoscope sample (the real command)', () => {
  beforeAll(() => ensureCliBuilt(), 200_000);

  it('is listed in the usage and runs', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/sample FILE --biopsy punch --radius R/);
    const r = await runCli(['sample', SAMPLE_CELLS, '--biopsy', 'punch', '--radius', '250', '--count', '2', '--iterations', '500', '--seed', '9', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as SampleJson;
    expect(out).toMatchObject({ seed: 9, iterations: 500 });
    expect(out.clones.length).toBe(10);
  });
});
