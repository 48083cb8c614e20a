/** Azure CLU project JSON -> canonical Dataset. Pure: the caller has checked the layout and the schema. */
import {
  SynthnluError,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
  DATASET_FORMAT,
} from '../../../src/connector-kit.js';
import {cluPrebuiltToCanonical} from '../prebuilt-names.js';
import {toUtf16Offset} from './offsets.js';
import type {CluEntity, CluProject} from './types.js';

/**
 * The canonical list values of a CLU list component. `others` maps the (lower-case) CLU codes of a dataset's
 * other languages to those languages: their synonyms entries become the value's synonymsByLanguage; every other
 * entry's values are the primary language's synonyms (the key left out).
 */
export function cluListValues(
  list: NonNullable<CluEntity['list']>,
  others: ReadonlyMap<string, string> = new Map(),
): NonNullable<Entity['values']> {
  return list.sublists.map((s) => {
    const other = (group: {language: string}) => others.get(group.language.toLowerCase());
    const synonyms = [
      ...new Set(s.synonyms.filter((group) => !other(group)).flatMap((group) => group.values)),
    ].filter((v) => v.length > 0 && v !== s.listKey);
    const byLanguage: Record<string, string[]> = {};
    for (const group of s.synonyms) {
      const language = other(group);
      const forms = group.values.filter((v) => v.length > 0);
      if (language && forms.length > 0)
        byLanguage[language] = [...new Set([...(byLanguage[language] ?? []), ...forms])];
    }
    return {
      value: s.listKey,
      ...(synonyms.length > 0 ? {synonyms} : {}),
      ...(Object.keys(byLanguage).length > 0 ? {synonymsByLanguage: byLanguage} : {}),
    };
  });
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The languages of a project: its own, then every other language its utterances are in (a multilingual
 * project), in the order they first occur, compared case-insensitively. A code that is no language tag stays
 * in its utterance's metadata.
 */
function projectLanguages(project: CluProject): {primary: string; others: Map<string, string>} {
  const own = project.metadata.language;
  const primary = LANGUAGE_TAG.test(own) ? own : 'en-us';
  const others = new Map<string, string>();
  for (const u of project.assets.utterances) {
    const code = u.language;
    if (!code || !LANGUAGE_TAG.test(code) || code.toLowerCase() === own.toLowerCase()) continue;
    if (!others.has(code.toLowerCase())) others.set(code.toLowerCase(), code);
  }
  return {primary, others};
}

function toEntity(definition: CluEntity, others: ReadonlyMap<string, string>): Entity {
  // The whole definition is kept: CLU entities combine components (learned, list, prebuilt, regex) that the
  // canonical model expresses as one kind.
  const metadata = {clu: {definition}};
  const base = {
    name: definition.category,
    ...(definition.description ? {description: definition.description} : {}),
  };
  if (definition.list && definition.list.sublists.length > 0) {
    return {
      ...base,
      kind: 'list',
      values: cluListValues(definition.list, others),
      metadata,
    };
  }
  if (definition.regex && definition.regex.expressions.length > 0) {
    return {
      ...base,
      kind: 'regex',
      patterns: definition.regex.expressions.map((e) => e.regexPattern),
      metadata,
    };
  }
  const [prebuilt] = definition.prebuilts ?? [];
  if (prebuilt)
    return {...base, kind: 'prebuilt', prebuilt: cluPrebuiltToCanonical(prebuilt.category), metadata};
  return {...base, kind: 'ml', metadata};
}

/**
 * Where an utterance's CLU language goes: in a multi-language dataset, its `language` (every utterance, the
 * primary's too); a code written otherwise than that language (or one the dataset cannot hold) is also kept in
 * the utterance's metadata, which the export writes back.
 */
function utteranceLanguageOf(
  code: string | undefined,
  languages: ReturnType<typeof projectLanguages> & {own: string},
): Pick<Utterance, 'language' | 'metadata'> {
  const keep = code && code !== languages.own ? {metadata: {clu: {language: code}}} : {};
  if (languages.others.size === 0 || !code) return keep;
  const lower = code.toLowerCase();
  const language = lower === languages.own.toLowerCase() ? languages.primary : languages.others.get(lower);
  if (!language) return keep;
  return {language, ...(language === code ? {} : keep)};
}

export function cluProjectToDataset(project: CluProject, file: string): Dataset {
  const projectLanguage = project.metadata.language;
  const languages = {...projectLanguages(project), own: projectLanguage};
  const {primary, others} = languages;
  const utterances: Utterance[] = project.assets.utterances.map((u, i) => {
    const spans: EntitySpan[] = (u.entities ?? []).map((label, j) => {
      const start = toUtf16Offset(u.text, label.offset, project.stringIndexType);
      const end = toUtf16Offset(u.text, label.offset + label.length, project.stringIndexType);
      if (start === undefined || end === undefined || end <= start) {
        throw new SynthnluError(
          'CLU_BAD_OFFSET',
          `entity "${label.category}" at offset ${label.offset} length ${label.length} (${project.stringIndexType}) is outside the utterance or splits a character`,
          {
            location: {file, path: `assets.utterances[${i}].entities[${j}]`},
            suggestion: 'Fix offset/length.',
          },
        );
      }
      return {entity: label.category, start, end};
    });
    return {
      text: u.text,
      intent: u.intent,
      ...(spans.length > 0 ? {entities: spans} : {}),
      source: 'imported',
      split: u.dataset === 'Test' ? 'test' : 'train',
      ...utteranceLanguageOf(u.language, languages),
    };
  });
  const {intents, entities, utterances: _utterances, ...assetsRest} = project.assets;
  const {metadata, assets: _assets, ...projectRest} = project;
  return {
    format: DATASET_FORMAT,
    name: metadata.projectName,
    ...(metadata.description ? {description: metadata.description} : {}),
    language: primary,
    // A multilingual project with utterances in other languages is a multi-language dataset.
    ...(others.size > 0 ? {languages: [primary, ...others.values()] as [string, ...string[]]} : {}),
    intents: intents.map((i) => ({
      name: i.category,
      ...(i['orchestration'] !== undefined ? {metadata: {clu: {orchestration: i['orchestration']}}} : {}),
    })),
    entities: entities.map((e) => toEntity(e, others)),
    utterances,
    metadata: {clu: {project: projectRest, metadata, assets: assetsRest}},
  };
}
