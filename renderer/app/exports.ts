// Everything the window saves: tables (CSV), charts (SVG, or PNG at 300 DPI), figures (PNG at the
// chosen DPI, SVG, PDF, or a PNG on the clipboard). Electron: a save dialog and an atomic write in
// main, then "Saved …" with Show in folder; the browser: a download. A failed export says why; as
// the bytes are made before anything is written, a failure leaves no file behind.

import { copyPngToClipboard, ExportError, svgToPdf, svgToPng } from '../export/convert.ts';
import type { HostApi } from '../host/types.ts';
import { pngSize, type FigureSpec } from '../scene/figure-layout.ts';
import type { Store } from './store.ts';

export type FigureFormat = 'png' | 'svg' | 'pdf' | 'clipboard';

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
const CHART_DPI = 300;

export interface Exports {
  save(name: string, data: Blob): Promise<void>;
  saveTable(name: string, csv: string): void;
  saveChart(name: string, svg: string, format: 'svg' | 'png'): void;
  exportFigure(spec: FigureSpec, svg: string, format: FigureFormat, name: string): Promise<void>;
}

export function createExports(store: Store, host: HostApi): Exports {
  const fail = (what: string, e: unknown) => store.set({ message: { kind: 'error', text: `${what} could not be made: ${e instanceof Error ? e.message : String(e)}` } });
  const save = async (name: string, data: Blob) => {
    const r = await host.saveFile(name, data);
    if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
    else if (r.value) {
      const path = r.value;
      store.set({
        message:
          host.kind === 'browser'
            ? { kind: 'info', text: `${path} was downloaded.` }
            : { kind: 'info', text: `Saved ${path}.`, ...(host.reveal ? { action: { label: 'Show in folder', run: () => void host.reveal!(path) } } : {}) },
      });
    }
  };
  return {
    save,
    saveTable: (name, csv) => void save(name, new Blob([csv], { type: 'text/csv' })),
    saveChart(name, svg, format) {
      if (format === 'svg') return void save(name, new Blob([XML_PROLOG, svg], { type: 'image/svg+xml' }));
      const { width, height } = svgSize(svg);
      const k = CHART_DPI / 96; // chart sizes are CSS px
      svgToPng(svg, width * k, height * k, CHART_DPI).then(
        (png) => save(name, new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })),
        (e) => fail('The PNG', e),
      );
    },
    async exportFigure(spec, svg, format, name) {
      const start = performance.now();
      // how long the bytes took, from the click (bench/figure-app-run.mjs reads these measures)
      const ready = (what: string) => performance.measure(`clonoscope:figure-${what}`, { start });
      try {
        if (format === 'svg') {
          ready('svg');
          return await save(`${name}.svg`, new Blob([XML_PROLOG, svg], { type: 'image/svg+xml' }));
        }
        if (format === 'pdf') {
          const pdf = await svgToPdf(svg, spec.widthMm, spec.heightMm, { title: name });
          ready('pdf');
          return await save(`${name}.pdf`, new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
        }
        // the clipboard gets a 150 DPI picture: plenty for a slide, quick to paste
        const dpi = format === 'clipboard' ? Math.min(spec.dpi, 150) : spec.dpi;
        const size = pngSize({ ...spec, dpi });
        const png = await svgToPng(svg, size.width, size.height, dpi);
        ready(format);
        if (format === 'png') return await save(`${name}.png`, new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
        await copyPngToClipboard(png);
        store.set({ message: { kind: 'info', text: `The figure was copied to the clipboard (${size.width} × ${size.height} px).` } });
      } catch (e) {
        fail(format === 'clipboard' ? 'The copy' : `The ${format.toUpperCase()}`, e instanceof ExportError ? e.message : e);
      }
    },
  };
}

/** Width and height (CSS px) of a chart's root <svg>. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (width > 0 && height > 0) return { width, height };
  const vb = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(root);
  return { width: Number(vb?.[1]) || 600, height: Number(vb?.[2]) || 300 };
}
