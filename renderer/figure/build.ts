// The figure SVG for a spec: page, panels (sections and charts) with letters and titles, one
// shared legend and scale bars, in points. The composer shows exactly this SVG; the PNG, PDF and
// SVG files are all made from it.

import { legendSvg, type LegendSpec } from '../export/legend-svg.ts';
import { figureSvg } from '../export/figure-svg.ts';
import { esc, text, textWidth, type ChartStyle } from '../scene/charts/svg.ts';
import type { Legend } from '../scene/colouring.ts';
import { layoutFigure, type FigureSpec, type PanelBox } from '../scene/figure-layout.ts';
import { chartPanel, type ChartSources } from './chart-panel.ts';
import { sectionPanel } from './section-panel.ts';
import { figureLook, PT_PER_PX } from './style.ts';

export async function buildFigure(spec: FigureSpec, src: ChartSources): Promise<string> {
  const layout = layoutFigure(spec);
  const look = figureLook(spec);
  const st = look.style;
  const body: string[] = [];
  const legends: Legend[] = [];
  for (const pb of layout.panels) {
    body.push(`<g data-panel-kind="${pb.panel.kind}" data-letter="${pb.letter}">`);
    body.push(heading(pb, spec, st));
    const p = pb.panel;
    if (p.kind === 'section') {
      const sample = src.state.samples.find((s) => s.id === p.sampleId);
      if (!sample) body.push(text(pb.content.x + pb.content.w / 2, pb.content.y + pb.content.h / 2, 'This sample is no longer open.', st, { anchor: 'middle', colour: st.muted }));
      else {
        const panel = await sectionPanel({ sample, state: src.state, book: src.book, box: pb.content, look, region: p.region ?? null, view: p.view ? src.view(sample.id) : null, scaleBar: spec.scaleBars, dpi: spec.dpi, title: p.title || sample.name });
        // clipped to its box twice: the nested <svg> viewport does it on screen and in PNG, the
        // clipPath also in PDF (svg2pdf.js ignores overflow on nested viewports)
        const c = pb.content, id = `figure-clip-${pb.letter}`;
        body.push(`<clipPath id="${id}"><rect x="${c.x.toFixed(2)}" y="${c.y.toFixed(2)}" width="${c.w.toFixed(2)}" height="${c.h.toFixed(2)}"/></clipPath><g clip-path="url(#${id})">${panel.svg}</g>`);
        legends.push(panel.legend);
      }
    } else body.push(chartPanel(p.kind, pb.content, src, st));
    body.push('</g>');
  }
  const legend = sharedLegend(legends);
  if (layout.legend && legend) body.push(legendSvg(legend, { x: layout.legend.x, y: layout.legend.y, width: layout.legend.w, unitsPerPx: PT_PER_PX, fontSize: spec.fontSizePt, style: st }).svg);
  return figureSvg({ width: layout.widthPt, height: layout.heightPt, units: 'pt', background: look.page, body: `<g font-family="${esc(spec.fontFamily)}">${body.join('')}</g>`, title: figureTitle(spec) });
}

/** Letter (bold, 1.35 ×) and title (semibold, 1.1 ×) in the band above a panel's content. */
function heading(pb: PanelBox, spec: FigureSpec, st: ChartStyle): string {
  const y = pb.cell.y + (pb.content.y - pb.cell.y) / 2;
  let x = pb.cell.x, out = '';
  if (spec.letters) {
    const size = spec.fontSizePt * 1.35;
    out += text(x, y, pb.letter, st, { size, weight: 700 });
    x += textWidth(pb.letter, size) + spec.fontSizePt * 0.6;
  }
  if (spec.titles && pb.panel.title) out += text(x, y, pb.panel.title, st, { size: spec.fontSizePt * 1.1, weight: 600 });
  return out;
}

/** One legend for every section: the first colouring, with the categories of all sections coloured by the same column. */
export function sharedLegend(legends: readonly Legend[]): LegendSpec | null {
  const first = legends.find((l): l is Exclude<Legend, { kind: 'none' }> => l.kind !== 'none');
  if (!first) return null;
  if (first.kind === 'number') return { kind: 'number', title: first.column, min: first.min, max: first.max, log: first.log, colormap: first.colormap };
  const seen = new Map<string, { label: string; colour: string; hidden: boolean }>();
  for (const l of legends) if (l.kind === 'category' && l.column === first.column) for (const e of l.entries) if (!seen.has(e.label)) seen.set(e.label, { label: e.label, colour: e.colour, hidden: e.hidden });
  const entries = [...seen.values()].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return { kind: 'category', title: first.column, entries };
}

function figureTitle(spec: FigureSpec): string {
  return spec.panels.map((p) => p.title).filter(Boolean).join(' | ') || 'Clonoscope figure';
}
