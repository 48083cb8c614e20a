/**
 * Duplicate detection that stays small at a million utterances: each normalised text is reduced to a 53-bit
 * hash kept in an open-addressing table of two Uint32Arrays (8 bytes a slot, at most half full), instead of
 * a Set of strings or of boxed numbers.
 */
import {normalizeUtteranceText} from '../model/dataset.js';

/** The two halves of the last hashKey() result (module scratch: no array per call on the hot path). */
let hashLow = 0;
let hashHigh = 0;

/**
 * cyrb53: a fast 53-bit string hash; a collision among a million keys is ~1e-4 likely. Leaves the 32 low bits
 * in hashLow and the 21 high bits in hashHigh.
 */
function hashKey(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Zero marks an empty slot, so a hash of (0, 0) is nudged.
  hashLow = h1 >>> 0 || 1;
  hashHigh = (2097151 & h2) >>> 0;
}

const ASCII = /^[\x20-\x7e]*$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]+/g;

/**
 * normalizeUtteranceText, with a fast path for printable ASCII (the common case) that gives the same result:
 * NFKC changes nothing there, and the ASCII punctuation and symbol characters are exactly \p{P}\p{S}.
 */
export function dedupeKeyText(text: string): string {
  if (!ASCII.test(text)) return normalizeUtteranceText(text);
  return text.toLowerCase().replace(ASCII_PUNCTUATION, ' ').replace(/ {2,}/g, ' ').trim();
}

export class CompactKeySet {
  private low = new Uint32Array(1 << 12);
  private high = new Uint32Array(1 << 12);
  private mask = (1 << 12) - 1;
  size = 0;

  /** Adds the key; false when it was already there. */
  add(text: string): boolean {
    hashKey(text);
    if (!this.insert(hashLow, hashHigh)) return false;
    this.size += 1;
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  has(text: string): boolean {
    hashKey(text);
    const a = hashLow;
    const b = hashHigh;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask; ; i = (i + 1) & this.mask) {
      const low = this.low[i]!;
      if (low === 0) return false;
      if (low === a && this.high[i] === b) return true;
    }
  }

  private insert(a: number, b: number): boolean {
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask; ; i = (i + 1) & this.mask) {
      const low = this.low[i]!;
      if (low === 0) {
        this.low[i] = a;
        this.high[i] = b;
        return true;
      }
      if (low === a && this.high[i] === b) return false;
    }
  }

  private grow(): void {
    const oldLow = this.low;
    const oldHigh = this.high;
    this.low = new Uint32Array(oldLow.length * 2);
    this.high = new Uint32Array(oldLow.length * 2);
    this.mask = oldLow.length * 2 - 1;
    for (let i = 0; i < oldLow.length; i++) if (oldLow[i] !== 0) this.insert(oldLow[i]!, oldHigh[i]!);
  }
}
