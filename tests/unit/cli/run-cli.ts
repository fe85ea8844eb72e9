// Runs the real `clonoscope` command (electron/cli/clonoscope.mjs) in a child process, as a user would.
// The launcher bundles the CLI with esbuild when its sources are newer than the bundle; test files run
// in parallel, so the first build happens once, under a lock, before any test spawns it.

import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../../paths.ts';

export const CLI = path.join(REPO, 'electron/cli/clonoscope.mjs');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO, timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `inspect FILE … --json`, parsed; throws with stderr when the command failed. */
export async function inspectJson(file: string, ...more: string[]): Promise<InspectJson> {
  const r = await runCli(['inspect', file, ...more, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as InspectJson;
}

export interface InspectJson {
  readonly format: string;
  readonly rows: number;
  readonly skippedRows: number;
  readonly errors: { line: number; message: string }[];
  readonly droppedRows: number;
  readonly columns: { name: string; role: string; type: string }[];
  readonly units: 'um' | 'px';
  readonly pixelSizeUm?: number;
  readonly bounds: { x: [number, number]; y: [number, number] };
  readonly categories: Record<string, Record<string, number>>;
  readonly joins: { cellKey: string; annotationKey: string; matched: number; unmatchedCells: number; unmatchedAnnotations: number; keyRewrite?: string }[];
  readonly notes: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the CLI bundle if it is stale, one test file at a time. */
export async function ensureCliBuilt(): Promise<void> {
  const lock = path.join(REPO, '.build/cli-test-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left behind by a killed run is stale after two minutes
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (waited > 180_000) throw new Error(`timed out waiting for ${lock}`);
      await sleep(100);
    }
  }
  try {
    const r = await runCli(['--help'], 180_000);
    if (r.code !== 0) throw new Error(`clonoscope --help failed (${r.code}): ${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
