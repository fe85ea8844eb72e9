// Editable simulation parameters by name ("death=0.5", "mode=eden"), for the CLI's --set and the
// app's advanced parameters. Values are checked by paramProblems once applied.

import type { GrowthParams, TissueParams } from './params.ts';

type Editable<T> = { readonly [K in keyof T]?: 'number' | readonly string[] };

/** Growth parameters a user may set (seed and cells have their own options). */
export const GROWTH_KEYS: Editable<GrowthParams> = {
  lattice: ['hex', 'moore', 'neumann'],
  mode: ['push', 'eden', 'random-neighbour'],
  spacingUm: 'number',
  birth: 'number',
  death: 'number',
  migration: 'number',
  mu: 'number',
  pDriver: 'number',
  sDriver: 'number',
  maxDrivers: 'number',
  nTruncal: 'number',
};

export const TISSUE_KEYS: Editable<TissueParams> = {
  marginUm: 'number',
  metastasisMarginUm: 'number',
  frontWidthUm: 'number',
  stromaFraction: 'number',
  nestSizeUm: 'number',
  outsideDensity: 'number',
};

export interface Overrides {
  growth: Partial<Record<keyof GrowthParams, number | string>>;
  tissue: Partial<Record<keyof TissueParams, number | string>>;
}

export const editableKeys = (): string[] => [...Object.keys(GROWTH_KEYS), ...Object.keys(TISSUE_KEYS)];

/** Adds "key=value" to `into`; a sentence saying what is wrong otherwise. */
export function addOverride(into: Overrides, assignment: string): string | null {
  const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(assignment);
  if (!m) return `'${assignment}' is not KEY=VALUE.`;
  const [, key, raw] = m as unknown as [string, string, string];
  const growthKind = GROWTH_KEYS[key as keyof GrowthParams];
  const tissueKind = TISSUE_KEYS[key as keyof TissueParams];
  const kind = growthKind ?? tissueKind;
  if (!kind) return `unknown parameter '${key}'; the parameters are ${editableKeys().join(', ')}.`;
  let value: number | string;
  if (kind === 'number') {
    value = Number(raw);
    if (!Number.isFinite(value)) return `${key} must be a number, not '${raw}'.`;
  } else {
    if (!kind.includes(raw)) return `${key} must be one of ${kind.join(', ')}, not '${raw}'.`;
    value = raw;
  }
  if (growthKind) into.growth[key as keyof GrowthParams] = value;
  else into.tissue[key as keyof TissueParams] = value;
  return null;
}

/** Overrides in the shape presetParams takes (values are checked by paramProblems afterwards). */
export function overridesOf(o: Overrides | undefined): { growth?: Partial<GrowthParams>; tissue?: Partial<TissueParams> } {
  if (!o) return {};
  return { growth: o.growth as Partial<GrowthParams>, tissue: o.tissue as Partial<TissueParams> };
}
