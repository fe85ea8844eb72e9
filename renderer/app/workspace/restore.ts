// Opening a workspace: every sample's file found (or relinked), loaded with its saved column
// mapping, split by sample as before, its annotation tables joined again, then its site, regions,
// biopsies and view applied; the settings, colours, clone tree, biopsy size, Monte Carlo settings
// and figure follow. Sample data comes from the app; simulated samples are rebuilt from their seed.

import type { Workspace, WorkspaceSample } from '../../../shared/workspace/format.ts';
import type { SimulateRequest } from '../../workers/simulate.worker.ts';
import type { FileRef } from '../../host/types.ts';
import type { ColourBook } from '../../scene/palette.ts';
import type { FigurePanel, FigureSpec } from '../../scene/figure-layout.ts';
import { joinInto, loadOne, samplesFrom, type OpenContext, type SampleLabel } from '../open.ts';
import { simulate } from '../simulate-flow.ts';
import type { AppState, Sample } from '../store.ts';
import { findQuietly, locateSampleFile } from './locate.ts';
import { SETTING_KEYS } from './snapshot.ts';

export interface Restored {
  /** Sample id → saved view, applied once the sections exist. */
  readonly views: ReadonlyMap<string, { cx: number; cy: number; scale: number }>;
  readonly sampling: Readonly<Record<string, unknown>> | null;
  /** Unknown fields to write back: top level and by (new) sample id. */
  readonly extra: { readonly top?: Readonly<Record<string, unknown>>; readonly samples: ReadonlyMap<string, Readonly<Record<string, unknown>>> };
  /** Samples skipped or files not found, as sentences. */
  readonly notes: readonly string[];
}

interface Loaded {
  readonly ref: FileRef;
  readonly siblings: readonly FileRef[];
  readonly parts: readonly Sample[];
}

/** Replaces the open samples and settings with the workspace's. */
export async function restoreWorkspace(ctx: OpenContext, book: ColourBook, ws: Workspace, workspacePath: string | null, provided: readonly FileRef[]): Promise<Restored> {
  const { store, host } = ctx;
  const notes: string[] = [];
  const loaded = new Map<string, Loaded | null>(); // by origin + path (+ simulation): a file split into samples is read once
  const simulations = new Map<string, { refs: FileRef[]; labels: Map<FileRef, SampleLabel> } | null>();
  const samples: Sample[] = [];
  const saved = new Map<Sample, WorkspaceSample>();
  for (const s of ws.samples) {
    const key = `${s.origin}|${s.path}|${s.simulation ? JSON.stringify(s.simulation) : ''}`;
    if (!loaded.has(key)) {
      const ref = await sampleFile(s);
      loaded.set(key, ref ? await load(s, ref.ref, ref.siblings) : null);
      if (ctx.store.get().loading) store.set({ loading: null });
    }
    const l = loaded.get(key);
    if (!l) {
      notes.push(`${s.name} was left out: its file ${s.path} was not opened.`);
      continue;
    }
    const part = l.parts.find((p) => (p.sampleLabel ?? undefined) === s.sampleLabel) ?? (s.sampleLabel === undefined ? l.parts[0] : undefined);
    if (!part) {
      notes.push(`${s.name} was left out: ${s.path} no longer has a sample "${s.sampleLabel}".`);
      continue;
    }
    const sample: Sample = {
      ...part,
      name: s.name,
      site: s.site as Sample['site'],
      ...(s.siteName ? { siteName: s.siteName } : {}),
      ...(s.regions ? { shapes: s.regions.map((r) => ({ name: r.name, rings: r.rings.map((ring) => Float64Array.from(ring)) })) } : {}),
      ...(s.biopsies ? { biopsies: s.biopsies } : {}),
    };
    samples.push(sample);
    saved.set(sample, s);
  }

  // label colours as they were, then the state: samples first (joins work on them), then what refers to them
  for (const [column, labels] of Object.entries(ws.colours ?? {})) for (const [label, colour] of Object.entries(labels)) if (/^#[0-9a-f]{6}$/i.test(colour)) book.set(column, label, colour);
  const ids = ws.samples.map((s) => samples.find((x) => saved.get(x) === s)?.id ?? null);
  store.set({
    samples,
    activeSampleId: (ws.activeSample !== undefined ? ids[ws.activeSample] : null) ?? samples[0]?.id ?? null,
    referenceSampleId: ws.referenceSample !== undefined ? (ids[ws.referenceSample] ?? null) : null,
    selection: null,
    pickedBiopsy: null,
    ...settingsPatch(store.get(), ws.settings),
    ...(ws.biopsyTemplate ? { biopsyTemplate: ws.biopsyTemplate } : {}),
    figure: figureOf(ws.figures?.[0], ids),
    colourVersion: store.get().colourVersion + 1,
  });
  for (const sample of samples) {
    const s = saved.get(sample)!;
    const joined: FileRef[] = [];
    for (const stored of s.companions ?? []) {
      if (/scalefactors_json\.json$|(^|\/)intensities\//i.test(stored)) continue; // read by the loader
      const ref = await findQuietly(host, workspacePath, stored, provided);
      if (ref) joined.push(ref);
      else notes.push(`${s.name}: the annotation table ${stored} was not found, so its columns are missing.`);
    }
    if (joined.length) notes.push(...(await joinInto(ctx, joined, [sample], sample.siblings)).filter((n) => n.startsWith('!')).map((n) => n.slice(1)));
  }
  const views = new Map<string, { cx: number; cy: number; scale: number }>();
  const extras = new Map<string, Readonly<Record<string, unknown>>>();
  for (const sample of samples) {
    const s = saved.get(sample)!;
    if (s.view) views.set(sample.id, s.view);
    if (s.extra) extras.set(sample.id, s.extra);
  }
  return { views, sampling: ws.sampling ?? null, extra: { ...(ws.extra ? { top: ws.extra } : {}), samples: extras }, notes };

  async function sampleFile(s: WorkspaceSample): Promise<{ ref: FileRef; siblings: FileRef[] } | null> {
    if (s.origin === 'sample-data') {
      const response = await fetch(`./${s.path.replace(/^.*?(sample-data\/)/, '$1')}`).catch(() => null);
      if (!response?.ok) return null;
      const ref: FileRef = { kind: 'blob', file: new File([await response.blob()], s.path.replace(/^.*\//, '')), path: s.path };
      return { ref, siblings: [ref] };
    }
    if (s.origin === 'simulated' && s.simulation) {
      const { section, ...req } = s.simulation as Record<string, unknown>;
      const key = JSON.stringify(req);
      if (!simulations.has(key)) simulations.set(key, await simulate(ctx, req as unknown as SimulateRequest));
      const made = simulations.get(key);
      const ref = made?.refs.find((r) => made.labels.get(r)?.simulation?.section === section);
      return ref ? { ref, siblings: [ref] } : null;
    }
    const ref = await locateSampleFile(host, workspacePath, s, provided);
    if (!ref) return null;
    const siblings = [ref];
    for (const stored of s.companions ?? []) {
      if (!/scalefactors_json\.json$|(^|\/)intensities\//i.test(stored)) continue;
      const c = await findQuietly(host, workspacePath, stored, provided);
      if (c) siblings.push(c);
    }
    return { ref, siblings };
  }

  async function load(s: WorkspaceSample, ref: FileRef, siblings: readonly FileRef[]): Promise<Loaded | null> {
    const r = await loadOne(ctx, ref, siblings, s.mapping ? { mapping: s.mapping } : {});
    store.set({ loading: null });
    if (!r.ok) {
      notes.push(r.error.message);
      return null;
    }
    const label: SampleLabel = { name: s.name, site: s.site as Sample['site'], origin: s.origin, ...(s.simulation ? { simulation: s.simulation } : {}) };
    return { ref, siblings, parts: samplesFrom(r.value, ref, siblings, r.elapsedMs ?? 0, label) };
  }
}

/** The saved settings that have the type the app expects; objects are merged over the current ones. */
export function settingsPatch(state: AppState, saved: Readonly<Record<string, unknown>>): Partial<AppState> {
  const patch: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) {
    const v = saved[k], cur = state[k] as unknown;
    if (v === undefined) continue;
    if (k === 'colorBy' || k === 'compareBy') {
      if (v === null || typeof v === 'string') patch[k] = v;
    } else if (typeof cur === 'boolean') {
      if (typeof v === 'boolean') patch[k] = v;
    } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof cur === 'object') patch[k] = { ...(cur as object), ...(v as object) };
  }
  const tree = saved.cloneTree as { file?: unknown; clones?: unknown; parent?: unknown; mutations?: unknown } | undefined;
  if (tree && Array.isArray(tree.clones) && Array.isArray(tree.parent) && Array.isArray(tree.mutations) && tree.clones.length === tree.parent.length) {
    const parent = Int32Array.from(tree.parent as number[]);
    patch.cloneTree = { file: String(tree.file ?? 'clone tree'), tree: { clones: tree.clones as string[], parent, mutations: tree.mutations as string[][], order: treeOrder(parent) } };
  }
  return patch as Partial<AppState>;
}

/** Clones ordered so that every parent comes before its children. */
function treeOrder(parent: Int32Array): Int32Array {
  const out: number[] = [], seen = new Uint8Array(parent.length);
  const visit = (c: number, depth: number): void => {
    if (seen[c] || depth > parent.length) return;
    if (parent[c]! >= 0) visit(parent[c]!, depth + 1);
    if (!seen[c]) (seen[c] = 1), out.push(c);
  };
  for (let c = 0; c < parent.length; c++) visit(c, 0);
  return Int32Array.from(out);
}

/** The saved figure with its sections' sample numbers turned back into this session's ids. */
function figureOf(raw: Readonly<Record<string, unknown>> | undefined, ids: readonly (string | null)[]): FigureSpec | null {
  if (!raw || !Array.isArray(raw.panels)) return null;
  const panels = (raw.panels as (FigurePanel & { sample?: number })[]).flatMap(({ sample, ...p }): FigurePanel[] => {
    if (p.kind !== 'section') return [p];
    const id = typeof sample === 'number' ? ids[sample] : null;
    return id ? [{ ...p, sampleId: id }] : [];
  });
  return { ...(raw as unknown as FigureSpec), panels };
}
