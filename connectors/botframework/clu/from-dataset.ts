/** Canonical Dataset -> Azure CLU conversation project JSON (projectFileVersion 2023-04-01, UTF-16 offsets). */
import {
  type ConnectorContext,
  type ExportOptions,
  type Dataset,
  type Entity,
  type EntitySpan,
  intentNames,
  datasetLanguages,
  utteranceLanguage,
} from '../../../src/connector-kit.js';
import {cluLanguage} from '../culture.js';
import {CLU_MAX_REGEX_ENTITIES, CLU_OLD_MAX_UTTERANCES, overLimit} from '../limits.js';
import {canonicalToCluPrebuilt, warnMergedPrebuilts} from '../prebuilt-names.js';
import {warnDroppedSpanValues} from '../span-values.js';
import {withUndeclaredEntities} from '../undeclared.js';
import {cluListValues} from './to-dataset.js';
import type {CluEntity, CluListSynonyms, CluProject, CluUtterance} from './types.js';
import {cluProjectName, restrictToWrittenVersion} from './written-version.js';
import {CLU_WRITTEN_VERSION} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cluMeta(holder: {metadata?: Record<string, unknown>} | undefined): Record<string, unknown> {
  const meta = holder?.metadata?.['clu'];
  return isRecord(meta) ? meta : {};
}

const sameJson = <T>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The languages a project holds: the dataset's primary first, each with its CLU code
 * (a multilingual project: one `language` per utterance and one synonyms entry per language of a list value).
 */
interface CluLanguages {
  primary: string;
  /** Dataset language → CLU code, the primary first. */
  codes: Map<string, string>;
}

type ComponentWriter = (
  base: CluEntity,
  entity: Entity,
  languages: CluLanguages,
  context: ConnectorContext,
) => void;

/** A list value's synonyms entries: the primary language's (with the value itself), then each other language's. */
function listSynonyms(
  value: NonNullable<Entity['values']>[number],
  {primary, codes}: CluLanguages,
): CluListSynonyms[] {
  // CLU matches the synonyms only, so the canonical value is listed among the primary language's.
  const entries = [{language: primary, values: [...new Set([value.value, ...(value.synonyms ?? [])])]}];
  for (const [language, code] of [...codes].slice(1)) {
    const forms = value.synonymsByLanguage?.[language];
    if (forms?.length) entries.push({language: code, values: [...new Set(forms)]});
  }
  return entries;
}

/** One writer per entity kind: the CLU component (list, regex, prebuilt) its values become; ml entities have none. */
const CLU_COMPONENTS: Record<Entity['kind'], ComponentWriter> = {
  list(base, entity, languages) {
    // Same values as the imported definition: keep its exact synonym groups (languages, order).
    if (base.list && sameJson(cluListValues(base.list, cluLanguageNames(languages)), entity.values ?? []))
      return;
    base.list = {
      sublists: (entity.values ?? []).map((v) => ({
        listKey: v.value,
        synonyms: listSynonyms(v, languages),
      })),
    };
  },
  regex(base, entity, {primary: language}) {
    // Same patterns as the imported definition: keep its keys and languages.
    const patterns = entity.patterns ?? [];
    if (
      base.regex &&
      sameJson(
        base.regex.expressions.map((e) => e.regexPattern),
        patterns,
      )
    )
      return;
    base.regex = {
      expressions: patterns.map((regexPattern, i) => ({
        regexKey: `${entity.name}_${i + 1}`,
        language,
        regexPattern,
      })),
    };
  },
  prebuilt(base, entity, _language, context) {
    if (base.prebuilts) return;
    const category = canonicalToCluPrebuilt(entity.prebuilt ?? '');
    if (category) base.prebuilts = [{category}];
    else
      context.warn({
        code: 'EXPORT_PREBUILT_UNMAPPED',
        message: `CLU has no prebuilt component for "${entity.prebuilt}": "${entity.name}" is exported as a learned entity`,
      });
  },
  ml() {},
};

/** The imported definition when there is one (its other components and settings), updated from the entity. */
function toCluEntity(entity: Entity, languages: CluLanguages, context: ConnectorContext): CluEntity {
  const previous = cluMeta(entity)['definition'];
  const base: CluEntity =
    isRecord(previous) && previous['category'] === entity.name
      ? {...(previous as CluEntity)}
      : {category: entity.name, compositionSetting: 'combineComponents'};
  if (entity.description) base.description = entity.description;
  CLU_COMPONENTS[entity.kind](base, entity, languages, context);
  return base;
}

/** CLU labels are flat: children become labels of their own (they keep their offsets). */
function flatten(spans: EntitySpan[]): EntitySpan[] {
  return spans.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** What CLU cannot carry, said once each (tags, patterns and phrase lists are warned about by the core). */
function warnCluLosses(dataset: Dataset, utterances: Dataset['utterances'], context: ConnectorContext): void {
  const warnIf = (condition: boolean, message: string): void => {
    if (condition) context.warn({code: 'EXPORT_DROPS_FEATURE', message});
  };
  warnIf(
    utterances.some((u) => u.entities?.some((s) => s.role !== undefined)) ||
      dataset.entities.some((e) => (e.roles?.length ?? 0) > 0),
    'CLU has no entity roles; labels are exported without their role',
  );
  warnIf(
    utterances.some((u) => u.entities?.some((s) => (s.children?.length ?? 0) > 0)),
    'CLU has no nested entities; child labels are exported as labels of their own',
  );

  if (utterances.length > CLU_OLD_MAX_UTTERANCES) {
    context.warn({
      code: 'LIMIT_CLU_OLD_UTTERANCE_LIMIT',
      message: `the project has ${utterances.length} utterances: CLU allows 50,000, but resources still on the older limit refuse more than ${CLU_OLD_MAX_UTTERANCES.toLocaleString('en-US')}`,
      suggestion: 'If the import is refused, export fewer (--split train, or fewer per intent).',
    });
  }
  warnDroppedSpanValues(dataset, utterances, context, 'CLU');
  warnMergedPrebuilts(dataset.entities, context, 'CLU');
}

/** The other languages' CLU codes (lower case) → the dataset languages they stand for, for cluListValues. */
function cluLanguageNames({codes}: CluLanguages): Map<string, string> {
  return new Map([...codes].slice(1).map(([language, code]) => [code.toLowerCase(), language]));
}

function toCluUtterance(
  u: Dataset['utterances'][number],
  dataset: Dataset,
  {primary, codes}: CluLanguages,
): CluUtterance {
  const code = codes.get(utteranceLanguage(u, dataset)) ?? primary;
  // The code an imported utterance was written with, where it still names the utterance's language.
  const kept = cluMeta(u)['language'];
  return {
    text: u.text,
    language:
      typeof kept === 'string' && (u.language === undefined || kept.toLowerCase() === code.toLowerCase())
        ? kept
        : code,
    intent: u.intent,
    entities: flatten(u.entities ?? []).map((s) => ({
      category: s.entity,
      offset: s.start,
      length: s.end - s.start,
    })),
    dataset: u.split === 'test' ? 'Test' : 'Train',
  };
}

export function datasetToCluProject(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): CluProject {
  const utterances = options.split
    ? dataset.utterances.filter((u) => (u.split ?? 'train') === options.split)
    : dataset.utterances;
  warnCluLosses(dataset, utterances, context);

  const saved = cluMeta(dataset);
  const savedMetadata = isRecord(saved['metadata']) ? saved['metadata'] : {};
  const savedProject = isRecord(saved['project']) ? saved['project'] : {};
  const savedAssets = isRecord(saved['assets']) ? saved['assets'] : {};
  const language = cluLanguage(dataset.language);
  const languages: CluLanguages = {
    primary: language,
    codes: new Map(datasetLanguages(dataset).map((l) => [l, cluLanguage(l)])),
  };
  const multilingual = languages.codes.size > 1;
  const entities = withUndeclaredEntities(dataset, utterances, {flat: true}).map((e) =>
    toCluEntity(e, languages, context),
  );
  const regexCount = entities.filter((e) => (e.regex?.expressions.length ?? 0) > 0).length;
  if (regexCount > CLU_MAX_REGEX_ENTITIES)
    throw overLimit('CLU', 'entities with a regex component', regexCount, CLU_MAX_REGEX_ENTITIES);
  const cluUtterances = utterances.map((u) => toCluUtterance(u, dataset, languages));
  // Preview-era keys (api-version) are not carried into the GA layout we write.
  const {
    ['api-version']: _apiVersion,
    projectFileVersion: _version,
    stringIndexType: _index,
    ...projectExtra
  } = savedProject as Record<string, unknown>;
  return restrictToWrittenVersion(
    {
      ...projectExtra,
      projectFileVersion: CLU_WRITTEN_VERSION,
      stringIndexType: 'Utf16CodeUnit',
      metadata: {
        ...savedMetadata,
        projectKind: 'Conversation',
        // An explicit --name wins over the name the dataset carries (an imported project's own).
        projectName: cluProjectName(options.name ?? dataset.name ?? 'synthnlu', context),
        language,
        // Several languages need a multilingual project; one keeps what the imported project said.
        multilingual:
          multilingual ||
          (typeof savedMetadata['multilingual'] === 'boolean' ? savedMetadata['multilingual'] : false),
        description: dataset.description ?? '',
        settings: isRecord(savedMetadata['settings']) ? savedMetadata['settings'] : {confidenceThreshold: 0},
      },
      assets: {
        ...savedAssets,
        projectKind: 'Conversation',
        intents: intentNames({...dataset, utterances}).map((category) => ({category})),
        entities,
        utterances: cluUtterances,
      },
    },
    context,
  );
}
