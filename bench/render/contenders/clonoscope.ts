// Contender (c): Clonoscope's own SectionRenderer (renderer/render/pixi/section-renderer.ts),
// reached through a virtual module so the page builds before that file exists.

import * as section from 'virtual:clonoscope-section-renderer';
import { packRgba } from '../../../renderer/render/cell-raster.ts';
import type { SectionRenderer, SectionScene } from '../../../renderer/render/types.ts';
import type { ViewState } from '../../../renderer/scene/view-state.ts';
import type { CellTable } from '../../../shared/dataset/cell-table.ts';
import { BACKGROUND_HEX, PALETTE_HEX, hexToRgb, type SyntheticSection } from '../cells.ts';
import { Unavailable, type BenchOptions, type Contender } from '../contender.ts';

type RendererMode = 'auto' | 'raster' | 'points';
export type SectionRendererFactory = (container: HTMLElement, options?: { mode?: RendererMode }) => Promise<SectionRenderer>;

const factory = section.createSectionRenderer as SectionRendererFactory | undefined;
export const clonoscopeAvailable = typeof factory === 'function';

const rgbaOf = (hex: string) => packRgba(...hexToRgb(hex));

/** The scene Clonoscope would build for a table coloured by clone (per-cell colours: timed). */
export function sceneOf(cells: SyntheticSection, pointSize: number): SectionScene {
  const table: CellTable = {
    n: cells.n,
    x: cells.x,
    y: cells.y,
    units: 'um',
    columns: [{ kind: 'category', name: 'clone', codes: cells.codes, labels: PALETTE_HEX.map((_, k) => (k === 7 ? 'stroma' : `clone ${k + 1}`)) }],
    roles: { x: ['x'], y: ['y'], clone: 'clone' },
  };
  const lut = Uint32Array.from(PALETTE_HEX, rgbaOf);
  const rgba = new Uint32Array(cells.n);
  for (let i = 0; i < cells.n; i++) rgba[i] = lut[cells.codes[i]!]!;
  return { table, cells: { rgba, pointSize, background: rgbaOf(BACKGROUND_HEX) }, overlays: [], labels: [] };
}

/** variant: 'auto' | 'raster' | 'points'. */
export async function createClonoscope(container: HTMLElement, o: BenchOptions, variant: string): Promise<Contender> {
  if (!factory) throw new Unavailable('not in this build (renderer/render/pixi/section-renderer.ts missing, or BENCH_NO_CLONOSCOPE=1)');
  const mode = variant as RendererMode;
  const r = await factory(container, { mode });
  if (mode !== 'auto' && r.mode !== mode) {
    r.destroy();
    throw new Unavailable(`mode '${mode}' requested, renderer chose '${r.mode}'`);
  }
  r.resize(o.width, o.height);
  return {
    get mode() {
      return mode === 'auto' ? `auto → ${r.mode}` : r.mode;
    },
    movingMode: true,
    canvas: r.canvas,
    load(cells: SyntheticSection, view: ViewState) {
      r.setScene(sceneOf(cells, o.pointSize));
      r.setView(view, false);
    },
    setView: (view, moving) => r.setView(view, moving),
    render: () => r.renderNow(),
    destroy: () => r.destroy(),
  };
}
