// Renderer build: the same bundle runs in Electron (app://clonoscope/) and in any browser.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../.build/renderer');
const version = (JSON.parse(readFileSync(path.resolve(here, '../package.json'), 'utf8')) as { version: string }).version;

/** Ships the sample data with the app: sample-data/ → <build>/sample-data/ (File → Open Sample Data). */
function sampleData(): Plugin {
  return {
    name: 'clonoscope-sample-data',
    apply: 'build',
    closeBundle() {
      const from = path.resolve(here, '../sample-data');
      const to = path.join(outDir, 'sample-data');
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from)) if (/\.(csv|csv\.gz|geojson|json|md)$/.test(f)) copyFileSync(path.join(from, f), path.join(to, f));
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  // the app version, written into workspaces (package.json "version")
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [sampleData()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
