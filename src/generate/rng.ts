/**
 * Seeded random numbers. Generation must give byte-identical output for the same spec and seed on any
 * machine, so nothing may call Math.random: every choice goes through an Rng. sfc32 is small, fast and
 * passes PractRand; the seed string is hashed with cyrb128 into its four words.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight (weights need not sum to 1). */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T;
  shuffle<T>(items: T[]): T[];
  /** An independent generator derived from this seed and a label (so adding a draw in one intent does not change another). */
  fork(label: string): Rng;
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRng(seed: string | number): Rng {
  return new Sfc32(String(seed));
}

/**
 * sfc32 as a class: every generator has one shape and its methods live on the prototype, so the hot call
 * sites stay monomorphic and inline `next` (a closure per generator did not, and boxed each draw).
 */
class Sfc32 implements Rng {
  // The four words live in a typed array: in plain variables or fields, a word past 2^30 is a fresh heap number
  // on every draw (V8 boxes such numbers), and generation draws millions of times.
  private readonly state: Int32Array;

  constructor(private readonly label: string) {
    this.state = Int32Array.from(cyrb128(label));
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const state = this.state;
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = (state[3]! + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    state[3] = d;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick on an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weight(item);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1]!;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swapped = items[i]!;
      items[i] = items[j]!;
      items[j] = swapped;
    }
    return items;
  }

  fork(child: string): Rng {
    return new Sfc32(`${this.label}\u0000${child}`);
  }
}

/**
 * The index rng.pickWeighted would pick among `count` items whose weights are weights[0..count-1]: the same
 * draw and the same arithmetic in the same order, so the same pick. For a hot loop that keeps its weights in a
 * typed array (no weight callback, no number boxed per item).
 */
export function pickIndexByWeights(rng: Rng, weights: Float64Array, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i]!;
  let r = rng.next() * total;
  for (let i = 0; i < count; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return count - 1;
}
