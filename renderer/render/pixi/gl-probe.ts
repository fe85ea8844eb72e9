// Is WebGL hardware-accelerated here? Software rasterisers (SwiftShader, llvmpipe, WARP) draw a
// million points at about 1.5 frames per second, so the section view rasterises cells on the CPU
// there instead (DESIGN.md, Rendering).

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen|apple software/i;

export interface GlInfo {
  readonly available: boolean;
  readonly renderer: string;
  readonly software: boolean;
}

let cached: GlInfo | null = null;

export function probeGl(): GlInfo {
  if (cached) return cached;
  let info: GlInfo = { available: false, renderer: 'none', software: true };
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      info = { available: true, renderer, software: SOFTWARE.test(renderer) };
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // no WebGL at all: the raster path still works (pixi falls back to its canvas renderer)
  }
  cached = info;
  return info;
}
