// What every subcommand does with its arguments: node:util parseArgs, a usage error (exit 2) with
// the command's help on stderr, --help (exit 0) on stdout, and whole-number options.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  /** 'inspect', 'simulate', … */
  readonly name: string;
  readonly help: string;
}

/** Writes "clonoscope NAME: message" and the help to stderr; the exit code of a usage error. */
export function usageError(cmd: Command, message: string): 2 {
  process.stderr.write(`clonoscope ${cmd.name}: ${message}\n\n${cmd.help}\n`);
  return 2;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O> = O & { help: { type: 'boolean'; short: 'h' } };
type Parsed<O extends Options, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: P }>>;

/**
 * The parsed arguments, or the exit code when there is nothing more to do: 2 after a usage error,
 * 0 after --help (every command has `-h`/`--help`).
 */
export function parseCommand<const O extends Options, const P extends boolean>(cmd: Command, args: readonly string[], options: O, allowPositionals: P): Parsed<O, P> | 0 | 2 {
  let parsed: Parsed<O, P>;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals, options: { ...options, help: { type: 'boolean', short: 'h' } } as WithHelp<O> });
  } catch (e) {
    return usageError(cmd, (e as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${cmd.help}\n`);
    return 0;
  }
  return parsed;
}

/** A whole number from 0 to `max`, `fallback` when the option is absent, null when it is not one. */
export function wholeNumber(text: string | undefined, fallback: number, max: number): number | null {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim())) return null;
  const v = Number(text);
  return v <= max ? v : null;
}
