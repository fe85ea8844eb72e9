// One entry per file format: recognise it, name its columns, propose a mapping, ask for companions.

import type { ColumnMapping } from '../mapping.ts';
import type { ColumnProfile } from '../profile.ts';

export type FormatId =
  | 'visium'
  | 'xenium'
  | 'merscope'
  | 'cosmx'
  | 'mcmicro'
  | 'qupath'
  | 'halo'
  | 'inform'
  | 'steinbock'
  | 'cellprofiler'
  | 'codex'
  | 'clonoscope'
  | 'generic';

export interface FormatContext {
  /** Base name of the file as opened (compression suffix included). */
  readonly fileName: string;
  /** Cleaned column names (for header-less files, the names the format gave them). */
  readonly header: readonly string[];
  readonly profiles: readonly ColumnProfile[];
  readonly hasHeader: boolean;
  readonly delimiter: string;
}

export interface FormatProposal {
  readonly mapping: ColumnMapping;
  /** False when the app should ask the user to confirm the mapping. */
  readonly sure: boolean;
  /** Facts shown in the load report ("coordinates are in pixels: pixel size unknown"). */
  readonly notes: readonly string[];
}

/** Another file the format needs, found beside the opened one. Paths are relative to its folder. */
export type CompanionRequest =
  | { readonly kind: 'scalefactors'; readonly path: string }
  /** Join this table's columns onto the opened table by a key column. */
  | { readonly kind: 'join'; readonly path: string; readonly on: string }
  /** The opened file is an annotation of this table: load that one and join the opened file onto it. */
  | { readonly kind: 'primary'; readonly path: string; readonly on: string };

export interface CellFormat {
  readonly id: FormatId;
  readonly label: string;
  /** Column names for a header-less file of this format, or null when it is not one. */
  headerless?(ctx: FormatContext): string[] | null;
  /** 0: not this format; 1: certainly this format. */
  detect(ctx: FormatContext): number;
  propose(ctx: FormatContext): FormatProposal | null;
  companions?(ctx: FormatContext): CompanionRequest[];
}

export const has = (ctx: FormatContext, ...names: string[]) => names.every((n) => ctx.header.includes(n));
export const hasAny = (ctx: FormatContext, ...names: string[]) => names.some((n) => ctx.header.includes(n));
export const findName = (ctx: FormatContext, ...names: string[]) => names.find((n) => ctx.header.includes(n));
export const profileOf = (ctx: FormatContext, name: string) => ctx.profiles.find((p) => p.name === name);

/** Drops folders and compression suffix: "a/b/cells.csv.gz" → "cells.csv". */
export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.gz$/i, '');
}
