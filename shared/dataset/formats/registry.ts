// The format registry: every supported export, most specific first; `generic` catches the rest.

import { cellprofiler } from './cellprofiler.ts';
import { clonoscope } from './clonoscope.ts';
import { codex } from './codex.ts';
import { cosmx } from './cosmx.ts';
import { generic } from './generic.ts';
import { halo } from './halo.ts';
import { inform } from './inform.ts';
import { mcmicro } from './mcmicro.ts';
import { merscope } from './merscope.ts';
import { qupath } from './qupath.ts';
import { steinbock } from './steinbock.ts';
import type { CellFormat, FormatContext, FormatId } from './types.ts';
import { visium } from './visium.ts';
import { xenium } from './xenium.ts';

export const FORMATS: readonly CellFormat[] = [visium, xenium, merscope, cosmx, mcmicro, qupath, halo, inform, steinbock, cellprofiler, codex, clonoscope, generic];

export function formatById(id: FormatId): CellFormat {
  return FORMATS.find((f) => f.id === id)!;
}

/** Names for a header-less file from the first format that recognises it, else "column 1..n". */
export function headerlessNames(ctx: FormatContext): string[] {
  for (const f of FORMATS) {
    const names = f.headerless?.(ctx);
    if (names) return names;
  }
  return ctx.profiles.map((_, i) => `column ${i + 1}`);
}

/** The best-scoring format, or null when none recognises the columns. */
export function detectFormat(ctx: FormatContext): CellFormat | null {
  let best: CellFormat | null = null;
  let bestScore = 0;
  for (const f of FORMATS) {
    const s = f.detect(ctx);
    if (s > bestScore) [best, bestScore] = [f, s];
  }
  return best;
}
