// The workspace file (`*.clonoscope.json`): what the user opened and did, so it can be reopened
// exactly — samples (their files relative to the workspace, column mapping, joins, site, regions,
// biopsies, view), the clone tree, colour and view settings, Monte Carlo designs with their seeds,
// and figure layouts. Versioned: older files are migrated step by step on reading; a file from a
// newer version is read as far as it is understood and every field this version does not know is
// kept (`extra`) and written back on the next save.
//
// Coordinates (region rings, biopsies, views) are in the sample table's units (µm, or px when the
// table is in pixels); sizes of biopsy templates are µm.

import { fail, ok, type Result } from '../errors.ts';
import type { BiopsyShape, BiopsyTemplate } from '../analysis/biopsy/geometry.ts';
import type { ColumnMapping } from '../dataset/mapping.ts';

export const WORKSPACE_FORMAT = 'clonoscope-workspace';
export const WORKSPACE_VERSION = 1;
export const WORKSPACE_EXTENSION = '.clonoscope.json';

export interface WorkspaceRegion {
  readonly name: string;
  /** Rings as flat [x0, y0, x1, y1, …]; the first is the outer ring, the others holes. */
  readonly rings: readonly (readonly number[])[];
}

export interface WorkspaceSample {
  /** The data file, relative to the workspace's folder ('/' separators) or absolute. */
  readonly path: string;
  /** Files chosen with it (scale factors, annotation tables joined to it), stored like `path`. */
  readonly companions?: readonly string[];
  /** Size and modification time when saved, to tell a changed file on reopening. */
  readonly size?: number;
  readonly modifiedMs?: number;
  readonly name: string;
  /** primary | primary-core | invasive-front | metastasis | other */
  readonly site: string;
  readonly siteName?: string;
  /** The label of the `sample` column this sample is, when its file holds several. */
  readonly sampleLabel?: string;
  readonly origin: 'file' | 'sample-data' | 'simulated';
  /** The simulation that made it, for simulated samples (reproduced from its seed). */
  readonly simulation?: Readonly<Record<string, unknown>>;
  readonly mapping?: ColumnMapping;
  readonly regions?: readonly WorkspaceRegion[];
  readonly biopsies?: readonly BiopsyShape[];
  /** The view: centre (table units) and scale (CSS px per table unit) — restored as closely as the window allows. */
  readonly view?: { readonly cx: number; readonly cy: number; readonly scale: number };
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface Workspace {
  readonly format: typeof WORKSPACE_FORMAT;
  readonly version: number;
  /** ISO time of the save, and the app version that wrote it. */
  readonly savedAt: string;
  readonly app: string;
  readonly samples: readonly WorkspaceSample[];
  readonly activeSample?: number;
  readonly referenceSample?: number;
  readonly cloneTree?: { readonly path: string };
  /** Colour, view and region settings, as the app keeps them (validated when applied). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Category colours as they were (column → label → CSS colour), so every label keeps its colour. */
  readonly colours?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly biopsyTemplate?: BiopsyTemplate;
  /** Monte Carlo designs (with their seeds) and figure layouts, as the panels keep them. */
  readonly sampling?: Readonly<Record<string, unknown>>;
  readonly figures?: readonly Readonly<Record<string, unknown>>[];
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One step: a document of version `from` to version `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly describe: string;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

/** The steps from every older version to WORKSPACE_VERSION, oldest first (none yet: version 1 is the first). */
export const MIGRATIONS: readonly Migration[] = [];

const KNOWN_TOP = new Set(['format', 'version', 'savedAt', 'app', 'samples', 'activeSample', 'referenceSample', 'cloneTree', 'settings', 'colours', 'biopsyTemplate', 'sampling', 'figures']);
const KNOWN_SAMPLE = new Set(['path', 'companions', 'size', 'modifiedMs', 'name', 'site', 'siteName', 'sampleLabel', 'origin', 'simulation', 'mapping', 'regions', 'biopsies', 'view']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function split(o: Record<string, unknown>, known: Set<string>): { kept: Record<string, unknown>; extra: Record<string, unknown> | undefined } {
  const kept: Record<string, unknown> = {}, extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) (known.has(k) ? kept : extra)[k] = v;
  return { kept, extra: Object.keys(extra).length ? { ...(isRecord(o.extra) ? o.extra : {}), ...extra } : isRecord(o.extra) ? o.extra : undefined };
}

export interface ParsedWorkspace {
  readonly workspace: Workspace;
  /** Sentences for the user: migrated from version n, written by a newer version, items left out. */
  readonly notes: readonly string[];
}

function biopsyOk(b: unknown): b is BiopsyShape {
  if (!isRecord(b) || !finite(b.cx) || !finite(b.cy)) return false;
  if (b.kind === 'punch') return finite(b.radius) && b.radius > 0;
  return b.kind === 'needle' && finite(b.length) && finite(b.width) && finite(b.angleDeg) && b.length > 0 && b.width > 0;
}

function regionOk(r: unknown): r is WorkspaceRegion {
  return isRecord(r) && typeof r.name === 'string' && Array.isArray(r.rings) && r.rings.length > 0 && r.rings.every((ring) => Array.isArray(ring) && ring.length >= 6 && ring.length % 2 === 0 && ring.every(finite));
}

function sampleOf(raw: unknown, k: number, notes: string[], file: string): WorkspaceSample | null {
  if (!isRecord(raw) || typeof raw.path !== 'string' || raw.path === '') {
    notes.push(`${file}: sample ${k + 1} names no data file and was left out.`);
    return null;
  }
  const { kept, extra } = split(raw, KNOWN_SAMPLE);
  const name = typeof kept.name === 'string' && kept.name ? kept.name : raw.path.replace(/^.*[\\/]/, '');
  const regions = Array.isArray(kept.regions) ? kept.regions.filter(regionOk) : undefined;
  const biopsies = Array.isArray(kept.biopsies) ? kept.biopsies.filter(biopsyOk) : undefined;
  const dropped = (Array.isArray(kept.regions) ? kept.regions.length - regions!.length : 0) + (Array.isArray(kept.biopsies) ? kept.biopsies.length - biopsies!.length : 0);
  if (dropped) notes.push(`${file}: ${dropped} malformed region or biopsy entr${dropped === 1 ? 'y' : 'ies'} of ${name} left out.`);
  const view = isRecord(kept.view) && finite(kept.view.cx) && finite(kept.view.cy) && finite(kept.view.scale) && kept.view.scale > 0 ? { cx: kept.view.cx, cy: kept.view.cy, scale: kept.view.scale } : undefined;
  const origin = kept.origin === 'sample-data' || kept.origin === 'simulated' ? kept.origin : 'file';
  return {
    path: raw.path,
    ...(Array.isArray(kept.companions) ? { companions: kept.companions.filter((c): c is string => typeof c === 'string') } : {}),
    ...(finite(kept.size) ? { size: kept.size } : {}),
    ...(finite(kept.modifiedMs) ? { modifiedMs: kept.modifiedMs } : {}),
    name,
    site: typeof kept.site === 'string' ? kept.site : 'other',
    ...(typeof kept.siteName === 'string' ? { siteName: kept.siteName } : {}),
    ...(typeof kept.sampleLabel === 'string' ? { sampleLabel: kept.sampleLabel } : {}),
    origin,
    ...(isRecord(kept.simulation) ? { simulation: kept.simulation } : {}),
    ...(isRecord(kept.mapping) ? { mapping: kept.mapping as unknown as ColumnMapping } : {}),
    ...(regions ? { regions } : {}),
    ...(biopsies ? { biopsies } : {}),
    ...(view ? { view } : {}),
    ...(extra ? { extra } : {}),
  };
}

/** Reads a workspace file's text: checks it, migrates older versions, keeps what it does not know. */
export function parseWorkspace(text: string, file = 'The workspace', migrations: readonly Migration[] = MIGRATIONS): Result<ParsedWorkspace> {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    return fail('invalid-argument', `${file} is not a readable workspace: it is not valid JSON${line ? ` (line ${line})` : ''}.`, { file, ...(line ? { line } : {}) });
  }
  if (!isRecord(doc) || doc.format !== WORKSPACE_FORMAT) return fail('invalid-argument', `${file} is not a Clonoscope workspace (it has no "format": "${WORKSPACE_FORMAT}").`, { file });
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1) return fail('invalid-argument', `${file} has no valid format version.`, { file });
  const notes: string[] = [];
  let version = doc.version as number;
  let current: Record<string, unknown> = doc;
  for (const m of [...migrations].sort((a, b) => a.from - b.from)) {
    if (m.from !== version) continue;
    current = m.migrate(current);
    version = m.from + 1;
    current = { ...current, version };
  }
  if (doc.version !== version) notes.push(`${file} was written by an older Clonoscope (format ${doc.version as number}); it was updated to format ${version} and will be saved in it.`);
  if (version > WORKSPACE_VERSION) notes.push(`${file} was written by a newer Clonoscope (format ${version}); what this version does not know is kept and saved back unchanged.`);
  const { kept, extra } = split(current, KNOWN_TOP);
  const samples = (Array.isArray(kept.samples) ? kept.samples : []).map((s, k) => sampleOf(s, k, notes, file)).filter((s): s is WorkspaceSample => s !== null);
  const index = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) < samples.length ? (v as number) : undefined);
  const active = index(kept.activeSample), reference = index(kept.referenceSample);
  const workspace: Workspace = {
    format: WORKSPACE_FORMAT,
    version: Math.max(version, WORKSPACE_VERSION),
    savedAt: typeof kept.savedAt === 'string' ? kept.savedAt : '',
    app: typeof kept.app === 'string' ? kept.app : '',
    samples,
    ...(active !== undefined ? { activeSample: active } : {}),
    ...(reference !== undefined ? { referenceSample: reference } : {}),
    ...(isRecord(kept.cloneTree) && typeof kept.cloneTree.path === 'string' ? { cloneTree: { path: kept.cloneTree.path } } : {}),
    settings: isRecord(kept.settings) ? kept.settings : {},
    ...(isRecord(kept.colours) ? { colours: kept.colours as Workspace['colours'] } : {}),
    ...(isRecord(kept.biopsyTemplate) ? { biopsyTemplate: kept.biopsyTemplate as unknown as BiopsyTemplate } : {}),
    ...(isRecord(kept.sampling) ? { sampling: kept.sampling } : {}),
    ...(Array.isArray(kept.figures) ? { figures: kept.figures.filter(isRecord) } : {}),
    ...(extra ? { extra } : {}),
  };
  return ok({ workspace, notes });
}

/** The file's text: fields this version does not know (kept from reading) are written back where they were. */
export function serializeWorkspace(ws: Workspace): string {
  const { extra, samples, ...rest } = ws;
  const out = { ...(extra ?? {}), ...rest, samples: samples.map(({ extra: e, ...s }) => ({ ...(e ?? {}), ...s })) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
