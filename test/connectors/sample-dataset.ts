import {conformanceDataset} from '../../src/conformance/sample-dataset.js';
import type {Dataset} from '../../src/model/dataset.js';

/** The conformance sample's nested entity and its parts, which the plain sample leaves out. */
const NESTED = new Set(['address', 'house_number', 'street']);

/**
 * A small dataset for connector unit tests: synonyms, emoji, entities at both ends. It is the conformance
 * sample (src/conformance/sample-dataset.ts) without roles, groups, nested labels, patterns, phrase lists,
 * responses or the word-swap tag, so a unit test sees only what every format carries.
 */
export function sampleDataset(): Dataset {
  const {format, name, language, intents, entities, utterances} = conformanceDataset();
  return {
    format,
    name,
    language,
    intents: intents.map(({responses: _responses, ...intent}) => intent),
    entities: entities.filter((e) => !NESTED.has(e.name)).map(({roles: _roles, ...entity}) => entity),
    utterances: utterances
      .filter((u) => !u.entities?.some((span) => NESTED.has(span.entity)))
      .map((u) => ({
        ...u,
        ...(u.entities && {entities: u.entities.map(({role: _role, group: _group, ...span}) => span)}),
        ...(u.tags && {tags: u.tags.filter((tag) => tag !== 'W')}),
      })),
  };
}
