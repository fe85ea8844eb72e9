// Colours. Categories: Okabe–Ito then Paul Tol's "muted" scheme (both colour-blind safe), then
// evenly spaced hues; labels meaning "no tumour" are grey. Numbers: viridis (perceptual).
// A label keeps its colour everywhere: the colour is fixed the first time a column's label is seen.

const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
const TOL_MUTED = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'];
const CATEGORICAL = [...OKABE_ITO, ...TOL_MUTED];
const NEUTRAL = /^(normal|stroma|stromal|background|other|none|na|unassigned|unknown|outside|exclude)$/i;
export const NEUTRAL_COLOUR = '#9a9a9a';

/** Colour of the k-th category (k ≥ 0). */
export function categoricalColour(k: number): string {
  if (k < CATEGORICAL.length) return CATEGORICAL[k]!;
  const hue = (k * 137.508) % 360; // golden angle: neighbours stay distinct
  return hslToHex(hue, 55, 52);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** Stable label → colour assignments per column name, shared by every view of the window. */
export class ColourBook {
  private readonly byColumn = new Map<string, Map<string, string>>();
  /** Colours the user chose: column → label → CSS colour (saved with the workspace). */
  private readonly chosen = new Map<string, Map<string, string>>();
  colour(column: string, label: string): string {
    let book = this.byColumn.get(column);
    if (!book) this.byColumn.set(column, (book = new Map()));
    let c = book.get(label);
    if (!c) {
      c = NEUTRAL.test(label.trim()) ? NEUTRAL_COLOUR : categoricalColour([...book.values()].filter((v) => v !== NEUTRAL_COLOUR).length);
      book.set(label, c);
    }
    return c;
  }
  /** The user's colour for a label (legend colour picker); it sticks in every view and sample. */
  set(column: string, label: string, colour: string): void {
    let book = this.byColumn.get(column);
    if (!book) this.byColumn.set(column, (book = new Map()));
    book.set(label, colour);
    if (!this.chosen.has(column)) this.chosen.set(column, new Map());
    this.chosen.get(column)!.set(label, colour);
  }
  /** Every colour given so far (assigned or chosen), as plain objects: a workspace keeps them so labels keep their colours. */
  all(): Record<string, Record<string, string>> {
    return Object.fromEntries([...this.byColumn].map(([column, m]) => [column, Object.fromEntries(m)]));
  }
  /** The colours the user chose, as plain objects. */
  edited(): Record<string, Record<string, string>> {
    return Object.fromEntries([...this.chosen].map(([column, m]) => [column, Object.fromEntries(m)]));
  }
  /** Assigns colours to labels in natural order, so "clone 2" comes before "clone 10". */
  register(column: string, labels: readonly string[]): void {
    const sorted = [...labels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    for (const l of sorted) this.colour(column, l);
  }
}

// viridis as a degree-6 polynomial fit (max error ~0.5 % of full scale), t in [0, 1] → RGB 0–255
const V = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
];
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  const out: [number, number, number] = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    let v = V[6]![ch]!;
    for (let k = 5; k >= 0; k--) v = V[k]![ch]! + x * v;
    out[ch] = Math.round(Math.min(1, Math.max(0, v)) * 255);
  }
  return out;
}

export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
