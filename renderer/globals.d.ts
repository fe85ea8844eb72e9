/** The app version from package.json, set by the build (vite.config.ts `define`). */
declare const __APP_VERSION__: string;
