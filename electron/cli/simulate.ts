// `clonoscope simulate --preset NAME --cells N --seed S [--metastasis late|early] --out DIR`:
// simulate a tumour section (and optionally a metastasis) and write the tables the app opens.
// Exit 0 on success; 1 when the simulation or a write fails; 2 for a usage error.

import { createWriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { formatCount } from '../../shared/errors.ts';
import { addOverride, editableKeys, overridesOf, type Overrides } from '../../shared/sim/overrides.ts';
import { isPresetName, presetParams, PRESET_NAMES, type MetastasisMode, type PresetName } from '../../shared/sim/params.ts';
import { simulate, type Simulation } from '../../shared/sim/simulate.ts';
import { simulationRecord } from '../../shared/sim/record.ts';
import { cellsCsvChunks, cloneTreeCsv } from '../../shared/sim/output-tables.ts';
import { regionsGeoJson } from '../../shared/sim/output-geojson.ts';
import { spotsCsv, spotTable } from '../../shared/sim/spots.ts';
import { parseCommand, usageError, wholeNumber } from './args.ts';

const HELP = `Usage: clonoscope simulate --out DIR [options]

  --preset NAME           ${PRESET_NAMES.join(' | ')} [selective-sweep]
  --cells N               tumour cells to grow [20000]; stroma and immune cells come on top
  --seed S                random seed, a whole number 0–4294967295 [1]
  --metastasis MODE       late | early: also grow a metastasis branching off the primary
  --metastasis-cells M    tumour cells to grow in the metastasis [a third of --cells]
  --metastasis-seed S     its own seed [seed + 1]
  --set KEY=VALUE         change a model parameter (repeatable), e.g. --set death=0.5 --set mode=eden;
                          KEY is one of ${editableKeys().join(', ')}
  --gzip                  write the per-cell tables as .csv.gz
  --out DIR               folder for the files (created when missing)

Writes primary_cells.csv, clone_tree.csv, primary_regions.geojson, primary_spots.csv,
simulation.json, and with --metastasis also metastasis_cells.csv, metastasis_regions.geojson,
metastasis_spots.csv. The same arguments always write the same bytes.`;
const COMMAND = { name: 'simulate', help: HELP };

export interface SimulateOptions {
  readonly preset: PresetName;
  readonly cells: number;
  readonly seed: number;
  readonly metastasis?: { readonly mode: MetastasisMode; readonly cells: number; readonly seed: number };
  /** Parameters changed from the preset's (--set). */
  readonly overrides?: Overrides;
  readonly gzip: boolean;
  readonly out: string;
}

const usage = (message: string) => usageError(COMMAND, message);

export async function simulateCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommand(
    COMMAND,
    args,
    {
      preset: { type: 'string' },
      cells: { type: 'string' },
      seed: { type: 'string' },
      metastasis: { type: 'string' },
      'metastasis-cells': { type: 'string' },
      'metastasis-seed': { type: 'string' },
      set: { type: 'string', multiple: true },
      gzip: { type: 'boolean' },
      out: { type: 'string' },
    },
    false,
  );
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  const preset = v.preset ?? 'selective-sweep';
  if (!isPresetName(preset)) return usage(`unknown preset '${preset}'; choose one of ${PRESET_NAMES.join(', ')}.`);
  const cells = wholeNumber(v.cells, 20_000, 20_000_000);
  if (cells === null || cells < 1) return usage(`--cells must be a whole number from 1 to 20,000,000, not '${v.cells}'.`);
  const seed = wholeNumber(v.seed, 1, 0xffffffff);
  if (seed === null) return usage(`--seed must be a whole number from 0 to 4294967295, not '${v.seed}'.`);
  if (v.metastasis !== undefined && v.metastasis !== 'late' && v.metastasis !== 'early') return usage(`--metastasis must be 'late' or 'early', not '${v.metastasis}'.`);
  if (v.metastasis === undefined && (v['metastasis-cells'] !== undefined || v['metastasis-seed'] !== undefined))
    return usage('--metastasis-cells and --metastasis-seed need --metastasis late or --metastasis early.');
  const metCells = wholeNumber(v['metastasis-cells'], Math.max(1, Math.round(cells / 3)), 20_000_000);
  if (metCells === null || metCells < 1) return usage(`--metastasis-cells must be a whole number from 1 to 20,000,000, not '${v['metastasis-cells']}'.`);
  const metSeed = wholeNumber(v['metastasis-seed'], (seed + 1) % 0x100000000, 0xffffffff);
  if (metSeed === null) return usage(`--metastasis-seed must be a whole number from 0 to 4294967295, not '${v['metastasis-seed']}'.`);
  if (!v.out) return usage('--out DIR is required: the folder to write the tables to.');
  const overrides: Overrides = { growth: {}, tissue: {} };
  for (const assignment of v.set ?? []) {
    const problem = addOverride(overrides, assignment);
    if (problem) return usage(`--set ${problem}`);
  }
  return runSimulation({
    preset,
    cells,
    seed,
    ...(v.metastasis ? { metastasis: { mode: v.metastasis, cells: metCells, seed: metSeed } } : {}),
    ...(v.set?.length ? { overrides } : {}),
    gzip: !!v.gzip,
    out: v.out,
  });
}

/** Simulates and writes every file; prints one line per file. */
export async function runSimulation(o: SimulateOptions): Promise<number> {
  const result = simulate({
    preset: o.preset,
    params: presetParams(o.preset, { cells: o.cells, seed: o.seed, ...overridesOf(o.overrides) }),
    ...(o.metastasis ? { metastasis: { ...o.metastasis, privateMutations: 5 } } : {}),
  });
  if (!result.ok) {
    process.stderr.write(`${result.error.message}\n`);
    return 1;
  }
  const sim = result.value;
  try {
    await mkdir(o.out, { recursive: true });
    const written = await writeSimulation(sim, o);
    for (const [file, what] of written) process.stdout.write(`${path.join(o.out, file)}  ${what}\n`);
  } catch (e) {
    process.stderr.write(`Could not write to ${o.out}: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}

async function writeSimulation(sim: Simulation, o: SimulateOptions): Promise<[string, string][]> {
  const written: [string, string][] = [];
  const sections = [['primary', sim.primary] as const, ...(sim.metastasis ? [['metastasis', sim.metastasis] as const] : [])];
  for (const [name, s] of sections) {
    const file = `${name}_cells.csv${o.gzip ? '.gz' : ''}`;
    await writeChunks(path.join(o.out, file), cellsCsvChunks(s, sim.clones), o.gzip);
    const tumour = s.clone.reduce((k, c) => k + (c >= 0 ? 1 : 0), 0);
    written.push([file, `${formatCount(s.section.n)} cells (${formatCount(tumour)} tumour)`]);
    await writeFile(path.join(o.out, `${name}_regions.geojson`), regionsGeoJson(s.section));
    written.push([`${name}_regions.geojson`, 'core, invasive front and stroma outlines (µm)']);
    const spots = spotTable(s, sim.clones);
    await writeFile(path.join(o.out, `${name}_spots.csv`), spotsCsv(spots));
    written.push([`${name}_spots.csv`, `${formatCount(spots.n)} spots (${formatCount(spots.cells.reduce((k, m) => k + (m > 0 ? 1 : 0), 0))} in tissue)`]);
  }
  await writeFile(path.join(o.out, 'clone_tree.csv'), cloneTreeCsv(sim.clones));
  written.push(['clone_tree.csv', `${sim.clones.names.length} clones`]);
  const record = simulationRecord(sim, { command: commandLine(o), files: [...written.map(([f]) => f), 'simulation.json'] });
  await writeFile(path.join(o.out, 'simulation.json'), record);
  written.push(['simulation.json', 'parameters and seeds']);
  return written;
}

function commandLine(o: SimulateOptions): string {
  const parts = ['clonoscope simulate', `--preset ${o.preset}`, `--cells ${o.cells}`, `--seed ${o.seed}`];
  if (o.metastasis) parts.push(`--metastasis ${o.metastasis.mode}`, `--metastasis-cells ${o.metastasis.cells}`, `--metastasis-seed ${o.metastasis.seed}`);
  for (const [k, v] of Object.entries({ ...o.overrides?.growth, ...o.overrides?.tissue })) parts.push(`--set ${k}=${v}`);
  if (o.gzip) parts.push('--gzip');
  return parts.join(' ');
}

/**
 * Writes text chunks to a file, gzip-compressed when asked. The gzip header's OS byte is set to 3
 * (Unix) afterwards, so the bytes do not depend on the platform zlib was built for.
 */
async function writeChunks(file: string, chunks: Iterable<string>, gzip: boolean): Promise<void> {
  const out = createWriteStream(file);
  const sink = gzip ? createGzip({ level: 9 }) : out;
  if (gzip) sink.pipe(out);
  for (const chunk of chunks) if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once('drain', resolve));
  sink.end();
  await finished(out);
  if (gzip) {
    const fh = await open(file, 'r+');
    try {
      await fh.write(Uint8Array.of(3), 0, 1, 9);
    } finally {
      await fh.close();
    }
  }
}
