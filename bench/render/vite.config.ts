// Rendering benchmark page: bench/render/ → .build/bench-render/ (served by bench/render-run.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const sectionRenderer = path.resolve(here, '../../renderer/render/pixi/section-renderer.ts');
const virtualId = 'virtual:clonoscope-section-renderer';

/** Clonoscope's renderer when its file exists; otherwise a module saying it is not there. */
function clonoscopeRenderer(): Plugin {
  return {
    name: 'bench-clonoscope-renderer',
    resolveId: (id) => (id === virtualId ? `\0${virtualId}` : undefined),
    load(id) {
      if (id !== `\0${virtualId}`) return undefined;
      if (process.env.BENCH_NO_CLONOSCOPE !== '1' && existsSync(sectionRenderer)) return `export { createSectionRenderer } from ${JSON.stringify(sectionRenderer)};`;
      return 'export const createSectionRenderer = undefined;';
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../../.build/bench-render'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  plugins: [clonoscopeRenderer()],
});
