// `clonoscope sample FILE --biopsy punch --radius R | --biopsy needle --length L --width W [--angle DEG]
//  --count K [--placement random|stratified] [--within section|tumor|core|front] [--detect RULE]
//  --iterations N --seed S [--json] [--tree clone_tree.csv]`: Monte Carlo virtual biopsies on a
// cell table (SCIENCE.md §4). Distances in µm, the angle in degrees from the x axis.
// Exit 0 on success; 1 with one sentence on stderr when a file or the design cannot be used;
// 2 for a usage error.

import { formatCount } from '../../shared/errors.ts';
import { loadCells } from '../../shared/dataset/load.ts';
import type { CloneTree } from '../../shared/analysis/clone-tree.ts';
import { readCloneTree } from './clone-tree-file.ts';
import { describeDetection, formatDetection, parseDetection, type DetectionRule } from '../../shared/analysis/biopsy/detection.ts';
import type { BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import { prepareMonteCarlo, runMonteCarloSync, type MonteCarloResult } from '../../shared/analysis/biopsy/monte-carlo.ts';
import { WITHIN_LABELS, type Placement, type Within } from '../../shared/analysis/biopsy/placement.ts';
import { sectionFromTable, type BiopsySection } from '../../shared/analysis/biopsy/section.ts';
import { cannotOpen, fileFacts, fileSource, folderCompanions } from '../common/file-source.ts';
import { parseCommand, usageError, wholeNumber } from './args.ts';

const HELP = `Usage: clonoscope sample FILE --biopsy punch --radius R [options]
       clonoscope sample FILE --biopsy needle --length L --width W [--angle DEG] [options]

  --biopsy KIND        punch (a disc) or needle (a core: a rectangle)
  --radius R           punch radius, µm (a 1.0 mm TMA core: --radius 500)
  --length L, --width W  needle core length and width, µm (18 G ≈ 800 µm wide, approximate)
  --angle DEG          needle angle from the x axis, degrees [0]
  --count K            biopsies per design, 1–100; results for k = 1…K [1]
  --placement P        random: centres uniform where the whole biopsy fits on the section's box;
                       stratified: k strata of equal area, one centre each [random]
  --within W           section | tumor | core | front: where centres may fall [section]
  --detect RULE        any | cells:M | ccf:X | vaf:X | reads:D — when a clone counts as detected [any]
  --iterations N       most iterations [10000]; fewer when every Wilson 95 % half-width ≤ --target
  --target E           early-stop half-width, 0 = never stop early [0.01]
  --seed S             random seed, a whole number 0–4294967295 [1]
  --tree FILE          clone tree (clone,parent,mutations): CCF-based detection and illusions of clonality
  --tau X              clonal call threshold τ [0.9]
  --front-width UM     invasive-front band width for computed regions, µm [a tenth of the tumour's diameter, ≤ 1000]
  --json               print one JSON object

The clone of each cell comes from the table's clone column; tumour cells are rows whose clone is
not empty or 'normal'. The same arguments always print the same numbers.`;
const COMMAND = { name: 'sample', help: HELP };

const usage = (message: string) => usageError(COMMAND, message);

const positive = (t: string | undefined): number | null => (t !== undefined && /^\s*[0-9.eE+]+\s*$/.test(t) && Number(t) > 0 ? Number(t) : null);

export async function sampleCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    COMMAND,
    args,
    {
      biopsy: { type: 'string' }, radius: { type: 'string' }, length: { type: 'string' }, width: { type: 'string' }, angle: { type: 'string' },
      count: { type: 'string' }, placement: { type: 'string' }, within: { type: 'string' }, detect: { type: 'string' },
      iterations: { type: 'string' }, target: { type: 'string' }, seed: { type: 'string' }, tree: { type: 'string' }, tau: { type: 'string' },
      'front-width': { type: 'string' }, json: { type: 'boolean' },
    },
    true,
  );
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  if (parsed.positionals.length !== 1) return usage(`expected one FILE, got ${parsed.positionals.length}.`);
  const file = parsed.positionals[0]!;

  const kind = v.biopsy ?? (v.radius !== undefined ? 'punch' : v.length !== undefined || v.width !== undefined ? 'needle' : undefined);
  let biopsy: BiopsyTemplate;
  if (kind === 'punch') {
    const radius = positive(v.radius);
    if (radius === null) return usage(`a punch needs --radius R, a positive number of µm${v.radius !== undefined ? `, not '${v.radius}'` : ''}.`);
    if (v.length !== undefined || v.width !== undefined || v.angle !== undefined) return usage('--length, --width and --angle are for --biopsy needle, not punch.');
    biopsy = { kind: 'punch', radius };
  } else if (kind === 'needle') {
    const length = positive(v.length), width = positive(v.width);
    if (length === null || width === null) return usage('a needle needs --length L and --width W, positive numbers of µm.');
    if (v.radius !== undefined) return usage('--radius is for --biopsy punch, not needle.');
    const angleDeg = v.angle === undefined ? 0 : Number(v.angle);
    if (v.angle !== undefined && (v.angle.trim() === '' || !Number.isFinite(angleDeg))) return usage(`--angle must be a number of degrees, not '${v.angle}'.`);
    biopsy = { kind: 'needle', length, width, angleDeg };
  } else if (kind === undefined) return usage('say which biopsy: --biopsy punch --radius R, or --biopsy needle --length L --width W.');
  else return usage(`--biopsy must be 'punch' or 'needle', not '${kind}'.`);

  const count = wholeNumber(v.count, 1, 100);
  if (count === null || count < 1) return usage(`--count must be a whole number from 1 to 100, not '${v.count}'.`);
  const iterations = wholeNumber(v.iterations, 10_000, 10_000_000);
  if (iterations === null || iterations < 1) return usage(`--iterations must be a whole number from 1 to 10,000,000, not '${v.iterations}'.`);
  const seed = wholeNumber(v.seed, 1, 0xffffffff);
  if (seed === null) return usage(`--seed must be a whole number from 0 to 4294967295, not '${v.seed}'.`);
  const placement = v.placement ?? 'random';
  if (placement !== 'random' && placement !== 'stratified') return usage(`--placement must be 'random' or 'stratified', not '${placement}'.`);
  const within = v.within === 'tumour' ? 'tumor' : (v.within ?? 'section');
  if (!(within in WITHIN_LABELS)) return usage(`--within must be section, tumor, core or front, not '${v.within}'.`);
  let detect: DetectionRule = { kind: 'any' };
  if (v.detect !== undefined) {
    const d = parseDetection(v.detect);
    if (!d.ok) return usage(d.error.message);
    detect = d.value;
  }
  const target = v.target === undefined ? 0.01 : Number(v.target);
  if (v.target !== undefined && (v.target.trim() === '' || !(target >= 0 && target < 0.5))) return usage(`--target must be a half-width from 0 to 0.5, not '${v.target}'.`);
  const tau = v.tau === undefined ? 0.9 : Number(v.tau);
  if (v.tau !== undefined && (v.tau.trim() === '' || !(tau > 0 && tau <= 1))) return usage(`--tau must be a number above 0 and at most 1, not '${v.tau}'.`);
  const frontWidth = v['front-width'] === undefined ? undefined : positive(v['front-width']);
  if (frontWidth === null) return usage(`--front-width must be a positive number of µm, not '${v['front-width']}'.`);

  let tree: CloneTree | undefined;
  if (v.tree) {
    const t = await readCloneTree(v.tree);
    if (!t) return 1;
    tree = t;
  }
  const section = await loadSection(file, tree, frontWidth);
  if (!section.ok) {
    process.stderr.write(`${section.message}\n`);
    return 1;
  }
  const ctx = prepareMonteCarlo(section.value, { biopsy, count, placement: placement as Placement, within: within as Within, detect, seed, iterations, targetHalfWidth: target, tau });
  if (!ctx.ok) {
    process.stderr.write(`${file}: ${ctx.error.message}\n`);
    return 1;
  }
  const result = runMonteCarloSync(ctx.value);
  process.stdout.write(v.json ? `${JSON.stringify(jsonOf(file, section.value, result), null, 2)}\n` : table(file, section.value, result));
  return 0;
}

async function loadSection(file: string, tree: CloneTree | undefined, frontWidthUm: number | undefined): Promise<{ ok: true; value: BiopsySection } | { ok: false; message: string }> {
  let facts;
  try {
    facts = await fileFacts(file);
  } catch (e) {
    return { ok: false, message: cannotOpen(file, e) };
  }
  const loaded = await loadCells(fileSource(file, facts.gzip), { fileName: file, sizeHint: facts.textSize, companions: folderCompanions(file) });
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  const s = sectionFromTable(loaded.value.table, { file, ...(tree ? { tree } : {}), ...(frontWidthUm !== undefined ? { frontWidthUm } : {}) });
  return s.ok ? s : { ok: false, message: s.error.message };
}

function describeBiopsy(b: BiopsyTemplate): string {
  return b.kind === 'punch' ? `punch, radius ${b.radius} µm` : `needle, ${b.length} × ${b.width} µm at ${b.angleDeg}°`;
}

function jsonOf(file: string, section: BiopsySection, r: MonteCarloResult) {
  const d = r.design;
  return {
    file,
    seed: r.seed,
    iterations: r.iterations,
    stopped: r.stopped,
    design: { biopsy: d.biopsy, count: d.count, placement: d.placement, within: d.within, detect: formatDetection(d.detect), maxIterations: d.iterations, targetHalfWidth: d.targetHalfWidth, tau: d.tau },
    cells: section.cells,
    tumourCells: section.tumourCells,
    allowedAreaUm2: r.allowedAreaUm2,
    clones: r.detection.map((c) => ({ clone: c.clone, trueFraction: c.trueFraction, cells: c.cells, detection: c.detection, kNeeded95: c.kNeeded95, kNeeded95Extrapolated: c.kNeeded95Extrapolated })),
    expectedFractionDetected: r.expectedFractionDetected,
    compositionError: r.compositionError,
    ...(r.illusion ? { illusion: r.illusion, illusionByClone: r.illusionByClone } : {}),
    maxHalfWidth: r.maxHalfWidth,
    notes: section.notes,
  };
}

const pct = (p: number) => (Number.isFinite(p) ? `${(100 * p).toFixed(1)} %` : '—');

function table(file: string, section: BiopsySection, r: MonteCarloResult): string {
  const d = r.design;
  const K = d.count;
  const lines: string[] = [];
  lines.push(`${file}: ${formatCount(section.cells)} cells, ${formatCount(section.tumourCells)} tumour cells, ${section.clones.length} clones`);
  lines.push(`  design     ${describeBiopsy(d.biopsy)}; ${K} biopsies, ${d.placement}, ${WITHIN_LABELS[d.within]}; detected when ${describeDetection(d.detect)}`);
  lines.push(`  runs       ${formatCount(r.iterations)} iterations (${r.stopped === 'converged' ? `stopped early: every 95 % interval within ±${d.targetHalfWidth}` : r.stopped}), seed ${r.seed}`);
  lines.push('');
  const head = ['clone', 'fraction', 'P(k=1)', ...(K > 1 ? [`P(k=${K})`] : []), '95 % interval', 'k for 95 %'];
  const rows = r.detection.map((c) => {
    const last = c.detection[K - 1]!;
    return [c.clone, pct(c.trueFraction), pct(c.detection[0]!.p), ...(K > 1 ? [pct(last.p)] : []), `${pct(last.lo)} – ${pct(last.hi)}`, c.kNeeded95 === null ? 'never' : `${c.kNeeded95}${c.kNeeded95Extrapolated ? ' (extrapolated)' : ''}`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`;
  lines.push(fmt(head));
  for (const row of rows) lines.push(fmt(row));
  lines.push('');
  lines.push(`  clones detected (expected share): ${r.expectedFractionDetected.map((f, k) => `k=${k + 1} ${pct(f)}`).join(', ')}`);
  const e = r.compositionError[K - 1]!;
  lines.push(`  clone fractions with ${K} biopsies: mean absolute error ${pct(e.mae)}, total variation ${pct(e.tvd)}`);
  if (r.illusion) {
    const il = r.illusion[K - 1]!;
    lines.push(`  illusion of clonality with ${K} biopsies: ${pct(il.p)} (95 % ${pct(il.lo)} – ${pct(il.hi)}); share of truncal-looking calls that are illusions ${pct(il.illusionFraction)}`);
  }
  for (const n of section.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}
