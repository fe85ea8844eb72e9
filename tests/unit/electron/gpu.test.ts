// electron/main/gpu.ts: which Chromium switches go in before 'ready', and what the window is told.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRendering, GPU_CRASH_MEMORY_MS, GPU_FILE, glPlan, glRendererOf, isGpuCrash, readGpuCrash, recordGpuCrash } from '../../../electron/main/gpu.ts';

const NOW = 1_700_000_000_000;
const plan = (argv: string[] = [], env: Record<string, string> = {}, gpuCrashedAt: number | null = null) => glPlan({ argv, env, gpuCrashedAt, now: NOW });

describe('glPlan', () => {
  it('always allows the SwiftShader fallback, and forces nothing by default', () => {
    expect(plan()).toEqual({ switches: [['enable-unsafe-swiftshader']], forcedBy: null });
  });

  it.each([
    ['--software-gl on the command line', ['/opt/clonoscope', '--software-gl'], {}],
    ['CLONOSCOPE_SOFTWARE_GL=1', [], { CLONOSCOPE_SOFTWARE_GL: '1' }],
    ['CLONOSCOPE_SOFTWARE_GL=true', [], { CLONOSCOPE_SOFTWARE_GL: 'TRUE' }],
  ])('forces SwiftShader (never disableHardwareAcceleration: WebGL must work) when asked: %s', (_what, argv, env) => {
    expect(plan(argv, env)).toEqual({ switches: [['enable-unsafe-swiftshader'], ['use-angle', 'swiftshader']], forcedBy: 'asked' });
  });

  it('is not fooled by other values', () => {
    expect(plan(['--software-glx'], { CLONOSCOPE_SOFTWARE_GL: '0' }).forcedBy).toBeNull();
  });

  it('forces it for a while after the GPU process crashed, then tries the GPU again', () => {
    expect(plan([], {}, NOW - 1000).forcedBy).toBe('gpu-crash');
    expect(plan([], {}, NOW - GPU_CRASH_MEMORY_MS - 1).forcedBy).toBeNull();
  });
});

describe('the GPU crash record', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-gpu-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, and reads as none when missing or malformed', () => {
    expect(readGpuCrash(dir)).toBeNull();
    recordGpuCrash(path.join(dir, 'new'), NOW);
    expect(readGpuCrash(path.join(dir, 'new'))).toBe(NOW);
    writeFileSync(path.join(dir, GPU_FILE), '{"gpuCrashedAt":"yesterday"}');
    expect(readGpuCrash(dir)).toBeNull();
    writeFileSync(path.join(dir, GPU_FILE), 'not json');
    expect(readGpuCrash(dir)).toBeNull();
  });

  it('counts only abnormal GPU process exits', () => {
    expect(isGpuCrash({ type: 'GPU', reason: 'crashed' })).toBe(true);
    expect(isGpuCrash({ type: 'GPU', reason: 'launch-failed' })).toBe(true);
    expect(isGpuCrash({ type: 'GPU', reason: 'clean-exit' })).toBe(false);
    expect(isGpuCrash({ type: 'GPU', reason: 'killed' })).toBe(false);
    expect(isGpuCrash({ type: 'Utility', reason: 'crashed' })).toBe(false);
  });
});

describe('describeRendering', () => {
  it('says why when software was forced', () => {
    expect(describeRendering('asked', null, 'enabled')).toMatchObject({ software: true, detail: expect.stringMatching(/--software-gl/) });
    expect(describeRendering('gpu-crash', null, 'enabled')).toMatchObject({ software: true, detail: expect.stringMatching(/crashed in an earlier session/) });
  });

  it('recognises software GL renderers and WebGL status', () => {
    for (const r of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Microsoft Basic Render Driver']) {
      expect(describeRendering(null, r, 'enabled').software, r).toBe(true);
    }
    expect(describeRendering(null, null, 'enabled_readback').software).toBe(false);
    expect(describeRendering(null, null, 'unavailable_software').software).toBe(true);
    expect(describeRendering(null, 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)', 'enabled')).toEqual({ software: false, detail: 'Hardware rendering (ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)).' });
  });
});

describe('glRendererOf', () => {
  it('reads auxAttributes.glRenderer, and null on failure or timeout', async () => {
    expect(await glRendererOf(async () => ({ auxAttributes: { glRenderer: 'llvmpipe' } }))).toBe('llvmpipe');
    expect(await glRendererOf(async () => ({}))).toBeNull();
    expect(await glRendererOf(async () => Promise.reject(new Error('no GPU info')))).toBeNull();
    expect(await glRendererOf(() => new Promise(() => undefined), 10)).toBeNull();
  });
});
