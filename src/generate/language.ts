/**
 * Loads the language pack only when a spec will use variation families. The English pack brings compromise
 * and a lexicon (most of a second of start-up), which a Chatito file or a spec with `variations: {}` never
 * needs; those get English's article agreement only.
 */
import type {Spec, SpecDocument} from '../spec/spec.js';
import type {LanguagePack} from './variation/types.js';

function mixIsEmpty(mix: Record<string, number | undefined> | 'auto' | undefined): boolean {
  return typeof mix === 'object' && Object.values(mix).every((share) => !share);
}

/** True when no intent can apply a family: the spec's defaults say none and no intent adds any. */
export function specUsesVariation(spec: Spec | SpecDocument): boolean {
  if (!mixIsEmpty(spec.defaults?.variations)) return true;
  return spec.intents.some((intent) => intent.variations !== undefined && !mixIsEmpty(intent.variations));
}

export async function languagePackFor(spec: Spec | SpecDocument): Promise<LanguagePack> {
  const language = spec.language ?? 'en';
  const code = language.split('-')[0]!.toLowerCase();
  if (!specUsesVariation(spec)) {
    // No family runs, but "a"/"an" before an alias, a choice or a slot value must still agree with the word
    // the expansion puts after it: English's agreement alone, without the rest of the pack.
    if (code !== 'en') return {language: code, families: []};
    const {agreeArticles} = await import('../lang/en/articles.js');
    return {language: code, families: [], agree: agreeArticles};
  }
  const {languagePack} = await import('../lang/index.js');
  return languagePack(language);
}
