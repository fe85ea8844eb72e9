// Cells as one GPU point mesh (a single draw call; positions and colours uploaded once), for
// hardware WebGL, where redrawing every cell every frame is cheap.

import { Buffer, BufferUsage, Geometry, Mesh, Shader, UniformGroup } from 'pixi.js';
import type { ViewState } from '../../scene/view-state.ts';
import type { SectionScene } from '../types.ts';

const VERTEX = `#version 300 es
precision highp float;
in vec2 aPosition;
in vec4 aColor;
uniform vec2 uCentre;
uniform vec2 uScale;     // device px per world unit; y negative when y points up on screen
uniform vec2 uViewport;  // device px
uniform float uPointSize;
out vec4 vColor;
void main() {
  vec2 px = (aPosition - uCentre) * uScale;
  gl_Position = vec4(px.x / (uViewport.x * 0.5), -px.y / (uViewport.y * 0.5), 0.0, 1.0);
  gl_PointSize = uPointSize;
  vColor = aColor;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 vColor;
out vec4 fragColor;
void main() {
  if (vColor.a == 0.0) discard;
  vec2 d = gl_PointCoord - vec2(0.5);
  if (uPointRound > 0.5 && dot(d, d) > 0.25) discard;
  fragColor = vec4(vColor.rgb, 1.0);
}`.replace('void main() {', 'uniform float uPointRound;\nvoid main() {');

export class PointCells {
  readonly mesh: Mesh<Geometry, Shader>;
  private readonly uniforms: UniformGroup<{
    uCentre: { value: Float32Array; type: 'vec2<f32>' };
    uScale: { value: Float32Array; type: 'vec2<f32>' };
    uViewport: { value: Float32Array; type: 'vec2<f32>' };
    uPointSize: { value: number; type: 'f32' };
    uPointRound: { value: number; type: 'f32' };
  }>;
  private positions: Buffer;
  private colours: Buffer;

  constructor() {
    this.uniforms = new UniformGroup({
      uCentre: { value: new Float32Array(2), type: 'vec2<f32>' },
      uScale: { value: new Float32Array([1, 1]), type: 'vec2<f32>' },
      uViewport: { value: new Float32Array([1, 1]), type: 'vec2<f32>' },
      uPointSize: { value: 2, type: 'f32' },
      uPointRound: { value: 1, type: 'f32' },
    });
    this.positions = new Buffer({ data: new Float32Array(2), usage: BufferUsage.VERTEX | BufferUsage.COPY_DST });
    this.colours = new Buffer({ data: new Uint8Array(4), usage: BufferUsage.VERTEX | BufferUsage.COPY_DST });
    const geometry = new Geometry({
      attributes: { aPosition: { buffer: this.positions, format: 'float32x2' }, aColor: { buffer: this.colours, format: 'unorm8x4' } },
      topology: 'point-list',
    });
    const shader = Shader.from({ gl: { vertex: VERTEX, fragment: FRAGMENT }, resources: { cells: this.uniforms } });
    this.mesh = new Mesh({ geometry, shader });
  }

  draw(scene: SectionScene, view: ViewState): void {
    const { table, cells } = scene;
    const xy = new Float32Array(table.n * 2);
    for (let i = 0; i < table.n; i++) {
      xy[2 * i] = table.x[i]!;
      xy[2 * i + 1] = table.y[i]!;
    }
    this.positions.data = xy;
    this.colours.data = new Uint8Array(cells.rgba.buffer, cells.rgba.byteOffset, cells.rgba.byteLength);
    const u = this.uniforms.uniforms;
    u.uPointSize = Math.max(1, cells.pointSize);
    u.uPointRound = cells.pointSize >= 4 ? 1 : 0;
    this.follow(view);
  }

  follow(view: ViewState): void {
    const u = this.uniforms.uniforms;
    u.uCentre[0] = view.cx;
    u.uCentre[1] = view.cy;
    u.uScale[0] = view.scale;
    u.uScale[1] = view.yUp ? -view.scale : view.scale;
    u.uViewport[0] = view.width;
    u.uViewport[1] = view.height;
    this.uniforms.update();
  }

  destroy(): void {
    this.mesh.destroy();
  }
}
