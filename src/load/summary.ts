import type {Dataset} from '../model/dataset.js';
import type {Spec} from '../spec/spec.js';

export interface InputSummary {
  intents: number;
  entities: number;
  /** Utterances in a dataset, examples in a spec. */
  utterances: number;
}

export function summarizeInput(kind: 'spec' | 'dataset', value: Spec | Dataset): InputSummary {
  if (kind === 'dataset') {
    const d = value as Dataset;
    return {intents: d.intents.length, entities: d.entities.length, utterances: d.utterances.length};
  }
  const s = value as Spec;
  return {
    intents: s.intents.length,
    entities: s.entities?.length ?? 0,
    utterances: s.intents.reduce((n, i) => n + i.examples.length, 0),
  };
}
