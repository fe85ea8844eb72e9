// `clonoscope inspect FILE [--join TABLE [--on COLUMN]] [--json]`: load a table as the app would
// and report what was found. Exit 0 on success; 1 with one sentence on stderr when the file
// cannot be used; 2 for a usage error.

import { formatCount } from '../../shared/errors.ts';
import { joinColumns, describeJoin } from '../../shared/dataset/join.ts';
import { loadCells, loadColumnTable, type LoadedCells } from '../../shared/dataset/load.ts';
import { inspectSummary, type InspectSummary } from '../../shared/dataset/summary.ts';
import { cannotOpen, fileFacts, fileSource, folderCompanions } from '../common/file-source.ts';
import { parseCommand, usageError } from './args.ts';

const HELP = `Usage: clonoscope inspect FILE [options]

  --join TABLE       join the columns of TABLE (clusters, clone calls, annotations) by id
  --on COLUMN        the key column for --join (found automatically when omitted)
  --pixel-size UM    micrometres per pixel, for files in pixels
  --keep-all-spots   keep Visium spots outside the tissue (in_tissue = 0)
  --json             print one JSON object`;
const COMMAND = { name: 'inspect', help: HELP };

export async function inspectCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    COMMAND,
    args,
    {
      join: { type: 'string', multiple: true },
      on: { type: 'string' },
      'pixel-size': { type: 'string' },
      'keep-all-spots': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(COMMAND, `expected one FILE, got ${positionals.length}.`);
  const file = positionals[0]!;
  const pixelSize = values['pixel-size'] === undefined ? undefined : Number(values['pixel-size']);
  if (pixelSize !== undefined && !(pixelSize > 0)) {
    process.stderr.write(`clonoscope inspect: --pixel-size must be a positive number of µm, not '${values['pixel-size']}'.\n`);
    return 2;
  }
  const loaded = await loadFile(file, { pixelSize, keepAll: !!values['keep-all-spots'] });
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  let result = loaded.value;
  for (const joinFile of values.join ?? []) {
    let facts;
    try {
      facts = await fileFacts(joinFile);
    } catch (e) {
      process.stderr.write(`${cannotOpen(joinFile, e)}\n`);
      return 1;
    }
    const annotation = await loadColumnTable(fileSource(joinFile, facts.gzip), { fileName: joinFile, sizeHint: facts.textSize });
    if (!annotation.ok) {
      process.stderr.write(`${annotation.error.message}\n`);
      return 1;
    }
    const joined = joinColumns(result.table, annotation.value.table, { file: joinFile, ...(values.on ? { on: values.on } : {}) });
    if (!joined.ok) {
      process.stderr.write(`${joined.error.message}\n`);
      return 1;
    }
    result = {
      ...result,
      table: joined.value.table,
      report: { ...result.report, joins: [...result.report.joins, joined.value.report], notes: [...result.report.notes, describeJoin(joined.value.report)] },
    };
  }
  const summary = inspectSummary(result);
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : humanReport(summary));
  return 0;
}

async function loadFile(file: string, o: { pixelSize: number | undefined; keepAll: boolean }): Promise<{ ok: true; value: LoadedCells } | { ok: false; message: string }> {
  let facts;
  try {
    facts = await fileFacts(file);
  } catch (e) {
    return { ok: false, message: cannotOpen(file, e) };
  }
  const result = await loadCells(fileSource(file, facts.gzip), {
    fileName: file,
    sizeHint: facts.textSize,
    companions: folderCompanions(file),
    keepAllRows: o.keepAll,
    ...(o.pixelSize !== undefined ? { mapping: { pixelSizeUm: o.pixelSize } } : {}),
  });
  return result.ok ? result : { ok: false, message: result.error.message };
}

function humanReport(s: InspectSummary): string {
  const lines: string[] = [];
  const fmt = (v: number) => (Number.isFinite(v) ? +v.toPrecision(6) : v);
  lines.push(`${s.file}`);
  lines.push(`  format     ${s.formatLabel} (${s.format}), ${s.encoding}, delimiter ${s.delimiter === '\t' ? 'tab' : `'${s.delimiter}'`}`);
  lines.push(`  rows       ${formatCount(s.rows)}${s.droppedRows ? ` (${formatCount(s.droppedRows)} ${s.droppedWhat ?? 'rows'} dropped)` : ''}`);
  if (s.skippedRows) lines.push(`  skipped    ${formatCount(s.skippedRows)} bad rows`);
  for (const e of s.errors.slice(0, 5)) lines.push(`             line ${formatCount(e.line)}: ${e.message}`);
  lines.push(`  units      ${s.units === 'um' ? 'µm' : 'pixels'}${s.pixelSizeUm && s.pixelSizeUm !== 1 ? ` (${s.pixelSizeUm.toPrecision(4)} µm per source unit)` : ''}`);
  lines.push(`  bounds     x ${fmt(s.bounds.x[0])} … ${fmt(s.bounds.x[1])}, y ${fmt(s.bounds.y[0])} … ${fmt(s.bounds.y[1])}`);
  lines.push(`  columns    ${s.columns.length}`);
  for (const c of s.columns) lines.push(`             ${c.name.padEnd(32)} ${c.role.padEnd(12)} ${c.type}`);
  for (const [name, counts] of Object.entries(s.categories)) {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const shown = entries.slice(0, 8).map(([k, v]) => `${k || '""'}: ${formatCount(v)}`).join(', ');
    lines.push(`  ${name}: ${shown}${entries.length > 8 ? `, … (${entries.length} labels)` : ''}`);
  }
  for (const n of s.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}
