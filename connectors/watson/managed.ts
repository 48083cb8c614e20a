/**
 * The keys of each Watson object synthnlu manages, in the order a fresh export writes them (the order of
 * current exports: intent, examples, description; entity, values, fuzzy_match; type, value, synonyms).
 * The importer and the exporter use the same lists, so an unchanged object is written back as read.
 */
import type {Managed} from './shape.js';
import type {WatsonExample, WatsonMention, WatsonValue} from './types.js';

export function intentManaged(name: string, examples: unknown[], description: string | undefined): Managed[] {
  return [
    ['intent', name],
    ['examples', examples, []],
    ['description', description],
  ];
}

export function exampleManaged(text: string, mentions: WatsonMention[] | undefined): Managed[] {
  return [
    ['text', text],
    ['mentions', mentions ?? [], [], true],
  ];
}

export function entityManaged(
  name: string,
  values: unknown[],
  description: string | undefined,
  fuzzy: boolean | undefined,
): Managed[] {
  return [
    ['entity', name],
    ['values', values, []],
    ['fuzzy_match', fuzzy],
    ['description', description],
  ];
}

export function valueManaged(
  value: Pick<WatsonValue, 'value' | 'type' | 'synonyms' | 'patterns'>,
): Managed[] {
  if (value.type === 'patterns')
    return [
      ['type', 'patterns'],
      ['value', value.value],
      ['patterns', value.patterns ?? []],
    ];
  return [
    ['type', 'synonyms', 'synonyms'],
    ['value', value.value],
    ['synonyms', value.synonyms ?? [], []],
  ];
}

/** The example's managed keys emptied, for its stored shape. */
export function emptiedExample(example: WatsonExample): WatsonExample {
  return {...example, text: '', ...('mentions' in example ? {mentions: []} : {})};
}
