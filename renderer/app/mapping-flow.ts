// Asking for a column mapping and reloading the file with it.

import type { AppError } from '../../shared/errors.ts';
import type { FileRef } from '../host/types.ts';
import { refName } from '../host/types.ts';
import { showMappingDialog } from '../views/mapping-dialog.ts';
import { loadOne, samplesFrom, type OpenContext } from './open.ts';
import { loadAnnotationInWorker } from './parse-client.ts';
import { rememberMapping } from './remembered.ts';
import type { Sample } from './store.ts';

export async function askMapping(ctx: OpenContext, sample: Sample | null, ref: FileRef, siblings: readonly FileRef[], error?: AppError): Promise<void> {
  const { store } = ctx;
  let columns: readonly string[];
  let numeric: readonly string[];
  if (sample) {
    columns = sample.profiles.map((p) => p.name);
    numeric = sample.profiles.filter((p) => p.kind === 'number').map((p) => p.name);
  } else {
    const job = loadAnnotationInWorker(ref, { host: ctx.host, siblings });
    store.set({ loading: { label: `Reading the columns of ${refName(ref)}`, fraction: null, rows: 0, cancel: () => job.cancel() } });
    const r = await job.result;
    store.set({ loading: null });
    if (!r.ok) {
      store.set({ message: { kind: 'error', text: r.error.message } });
      return;
    }
    columns = r.value.header;
    numeric = r.value.table.columns.filter((c) => c.kind === 'number').map((c) => c.name);
  }
  const report = sample?.report;
  const choice = await showMappingDialog({
    fileName: refName(ref),
    formatLabel: report?.formatLabel ?? 'Table',
    columns,
    numeric,
    current: report?.mapping ?? null,
    reason: error ? error.message : report && !report.sure ? 'The columns were recognised by their names only: please check them.' : 'Check or change which columns Clonoscope uses.',
    canKeepAllRows: !!report?.mapping.keepRows,
  });
  if (!choice) return;
  if (choice.remember && report) rememberMapping(report.format, choice.mapping);
  const result = await loadOne(ctx, ref, siblings, { mapping: choice.mapping, keepAllRows: choice.keepAllRows });
  store.set({ loading: null });
  if (!result.ok) {
    store.set({ message: { kind: 'error', text: result.error.message } });
    return;
  }
  const fresh = samplesFrom(result.value, ref, siblings, result.elapsedMs ?? 0, sample ? { name: sample.sampleLabel ? refName(ref) : sample.name, site: sample.site, origin: sample.origin } : undefined);
  const kept = store.get().samples.filter((s) => s.source !== ref);
  const at = store.get().samples.findIndex((s) => s.source === ref);
  const samples = at < 0 ? [...kept, ...fresh] : [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
  store.set({ samples, activeSampleId: fresh[0]!.id, message: { kind: 'info', text: `${refName(ref)} reloaded with the new column mapping${choice.remember ? ' (remembered for this format)' : ''}.` } });
}
