/** Regex entities: each pattern of the dataset's regex entities, matched everywhere in the text. */
import {SynthnluError} from '../errors.js';
import type {Entity} from '../model/dataset.js';
import type {EntityMatch} from './types.js';

export class RegexEntityMatcher {
  private readonly patterns: {entity: string; regex: RegExp}[] = [];

  constructor(entities: readonly Entity[]) {
    entities.forEach((entity, index) => {
      if (entity.kind !== 'regex') return;
      (entity.patterns ?? []).forEach((pattern, p) => {
        try {
          this.patterns.push({entity: entity.name, regex: new RegExp(pattern, 'gu')});
        } catch (error) {
          throw new SynthnluError(
            'RECOGNIZER_BAD_REGEX',
            `Entity "${entity.name}" has a pattern that is not a valid regular expression: ${(error as Error).message}`,
            {
              location: {path: `entities[${index}].patterns[${p}]`},
              suggestion: 'Fix the pattern (ECMAScript syntax with the u flag) and run synthnlu validate.',
            },
          );
        }
      });
    });
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  match(text: string): EntityMatch[] {
    const matches: EntityMatch[] = [];
    for (const {entity, regex} of this.patterns) {
      for (const found of text.matchAll(regex)) {
        if (found[0].length === 0) continue;
        const start = found.index;
        matches.push({
          entity,
          start,
          end: start + found[0].length,
          text: found[0],
          value: found[0],
          kind: 'regex',
        });
      }
    }
    return matches;
  }
}
