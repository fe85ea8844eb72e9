// Types of serve.mjs, for the TypeScript callers (tests/e2e/export-primitives.spec.ts).
import type { Server } from 'node:http';

export const HARNESS_HTML: string;
/** The harness bundle (bench/export/harness.ts) as one ES module's text. */
export function buildHarness(): Promise<string>;
/** Serves index.html and harness.js on 127.0.0.1, on a free port (server.address().port). */
export function serveHarness(js: string): Promise<Server>;
