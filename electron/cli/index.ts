// `clonoscope` command line: inspect (and, as they arrive, simulate / sample / compare).

import { compareCommand } from './compare.ts';
import { inspectCommand } from './inspect.ts';
import { sampleCommand } from './sample.ts';
import { simulateCommand } from './simulate.ts';

const USAGE = `Usage: clonoscope <command> [options]

Commands:
  inspect FILE [--join TABLE [--on COLUMN]] [--json] [--pixel-size UM] [--keep-all-spots]
        Load a cell or spot table and report its format, rows, columns, units, bounds and categories.
  simulate --out DIR [--preset NAME] [--cells N] [--seed S] [--metastasis late|early] [--gzip]
        Simulate a tumour section (and a metastasis) and write its cells, clone tree, regions and spots.
  compare FILE1 FILE2 [...] --by COLUMN [--json] [--tree TREE] [--metastasis FILE]
        Compare the composition of tumour cells across files: diversity, Jensen–Shannon divergence,
        shared and private labels; with a clone tree, mutation classes and the metastasis's origin.
  sample FILE --biopsy punch --radius R | --biopsy needle --length L --width W [--angle DEG] --count K
         [--placement random|stratified] [--within section|tumor|core|front] [--detect any|cells:M|ccf:X]
         --iterations N --seed S [--json] [--tree TREE]
        Virtual biopsies, repeated (Monte Carlo): per clone, the chance that k = 1…K biopsies detect it.

Run 'clonoscope <command> --help' for details.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'inspect':
      return inspectCommand(rest);
    case 'simulate':
      return simulateCommand(rest);
    case 'compare':
      return compareCommand(rest);
    case 'sample':
      return sampleCommand(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`clonoscope: unknown command '${command}'.\n\n${USAGE}\n`);
      return 2;
  }
}
