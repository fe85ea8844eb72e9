// WebGL on machines without a usable GPU (remote desktops, virtual machines, old lab PCs).
//
// Chromium no longer falls back to SwiftShader (WebGL on the CPU) by itself; the switch
// `enable-unsafe-swiftshader` allows that fallback again. Chromium calls it unsafe because SwiftShader
// is a weaker boundary against untrusted web content; this app loads only its own pages (no remote
// content), so we append it always — where the GPU works it changes nothing. Not
// app.disableHardwareAcceleration(): that also turns off GPU compositing where the GPU is fine.
//
// Software is forced (`use-angle=swiftshader`) only when asked — `--software-gl` on the command line
// or CLONOSCOPE_SOFTWARE_GL=1 — or for 30 days after the GPU process crashed (userData/gpu.json): a
// driver that crashes is not usable, and the crash would otherwise repeat at every start.
// After 'ready', the GL renderer string says whether WebGL is in fact software (renderingInfo).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RenderingInfo } from '../../shared/ipc.ts';

export const GPU_FILE = 'gpu.json';
export const SOFTWARE_GL_FLAG = '--software-gl';
export const SOFTWARE_GL_ENV = 'CLONOSCOPE_SOFTWARE_GL';
/** How long software stays forced after a GPU crash (ms). */
export const GPU_CRASH_MEMORY_MS = 30 * 24 * 3600 * 1000;

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen|apple software/i;

export type ForcedBy = 'asked' | 'gpu-crash' | null;

export interface GlPlan {
  /** Chromium switches to append before 'ready': [name, value?]. */
  readonly switches: readonly (readonly [string, string?])[];
  readonly forcedBy: ForcedBy;
}

export function glPlan(opts: { readonly argv: readonly string[]; readonly env: NodeJS.ProcessEnv; readonly gpuCrashedAt: number | null; readonly now: number }): GlPlan {
  const asked = opts.argv.includes(SOFTWARE_GL_FLAG) || /^(1|true|yes)$/i.test(opts.env[SOFTWARE_GL_ENV] ?? '');
  const crashed = opts.gpuCrashedAt !== null && opts.now - opts.gpuCrashedAt < GPU_CRASH_MEMORY_MS;
  const forcedBy: ForcedBy = asked ? 'asked' : crashed ? 'gpu-crash' : null;
  return { switches: [['enable-unsafe-swiftshader'], ...(forcedBy ? [['use-angle', 'swiftshader'] as const] : [])], forcedBy };
}

/** When the GPU process last crashed (gpu.json), or null. */
export function readGpuCrash(folder: string): number | null {
  try {
    const v = JSON.parse(readFileSync(path.join(folder, GPU_FILE), 'utf8')) as { gpuCrashedAt?: unknown };
    return typeof v.gpuCrashedAt === 'number' && Number.isFinite(v.gpuCrashedAt) ? v.gpuCrashedAt : null;
  } catch {
    return null;
  }
}

/** Records a GPU process crash (temp file + rename). */
export function recordGpuCrash(folder: string, at: number): void {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, GPU_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ gpuCrashedAt: at })}\n`);
  renameSync(`${file}.tmp`, file);
}

/** A child-process-gone that means the GPU is not usable (not a normal exit or a kill by us). */
export function isGpuCrash(details: { type: string; reason: string }): boolean {
  return details.type === 'GPU' && !['clean-exit', 'killed'].includes(details.reason);
}

/**
 * What the window is told. `glRenderer` is Chromium's GL renderer string (getGPUInfo('complete')
 * auxAttributes.glRenderer; null when unknown), `webgl` the WebGL feature status.
 */
export function describeRendering(forcedBy: ForcedBy, glRenderer: string | null, webgl: string): RenderingInfo {
  if (forcedBy === 'asked') return { software: true, detail: `Software rendering (SwiftShader), as asked with ${SOFTWARE_GL_FLAG} or ${SOFTWARE_GL_ENV}.` };
  if (forcedBy === 'gpu-crash') return { software: true, detail: 'Software rendering: the graphics driver crashed in an earlier session, so Clonoscope draws without it.' };
  const software = (glRenderer !== null && SOFTWARE_RENDERER.test(glRenderer)) || /software|unavailable|disabled/.test(webgl);
  return software
    ? { software: true, detail: 'Software rendering: no usable graphics card was found, so cells are drawn on the CPU.' }
    : { software: false, detail: `Hardware rendering (${glRenderer || 'GPU'}).` };
}

/** The GL renderer string from getGPUInfo('complete'); null when it fails or takes longer than `timeoutMs`. */
export async function glRendererOf(getGPUInfo: () => Promise<unknown>, timeoutMs = 5000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    const info = (await Promise.race([getGPUInfo(), timeout])) as { auxAttributes?: { glRenderer?: unknown } } | null;
    const r = info?.auxAttributes?.glRenderer;
    return typeof r === 'string' && r !== '' ? r : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
