/**
 * Several languages in one spec. A spec with `languages: [en, es]` may give an intent's examples, and a list
 * value's synonyms, as maps from language to list; a plain list belongs to the first (primary) language. Each
 * language is generated from its own one-language view of the spec (`projectSpec`), which is what the
 * generator, the checks and the provider always see.
 */
import {SynthnluError, type Diagnostic} from '../errors.js';
import type {PathSegment} from '../schema/json-path.js';
import {closestMatch} from '../schema/suggest.js';
import type {
  EntitySpec,
  IntentSpec,
  ListValueSpec,
  ListValueSpecDocument,
  Spec,
  SpecDocument,
} from './spec.js';

/** The spec's languages, the primary first: `languages`, else `[language]` (default en). */
export function specLanguages(spec: SpecDocument | Spec): string[] {
  const listed = 'languages' in spec ? (spec as SpecDocument).languages : undefined;
  return listed?.length ? [...listed] : [spec.language ?? 'en'];
}

/** True when the spec declares more than one language. */
export function isMultiLanguage(spec: SpecDocument | Spec): boolean {
  return specLanguages(spec).length > 1;
}

/** A one-language view of the spec, with how its paths map back to the document (for diagnostics). */
export interface LanguageView {
  language: string;
  spec: Spec;
  /** A path in `spec` (intents[i].examples[e], entities[k].values[v].synonyms[s]) as a path in the document. */
  documentPath: (segments: PathSegment[]) => PathSegment[];
}

function isLanguageMap(value: unknown): value is Record<string, string[] | undefined> {
  return value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether the document uses anything of several languages (languages:, or a map from language to list). */
export function usesLanguageMaps(document: SpecDocument | Spec): boolean {
  return (
    'languages' in document ||
    document.intents.some((intent) => isLanguageMap(intent.examples)) ||
    (document.entities ?? []).some((entity) =>
      (entity.values ?? []).some((value) => typeof value === 'object' && isLanguageMap(value.synonyms)),
    )
  );
}

/**
 * The one-language spec the generator works on: a plain spec as it is; a spec written with maps in one
 * language, its view. A spec in several languages is generated language by language (generateDataset).
 */
export function oneLanguageSpec(document: SpecDocument | Spec): Spec {
  if (!usesLanguageMaps(document)) return document as Spec;
  if (isMultiLanguage(document))
    throw new SynthnluError(
      'GENERATE_SEVERAL_LANGUAGES',
      `the spec has several languages (${specLanguages(document).join(', ')}); this call generates one`,
      {
        suggestion:
          'Generate with generateDataset or writeGeneratedJsonl, or take one language with projectSpec.',
      },
    );
  return projectSpec(document as SpecDocument, specLanguages(document)[0]!).spec;
}

/** The examples an intent has in one language (a plain list is the primary language's). */
export function examplesIn(
  examples: readonly string[] | Record<string, string[] | undefined>,
  language: string,
  primary: string,
): string[] {
  if (isLanguageMap(examples)) return examples[language] ?? [];
  return language === primary ? [...(examples as readonly string[])] : [];
}

function valueIn(value: ListValueSpecDocument, language: string, primary: string): ListValueSpec {
  if (typeof value === 'string') return value;
  const {synonyms, ...rest} = value;
  if (!isLanguageMap(synonyms))
    return language === primary && synonyms ? {...rest, synonyms: synonyms as string[]} : {...rest};
  const own = synonyms[language] ?? [];
  if (language === primary) return {...rest, ...(own.length ? {synonyms: own} : {})};
  return own.length ? {...rest, synonyms: own, valueIsForm: false} : {...rest};
}

/** The spec as one language sees it; intents without examples in that language are left out. */
export function projectSpec(document: SpecDocument, language: string): LanguageView {
  const primary = specLanguages(document)[0]!;
  const intentIndex: number[] = [];
  const intents: IntentSpec[] = [];
  document.intents.forEach((intent, i) => {
    const examples = examplesIn(intent.examples, language, primary);
    if (examples.length === 0) return;
    intentIndex.push(i);
    intents.push({...intent, examples: examples as IntentSpec['examples']});
  });
  const entities = document.entities?.map((entity): EntitySpec => {
    const {values, ...rest} = entity;
    return {...rest, ...(values ? {values: values.map((v) => valueIn(v, language, primary))} : {})};
  });
  const {languages: _languages, intents: _intents, entities: _entities, ...rest} = document;
  const spec: Spec = {
    ...rest,
    language,
    intents: intents as Spec['intents'],
    ...(entities ? {entities} : {}),
  };
  if (!isMultiLanguage(document)) {
    // A one-language spec is its own view (its language key stays as written, or absent).
    if (document.language === undefined) delete spec.language;
  }
  const documentPath = (segments: PathSegment[]): PathSegment[] => {
    if (segments[0] === 'intents' && typeof segments[1] === 'number') {
      const i = intentIndex[segments[1]] ?? segments[1];
      const tail = segments.slice(2);
      if (tail[0] === 'examples' && isLanguageMap(document.intents[i]?.examples))
        return ['intents', i, 'examples', language, ...tail.slice(1)];
      return ['intents', i, ...tail];
    }
    if (segments[0] === 'entities' && segments[2] === 'values' && segments[4] === 'synonyms') {
      const value = document.entities?.[segments[1] as number]?.values?.[segments[3] as number];
      if (typeof value === 'object' && isLanguageMap(value.synonyms))
        return [...segments.slice(0, 5), language, ...segments.slice(5)];
    }
    return segments;
  };
  return {language, spec, documentPath};
}

/** Every language's view, the primary first. */
export function languageViews(document: SpecDocument): LanguageView[] {
  return specLanguages(document).map((language) => projectSpec(document, language));
}

type Locate = (segments: PathSegment[]) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

/**
 * The language rules: `language` agrees with `languages`, maps name only declared languages (and need
 * `languages:`), and every language has examples; an intent missing in a language is a warning (it is
 * generated in the others only).
 */
export function checkLanguages(document: SpecDocument, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = document.languages;
  const languages = specLanguages(document);
  if (declared?.length && document.language !== undefined && document.language !== declared[0])
    out.push({
      severity: 'error',
      code: 'SPEC_LANGUAGE_CONFLICT',
      message: `language: ${document.language} is not the first of languages: [${declared.join(', ')}]`,
      ...at(['language']),
      suggestion: `Remove language: (languages: lists them all, the primary first), or put ${document.language} first in languages:.`,
    });
  const unknownKey = (key: string, path: PathSegment[]) => {
    if (languages.includes(key)) return;
    const close = closestMatch(key, languages);
    out.push({
      severity: 'error',
      code: declared?.length ? 'SPEC_UNKNOWN_LANGUAGE' : 'SPEC_LANGUAGES_MISSING',
      message: declared?.length
        ? `"${key}" is not one of the spec's languages (${languages.join(', ')})`
        : `examples or synonyms by language ("${key}") need languages: at the top of the spec`,
      ...at(path),
      suggestion: declared?.length
        ? close
          ? `Did you mean ${close}?`
          : `Add ${key} to languages:, or remove these entries.`
        : `Add languages: [${[document.language ?? 'en', key].filter((l, i, all) => all.indexOf(l) === i).join(', ')}] at the top.`,
    });
  };
  document.intents.forEach((intent, i) => {
    if (isLanguageMap(intent.examples))
      for (const key of Object.keys(intent.examples)) unknownKey(key, ['intents', i, 'examples', key]);
  });
  (document.entities ?? []).forEach((entity, e) =>
    (entity.values ?? []).forEach((value, v) => {
      if (typeof value === 'object' && isLanguageMap(value.synonyms))
        for (const key of Object.keys(value.synonyms))
          unknownKey(key, ['entities', e, 'values', v, 'synonyms', key]);
    }),
  );
  if (languages.length < 2 || out.length > 0) return out;
  const primary = languages[0]!;
  for (const language of languages) {
    const missing = document.intents
      .map((intent, i) => ({intent, i}))
      .filter(({intent}) => examplesIn(intent.examples, language, primary).length === 0);
    if (missing.length === document.intents.length) {
      out.push({
        severity: 'error',
        code: 'SPEC_LANGUAGE_WITHOUT_EXAMPLES',
        message: `no intent has examples in ${language}`,
        ...at(['languages']),
        suggestion: `Give intents examples: {${language}: [...]}, or remove ${language} from languages:.`,
      });
      continue;
    }
    for (const {intent, i} of missing)
      out.push({
        severity: 'warning',
        code: 'SPEC_INTENT_MISSING_LANGUAGE',
        message: `intent "${intent.name}" has no examples in ${language}: it is generated in ${languages.filter((l) => examplesIn(intent.examples, l, primary).length > 0).join(', ')} only`,
        ...at(['intents', i, 'examples']),
        suggestion: `Add ${language}: [...] to its examples.`,
      });
  }
  return out;
}
