// `clonoscope compare FILE1 FILE2 [...] --by COLUMN [--json] [--tree TREE] [--metastasis FILE]`:
// composition and diversity of each file over its tumour cells (rows whose --by value is not empty
// or `normal`, SCIENCE.md §0), pairwise Jensen–Shannon divergence (bits), labels shared or private,
// and with a clone tree the mutation classes across the files and the origin of each metastasis.
// Exit 0 on success; 1 with one sentence on stderr when a file cannot be used; 2 for a usage error.

import path from 'node:path';
import { formatCount } from '../../shared/errors.ts';
import { columnByName, idAt, type CellTable, type Column } from '../../shared/dataset/cell-table.ts';
import { loadCells } from '../../shared/dataset/load.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { readCloneTree } from './clone-tree-file.ts';
import { alignCounts, jsdMatrix, labelSharing, metastasisOrigin, mutationClasses } from '../../shared/analysis/compare.ts';
import { diversity, fractions, tumourCounts } from '../../shared/analysis/diversity.ts';
import type { CategoryCodes } from '../../shared/analysis/selection.ts';
import { cannotOpen, fileFacts, fileSource, folderCompanions } from '../common/file-source.ts';
import { parseCommand, usageError } from './args.ts';

const HELP = `Usage: clonoscope compare FILE1 FILE2 [...] --by COLUMN [options]

  --by COLUMN        the categorical column to compare (clone, phenotype, …) [the clone column]
  --tree FILE        clone tree (clone,parent,mutations): mutation classes across the files
  --metastasis FILE  the metastasis among the files (also any file whose name contains "metast")
  --min-ccf X        a mutation is present in a file when its CCF ≥ X [0: one carrier cell]
  --clonal-ccf X     clonal call τ for the metastasis analysis [0.9]
  --json             print one JSON object

Compositions count tumour cells only: rows whose COLUMN value is not empty or 'normal'.`;
const COMMAND = { name: 'compare', help: HELP };

const usage = (message: string) => usageError(COMMAND, message);

export async function compareCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    COMMAND,
    args,
    {
      by: { type: 'string' },
      tree: { type: 'string' },
      metastasis: { type: 'string' },
      'min-ccf': { type: 'string' },
      'clonal-ccf': { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const files = [...positionals];
  if (values.metastasis && !files.includes(values.metastasis)) files.push(values.metastasis);
  if (files.length < 2) return usage(`expected at least two files to compare, got ${files.length}.`);
  const minCcf = fraction(values['min-ccf'], 0);
  const clonalCcf = fraction(values['clonal-ccf'], 0.9);
  if (minCcf === null) return usage(`--min-ccf must be a number from 0 to 1, not '${values['min-ccf']}'.`);
  if (clonalCcf === null || clonalCcf === 0) return usage(`--clonal-ccf must be a number above 0 and at most 1, not '${values['clonal-ccf']}'.`);

  let tree: CloneTree | undefined;
  if (values.tree) {
    const t = await readCloneTree(values.tree);
    if (!t) return 1;
    tree = t;
  }

  const samples = [];
  for (const file of files) {
    const loaded = await loadTable(file);
    if (!loaded.ok) {
      process.stderr.write(`${loaded.message}\n`);
      return 1;
    }
    const table = loaded.table;
    const by = values.by ?? table.roles.clone;
    if (!by) {
      process.stderr.write(`${file}: no clone column was recognised; name the column to compare with --by. Columns found: ${table.columns.map((c) => c.name).join(', ')}.\n`);
      return 1;
    }
    const column = findColumn(table, by);
    if (!column) {
      process.stderr.write(`${file} has no column '${by}'. Columns found: ${table.columns.map((c) => c.name).join(', ')}.\n`);
      return 1;
    }
    samples.push({ file, rows: table.n, by: column.name, counts: tumourCounts(asCategory(column)) });
  }

  const names = uniqueNames(files);
  const aligned = alignCounts(samples.map((s) => s.counts));
  const sharing = labelSharing(aligned);
  const out: ComparisonJson = {
    by: values.by ?? samples[0]!.by,
    labels: aligned.labels,
    samples: samples.map((s, k) => {
      const d = diversity(s.counts.counts);
      const p = fractions(s.counts.counts);
      return {
        name: names[k]!,
        file: s.file,
        rows: s.rows,
        tumourCells: s.counts.tumourCells,
        composition: Object.fromEntries(s.counts.labels.map((l, j) => [l, p[j]!]).filter(([, v]) => (v as number) > 0)),
        shannon: d.shannon,
        simpson: d.simpson,
        giniSimpson: d.giniSimpson,
        inverseSimpson: d.inverseSimpson,
        richness: d.richness,
        evenness: d.evenness,
        simpsonUnbiased: d.simpsonUnbiased,
      };
    }),
    jsd: jsdMatrix(aligned.counts),
    sharing: { all: sharing.all, some: sharing.some, private: Object.fromEntries(names.map((n, k) => [n, sharing.private[k]!])) },
  };
  if (tree) {
    const m = mutationClasses(tree, aligned, { minCcf });
    out.mutations = {
      samples: names,
      ubiquitous: m.ubiquitous,
      shared: m.shared,
      private: m.private,
      absent: m.absent,
      total: m.total,
      heterogeneousFraction: m.heterogeneousFraction,
      minCcf,
      unknownLabels: m.unknownLabels,
    };
    const isMet = files.map((f) => f === values.metastasis || /metast/i.test(path.basename(f)));
    const primaries = aligned.counts.filter((_, k) => !isMet[k]);
    out.metastases = primaries.length === 0 ? [] : aligned.counts.flatMap((c, k) => {
      if (!isMet[k]) return [];
      const o = metastasisOrigin(tree!, aligned.labels, primaries, c, { minCcf, clonalCcf });
      return [{
        sample: names[k]!,
        primaries: names.filter((_, j) => !isMet[j]),
        clones: Object.fromEntries(o.clones.map((e) => [e.label, e.fraction])),
        seedingClone: o.seedingClone,
        founderClone: o.founderClone,
        divergence: o.divergence,
        primaryTruncal: o.primaryTruncal,
        missingTruncal: [...o.missingTruncal],
        clonalCcf,
      }];
    });
  }
  process.stdout.write(values.json ? `${JSON.stringify(out, null, 2)}\n` : humanComparison(out));
  return 0;
}

function fraction(text: string | undefined, fallback: number): number | null {
  if (text === undefined) return fallback;
  const v = Number(text);
  return text.trim() !== '' && v >= 0 && v <= 1 ? v : null;
}

async function loadTable(file: string): Promise<{ ok: true; table: CellTable } | { ok: false; message: string }> {
  let facts;
  try {
    facts = await fileFacts(file);
  } catch (e) {
    return { ok: false, message: cannotOpen(file, e) };
  }
  const r = await loadCells(fileSource(file, facts.gzip), { fileName: file, sizeHint: facts.textSize, companions: folderCompanions(file) });
  return r.ok ? { ok: true, table: r.value.table } : { ok: false, message: r.error.message };
}

/** The column named `name`; else the only one with that name in another case. */
function findColumn(table: CellTable, name: string): Column | undefined {
  const exact = columnByName(table, name);
  if (exact) return exact;
  const folded = table.columns.filter((c) => c.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** Any column as codes + labels: numbers and ids are labelled by their text (NaN / empty: missing). */
function asCategory(col: Column): CategoryCodes {
  if (col.kind === 'category') return col;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const n = col.kind === 'number' ? col.values.length : (col.strings?.length ?? col.numbers!.length);
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const text = col.kind === 'number' ? (col.values[i] === col.values[i] ? String(col.values[i]) : '') : idAt(col, i);
    if (text === '') {
      codes[i] = 0xffffffff;
      continue;
    }
    let c = index.get(text);
    if (c === undefined) index.set(text, (c = labels.push(text) - 1));
    codes[i] = c;
  }
  return { codes, labels };
}

/** Sample names: file names without folders and .csv/.tsv/.txt(.gz); repeated names get " (2)", " (3)". */
function uniqueNames(files: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const base = path.basename(f).replace(/\.gz$/i, '').replace(/\.(csv|tsv|txt)$/i, '');
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

/** What `compare --json` prints. NaN (an empty sample) prints as null. */
export interface ComparisonJson {
  by: string;
  labels: readonly string[];
  samples: {
    name: string; file: string; rows: number; tumourCells: number; composition: Record<string, number>;
    shannon: number; simpson: number; giniSimpson: number; inverseSimpson: number; richness: number; evenness: number; simpsonUnbiased: number;
  }[];
  jsd: number[][];
  sharing: { all: readonly string[]; some: readonly string[]; private: Record<string, readonly string[]> };
  mutations?: {
    samples: string[]; ubiquitous: number; shared: number; private: number; absent: number; total: number;
    heterogeneousFraction: number; minCcf: number; unknownLabels: readonly string[];
  };
  metastases?: {
    sample: string; primaries: string[]; clones: Record<string, number>; seedingClone: string | null; founderClone: string | null;
    divergence: 'early' | 'late' | null; primaryTruncal: number; missingTruncal: string[]; clonalCcf: number;
  }[];
}

const fix = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ')}`.trimEnd());
}

function humanComparison(o: ComparisonJson): string {
  const lines: string[] = [`Composition by ${o.by}, over the rows whose ${o.by} is not empty or 'normal' (the tumour cells, for a clone column)`, ''];
  lines.push(...table([
    ['sample', 'rows', 'counted', 'richness', 'Shannon (nats)', 'Simpson Σp²', '1 − λ', '1/λ'],
    ...o.samples.map((s) => [s.name, formatCount(s.rows), formatCount(s.tumourCells), String(s.richness), fix(s.shannon), fix(s.simpson), fix(s.giniSimpson), fix(s.inverseSimpson, 2)]),
  ]));
  lines.push('', 'Fraction of the counted rows', '');
  lines.push(...table([[o.by, ...o.samples.map((s) => s.name)], ...o.labels.map((l) => [l, ...o.samples.map((s) => (s.composition[l] ? pct(s.composition[l]) : '—'))])]));
  lines.push('', 'Jensen–Shannon divergence (bits, 0 = same composition, 1 = no label in common)', '');
  lines.push(...table([['', ...o.samples.map((s) => s.name)], ...o.samples.map((s, a) => [s.name, ...o.jsd[a]!.map((v) => fix(v))])]));
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');
  lines.push('', `In every sample: ${list(o.sharing.all)}`);
  if (o.samples.length > 2) lines.push(`In some samples: ${list(o.sharing.some)}`);
  for (const [name, only] of Object.entries(o.sharing.private)) lines.push(`Only in ${name}: ${list(only)}`);
  if (o.mutations) {
    const m = o.mutations;
    lines.push('', `Mutations present (${m.minCcf > 0 ? `CCF ≥ ${m.minCcf}` : 'at least one carrier cell'}) across the ${m.samples.length} samples (Gerlinger 2012):`);
    lines.push(`  ubiquitous ${m.ubiquitous}, shared ${m.shared}, private ${m.private} of ${m.total}: heterogeneous ${pct(m.heterogeneousFraction)}${m.absent ? ` (${m.absent} of the tree in no sample)` : ''}`);
    if (m.unknownLabels.length) lines.push(`  not in the tree: ${m.unknownLabels.join(', ')}`);
  }
  for (const t of o.metastases ?? []) {
    const clones = Object.entries(t.clones).map(([l, f]) => `${l} ${pct(f)}`).join(', ');
    lines.push('', `Metastasis ${t.sample} (against ${t.primaries.join(', ')}): clones ${clones || 'none'}`);
    lines.push(`  seeding clone ${t.seedingClone ?? 'none found'} (the deepest primary clone whose mutations are all clonal, CCF ≥ ${t.clonalCcf}, in the metastasis); founder ${t.founderClone ?? '—'}`);
    const why = t.divergence === 'early'
      ? `${t.missingTruncal.length} of the ${t.primaryTruncal} mutations clonal in every primary sample are absent from it (${t.missingTruncal.slice(0, 8).join(', ')}${t.missingTruncal.length > 8 ? ', …' : ''})`
      : t.divergence === 'late' ? `it carries all ${t.primaryTruncal} mutations clonal in every primary sample` : 'no primary tumour cells to compare with';
    lines.push(`  divergence ${t.divergence ?? 'undetermined'} (Al Bakir 2023): ${why}`);
  }
  return `${lines.join('\n')}\n`;
}
