/**
 * Language packs by primary language subtag. Adding a language = a folder src/lang/<lang>/ exporting a
 * LanguagePack, plus one line in PACKS. A language without a pack gets no variation families (the generator
 * still expands templates), so specs in any language work.
 */
import type {LanguagePack, VariationFamily} from '../generate/variation/types.js';
import {germanPack} from './de/index.js';
import {englishPack} from './en/index.js';
import {spanishPack} from './es/index.js';
import {frenchPack} from './fr/index.js';
import {portuguesePack} from './pt/index.js';

const PACKS: Record<string, LanguagePack> = {
  en: englishPack,
  de: germanPack,
  es: spanishPack,
  fr: frenchPack,
  pt: portuguesePack,
};

export function primaryLanguage(language: string): string {
  return language.split(/[-_]/)[0]!.toLowerCase();
}

/** The language pack for a BCP-47 tag (by its primary subtag). */
export function languagePack(language: string): LanguagePack {
  const primary = primaryLanguage(language);
  return PACKS[primary] ?? {language: primary, families: []};
}

/**
 * The family a mix key, disable entry or tag names: its spec name, an alias (typos, synonyms) or its Bitext
 * letter, in any case. The one lookup for specs, the generator and the LLM planner.
 */
export function findFamily(pack: LanguagePack, name: string): VariationFamily | undefined {
  const wanted = name.toLowerCase();
  return pack.families.find(
    (f) =>
      f.name.toLowerCase() === wanted ||
      f.tag.toLowerCase() === wanted ||
      (f.aliases ?? []).some((alias) => alias.toLowerCase() === wanted),
  );
}
