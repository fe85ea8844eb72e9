// Lattices: neighbour offsets in lattice coordinates (q, r) and positions in µm.
// hex uses axial coordinates: x = (q + r/2)·s, y = r·(√3/2)·s; moore/neumann: x = q·s, y = r·s.

import type { LatticeKind } from './params.ts';

export const SQRT3_2 = Math.sqrt(3) / 2;

/** Neighbour offsets [dq0, dr0, dq1, dr1, …]; opposite directions are adjacent pairs (k, k^1). */
export function neighbourOffsets(kind: LatticeKind): Int32Array {
  switch (kind) {
    case 'hex':
      return Int32Array.of(1, 0, -1, 0, 0, 1, 0, -1, 1, -1, -1, 1);
    case 'moore':
      return Int32Array.of(1, 0, -1, 0, 0, 1, 0, -1, 1, 1, -1, -1, 1, -1, -1, 1);
    case 'neumann':
      return Int32Array.of(1, 0, -1, 0, 0, 1, 0, -1);
  }
}

/** Area per lattice site in units of spacing² (hex √3/2, square 1). */
export function siteArea(kind: LatticeKind): number {
  return kind === 'hex' ? SQRT3_2 : 1;
}

/** x of site (q, r) in µm. */
export function siteX(kind: LatticeKind, q: number, r: number, spacing: number): number {
  return kind === 'hex' ? (q + r / 2) * spacing : q * spacing;
}

/** y of site (q, r) in µm. */
export function siteY(kind: LatticeKind, r: number, spacing: number): number {
  return kind === 'hex' ? r * SQRT3_2 * spacing : r * spacing;
}

/** Distance between rows in µm. */
export function rowPitch(kind: LatticeKind, spacing: number): number {
  return kind === 'hex' ? SQRT3_2 * spacing : spacing;
}

/**
 * Offset ("column") coordinate that makes a rectangle of the section a rectangle of sites:
 * col = q + floor(r/2) on hex (then x = (col + (r mod 2)/2)·s), col = q otherwise.
 */
export function columnOf(kind: LatticeKind, q: number, r: number): number {
  return kind === 'hex' ? q + Math.floor(r / 2) : q;
}

/** Inverse of columnOf. */
export function qOf(kind: LatticeKind, col: number, r: number): number {
  return kind === 'hex' ? col - Math.floor(r / 2) : col;
}
