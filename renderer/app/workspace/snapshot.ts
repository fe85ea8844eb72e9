// The app state as a workspace document (shared/workspace/format.ts): samples with their files
// relative to the workspace's folder, mapping, joins, site, regions, biopsies and view; colour,
// view and region settings; edited colours; the clone tree; Monte Carlo settings; the figure.

import { relativePath, isAbsolutePath } from '../../../shared/workspace/paths.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type Workspace, type WorkspaceSample } from '../../../shared/workspace/format.ts';
import { refPath, type FileRef } from '../../host/types.ts';
import type { AppState, Sample } from '../store.ts';

export interface SnapshotEnv {
  /** Folder of the workspace file (absolute), for relative paths; null keeps paths as they are. */
  readonly folder: string | null;
  /** The section's view: centre and CSS px per table unit. */
  readonly view: (sampleId: string) => { cx: number; cy: number; scale: number } | null;
  readonly colours: Record<string, Record<string, string>>;
  readonly sampling: Record<string, unknown> | null;
  readonly app: string;
  /** Format version of the opened workspace when newer than this app's (written back with its fields). */
  readonly version?: number;
  /** Fields of the opened workspace this version does not know, written back: top level and by sample id. */
  readonly extra?: { readonly top?: Readonly<Record<string, unknown>>; readonly samples: ReadonlyMap<string, Readonly<Record<string, unknown>>> };
}

/** Settings saved with the workspace (the keys of AppState they come from). */
export const SETTING_KEYS = ['colorBy', 'hidden', 'numeric', 'pointSize', 'overlays', 'regionSettings', 'linkViews', 'compareBy', 'comparing', 'sampling'] as const;

export function workspaceOf(state: AppState, env: SnapshotEnv): Workspace {
  const stored = (ref: FileRef) => {
    const p = refPath(ref);
    return env.folder && isAbsolutePath(p) ? relativePath(env.folder, p) : p;
  };
  const samples = state.samples.map((s) => sampleOf(s, stored, env));
  const index = (id: string | null) => (id ? state.samples.findIndex((s) => s.id === id) : -1);
  const active = index(state.activeSampleId), reference = index(state.referenceSampleId);
  const settings: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) settings[k] = state[k];
  if (state.cloneTree) {
    const t = state.cloneTree.tree;
    settings.cloneTree = { file: state.cloneTree.file, clones: t.clones, parent: Array.from(t.parent), mutations: t.mutations };
  }
  return {
    format: WORKSPACE_FORMAT,
    version: Math.max(WORKSPACE_VERSION, env.version ?? 0),
    savedAt: new Date().toISOString(),
    app: env.app,
    samples,
    ...(active >= 0 ? { activeSample: active } : {}),
    ...(reference >= 0 ? { referenceSample: reference } : {}),
    settings,
    ...(Object.keys(env.colours).length ? { colours: env.colours } : {}),
    biopsyTemplate: state.biopsyTemplate,
    ...(env.sampling ? { sampling: env.sampling } : {}),
    ...(state.figure ? { figures: [figureOf(state)] } : {}),
    ...(env.extra?.top ? { extra: env.extra.top } : {}),
  };
}

function sampleOf(s: Sample, stored: (ref: FileRef) => string, env: SnapshotEnv): WorkspaceSample {
  const src = s.source;
  const size = src.kind === 'blob' ? src.file.size : src.file.size;
  const modified = src.kind === 'blob' ? src.file.lastModified : src.file.modifiedAt;
  // files chosen with it that formats read (scale factors, steinbock intensities), then joined tables
  const companions = [...s.siblings.filter((r) => r !== src && /scalefactors_json\.json$|(^|\/)intensities\//i.test(refPath(r))), ...(s.joined ?? [])].map(stored);
  const view = env.view(s.id);
  const extra = env.extra?.samples.get(s.id);
  return {
    path: stored(src),
    ...(companions.length ? { companions: [...new Set(companions)] } : {}),
    ...(s.origin === 'file' ? { size, ...(modified ? { modifiedMs: modified } : {}) } : {}),
    name: s.name,
    site: s.site,
    ...(s.siteName ? { siteName: s.siteName } : {}),
    ...(s.sampleLabel !== undefined ? { sampleLabel: s.sampleLabel } : {}),
    origin: s.origin,
    ...(s.simulation ? { simulation: s.simulation } : {}),
    mapping: s.report.mapping,
    ...(s.shapes ? { regions: s.shapes.map((p) => ({ name: p.name, rings: p.rings.map((r) => Array.from(r)) })) } : {}),
    ...(s.biopsies?.length ? { biopsies: s.biopsies } : {}),
    ...(view ? { view } : {}),
    ...(extra ? { extra } : {}),
  };
}

/** The figure with section panels naming their sample by its number in the workspace (ids are per session). */
function figureOf(state: AppState): Record<string, unknown> {
  const f = state.figure!;
  const panels = f.panels.map(({ sampleId, ...p }) => (p.kind === 'section' ? { ...p, sample: state.samples.findIndex((s) => s.id === sampleId) } : p));
  return { ...f, panels };
}
