// Column mappings the user asked to remember, per format, kept in the window's local storage.

import type { FormatId } from '../../shared/dataset/formats/types.ts';
import type { ColumnMapping } from '../../shared/dataset/mapping.ts';

const KEY = 'clonoscope.mappings';

export type Remembered = Partial<Record<FormatId, Partial<ColumnMapping>>>;

export function rememberedMappings(): Remembered {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Remembered) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(format: FormatId, mapping: Partial<ColumnMapping>): void {
  localStorage.setItem(KEY, JSON.stringify({ ...rememberedMappings(), [format]: mapping }));
}

export function forgetMapping(format: FormatId): void {
  const all = rememberedMappings();
  delete all[format];
  localStorage.setItem(KEY, JSON.stringify(all));
}
