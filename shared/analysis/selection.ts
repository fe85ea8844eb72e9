// What a selection of cells is made of: counts and fractions per label of a categorical column
// (clone, region, phenotype), with the cells whose value is missing counted apart. A selection is
// either a list of cell indices (any order, as SpatialIndex returns) or a 0/1 mask of length n.

/** The parts of a CategoryColumn this needs: a code < labels.length is a label, anything else missing. */
export interface CategoryCodes {
  readonly codes: Uint16Array | Uint32Array;
  readonly labels: readonly string[];
}

export interface CompositionEntry {
  readonly label: string;
  /** Dictionary code of the label in the column. */
  readonly code: number;
  readonly count: number;
  /** count / all selected cells (missing included). */
  readonly fraction: number;
  /** count / selected cells with a label (missing excluded). */
  readonly fractionOfLabelled: number;
}

export interface Composition {
  /** Cells in the selection. */
  readonly total: number;
  /** Selected cells whose value is missing. */
  readonly missing: number;
  /** Labels present in the selection (count > 0), largest count first, ties in natural label order. */
  readonly entries: readonly CompositionEntry[];
  /** Count per code (index = code), zeros included. */
  readonly counts: Uint32Array;
}

/** Composition of the cells `indices` (all cells when omitted). */
export function composition(column: CategoryCodes, indices?: ArrayLike<number>): Composition {
  const { codes, labels } = column;
  const counts = new Uint32Array(labels.length + 1); // last slot: missing
  const m = labels.length;
  if (indices === undefined) {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      counts[c < m ? c : m]!++;
    }
  } else {
    for (let k = 0; k < indices.length; k++) {
      const c = codes[indices[k]!]!;
      counts[c < m ? c : m]!++;
    }
  }
  return summarise(labels, counts);
}

/** Composition of the cells with mask[i] ≠ 0. */
export function compositionOfMask(column: CategoryCodes, mask: Uint8Array): Composition {
  const { codes, labels } = column;
  const counts = new Uint32Array(labels.length + 1);
  const m = labels.length;
  const n = Math.min(mask.length, codes.length);
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    const c = codes[i]!;
    counts[c < m ? c : m]!++;
  }
  return summarise(labels, counts);
}

function summarise(labels: readonly string[], withMissing: Uint32Array): Composition {
  const m = labels.length;
  const missing = withMissing[m]!;
  const counts = withMissing.subarray(0, m);
  let labelled = 0;
  for (let k = 0; k < m; k++) labelled += counts[k]!;
  const total = labelled + missing;
  const entries: CompositionEntry[] = [];
  for (let k = 0; k < m; k++) {
    const count = counts[k]!;
    if (count > 0) entries.push({ label: labels[k]!, code: k, count, fraction: count / total, fractionOfLabelled: count / labelled });
  }
  entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, undefined, { numeric: true }));
  return { total, missing, entries, counts };
}

/** A 0/1 mask of length n with 1 at each of `indices` (indices outside [0, n) are ignored). */
export function indicesToMask(indices: ArrayLike<number>, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (i >= 0 && i < n) mask[i] = 1;
  }
  return mask;
}

/** The indices i with mask[i] ≠ 0, ascending. */
export function maskToIndices(mask: Uint8Array): Uint32Array {
  const count = maskCount(mask);
  const out = new Uint32Array(count);
  for (let i = 0, m = 0; m < count; i++) if (mask[i] !== 0) out[m++] = i;
  return out;
}

/** Number of set entries of a mask. */
export function maskCount(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) count++;
  return count;
}
