// The figure SVG → PNG (at a resolution, with its dpi recorded), PDF (vectors kept) and the
// clipboard. PNG and PDF are both made from the SVG the composer shows, so all three match.
// Runs in the window (PNG needs an <img> and a canvas; PDF needs a DOM for svg2pdf.js).

import { withDpi } from '../../shared/export/png-dpi.ts';

/** An export that cannot be made; `message` is one sentence for the user. */
export class ExportError extends Error {
  constructor(
    message: string,
    /** 'unavailable': this browser lacks the feature; 'not-allowed': the user or browser refused; 'failed': anything else. */
    readonly reason: 'unavailable' | 'not-allowed' | 'failed' = 'failed',
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG text with the SVG namespace on its root (an <img> shows nothing without it). */
function withNamespace(svg: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new ExportError('The figure is not an SVG image (no <svg> element).');
  const end = svg.indexOf('>', start);
  return svg.slice(start, end).includes('xmlns=') ? svg : `${svg.slice(0, start)}<svg xmlns="${SVG_NS}"${svg.slice(start + 4)}`;
}

function checkSize(what: string, ...v: number[]): void {
  if (!v.every((x) => x > 0 && Number.isFinite(x))) throw new ExportError(`${what} needs a positive size (got ${v.join(' × ')}).`);
}

/**
 * The SVG drawn on a canvas of exactly widthPx × heightPx (the SVG's viewBox stretched to it, as an
 * <img> of that size would be), as PNG bytes with pHYs = `dpi`. Transparent where the SVG paints
 * nothing.
 */
export async function svgToPng(svg: string, widthPx: number, heightPx: number, dpi: number): Promise<Uint8Array> {
  checkSize('A PNG export', widthPx, heightPx, dpi);
  const w = Math.round(widthPx), h = Math.round(heightPx);
  const url = URL.createObjectURL(new Blob([withNamespace(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new ExportError('The browser could not draw the figure SVG (is it well-formed?).'));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    // willReadFrequently keeps the canvas in CPU memory (Skia's software rasteriser). A GPU canvas is
    // far slower here where the GPU is SwiftShader (a 300 dpi slide: 7–8 s against 0.5 s, nearly all
    // in toBlob's read-back), and on real GPUs a one-off draw gains nothing from it.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ExportError(`The browser could not make a ${w} × ${h} canvas (too large for its memory?).`, 'unavailable');
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    canvas.width = canvas.height = 0; // free the pixels now
    if (!blob) throw new ExportError(`The browser could not encode a ${w} × ${h} PNG.`);
    return withDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * One PDF page of exactly widthMm × heightMm with the SVG's viewBox fitted to it, vectors kept
 * (jsPDF + svg2pdf.js, loaded on first use). Text is set in the PDF standard fonts (sans-serif →
 * Helvetica, serif → Times, monospace → Courier) with Latin-1 characters (µ, ×, ° are fine).
 */
export async function svgToPdf(svg: string, widthMm: number, heightMm: number, meta: { title?: string } = {}): Promise<Uint8Array> {
  checkSize('A PDF export', widthMm, heightMm);
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const doc = new DOMParser().parseFromString(withNamespace(svg), 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) throw new ExportError('The figure SVG is not well-formed XML.');
  prepareSvgForPdf(root);
  const w = (widthMm * 72) / 25.4, h = (heightMm * 72) / 25.4;
  const pdf = new jsPDF({ unit: 'pt', format: [w, h], orientation: w > h ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  pdf.setProperties({ title: meta.title ?? '', creator: 'Clonoscope' });
  fastImages(pdf);
  try {
    await svg2pdf(root, pdf, { x: 0, y: 0, width: w, height: h });
  } catch (e) {
    throw new ExportError(`The PDF could not be made (${e instanceof Error ? e.message : String(e)}).`);
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}

/**
 * Embedded images (the cell rasters) compressed at zlib level 1 with Sub prediction ('FAST') rather
 * than jsPDF's default in a compressed document, level 9 with Paeth ('SLOW'): a slide of three
 * 300 dpi raster panels takes ~0.3 s instead of ~1.3 s, and is ~13 % larger. jsPDF decodes and
 * re-encodes every PNG whatever the setting. svg2pdf.js calls addImage(dataUri, '', x, y, w, h);
 * compression is the 8th argument.
 */
function fastImages(pdf: object): void {
  const target = pdf as { addImage: (...args: unknown[]) => unknown };
  const addImage = target.addImage;
  target.addImage = function (this: unknown, ...args: unknown[]) {
    if (typeof args[1] === 'string' && args[7] === undefined) args[7] = 'FAST';
    return addImage.apply(this, args);
  };
}

/**
 * Adapts an SVG tree to what svg2pdf.js reads (in place):
 * - dominant-baseline (what Chromium uses on <text>) is copied to alignment-baseline (what svg2pdf.js uses);
 * - numeric font weights become bold (≥ 600) or normal: the standard fonts have only those two;
 * - the root's physical width/height ("960pt") are left to the page size given to svg2pdf.js.
 */
export function prepareSvgForPdf(root: Element): void {
  const all = [root, ...Array.from(root.getElementsByTagName('*'))];
  for (const el of all) {
    const baseline = el.getAttribute('dominant-baseline');
    if (baseline && !el.hasAttribute('alignment-baseline')) el.setAttribute('alignment-baseline', baseline);
    const weight = el.getAttribute('font-weight');
    if (weight && /^\d+$/.test(weight)) el.setAttribute('font-weight', Number(weight) >= 600 ? 'bold' : 'normal');
  }
}

/** Puts PNG bytes on the system clipboard (paste into slides). Needs a focused window. */
export async function copyPngToClipboard(png: Uint8Array): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard?.write || typeof ClipboardItem === 'undefined')
    throw new ExportError('Copying images is not available here: this browser has no image clipboard (use Save as PNG instead).', 'unavailable');
  const blob = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new ExportError('The figure could not be copied: the clipboard was not allowed (click in the window first; in a browser, allow clipboard access for this page).', 'not-allowed');
    throw new ExportError(`The figure could not be copied to the clipboard (${e instanceof Error ? e.message : String(e)}).`);
  }
}
