// Content types of the files the app serves (its own build: app:// in Electron, `npm run web` in a
// browser). Plain Node ESM so renderer/serve.mjs can use it without a build step.

/** File ending (lower case, with the dot) → content type. */
export const MIME = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip',
});

/** The content type of a file by its ending; unknown endings are application/octet-stream. */
export function mimeOf(file) {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return (dot > slash ? MIME[file.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
