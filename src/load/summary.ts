import type {Dataset} from '../model/dataset.js';
import {specLanguages} from '../spec/languages.js';
import type {SpecDocument} from '../spec/spec.js';

export interface InputSummary {
  intents: number;
  entities: number;
  /** Utterances in a dataset, examples in a spec (in every language). */
  utterances: number;
  /** A multi-language spec or dataset: its languages, the primary first. */
  languages?: string[];
}

export function summarizeInput(kind: 'spec' | 'dataset', value: SpecDocument | Dataset): InputSummary {
  if (kind === 'dataset') {
    const d = value as Dataset;
    return {
      intents: d.intents.length,
      entities: d.entities.length,
      utterances: d.utterances.length,
      ...(d.languages && d.languages.length > 1 ? {languages: [...d.languages]} : {}),
    };
  }
  const s = value as SpecDocument;
  const languages = specLanguages(s);
  return {
    intents: s.intents.length,
    entities: s.entities?.length ?? 0,
    utterances: s.intents.reduce(
      (n, i) =>
        n +
        (Array.isArray(i.examples)
          ? i.examples.length
          : Object.values(i.examples).reduce((m, list) => m + (list?.length ?? 0), 0)),
      0,
    ),
    ...(languages.length > 1 ? {languages} : {}),
  };
}
