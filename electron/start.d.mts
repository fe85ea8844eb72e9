// Types for electron/start.mjs (plain Node ESM, so `npm start` needs no TypeScript step).

export declare const EARLY_EXIT_MS: number;
export declare const INSTALL_TIMEOUT_MS: number;
export declare function newestSource(dirs: readonly string[]): number;
export declare function isStale(output: string, newestSourceMs: number): boolean;
export declare function electronBinary(electronDir: string, env?: Readonly<Record<string, string | undefined>>, platform?: string): string | null;
export declare function installFailureReason(output: string, timedOut: boolean): string;
export declare function displayProblem(platform: string, env: Readonly<Record<string, string | undefined>>): string | null;
export declare function earlyExitReason(code: number | null, signal: string | null, stderr: string): string;
export declare function fallbackSentence(reason: string): string;
export type LaunchPlan = { run: 'electron'; binary: string } | { run: 'browser'; reason: string };
export declare function decideLaunch(input: {
  binary: string | null;
  installReason: string | null;
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
}): LaunchPlan;
export declare function electronEnv<E extends Record<string, string | undefined>>(env: E): Omit<E, 'ELECTRON_RUN_AS_NODE'>;
export declare function browserPage(files: readonly string[]): string;
export declare function electronArgs(args: readonly string[], cwd: string): string[];
export declare function main(args: readonly string[]): Promise<void>;
