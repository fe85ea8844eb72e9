// Baseline (b): deck.gl's ScatterplotLayer (Vitessce's cell renderer) in an OrthographicView,
// radii in pixels. Given binary attributes (its fastest input path), not per-cell accessors.
// Each frame is drawn by redraw() in the benchmark's frame; like deck's own loop (left running) it
// draws only when deck knows something changed, so the two never draw the same frame twice.

import { Deck, OrthographicView, type OrthographicViewState } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { ViewState } from '../../../renderer/scene/view-state.ts';
import { PALETTE_HEX, hexToRgb, type SyntheticSection } from '../cells.ts';
import type { BenchOptions, Contender } from '../contender.ts';

function deckView(v: ViewState): OrthographicViewState {
  return { target: [v.cx, v.cy, 0], zoom: Math.log2(v.scale) };
}

export async function createDeckScatter(container: HTMLElement, o: BenchOptions): Promise<Contender> {
  let view: ViewState | undefined;
  let asked = 0, drawn = 0;
  const parent = document.createElement('div');
  parent.style.cssText = `position:relative;width:${o.width}px;height:${o.height}px`;
  container.append(parent);
  const deck = await new Promise<Deck<OrthographicView>>((resolve, reject) => {
    const d: Deck<OrthographicView> = new Deck({
      parent,
      width: o.width,
      height: o.height,
      useDevicePixels: 1,
      views: new OrthographicView({ id: 'section', flipY: true }),
      viewState: { target: [0, 0, 0], zoom: 0 },
      controller: false,
      layers: [],
      onLoad: () => resolve(d),
      onAfterRender: () => void drawn++,
      onError: (e) => reject(e),
    });
  });
  const canvas = deck.getCanvas();
  if (!canvas) throw new Error('deck.gl created no canvas');

  const self: Contender = {
    mode: 'instanced quads',
    movingMode: false,
    canvas,
    load(cells: SyntheticSection, v: ViewState) {
      const xy = new Float32Array(cells.n * 2);
      const rgba = new Uint8Array(cells.n * 4);
      const lut = PALETTE_HEX.map(hexToRgb);
      for (let i = 0; i < cells.n; i++) {
        xy[2 * i] = cells.x[i]!;
        xy[2 * i + 1] = cells.y[i]!;
        const c = lut[cells.codes[i]!]!;
        rgba[4 * i] = c[0];
        rgba[4 * i + 1] = c[1];
        rgba[4 * i + 2] = c[2];
        rgba[4 * i + 3] = 255;
      }
      const layer = new ScatterplotLayer({
        id: 'cells',
        data: { length: cells.n, attributes: { getPosition: { value: xy, size: 2 }, getFillColor: { value: rgba, size: 4, normalized: true } } },
        radiusUnits: 'pixels',
        getRadius: o.pointSize / 2,
        stroked: false,
        filled: true,
      });
      deck.setProps({ layers: [layer] });
      self.setView(v, false);
    },
    setView(v: ViewState) {
      if (v.yUp) throw new Error('the benchmark section has y pointing down');
      view = v;
      deck.setProps({ viewState: deckView(v) });
    },
    render() {
      if (!view) return;
      asked++;
      deck.redraw();
    },
    notes: () => `deck.gl drew ${drawn} frames for ${asked} asked`,
    destroy() {
      deck.finalize();
    },
  };
  return self;
}
