// Bundles the Node side with esbuild: Electron main and preload (CommonJS, as a sandboxed preload
// must be) and the command-line tool (ESM). Output goes to .build/ (ignored by git).
//   node electron/build.mjs          build all three
//   import { buildCli } ...          used by the `clonoscope` launcher

import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => path.join(root, '.build', p);
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };

export async function buildCli() {
  await build({
    ...common,
    entryPoints: ['electron/cli/index.ts'],
    outfile: out('cli/clonoscope.mjs'),
    format: 'esm',
    // papaparse is CommonJS: give the ESM bundle a require() for it
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

export async function buildMain() {
  await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: out('main/index.cjs'), format: 'cjs', external: ['electron'] });
}

export async function buildPreload() {
  await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: out('preload/index.cjs'), format: 'cjs', external: ['electron'] });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'all';
  if (what === 'cli' || what === 'all') await buildCli();
  if (what === 'main' || what === 'all') await buildMain();
  if (what === 'preload' || what === 'all') await buildPreload();
}
