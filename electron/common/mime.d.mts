// Types for electron/common/mime.mjs (plain Node ESM, shared with renderer/serve.mjs).

export declare const MIME: Readonly<Record<string, string>>;
export declare function mimeOf(file: string): string;
