import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulateCommand } from '../../../electron/cli/simulate.ts';

describe('clonoscope simulate', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'clonoscope-simulate-'));
  let stderr = '';
  let stdout = '';
  beforeEach(() => {
    stderr = stdout = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each([
    [['--preset', 'nope', '--out', tmp], /unknown preset 'nope'/],
    [['--cells', '12.5', '--out', tmp], /--cells must be a whole number/],
    [['--cells', '0', '--out', tmp], /--cells must be a whole number/],
    [['--seed=-3', '--out', tmp], /--seed must be a whole number/],
    [['--metastasis', 'sideways', '--out', tmp], /--metastasis must be 'late' or 'early'/],
    [['--metastasis-cells', '100', '--out', tmp], /need --metastasis/],
    [['--cells', '100'], /--out DIR is required/],
    [['--bogus'], /Unknown option/],
  ])('rejects %j with exit 2 and a sentence', async (args, message) => {
    expect(await simulateCommand(args)).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: clonoscope simulate');
  });

  it('prints help with exit 0', async () => {
    expect(await simulateCommand(['--help'])).toBe(0);
    expect(stdout).toContain('--metastasis MODE');
  });

  it('writes every table, the same bytes twice', async () => {
    const args = ['--preset', 'sectoral', '--cells', '800', '--seed', '4', '--metastasis', 'early', '--metastasis-cells', '300'];
    expect(await simulateCommand([...args, '--out', path.join(tmp, 'a')])).toBe(0);
    expect(await simulateCommand([...args, '--out', path.join(tmp, 'b')])).toBe(0);
    const files = ['primary_cells.csv', 'clone_tree.csv', 'primary_regions.geojson', 'primary_spots.csv', 'metastasis_cells.csv', 'metastasis_regions.geojson', 'metastasis_spots.csv', 'simulation.json'];
    for (const f of files) {
      expect(existsSync(path.join(tmp, 'a', f))).toBe(true);
      expect(readFileSync(path.join(tmp, 'a', f)).equals(readFileSync(path.join(tmp, 'b', f)))).toBe(true);
    }
    const record = JSON.parse(readFileSync(path.join(tmp, 'a', 'simulation.json'), 'utf8'));
    expect(record.command).toBe('clonoscope simulate --preset sectoral --cells 800 --seed 4 --metastasis early --metastasis-cells 300 --metastasis-seed 5');
    expect(record.params.growth.mode).toBe('eden');
    expect(record.metastasis.mode).toBe('early');
    expect(record.metastasis.missingCloneMutations.length).toBeGreaterThan(0);
    expect(stdout).toContain('primary_cells.csv');
  });

  it('writes gzip when asked', async () => {
    expect(await simulateCommand(['--cells', '300', '--gzip', '--out', path.join(tmp, 'gz')])).toBe(0);
    const bytes = readFileSync(path.join(tmp, 'gz', 'primary_cells.csv.gz'));
    expect([bytes[0], bytes[1], bytes[9]]).toEqual([0x1f, 0x8b, 3]);
  });
});
