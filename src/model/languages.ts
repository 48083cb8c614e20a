/**
 * Datasets in several languages: `languages` lists them (the primary first), each utterance carries its
 * `language` (absent: the primary), and list values keep their other languages' forms in `synonymsByLanguage`.
 * These helpers take one language out of such a dataset and put one-language datasets back together.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import type {Dataset, Entity, ListValue, Utterance} from './dataset.js';

/** Every language the dataset holds, the primary first. */
export function datasetLanguages(dataset: Pick<Dataset, 'language' | 'languages'>): string[] {
  return dataset.languages?.length ? [...dataset.languages] : [dataset.language];
}

export function isMultiLanguageDataset(dataset: Pick<Dataset, 'language' | 'languages'>): boolean {
  return datasetLanguages(dataset).length > 1;
}

/** The language an utterance is in. */
export function utteranceLanguage(utterance: Utterance, dataset: Pick<Dataset, 'language'>): string {
  return utterance.language ?? dataset.language;
}

/**
 * One language of the dataset as a one-language dataset: its utterances (without their language tag), list
 * values with that language's forms as their synonyms, every intent and entity kept.
 */
export function datasetInLanguage(dataset: Dataset, language: string): Dataset {
  const primary = datasetLanguages(dataset)[0]!;
  const entities = dataset.entities.map((entity): Entity => {
    if (!entity.values) return entity;
    return {
      ...entity,
      values: entity.values.map(({synonymsByLanguage, synonyms, ...value}) => {
        const forms = language === primary ? synonyms : synonymsByLanguage?.[language];
        return forms?.length ? {...value, synonyms: forms} : value;
      }),
    };
  });
  const {languages: _languages, ...rest} = dataset;
  return {
    ...rest,
    language,
    entities,
    utterances: dataset.utterances
      .filter((u) => utteranceLanguage(u, dataset) === language)
      .map(({language: _language, ...u}) => u),
  };
}

/** The dataset keeping only some of its languages (all of them when `languages` is empty). */
export function selectLanguages(dataset: Dataset, languages: readonly string[]): Dataset {
  const held = datasetLanguages(dataset);
  if (languages.length === 0 || held.every((l) => languages.includes(l))) return dataset;
  const kept = held.filter((l) => languages.includes(l));
  if (kept.length === 1) return datasetInLanguage(dataset, kept[0]!);
  return {
    ...dataset,
    language: kept[0]!,
    languages: kept as [string, ...string[]],
    utterances: dataset.utterances.filter((u) => kept.includes(utteranceLanguage(u, dataset))),
  };
}

/**
 * One-language datasets (the primary first) as one multi-language dataset: intents and entities of all of
 * them (the primary's definitions win), each utterance tagged with its language, the other languages' list
 * forms under synonymsByLanguage.
 */
export function mergeLanguages(parts: ReadonlyArray<{language: string; dataset: Dataset}>): Dataset {
  if (parts.length === 1) return parts[0]!.dataset;
  const [first, ...others] = parts;
  const merged: Dataset = {
    ...first!.dataset,
    language: first!.language,
    languages: parts.map((p) => p.language) as [string, ...string[]],
    intents: [...first!.dataset.intents],
    entities: first!.dataset.entities.map((e) => ({
      ...e,
      ...(e.values ? {values: e.values.map((v) => ({...v}))} : {}),
    })),
    utterances: parts.flatMap(({language, dataset}) =>
      dataset.utterances.map(({text, intent, language: _language, ...u}) => ({text, intent, language, ...u})),
    ),
  };
  for (const {language, dataset} of others) {
    for (const intent of dataset.intents)
      if (!merged.intents.some((i) => i.name === intent.name)) merged.intents.push(intent);
    for (const entity of dataset.entities) {
      const own = merged.entities.find((e) => e.name === entity.name);
      if (!own) {
        merged.entities.push(entity);
        continue;
      }
      for (const value of entity.values ?? []) {
        const target = own.values?.find((v) => v.value === value.value);
        const forms = value.synonyms?.length ? value.synonyms : [value.value];
        if (target) target.synonymsByLanguage = {...target.synonymsByLanguage, [language]: forms};
      }
    }
  }
  return merged;
}

/**
 * The dataset keeping the languages a --language flag names; a language it does not hold is bad input,
 * with the languages it does hold.
 */
export function chooseLanguages(dataset: Dataset, wanted: readonly string[] | undefined): Dataset {
  if (!wanted?.length) return dataset;
  const held = datasetLanguages(dataset);
  const missing = wanted.filter((l) => !held.includes(l));
  if (missing.length > 0)
    throw new SynthnluError(
      'LANGUAGE_NOT_IN_DATASET',
      `the dataset holds no ${missing.join(', ')} (its languages: ${held.join(', ')})`,
      {
        exitCode: ExitCode.badInput,
        suggestion: `Pass --language ${held.join(',')} or a part of them.`,
      },
    );
  return selectLanguages(dataset, wanted);
}

/**
 * A list value's forms in another language, from that language's entries on a platform that keeps one
 * entries list per language (Dialogflow ES and CX): the synonyms of the entries under the same reference
 * value, other than the value itself.
 */
export function languageForms(
  entries: ReadonlyArray<{value: string; synonyms?: readonly string[] | null}>,
  value: string,
): string[] {
  const forms = entries
    .filter((e) => e.value === value)
    .flatMap((e) => (e.synonyms ?? []).filter((s) => s !== value && s.length > 0));
  return [...new Set(forms)];
}

/**
 * The other languages of an agent kept one file per language (Dialogflow ES and CX): those its files hold
 * besides the default one, the ones the agent lists (`listed`, as read from its file) first in its order, then
 * any other, sorted; spelled as the files spell them.
 */
export function otherLanguagesOf(found: Iterable<string>, language: string, listed: unknown): string[] {
  const byKey = new Map<string, string>();
  for (const lang of found)
    if (lang.toLowerCase() !== language.toLowerCase() && !byKey.has(lang.toLowerCase()))
      byKey.set(lang.toLowerCase(), lang);
  const first = (Array.isArray(listed) ? listed : [])
    .filter((l): l is string => typeof l === 'string')
    .map((l) => byKey.get(l.toLowerCase()))
    .filter((l): l is string => l !== undefined);
  return [...new Set([...first, ...[...byKey.values()].filter((l) => !first.includes(l)).sort()])];
}

/**
 * A list entity's forms in other languages from each language's entries (`byLanguage`): an entry under one
 * of the values gives that value's forms there (synonymsByLanguage, see languageForms). Returns the entries
 * under a value the list lacks, which the model cannot hold, as `"value" (language)`.
 */
export function linkLanguageForms(
  values: ListValue[],
  byLanguage: Readonly<Record<string, ReadonlyArray<{value: string; synonyms?: readonly string[] | null}>>>,
  languages: readonly string[],
): string[] {
  const known = new Set(values.map((v) => v.value));
  const unlinked: string[] = [];
  for (const lang of languages) {
    const entries = byLanguage[lang];
    if (!entries) continue;
    for (const value of values) {
      const forms = languageForms(entries, value.value);
      if (forms.length > 0) value.synonymsByLanguage = {...value.synonymsByLanguage, [lang]: forms};
    }
    unlinked.push(...entries.filter((e) => !known.has(e.value)).map((e) => `"${e.value}" (${lang})`));
  }
  return unlinked;
}

/** Files by language code, the default language's first (codes compared case-insensitively). */
export function defaultLanguageFirst<T>(
  byLanguage: Iterable<[string, T]> | undefined,
  language: string,
): Array<[string, T]> {
  const all = [...(byLanguage ?? [])];
  const isDefault = ([lang]: [string, T]): boolean => lang.toLowerCase() === language.toLowerCase();
  return [...all.filter(isDefault), ...all.filter((entry) => !isDefault(entry))];
}
