/**
 * Spec rules that `coverage` would later report as errors: the same seed in two intents, and one synonym
 * under two values of a list entity. Found at validate time, where they are cheapest to fix.
 */
import type {Diagnostic} from '../errors.js';
import type {PathSegment} from '../schema/json-path.js';
import type {Spec} from './spec.js';

type Locate = (segments: PathSegment[]) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

/** Case, surrounding space and inner runs of space do not make two seeds different to a classifier. */
const normalize = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function checkDuplicateSeeds(spec: Spec, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstSeen = new Map<string, {intent: string; i: number; e: number}>();
  spec.intents.forEach((intent, i) =>
    intent.examples.forEach((example, e) => {
      const key = normalize(example);
      if (!key) return;
      const first = firstSeen.get(key);
      if (!first) firstSeen.set(key, {intent: intent.name, i, e});
      else if (first.intent !== intent.name)
        out.push({
          severity: 'error',
          code: 'SPEC_EXAMPLE_IN_TWO_INTENTS',
          message: `example "${example}" is also in intent "${first.intent}" (intents[${first.i}].examples[${first.e}])`,
          ...at(['intents', i, 'examples', e]),
          suggestion:
            'Keep it in the one intent it belongs to; the classifier cannot learn two answers for one input.',
        });
    }),
  );
  return out;
}

export function checkSynonymConflicts(spec: Spec, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  (spec.entities ?? []).forEach((entity, i) => {
    if (entity.type !== 'list') return;
    const owner = new Map<string, string>();
    (entity.values ?? []).forEach((item, v) => {
      if (typeof item === 'string') return;
      const words = [item.value, ...(item.synonyms ?? [])];
      words.forEach((word, w) => {
        const key = normalize(word);
        if (!key) return;
        const other = owner.get(key);
        if (other !== undefined && other !== item.value)
          out.push({
            severity: 'error',
            code: 'SPEC_SYNONYM_CONFLICT',
            message: `"${word}" of entity "${entity.name}" stands for two values: "${other}" and "${item.value}"`,
            ...at(
              w === 0
                ? ['entities', i, 'values', v, 'value']
                : ['entities', i, 'values', v, 'synonyms', w - 1],
            ),
            suggestion: `Keep "${word}" under one value only; a recogniser cannot tell which one a user meant.`,
          });
        else owner.set(key, item.value);
      });
    });
  });
  return out;
}
