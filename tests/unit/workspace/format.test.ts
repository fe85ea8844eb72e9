import { describe, expect, it } from 'vitest';
import { MIGRATIONS, parseWorkspace, serializeWorkspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, type Migration, type Workspace } from '../../../shared/workspace/format.ts';

const base: Workspace = {
  format: WORKSPACE_FORMAT,
  version: WORKSPACE_VERSION,
  savedAt: '2026-11-23T21:00:00.000Z',
  app: 'Clonoscope 0.1.0',
  samples: [
    {
      path: 'data/primary_cells.csv.gz',
      name: 'Primary',
      site: 'primary',
      origin: 'file',
      mapping: { x: 'x', y: 'y', clone: 'clone', units: 'um' },
      regions: [{ name: 'core', rings: [[0, 0, 10, 0, 10, 10, 0, 10]] }],
      biopsies: [{ kind: 'punch', radius: 500, cx: 1200, cy: 900 }, { kind: 'needle', length: 10000, width: 800, angleDeg: 30, cx: 1, cy: 2 }],
      view: { cx: 1000, cy: 800, scale: 0.25 },
    },
  ],
  activeSample: 0,
  settings: { colorBy: 'clone', theme: 'dark' },
  biopsyTemplate: { kind: 'punch', radius: 300 },
  sampling: { count: 5, seed: 42 },
  figures: [{ preset: '16:9', panels: [] }],
};

describe('workspace format', () => {
  it('round-trips: parse(serialize(w)) = w', () => {
    const r = parseWorkspace(serializeWorkspace(base), 'w.clonoscope.json');
    expect(r.ok && r.value.workspace).toEqual(base);
    expect(r.ok && r.value.notes).toEqual([]);
  });

  it('keeps fields it does not know (a newer version wrote them) and writes them back', () => {
    const future = { ...JSON.parse(serializeWorkspace(base)), version: WORKSPACE_VERSION + 1, spatialDomains: { method: 'X' } };
    future.samples[0].stainImage = 'he.tif';
    const r = parseWorkspace(JSON.stringify(future), 'w.clonoscope.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.notes.join(' ')).toContain('newer Clonoscope');
    const again = JSON.parse(serializeWorkspace(r.value.workspace));
    expect(again.spatialDomains).toEqual({ method: 'X' });
    expect(again.samples[0].stainImage).toBe('he.tif');
    expect(again.version).toBe(WORKSPACE_VERSION + 1);
  });

  it('migrates older versions step by step', () => {
    const steps: Migration[] = [
      { from: 1, describe: 'theme moves into settings', migrate: (d) => ({ ...d, settings: { ...(d.settings as object), theme: d.theme }, theme: undefined }) },
    ];
    const old = { ...JSON.parse(serializeWorkspace(base)), version: 1, theme: 'light', settings: {} };
    const r = parseWorkspace(JSON.stringify(old), 'old.clonoscope.json', steps);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.workspace.version).toBe(2);
    expect(r.value.workspace.settings).toEqual({ theme: 'light' });
    expect(r.value.notes.join(' ')).toContain('older Clonoscope (format 1)');
    expect(MIGRATIONS).toEqual([]); // format 1 is the first: nothing to migrate yet
  });

  it('says clearly what is wrong with a file that is not a workspace', () => {
    const notJson = parseWorkspace('{"format": "clonoscope-workspace",\n "version": 1,\n oops}', 'w.clonoscope.json');
    expect(!notJson.ok && notJson.error.message).toMatch(/^w\.clonoscope\.json is not a readable workspace: it is not valid JSON \(line 3\)\.$/);
    const other = parseWorkspace('{"type": "FeatureCollection"}', 'regions.geojson');
    expect(!other.ok && other.error.message).toContain('is not a Clonoscope workspace');
  });

  it('leaves out malformed entries, says so, and keeps the rest', () => {
    const doc = JSON.parse(serializeWorkspace(base));
    doc.samples[0].biopsies.push({ kind: 'punch', radius: -1, cx: 0, cy: 0 });
    doc.samples[0].regions.push({ name: 'bad', rings: [[0, 0, 1]] });
    doc.samples.push({ name: 'no path' });
    const r = parseWorkspace(JSON.stringify(doc), 'w.clonoscope.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.workspace.samples).toHaveLength(1);
    expect(r.value.workspace.samples[0]!.biopsies).toHaveLength(2);
    expect(r.value.workspace.samples[0]!.regions).toHaveLength(1);
    expect(r.value.notes).toEqual(['w.clonoscope.json: 2 malformed region or biopsy entries of Primary left out.', 'w.clonoscope.json: sample 2 names no data file and was left out.']);
  });
});
