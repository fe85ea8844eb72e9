// Calibration, not a contender: a pixi WebGL canvas of the same size showing 8 coloured bands and
// no cells. Its frame rate is the most any WebGL canvas reaches here (presenting a frame costs
// something even when nothing is drawn), so it bounds every other row. Variant 'preserve': with
// preserveDrawingBuffer (as Clonoscope's renderer asks for), to show what that costs.

import { Application, Graphics } from 'pixi.js';
import type { ViewState } from '../../../renderer/scene/view-state.ts';
import { BACKGROUND_HEX, PALETTE_HEX } from '../cells.ts';
import type { BenchOptions, Contender } from '../contender.ts';

export async function createFloor(container: HTMLElement, o: BenchOptions, variant: string): Promise<Contender> {
  const app = new Application();
  await app.init({ width: o.width, height: o.height, resolution: 1, preference: 'webgl', antialias: false, autoStart: false, sharedTicker: false, background: BACKGROUND_HEX, preserveDrawingBuffer: variant === 'preserve' });
  app.ticker.stop();
  container.appendChild(app.canvas);
  const bands = new Graphics();
  PALETTE_HEX.forEach((c, k) => bands.rect(0, (k * o.height) / 16, o.width / 2, o.height / 20).fill(c));
  app.stage.addChild(bands);
  return {
    mode: variant === 'preserve' ? 'no cells, preserveDrawingBuffer' : 'no cells',
    movingMode: false,
    canvas: app.canvas,
    load() {},
    setView(v: ViewState) {
      bands.position.set((v.cx * v.scale) % 50, 0); // something changes every frame
    },
    render: () => app.renderer.render(app.stage),
    destroy: () => app.destroy(true, { children: true }),
  };
}
