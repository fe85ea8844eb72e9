// The window's state as a workspace and back: paths relative to the workspace's folder, figure
// panels by sample number, settings checked before they are applied, the clone tree rebuilt.
import { describe, expect, it } from 'vitest';
import { parseWorkspace, serializeWorkspace } from '../../../shared/workspace/format.ts';
import { settingsPatch } from '../../../renderer/app/workspace/restore.ts';
import { workspaceOf } from '../../../renderer/app/workspace/snapshot.ts';
import { DEFAULT_OVERLAYS, type AppState, type Sample } from '../../../renderer/app/store.ts';
import { DEFAULT_FIGURE } from '../../../renderer/scene/figure-layout.ts';
import { DEFAULT_REGION_SETTINGS } from '../../../renderer/scene/sample-regions.ts';

const granted = (path: string, size: number) => ({ kind: 'granted' as const, file: { token: 't', name: path.replace(/^.*\//, ''), path, size, modifiedAt: 1_700_000_000_000 } });

function sample(id: string, path: string, extra: Partial<Sample> = {}): Sample {
  return {
    id,
    name: path.replace(/^.*\//, ''),
    site: 'primary',
    origin: 'file',
    table: {} as Sample['table'],
    report: { mapping: { x: 'x', y: 'y' } } as unknown as Sample['report'],
    profiles: [],
    source: granted(path, 1234),
    siblings: [],
    loadMs: 1,
    ...extra,
  };
}

const state = (samples: Sample[]): AppState =>
  ({
    samples,
    activeSampleId: samples[1]?.id ?? null,
    referenceSampleId: samples[0]?.id ?? null,
    colorBy: 'clone',
    hidden: { clone: ['C3'] },
    numeric: {},
    pointSize: { mode: 'auto', value: 3 },
    overlays: DEFAULT_OVERLAYS,
    regionSettings: DEFAULT_REGION_SETTINGS,
    linkViews: true,
    compareBy: null,
    comparing: false,
    sampling: false,
    cloneTree: { file: 'tree.csv', tree: { clones: ['A', 'B'], parent: Int32Array.from([-1, 0]), mutations: [['TP53'], ['KRAS']], order: Int32Array.from([0, 1]) } },
    biopsyTemplate: { kind: 'punch', radius: 500 },
    figure: { ...DEFAULT_FIGURE, panels: [{ kind: 'section', title: 'Met', sampleId: 's2', region: null }, { kind: 'composition', title: 'Bars' }] },
    colourVersion: 0,
  }) as unknown as AppState;

const env = { folder: '/lab/project', view: () => ({ cx: 1, cy: 2, scale: 0.5 }), colours: { clone: { A: '#112233' } }, sampling: { seed: 7 }, app: 'Clonoscope test' };

describe('workspaceOf', () => {
  const joined = granted('/lab/project/annotations/calls.csv', 10);
  const s = state([
    sample('s1', '/lab/project/data/primary.csv', { joined: [joined], biopsies: [{ kind: 'punch', cx: 5, cy: 6, radius: 500 }], shapes: [{ name: 'core', rings: [Float64Array.from([0, 0, 1, 0, 1, 1])] }] }),
    sample('s2', '/elsewhere/met.csv', { site: 'metastasis' }),
  ]);
  const ws = workspaceOf(s, env);

  it('names files relative to the workspace folder, joined tables as companions', () => {
    expect(ws.samples.map((x) => x.path)).toEqual(['data/primary.csv', '../../elsewhere/met.csv']);
    expect(ws.samples[0]!.companions).toEqual(['annotations/calls.csv']);
    expect(ws.samples[0]).toMatchObject({ size: 1234, modifiedMs: 1_700_000_000_000, mapping: { x: 'x', y: 'y' }, view: { cx: 1, cy: 2, scale: 0.5 } });
    expect(ws.samples[0]!.regions).toEqual([{ name: 'core', rings: [[0, 0, 1, 0, 1, 1]] }]);
    expect(ws.activeSample).toBe(1);
    expect(ws.referenceSample).toBe(0);
  });

  it('keeps the figure with its sections naming samples by number, and survives the file format', () => {
    const back = parseWorkspace(serializeWorkspace(ws), 'w.clonoscope.json');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const figure = back.value.workspace.figures![0] as { panels: Record<string, unknown>[] };
    expect(figure.panels).toEqual([{ kind: 'section', title: 'Met', region: null, sample: 1 }, { kind: 'composition', title: 'Bars' }]);
    expect(back.value.workspace.settings.hidden).toEqual({ clone: ['C3'] });
    expect(back.value.workspace.sampling).toEqual({ seed: 7 });
    expect(back.value.workspace.colours).toEqual({ clone: { A: '#112233' } });
  });

  it('settings come back only with the types the app uses; the clone tree is rebuilt', () => {
    const saved = JSON.parse(serializeWorkspace(ws)).settings as Record<string, unknown>;
    const fresh = state([]);
    const patch = settingsPatch({ ...fresh, colorBy: null, linkViews: false } as AppState, saved);
    expect(patch.colorBy).toBe('clone');
    expect(patch.linkViews).toBe(true);
    expect(patch.cloneTree!.tree.parent).toEqual(Int32Array.from([-1, 0]));
    expect(Array.from(patch.cloneTree!.tree.order)).toEqual([0, 1]);
    const bad = settingsPatch(fresh, { colorBy: 3, linkViews: 'yes', overlays: 'none', pointSize: { value: 5 } });
    expect(bad.colorBy).toBeUndefined();
    expect(bad.linkViews).toBeUndefined();
    expect(bad.overlays).toBeUndefined();
    expect(bad.pointSize).toEqual({ mode: 'auto', value: 5 }); // merged over the current setting
  });
});
