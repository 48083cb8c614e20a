import type {LanguagePack} from '../generate/variation/types.js';

/** The language pack for a BCP-47 tag (by its primary subtag). Placeholder until the English pack lands. */
export function languagePack(language: string): LanguagePack {
  return {language: language.split('-')[0]!.toLowerCase(), families: []};
}
