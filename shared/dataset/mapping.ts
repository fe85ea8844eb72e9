// Column mapping: which columns hold the coordinates, the id and the categories, and in which units.
// Formats propose one; the user may change it in the mapping dialog; the loader applies it.

import type { ColumnProfile } from './profile.ts';

/** A coordinate from one column, or the midpoint of a bounding box (HALO XMin/XMax). */
export type CoordinateSource = string | { readonly min: string; readonly max: string };

export type SourceUnits = 'um' | 'px' | 'mm';

export interface ColumnMapping {
  readonly x: CoordinateSource;
  readonly y: CoordinateSource;
  readonly z?: CoordinateSource;
  /** One column, or several forming a composite key (CosMx fov + cell_ID). */
  readonly id?: string | readonly string[];
  readonly clone?: string;
  readonly region?: string;
  readonly sample?: string;
  readonly phenotype?: string;
  readonly units: SourceUnits;
  /** µm per pixel, when units are px and the pixel size is known. */
  readonly pixelSizeUm?: number;
  /** The coordinate frame has y pointing up (CosMx global coordinates). */
  readonly yUp?: boolean;
  /** Keep only rows whose column equals a value (Visium: in_tissue = 1). */
  readonly keepRows?: { readonly column: string; readonly equals: number; readonly what: string };
}

export function coordinateColumns(src: CoordinateSource | undefined): string[] {
  if (src === undefined) return [];
  return typeof src === 'string' ? [src] : [src.min, src.max];
}

export function idColumns(id: ColumnMapping['id']): string[] {
  return id === undefined ? [] : typeof id === 'string' ? [id] : [...id];
}

/** Every column a mapping refers to, to check against a header. */
export function mappedColumns(m: ColumnMapping): string[] {
  return [
    ...coordinateColumns(m.x),
    ...coordinateColumns(m.y),
    ...coordinateColumns(m.z),
    ...idColumns(m.id),
    ...[m.clone, m.region, m.sample, m.phenotype, m.keepRows?.column].filter((c): c is string => !!c),
  ];
}

/** Splits a column name into lower-case word tokens: "CenterX_global_px" → center x global px. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9µμ²]+/)
    .filter(Boolean);
}

/** Units written in a column name, if any. */
export function unitsInName(name: string): SourceUnits | undefined {
  const t = nameTokens(name);
  if (/[µμ]m\b|\bmicrons?\b|\bum\b/i.test(name) || t.includes('um') || t.includes('micron') || t.includes('microns')) return 'um';
  if (t.includes('px') || t.includes('pixel') || t.includes('pixels')) return 'px';
  if (t.includes('mm')) return 'mm';
  return undefined;
}

/** Name tokens that make a column more (or less) likely to be the cell's coordinate. */
const AXIS_PREFERENCE: Readonly<Record<string, number>> = {
  global: 0.3, centroid: 0.15, center: 0.15, centre: 0.15, position: 0.15, location: 0.15,
  coord: 0.1, coordinate: 0.1, spatial: 0.1, pos: 0.1, cell: 0.05,
};
const AXIS_AVOID = ['local', 'tile', 'start', 'end', 'min', 'max', 'stage', 'offset', 'size', 'width', 'height', 'length', 'radius', 'acquisition', 'image', 'fov'];

export interface CoordinateGuess {
  readonly x: string;
  readonly y: string;
  readonly z?: string;
  /** 0–1: how clearly the names say "coordinate". */
  readonly confidence: number;
}

function swapAxis(tokens: readonly string[], from: string, to: string): string[] | null {
  if (!tokens.includes(from)) return null;
  return tokens.map((t) => (t === from ? to : t));
}

/**
 * A column that holds numbers: every sample value, or most of them (a stray '3x' or '#VALUE!' in a
 * coordinate column is a bad row to skip and report, not a reason to miss the coordinates).
 */
export function mostlyNumeric(p: ColumnProfile): boolean {
  return p.kind === 'number' || (p.kind === 'text' && p.numeric * 2 > p.nonMissing);
}

/** "x_centroid"/"y_centroid", "X"/"Y": the names differ only where x turns into y, in the same case. */
function sameSpelling(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const a = x[i], b = y[i];
    if (a !== b && !(a === 'x' && b === 'y') && !(a === 'X' && b === 'Y')) return false;
  }
  return true;
}

/** R's write.csv row names read back and written again: a first column "X" holding 1..n. */
function isRowIndex(p: ColumnProfile): boolean {
  return p.name === 'X' && p.index === 0 && p.integer && p.distinct === p.nonMissing && p.max - p.min + 1 === p.distinct;
}

/**
 * Finds the x/y (and z) pair by name: two numeric columns whose names differ only in an `x`/`y`
 * token ("x_centroid"/"y_centroid", "Centroid X µm"/"Centroid Y µm", "X.X"/"Y.Y"), or
 * row/col pairs (row = y). A lone "X" column is never taken for a coordinate without its "Y", and
 * an R row-index column "X" is not paired with a lower-case "y".
 * @param anyKind also pair columns that hold no numbers (to explain why a file has no coordinates)
 */
export function guessCoordinates(profiles: readonly ColumnProfile[], anyKind = false): CoordinateGuess | null {
  const usable = anyKind ? profiles : profiles.filter(mostlyNumeric);
  const byTokens = new Map<string, ColumnProfile[]>();
  for (const p of usable) {
    const key = nameTokens(p.name).join(' ');
    byTokens.set(key, [...(byTokens.get(key) ?? []), p]);
  }
  const candidates: { x: ColumnProfile; y: ColumnProfile; z?: ColumnProfile; score: number }[] = [];
  for (const px of usable) {
    const tokens = nameTokens(px.name);
    const pairs: [string, string, string][] = [
      ['x', 'y', 'z'],
      ['col', 'row', ''],
      ['imagecol', 'imagerow', ''],
    ];
    for (const [ax, ay, az] of pairs) {
      const yTokens = swapAxis(tokens, ax, ay);
      if (!yTokens) continue;
      const zTokens = az ? swapAxis(tokens, ax, az) : null;
      const zs = zTokens ? (byTokens.get(zTokens.join(' ')) ?? []) : [];
      for (const py of byTokens.get(yTokens.join(' ')) ?? []) {
        if (py === px) continue;
        const pz = zs.find((z) => z !== px && z !== py);
        let score = 0.6;
        if (tokens.length === 1) score += 0.25; // plain x / y
        for (const t of tokens) {
          score += AXIS_PREFERENCE[t] ?? 0;
          if (AXIS_AVOID.includes(t)) score -= 0.3;
        }
        if (ax !== 'x') score -= 0.1;
        else if (!sameSpelling(px.name, py.name)) score -= 0.05;
        if (isRowIndex(px)) score -= 0.5;
        if (unitsInName(px.name)) score += 0.05;
        if (px.kind !== 'number' || py.kind !== 'number') score -= 0.05;
        // a constant or empty column is a poor coordinate
        if (!(px.max > px.min) || !(py.max > py.min)) score -= 0.4;
        candidates.push({ x: px, y: py, ...(pz ? { z: pz } : {}), score });
      }
    }
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score || a.x.index - b.x.index);
  const best = candidates[0]!;
  return {
    x: best.x.name,
    y: best.y.name,
    ...(best.z ? { z: best.z.name } : {}),
    confidence: Math.max(0, Math.min(1, best.score)),
  };
}

const ID_NAMES = /^(cell[ _.]?id|cellid|cell|object[ _.]?id|objectid|object|object[ _.]?number|entityid|entity[ _.]?id|id|barcode|barcodes|spot[ _.]?id|spot)$/i;

/** The id column: a known id name whose sample values are all distinct. */
export function guessId(profiles: readonly ColumnProfile[], exclude: ReadonlySet<string>): string | undefined {
  const candidates = profiles.filter((p) => !exclude.has(p.name) && p.kind !== 'empty' && ID_NAMES.test(p.name.trim()));
  const distinct = candidates.filter((p) => p.distinct === p.nonMissing && (p.kind === 'text' || p.integer));
  return (distinct[0] ?? undefined)?.name;
}

const ROLE_PATTERNS: readonly (readonly [role: 'clone' | 'region' | 'sample' | 'phenotype', re: RegExp])[] = [
  ['clone', /^(clone|clones|clone[ _.]?(id|name|label|call)s?|clonenames|genetic[ _.]?clone|subclone|node|cnv[ _.]?clone|majority[ _.]?clone)$/i],
  ['region', /^(region|regions?[ _.]?(name|label|id)?|tissue[ _.]?category|tissue[ _.]?region|classifier[ _.]?label|compartment|area[ _.]?label|annotation[ _.]?region|filtered[ _.]?tumor[ _.]?regions|parent|layer)$/i],
  ['sample', /^(sample|samples|sample[ _.]?(id|name)|slide|slide[ _.]?id|specimen|patient[ _.]?sample|biopsy)$/i],
  ['phenotype', /^(phenotype|phenotypes|cell[ _.]?type|celltype|cell[ _.]?class|class|classification|cluster|clusters|leiden|louvain|final[ _.]?annotations?|annotation|cell[ _.]?phenotype)$/i],
];

export type CategoryRole = 'clone' | 'region' | 'sample' | 'phenotype';

/** Guesses clone / region / sample / phenotype columns among categorical-looking columns by name. */
export function guessCategoryRoles(profiles: readonly ColumnProfile[], taken: ReadonlySet<string>): Partial<Record<CategoryRole, string>> {
  const out: Partial<Record<CategoryRole, string>> = {};
  for (const [role, re] of ROLE_PATTERNS) {
    const hit = profiles.find((p) => !taken.has(p.name) && p.kind !== 'empty' && re.test(p.name.trim()) && isCategoryLike(p));
    if (hit && !Object.values(out).includes(hit.name)) out[role] = hit.name;
  }
  return out;
}

const CATEGORY_NAME = /(cluster|clone|region|phenotype|class|type|label|annotation|niche|group|leiden|louvain|sample|slide|fov|category|compartment|state|node|tissue|layer)/i;

/** Text with few distinct values, or integer codes in a column named like a category. */
export function isCategoryLike(p: ColumnProfile): boolean {
  if (p.kind === 'text') return true;
  return p.kind === 'number' && p.integer && CATEGORY_NAME.test(p.name) && p.distinct <= 1000;
}
