// Baseline (a): a plain pixi.js v8 point-list Mesh with a minimal shader — one draw call,
// square points of a fixed size in device pixels; pan/zoom move the mesh's transform.

import { Application, Geometry, GlProgram, Mesh, Shader, UniformGroup } from 'pixi.js';
import type { ViewState } from '../../../renderer/scene/view-state.ts';
import { BACKGROUND_HEX, PALETTE_HEX, hexToRgb, type SyntheticSection } from '../cells.ts';
import type { BenchOptions, Contender } from '../contender.ts';

const vertex = `
in vec2 aPosition;
in vec4 aColor;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
uniform float uPointSize;
out vec4 vColor;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  gl_PointSize = uPointSize;
  vColor = aColor;
}`;

const fragment = `
in vec4 vColor;
out vec4 finalColor;
void main() { finalColor = vColor; }`;

export async function createPixiMesh(container: HTMLElement, o: BenchOptions): Promise<Contender> {
  const app = new Application();
  await app.init({ width: o.width, height: o.height, resolution: 1, preference: 'webgl', antialias: false, autoStart: false, sharedTicker: false, background: BACKGROUND_HEX });
  app.ticker.stop();
  container.appendChild(app.canvas);
  let mesh: Mesh<Geometry, Shader> | undefined;

  const self: Contender = {
    mode: 'points',
    movingMode: false,
    canvas: app.canvas,
    load(cells: SyntheticSection, view: ViewState) {
      const xy = new Float32Array(cells.n * 2);
      const rgba = new Uint32Array(cells.n);
      const lut = Uint32Array.from(PALETTE_HEX, (h) => {
        const [r, g, b] = hexToRgb(h);
        return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
      });
      for (let i = 0; i < cells.n; i++) {
        xy[2 * i] = cells.x[i]!;
        xy[2 * i + 1] = cells.y[i]!;
        rgba[i] = lut[cells.codes[i]!]!;
      }
      const geometry = new Geometry({
        topology: 'point-list',
        attributes: {
          aPosition: { buffer: xy, format: 'float32x2' },
          aColor: { buffer: new Uint8Array(rgba.buffer), format: 'unorm8x4' },
        },
      });
      const shader = new Shader({
        glProgram: GlProgram.from({ vertex, fragment, name: 'bench-points' }),
        resources: { pointUniforms: new UniformGroup({ uPointSize: { value: o.pointSize, type: 'f32' } }) },
      });
      mesh = new Mesh({ geometry, shader });
      app.stage.addChild(mesh);
      self.setView(view, false);
    },
    setView(v: ViewState) {
      if (!mesh) return;
      const sy = v.yUp ? -v.scale : v.scale;
      mesh.scale.set(v.scale, sy);
      mesh.position.set(v.width / 2 - v.cx * v.scale, v.height / 2 - v.cy * sy);
    },
    render() {
      app.renderer.render(app.stage);
    },
    destroy() {
      app.destroy(true, { children: true });
    },
  };
  return self;
}
