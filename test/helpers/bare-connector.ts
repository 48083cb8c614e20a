import type {Connector} from '../../src/connector.js';

/** A test-only connector that carries nothing beyond intents and utterances; tests add formats or a remote. */
export function bareConnector(id: string, parts: Partial<Connector>): Connector {
  return {
    id,
    displayName: `${id} (test only)`,
    formats: [],
    limits: {
      supports: {
        variationTags: false,
        roles: false,
        split: false,
        nestedEntities: false,
        regexEntities: false,
        patterns: false,
        phraseLists: false,
      },
    },
    ...parts,
  };
}
