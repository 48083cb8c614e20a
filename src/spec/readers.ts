import {chatitoReader} from './chatito/reader.js';
import type {SpecReader} from './spec-reader.js';

export type {SpecReader} from './spec-reader.js';

// Built-in readers; registerSpecReader adds more.
const readers: SpecReader[] = [chatitoReader];

export function registerSpecReader(reader: SpecReader): void {
  readers.push(reader);
}

export function specReaderFor(file: string): SpecReader | undefined {
  const lower = file.toLowerCase();
  return readers.find((r) => r.extensions.some((ext) => lower.endsWith(ext)));
}
