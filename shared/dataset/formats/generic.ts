// Any table with x/y-like columns ("x", "X_um", "global_x", "imagecol", ...); bounding boxes
// (x_min/x_max) are taken at their midpoint. Units come from the column names, else µm is assumed
// and the app asks the user to confirm.

import { guessCoordinates, guessId, nameTokens, unitsInName, type CoordinateSource } from '../mapping.ts';
import { type CellFormat, type FormatContext } from './types.ts';

/** "XMin"/"x_min" → {min, max} when the matching max column exists. */
function boxOf(ctx: FormatContext, name: string): CoordinateSource {
  const tokens = nameTokens(name);
  if (!tokens.includes('min')) return name;
  const maxTokens = tokens.map((t) => (t === 'min' ? 'max' : t)).join(' ');
  const max = ctx.header.find((h) => nameTokens(h).join(' ') === maxTokens);
  return max ? { min: name, max } : name;
}

export const generic: CellFormat = {
  id: 'generic',
  label: 'Table with x/y columns',
  detect: (ctx) => (guessCoordinates(ctx.profiles) ? 0.1 : 0),
  propose(ctx) {
    const guess = guessCoordinates(ctx.profiles);
    if (!guess) return null;
    const named = unitsInName(guess.x);
    const notes = named ? [] : ['The file does not say its units: coordinates are taken to be µm.'];
    const exclude = new Set([guess.x, guess.y, guess.z ?? '']);
    return {
      mapping: {
        x: boxOf(ctx, guess.x),
        y: boxOf(ctx, guess.y),
        ...(guess.z ? { z: guess.z } : {}),
        id: guessId(ctx.profiles, exclude),
        units: named ?? 'um',
      },
      sure: guess.confidence >= 0.7 && named !== undefined ? true : guess.confidence >= 0.8,
      notes,
    };
  },
};
