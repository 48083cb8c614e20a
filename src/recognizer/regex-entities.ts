/**
 * Regex entities: each pattern of the dataset's regex entities, matched everywhere in the text with a
 * linear-time engine (see model/user-regex.ts), so no pattern can make recognition hang.
 */
import type {RE2JS} from 're2js';
import {SynthnluError} from '../errors.js';
import type {Entity} from '../model/dataset.js';
import {compileUserRegex, findAllMatches, userRegexProblem} from '../model/user-regex.js';
import type {EntityMatch} from './types.js';

export class RegexEntityMatcher {
  private readonly patterns: {entity: string; regex: RE2JS}[] = [];

  constructor(entities: readonly Entity[]) {
    entities.forEach((entity, index) => {
      if (entity.kind !== 'regex') return;
      (entity.patterns ?? []).forEach((pattern, p) => {
        const problem = userRegexProblem(pattern);
        if (problem) {
          throw new SynthnluError('RECOGNIZER_BAD_REGEX', `entity "${entity.name}": ${problem}`, {
            location: {path: `entities[${index}].patterns[${p}]`},
            suggestion: 'Fix the pattern (plain character classes and repetition) and run synthnlu validate.',
          });
        }
        this.patterns.push({entity: entity.name, regex: compileUserRegex(pattern)});
      });
    });
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  match(text: string): EntityMatch[] {
    const matches: EntityMatch[] = [];
    for (const {entity, regex} of this.patterns) {
      for (const found of findAllMatches(regex, text)) {
        matches.push({entity, ...found, value: found.text, kind: 'regex'});
      }
    }
    return matches;
  }
}
