// Seeded random numbers: splitmix32 expands a 32-bit seed into the 128-bit state of sfc32
// (Chris Doty-Humphrey's Small Fast Chaotic generator, 32-bit variant). Same seed ⇒ same stream,
// on every JavaScript engine (only 32-bit integer arithmetic; Math.log/exp are used for
// exponential, Poisson and normal draws and are deterministic within V8 — Node, Electron, Chromium).
// Never Math.random.

const TWO_POW_32 = 4294967296;

/** splitmix32 step: returns the next output for state `s` and the advanced state. */
function splitmix32(s: number): [out: number, next: number] {
  const next = (s + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [z >>> 0, next];
}

/** A seeded generator. All draws consume a fixed number of 32-bit outputs except `poisson`. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const word = () => {
      const [out, next] = splitmix32(s);
      s = next;
      return out;
    };
    this.a = word();
    this.b = word();
    this.c = word();
    this.d = word();
    // discard the first outputs: sfc32's recommended warm-up
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1): next()/2³². */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [0, n) for 0 < n ≤ 2³² (floor(u·n)). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Exponential with rate λ > 0: −ln(1−u)/λ (1−u ∈ (0, 1], never log 0). */
  exponential(rate: number): number {
    return -Math.log(1 - this.uniform()) / rate;
  }

  /** Poisson(μ) by inversion of the CDF with one uniform; intended for μ ≤ 10 (capped at 1000). */
  poisson(mu: number, expMinusMu: number = Math.exp(-mu)): number {
    if (mu <= 0) return 0;
    const u = this.uniform();
    let k = 0;
    let p = expMinusMu;
    let cdf = p;
    while (u > cdf && k < 1000) {
      k++;
      p *= mu / k;
      cdf += p;
    }
    return k;
  }

  /** Standard normal by Box–Muller (two uniforms per draw, the second value is discarded). */
  normal(): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** A new generator for `seed` (any number; taken modulo 2³²). */
export function createRng(seed: number): Rng {
  return new Rng(seed);
}

/** 32-bit hash of (seed, j): the seed of independent stream j (Monte Carlo iteration, purpose). */
export function streamSeed(seed: number, j: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h ^ (j >>> 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // mix in j a second time so that (seed, j) and (seed', j') collide only by chance
  h = Math.imul(h ^ Math.imul(j >>> 0, 0x27d4eb2f), 0x165667b1);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Generator for stream j of `seed`: reproducible and independent of the other streams. */
export function streamFor(seed: number, j: number): Rng {
  return new Rng(streamSeed(seed, j));
}

/** Deterministic hash of integers to [0, 1), for value noise and per-item draws without state. */
export function hashUnit(seed: number, a: number, b = 0): number {
  let h = Math.imul((seed >>> 0) ^ Math.imul(a | 0, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h ^ Math.imul(b | 0, 0x165667b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / TWO_POW_32;
}
