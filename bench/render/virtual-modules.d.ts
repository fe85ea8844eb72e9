// Resolved by bench/render/vite.config.ts: Clonoscope's section renderer when
// renderer/render/pixi/section-renderer.ts exists, otherwise `createSectionRenderer` is undefined.
declare module 'virtual:clonoscope-section-renderer' {
  export const createSectionRenderer: unknown;
}
