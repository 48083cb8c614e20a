/**
 * Duplicate detection that stays small at a million utterances: each normalised text is reduced to a 53-bit
 * hash kept in an open-addressing table of two Uint32Arrays (8 bytes a slot, at most half full), instead of
 * a Set of strings or of boxed numbers.
 */
import {normalizeUtteranceText} from '../model/dataset.js';

/** The two halves of the last hashKey() result (module scratch: no array per call on the hot path). */
let hashLow = 0;
let hashHigh = 0;

/** cyrb53's starting state; each character is mixed in by mixChar. */
const H1_START = 0xdeadbeef;
const H2_START = 0x41c6ce57;

/**
 * cyrb53: a fast 53-bit string hash; a collision among a million keys is ~1e-4 likely. Leaves the 32 low bits
 * in hashLow and the 21 high bits in hashHigh.
 */
function hashKey(text: string): void {
  let h1 = H1_START;
  let h2 = H2_START;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  finishHash(h1, h2);
}

function finishHash(h1: number, h2: number): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Zero marks an empty slot, so a hash of (0, 0) is nudged.
  hashLow = h1 >>> 0 || 1;
  hashHigh = (2097151 & h2) >>> 0;
}

/** hashLow and hashHigh as one number: exact, since 53 bits fit a double's mantissa. */
function packedHash(): number {
  return hashHigh * 4294967296 + hashLow;
}

const SPACE = 32;
const TILDE = 126;

/**
 * The hash of dedupeKeyText(text) as one number (the set's *Hash methods take it), or 0 when that key is
 * empty. For printable ASCII (the common case) the key is hashed as it is scanned, one character at a time,
 * without building it: the generator checks every candidate, and most are never written.
 */
export function dedupeKeyHash(text: string): number {
  let h1 = H1_START;
  let h2 = H2_START;
  let empty = true;
  // A space (or a run of punctuation and spaces) is written only once a later character follows it: the
  // key's spaces are collapsed and trimmed.
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let ch = text.charCodeAt(i);
    if (ch < SPACE || ch > TILDE) return slowKeyHash(text);
    if (isAsciiPunctuation(ch) || ch === SPACE) {
      pendingSpace = !empty;
      continue;
    }
    if (pendingSpace) {
      h1 = Math.imul(h1 ^ SPACE, 2654435761);
      h2 = Math.imul(h2 ^ SPACE, 1597334677);
      pendingSpace = false;
    }
    if (ch >= 65 && ch <= 90) ch += 32;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
    empty = false;
  }
  if (empty) return 0;
  finishHash(h1, h2);
  return packedHash();
}

/** Beyond printable ASCII: the full normalisation, then the hash of its result. */
function slowKeyHash(text: string): number {
  const key = normalizeUtteranceText(text);
  if (!key) return 0;
  hashKey(key);
  return packedHash();
}

/** ! to /, : to @, [ to `, { to ~: the characters ASCII_PUNCTUATION matches. */
function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || code >= 123
  );
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
    return this.find(hashLow, hashHigh);
  }

  /** add() for a key given by dedupeKeyHash (not 0). */
  addHash(hash: number): boolean {
    if (!this.insert(hash % 4294967296, Math.floor(hash / 4294967296))) return false;
    this.size += 1;
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  /** has() for a key given by dedupeKeyHash. */
  hasHash(hash: number): boolean {
    return this.find(hash % 4294967296, Math.floor(hash / 4294967296));
  }

  private find(a: number, b: number): boolean {
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
