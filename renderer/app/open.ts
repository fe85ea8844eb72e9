// Opening files: sort what was chosen into cell tables, companions and annotations, load each in
// a worker with progress and Cancel, split by sample, join annotations, and report what happened.

import { splitBySample } from '../../shared/dataset/split.ts';
import { describeJoin, joinColumns } from '../../shared/dataset/join.ts';
import type { LoadedCells } from '../../shared/dataset/load.ts';
import type { ColumnMapping } from '../../shared/dataset/mapping.ts';
import { formatCount, type AppError, type Result } from '../../shared/errors.ts';
import type { OpenPurpose } from '../../shared/ipc.ts';
import { refName, refPath, refSize, type FileRef, type HostApi } from '../host/types.ts';
import type { Progress } from '../workers/protocol.ts';
import { loadAnnotationInWorker, loadCellsInWorker, type LoadJob } from './parse-client.ts';
import { attachRegionFiles, isGeoJsonName, regionFilesAmong } from './regions.ts';
import { parseCloneTree } from '../../shared/analysis/clone-tree.ts';
import { readText } from '../host/read.ts';
import { rememberedMappings } from './remembered.ts';
import type { Sample, SampleOrigin, SampleSite, Store } from './store.ts';

export interface OpenContext {
  readonly store: Store;
  readonly host: HostApi;
  /** Asks the user for a column mapping (the mapping dialog). */
  readonly askMapping: (sample: Sample | null, ref: FileRef, siblings: readonly FileRef[], error?: AppError) => void;
}

/** Files that are never tables when they arrive with others (images, matrices, archives). */
const NOT_TABLES = /\.(png|jpe?g|tiff?|h5|h5ad|hdf5|mtx|mtx\.gz|zarr|zip|pdf|html?|md|json|parquet|bam|bai|cloupe|ome\.tif)$/i;
/** Companions read by formats when needed: never opened on their own. */
const COMPANIONS = /(^|\/)scalefactors_json\.json$/i;

let sampleSeq = 0;

function progressUpdater(ctx: OpenContext, label: string, job: () => LoadJob<unknown> | null) {
  return (p: Progress) => {
    const j = job();
    ctx.store.set({ loading: { label, fraction: p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : null, rows: p.rows, cancel: () => j?.cancel() } });
  };
}

export type LoadOutcome = Result<LoadedCells> & { elapsedMs?: number };

export function loadOne(ctx: OpenContext, ref: FileRef, siblings: readonly FileRef[], options: { mapping?: Partial<ColumnMapping>; keepAllRows?: boolean } = {}): Promise<LoadOutcome> {
  const label = `Reading ${refName(ref)}`;
  let job: LoadJob<LoadedCells> | null = null;
  const onProgress = progressUpdater(ctx, label, () => job);
  job = loadCellsInWorker(ref, { ...options, remembered: rememberedMappings() }, { host: ctx.host, siblings, onProgress });
  ctx.store.set({ loading: { label, fraction: 0, rows: 0, cancel: () => job!.cancel() } });
  return job.result;
}

/** How a file is presented when it is not simply a user's file (sample data, simulations). */
export interface SampleLabel {
  readonly name: string;
  readonly site: SampleSite;
  readonly origin: SampleOrigin;
  /** The simulation request that made it (simulated samples). */
  readonly simulation?: Readonly<Record<string, unknown>>;
}

/** Turns a loaded file into samples (one per sample label when the file has a sample column). */
export function samplesFrom(loaded: LoadedCells, ref: FileRef, siblings: readonly FileRef[], loadMs: number, label?: SampleLabel): Sample[] {
  const parts = splitBySample(loaded.table);
  const base = label?.name ?? refName(ref);
  return parts.map((part) => ({
    id: `s${++sampleSeq}`,
    name: parts.length > 1 || part.label ? `${base} · ${part.label}` : base,
    site: label?.site ?? 'other',
    origin: label?.origin ?? 'file',
    table: part.table,
    report: loaded.report,
    profiles: loaded.profiles,
    source: ref,
    siblings,
    ...(parts.length > 1 ? { sampleLabel: part.label } : {}),
    ...(label?.simulation ? { simulation: label.simulation } : {}),
    loadMs,
  }));
}

/** Clone-tree tables among the files (name says tree, header has clone and parent): read into the workspace. */
async function cloneTreeFiles(store: Store, refs: readonly FileRef[]): Promise<FileRef[]> {
  const trees: FileRef[] = [];
  for (const ref of refs) {
    if (!/tree|phylog/i.test(refName(ref)) || !/\.(csv|tsv|txt)$/i.test(refName(ref))) continue;
    const text = await readText(ref);
    if (!text.ok) continue;
    const tree = parseCloneTree(text.value, refName(ref));
    if (!tree.ok) continue;
    trees.push(ref);
    store.set({ cloneTree: { tree: tree.value, file: refName(ref) }, message: { kind: 'info', text: `Clone tree ${refName(ref)}: ${tree.value.clones.length} clones, ${tree.value.mutations.reduce((s, m) => s + m.length, 0)} mutations.` } });
  }
  return trees;
}

export async function openFiles(ctx: OpenContext, purpose: OpenPurpose, refs: readonly FileRef[], labels?: ReadonlyMap<FileRef, SampleLabel>): Promise<void> {
  const { store } = ctx;
  if (store.get().loading) return; // one load at a time; the progress strip offers Cancel
  if (purpose === 'annotation') return joinAnnotations(ctx, refs);
  const treeFiles = await cloneTreeFiles(store, refs);
  refs = refs.filter((r) => !treeFiles.includes(r));
  if (refs.length === 0) return;
  const regionFiles = await regionFilesAmong(refs);
  // region files alone go onto the open samples (a GeoJSON alone with none open gets the loader's sentence)
  if (regionFiles.length === refs.length && (store.get().samples.length || !refs.every((r) => isGeoJsonName(refName(r))))) {
    const { notes, errors } = await attachRegionFiles(store, regionFiles, store.get().samples);
    store.set({ message: errors.length ? { kind: 'error', text: errors[0]!, details: [...errors.slice(1), ...notes] } : { kind: 'info', text: notes[0]!, ...(notes.length > 1 ? { details: notes.slice(1) } : {}) } });
    return;
  }
  const several = refs.length > 1;
  const paths = refs.map((r) => refPath(r));
  const tables = refs.filter((r) => {
    const p = refPath(r);
    if (several && regionFiles.includes(r)) return false; // region shapes: attached to the tables below
    // alone, a companion or non-table gets the loader's sentence saying what it is
    if (several && (COMPANIONS.test(p) || NOT_TABLES.test(p))) return false;
    // steinbock: intensities/<img>.csv is joined onto regionprops/<img>.csv when both came together
    const m = /(^|\/)intensities\/([^/]+)$/.exec(p);
    return !(m && paths.some((q) => q.endsWith(`regionprops/${m[2]}`)));
  });
  if (tables.length === 0) {
    store.set({ message: { kind: 'error', text: `${refs.map(refName).join(', ')}: nothing to open — choose a cell or spot table (CSV, TSV or TXT, optionally .gz).` } });
    return;
  }
  const added: Sample[] = [];
  const annotations: FileRef[] = [];
  const problems: string[] = [];
  let firstError: { ref: FileRef; error: AppError } | null = null;
  for (const ref of tables) {
    const result = await loadOne(ctx, ref, refs);
    store.set({ loading: null });
    if (result.ok) {
      const label = labels?.get(ref);
      const samples = samplesFrom(result.value, ref, refs, result.elapsedMs ?? 0, label);
      added.push(...samples);
      if (!label) ctx.host.noteOpened(ref);
      store.set({ samples: [...store.get().samples, ...samples], activeSampleId: samples[0]!.id });
      if (!result.value.report.sure) ctx.askMapping(samples[0]!, ref, refs);
    } else if (result.error.code === 'cancelled') {
      store.set({ message: { kind: 'info', text: result.error.message } });
      return;
    } else if (result.error.code === 'no-coordinates' && tables.length > 1) annotations.push(ref);
    else {
      problems.push(result.error.message);
      firstError ??= { ref, error: result.error };
    }
  }
  if (added.length > 1) store.set({ activeSampleId: added[0]!.id }); // the first file chosen leads (the primary before its metastasis)
  const notes: string[] = [];
  if (annotations.length && added.length) notes.push(...(await joinInto(ctx, annotations, added, refs)));
  else if (annotations.length) problems.push(...annotations.map((a) => `${refName(a)} has no coordinates and no cell table came with it to join it to.`));
  if (regionFiles.length && added.length) {
    const attached = await attachRegionFiles(store, regionFiles, added);
    notes.push(...attached.notes);
    problems.push(...attached.errors);
  }
  if (problems.length) {
    const only = firstError && problems.length === 1 ? firstError : null;
    store.set({
      message: {
        kind: 'error',
        text: problems[0]!,
        ...(problems.length > 1 ? { details: problems.slice(1) } : {}),
        ...(only && only.error.code === 'no-coordinates' ? { action: { label: 'Choose columns…', run: () => ctx.askMapping(null, only.ref, refs, only.error) } } : {}),
      },
    });
  } else if (notes.length) store.set({ message: { kind: 'info', text: notes[0]!, ...(notes.length > 1 ? { details: notes.slice(1) } : {}) } });
  else if (added.length) {
    const dropped = added[0]!.report.droppedRows;
    const skipped = added[0]!.report.skippedRows;
    if (skipped) store.set({ message: { kind: 'info', text: `${refName(added[0]!.source)}: ${formatCount(skipped)} bad rows were skipped — see the load report for line numbers and reasons.` } });
    else if (dropped) store.set({ message: { kind: 'info', text: `${refName(added[0]!.source)}: ${formatCount(dropped)} ${added[0]!.report.droppedWhat ?? 'rows'} were left out.` } });
    else store.set({ message: null });
  }
}

/** Joins annotation tables onto the active sample (Open Annotations…). */
async function joinAnnotations(ctx: OpenContext, refs: readonly FileRef[]): Promise<void> {
  const { store } = ctx;
  const state = store.get();
  const target = state.samples.filter((s) => s.id === (state.activeSampleId ?? state.samples[0]?.id));
  if (target.length === 0) {
    store.set({ message: { kind: 'error', text: 'Open a cell table first, then join annotations (clusters, clone calls) to it.' } });
    return;
  }
  const notes = await joinInto(ctx, refs, target, refs);
  store.set({ message: { kind: notes.some((n) => n.startsWith('!')) ? 'error' : 'info', text: notes[0]!.replace(/^!/, ''), ...(notes.length > 1 ? { details: notes.slice(1).map((n) => n.replace(/^!/, '')) } : {}) } });
}

/** Loads each annotation table and joins it onto every target sample it matches. Error notes start with '!'. */
export async function joinInto(ctx: OpenContext, annotations: readonly FileRef[], targets: readonly Sample[], siblings: readonly FileRef[]): Promise<string[]> {
  const { store } = ctx;
  const notes: string[] = [];
  for (const ref of annotations) {
    const label = `Reading ${refName(ref)}`;
    let job: LoadJob<unknown> | null = null;
    const j = loadAnnotationInWorker(ref, { host: ctx.host, siblings, onProgress: progressUpdater(ctx, label, () => job) });
    job = j;
    store.set({ loading: { label, fraction: refSize(ref) ? 0 : null, rows: 0, cancel: () => j.cancel() } });
    const loaded = await j.result;
    store.set({ loading: null });
    if (!loaded.ok) {
      notes.push(`!${loaded.error.message}`);
      continue;
    }
    let joinedAny = false;
    for (const t of targets) {
      const current = store.get().samples.find((s) => s.id === t.id);
      if (!current) continue;
      const joined = joinColumns(current.table, loaded.value.table, { file: refName(ref) });
      if (!joined.ok) continue;
      joinedAny = true;
      const report = { ...current.report, joins: [...current.report.joins, joined.value.report], notes: [...current.report.notes, describeJoin(joined.value.report)] };
      const updated: Sample = { ...current, table: joined.value.table, report, joined: [...(current.joined ?? []), ref] };
      store.set({ samples: store.get().samples.map((s) => (s.id === t.id ? updated : s)) });
      notes.push(describeJoin(joined.value.report));
    }
    if (!joinedAny) notes.push(`!${refName(ref)}: none of its columns (${loaded.value.header.join(', ')}) matches the ids of the open cells.`);
  }
  return notes;
}
