import {SynthnluError} from '../errors.js';
import type {SpecReader} from './spec-reader.js';

export type {SpecReader} from './spec-reader.js';

/** File endings synthnlu reads itself (specs and datasets): no spec reader may take them over. */
const OWN_ENDINGS = ['.yaml', '.yml', '.json', '.jsonl', '.ndjson'];

/**
 * The spec readers of one registry (src/connector-registry.ts), found by the ending of a file's name. Each
 * ending has one reader: a second reader for it is refused, as a second connector for a format id is.
 */
export class SpecReaderList {
  readonly #readers: SpecReader[] = [];

  register(reader: SpecReader): void {
    if (reader.extensions.length === 0)
      throw new Error(`spec reader "${reader.description}" names no file ending (extensions: ['.x'])`);
    for (const raw of reader.extensions) {
      const ending = raw.toLowerCase();
      if (!/^\.[a-z0-9][a-z0-9._-]*$/.test(ending))
        throw new Error(
          `spec reader "${reader.description}": "${raw}" is not a file ending such as ".chatito"`,
        );
      if (OWN_ENDINGS.includes(ending))
        throw new Error(`spec reader "${reader.description}": synthnlu reads ${ending} files itself`);
      const taken = this.#readers.find((r) => r.extensions.some((e) => e.toLowerCase() === ending));
      if (taken)
        throw new SynthnluError(
          'SPEC_READER_TAKEN',
          `a spec reader for ${ending} files is already registered ("${taken.description}"), so "${reader.description}" was not added`,
          {
            suggestion: `Give the new reader its own file ending, or leave out one of the two (a plugin's readers come after synthnlu's own).`,
          },
        );
    }
    this.#readers.push(reader);
  }

  list(): readonly SpecReader[] {
    return this.#readers;
  }

  readerFor(file: string): SpecReader | undefined {
    const lower = file.toLowerCase();
    return this.#readers.find((r) => r.extensions.some((ext) => lower.endsWith(ext.toLowerCase())));
  }
}
