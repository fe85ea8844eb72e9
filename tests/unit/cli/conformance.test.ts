// Conformance through the command line: every real export in ../shared/real-data (see its
// PROVENANCE.md) gives, from `clonoscope inspect FILE --json`, the rows and coordinate ranges computed
// independently with Python (tests/unit/dataset/real-data.ts says how), or exits non-zero with the
// sentence that says what the file is. Skipped, with the reason printed, without the folder.

import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealData, realDataSkipReason, realFile } from '../../paths.ts';
import { REAL_NON_TABLES, REAL_TABLES, close } from '../dataset/real-data.ts';
import { ensureCliBuilt, inspectJson, runCli } from './run-cli.ts';

if (!hasRealData) console.log(`SKIPPED: ${realDataSkipReason}`);

describe.skipIf(!hasRealData)('real exports through `clonoscope inspect --json`', () => {
  beforeAll(ensureCliBuilt, 240_000);

  it.each(REAL_TABLES.map((t) => [t.file, t] as const))('%s', async (_, t) => {
    const s = await inspectJson(realFile(t.file));
    expect(s.format).toBe(t.format);
    expect(s.rows).toBe(t.rows);
    expect(s.skippedRows).toBe(0);
    expect(s.errors).toEqual([]);
    expect(s.droppedRows).toBe(t.dropped ?? 0);
    expect(s.units).toBe(t.units);
    for (const [got, want] of [[s.bounds.x[0], t.x[0]], [s.bounds.x[1], t.x[1]], [s.bounds.y[0], t.y[0]], [s.bounds.y[1], t.y[1]]] as const)
      expect(close(got, want), `${got} ≈ ${want}`).toBe(true);
  });

  it.each(REAL_NON_TABLES.map((t) => [t.file, t] as const))('%s exits 1 with one sentence', async (_, t) => {
    const file = realFile(t.file);
    const r = await runCli(['inspect', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(file)).toBe(true);
    expect(lines[0]).toMatch(t.says);
  });

  it('Visium v1 with its clusters: 4,104 of 4,992 spots, every one with a cluster', async () => {
    const s = await inspectJson(realFile('visium-v1-rat-lung/spatial/tissue_positions_list.csv'), '--join', realFile('visium-v1-rat-lung/analysis/clustering/graphclust/clusters.csv'));
    expect(s.rows).toBe(4104);
    expect(s.droppedRows).toBe(888);
    expect(s.pixelSizeUm).toBeCloseTo(65 / 128.52038999999996, 6);
    expect(s.joins[0]).toMatchObject({ cellKey: 'barcode', annotationKey: 'Barcode', matched: 4104, unmatchedCells: 0, unmatchedAnnotations: 0 });
    // Python: collections.Counter(r[1] for r in clusters[1:])
    expect(s.categories.Cluster).toEqual({ '1': 912, '2': 633, '3': 607, '4': 508, '5': 495, '6': 401, '7': 311, '8': 237 });
  });

  it('MERSCOPE cell_metadata with cell_by_gene joined on the 19-digit ids', async () => {
    const s = await inspectJson(realFile('merscope-vpt-tests/cell_metadata.csv'), '--join', realFile('merscope-vpt-tests/cell_by_gene.csv'));
    expect(s.joins[0]).toMatchObject({ cellKey: 'EntityID', annotationKey: 'cell', matched: 997, unmatchedCells: 0, unmatchedAnnotations: 0 });
    expect(s.columns).toHaveLength(13 + 130);
  });
});
