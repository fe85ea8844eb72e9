// electron-builder configuration (`npm run dist`). The app ships only what the build produced:
// bundled main + preload (esbuild) and the renderer (Vite), plus package.json. No sources, no
// tests, and no node_modules: every runtime dependency is already inside those bundles.
// Checked by tests/unit/electron/packaging.test.ts (a `--linux dir` build with a stub Electron).
// The icon is drawn by electron/icons.mjs into electron/resources/icon.png (512 × 512).

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.clonoscope.app',
  productName: 'Clonoscope',
  copyright: 'Copyright © Clonoscope contributors',
  directories: { output: '.build/release', buildResources: 'electron/resources' },
  icon: 'electron/resources/icon.png',
  files: ['.build/main/**', '.build/preload/**', '.build/renderer/**', 'package.json', '!**/*.map'],
  // Resolving false tells electron-builder that node_modules are handled elsewhere (here: bundled),
  // so it neither rebuilds nor copies the production dependencies into the app.
  beforeBuild: async () => false,
  asar: true,
  // The packaged package.json (electron-builder drops scripts and devDependencies from it itself).
  // homepage is a placeholder (the deb format requires one): set the project's real page before publishing.
  extraMetadata: { main: '.build/main/index.cjs', productName: 'Clonoscope', homepage: 'https://example.org/clonoscope' },
  // Fuses are flipped in the Electron binary itself, so no environment variable or switch can undo them.
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS is ignored
    enableNodeCliInspectArguments: false, // --inspect and friends are ignored
    enableEmbeddedAsarIntegrityValidation: true, // macOS and Windows check app.asar against its hash
    onlyLoadAppFromAsar: true, // no app folder beside app.asar is ever loaded instead
  },
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
    maintainer: 'Clonoscope maintainers <clonoscope@example.org>',
    synopsis: 'Spatial cell tables: clones, regions and biopsy sampling bias',
  },
  deb: { packageCategory: 'science' },
  mac: { target: ['dmg'], category: 'public.app-category.medical' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
};
