import type {PlatformLimits} from '../../src/connector.js';

export const rasaLimits: PlatformLimits = {
  supports: {
    variationTags: false,
    roles: false,
    split: false,
    nestedEntities: false,
    regexEntities: false,
    patterns: false,
    phraseLists: false,
  },
};
