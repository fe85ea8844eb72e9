// electron-builder configuration (`npm run dist`). The app ships only what the build produced:
// bundled main + preload (esbuild) and the renderer (Vite), plus package.json. No sources, no
// tests, and no node_modules: every runtime dependency is already inside those bundles.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.clonoscope.app',
  productName: 'Clonoscope',
  directories: { output: '.build/release' },
  files: ['.build/main/**', '.build/preload/**', '.build/renderer/**', 'package.json', '!**/*.map'],
  // Resolving false tells electron-builder that node_modules are handled elsewhere (here: bundled),
  // so it neither rebuilds nor copies the production dependencies into the app.
  beforeBuild: async () => false,
  asar: true,
  extraMetadata: { main: '.build/main/index.cjs' },
  fileAssociations: [
    {
      ext: 'clonoscope.json',
      name: 'Clonoscope workspace',
      description: 'Clonoscope workspace',
      mimeType: 'application/x-clonoscope-workspace+json',
      role: 'Editor',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Science',
    // deb also needs a homepage (package.json "homepage") before it can be built
    maintainer: 'Clonoscope maintainers',
    synopsis: 'Spatial cell tables: clones, regions and biopsy sampling bias',
  },
  mac: { target: ['dmg'], category: 'public.app-category.medical' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
