// Pointer helpers shared by the section's input handlers (pan/select, region drawing, biopsy
// placement). Positions are device pixels from the element's top-left corner, the units of ViewState.

export const dpr = (): number => window.devicePixelRatio || 1;

/** Where a pointer event is in `el`, device pixels. */
export function pointerAt(el: HTMLElement, e: { clientX: number; clientY: number }): [number, number] {
  const r = el.getBoundingClientRect();
  return [(e.clientX - r.left) * dpr(), (e.clientY - r.top) * dpr()];
}

/** A press this handler owns: no other handler of `el` sees it, `el` gets focus and keeps the pointer until release. */
export function claimPointer(el: HTMLElement, e: PointerEvent): void {
  e.stopImmediatePropagation();
  el.focus();
  el.setPointerCapture(e.pointerId);
}
