/** Canonical Dataset -> Azure CLU conversation project JSON (projectFileVersion 2023-04-01, UTF-16 offsets). */
import {
  type ConnectorContext,
  type ExportOptions,
  type Dataset,
  type Entity,
  type EntitySpan,
  intentNames,
} from '../../../src/connector-kit.js';
import {cluLanguage} from '../culture.js';
import {CLU_MAX_REGEX_ENTITIES, CLU_OLD_MAX_UTTERANCES, overLimit} from '../limits.js';
import {canonicalToCluPrebuilt, warnMergedPrebuilts} from '../prebuilt-names.js';
import {warnDroppedSpanValues} from '../span-values.js';
import {withUndeclaredEntities} from '../undeclared.js';
import {cluListValues} from './to-dataset.js';
import type {CluEntity, CluProject, CluUtterance} from './types.js';
import {cluProjectName, restrictToWrittenVersion} from './written-version.js';
import {CLU_WRITTEN_VERSION} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cluMeta(holder: {metadata?: Record<string, unknown>} | undefined): Record<string, unknown> {
  const meta = holder?.metadata?.['clu'];
  return isRecord(meta) ? meta : {};
}

function toCluEntity(entity: Entity, language: string, context: ConnectorContext): CluEntity {
  const previous = cluMeta(entity)['definition'];
  const base: CluEntity =
    isRecord(previous) && previous['category'] === entity.name
      ? {...(previous as CluEntity)}
      : {category: entity.name, compositionSetting: 'combineComponents'};
  if (entity.description) base.description = entity.description;
  const unchanged = <T>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (entity.kind === 'list' && base.list && unchanged(cluListValues(base.list), entity.values ?? [])) {
    // Same values as the imported definition: keep its exact synonym groups (languages, order).
  } else if (
    entity.kind === 'regex' &&
    base.regex &&
    unchanged(
      base.regex.expressions.map((e) => e.regexPattern),
      entity.patterns ?? [],
    )
  ) {
    // Same patterns as the imported definition: keep its keys and languages.
  } else if (entity.kind === 'list') {
    base.list = {
      sublists: (entity.values ?? []).map((v) => ({
        listKey: v.value,
        // CLU matches the synonyms only, so the canonical value is listed among them.
        synonyms: [{language, values: [...new Set([v.value, ...(v.synonyms ?? [])])]}],
      })),
    };
  } else if (entity.kind === 'regex') {
    base.regex = {
      expressions: (entity.patterns ?? []).map((regexPattern, i) => ({
        regexKey: `${entity.name}_${i + 1}`,
        language,
        regexPattern,
      })),
    };
  } else if (entity.kind === 'prebuilt' && !base.prebuilts) {
    const category = canonicalToCluPrebuilt(entity.prebuilt ?? '');
    if (category) base.prebuilts = [{category}];
    else {
      context.warn({
        code: 'EXPORT_PREBUILT_UNMAPPED',
        message: `CLU has no prebuilt component for "${entity.prebuilt}": "${entity.name}" is exported as a learned entity`,
      });
    }
  }
  return base;
}

/** CLU labels are flat: children become labels of their own (they keep their offsets). */
function flatten(spans: EntitySpan[]): EntitySpan[] {
  return spans.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

export function datasetToCluProject(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): CluProject {
  const utterances = options.split
    ? dataset.utterances.filter((u) => (u.split ?? 'train') === options.split)
    : dataset.utterances;
  // Tags, patterns and phrase lists are warned about by the core (connector limits); these say what CLU does instead.
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

  const saved = cluMeta(dataset);
  const savedMetadata = isRecord(saved['metadata']) ? saved['metadata'] : {};
  const savedProject = isRecord(saved['project']) ? saved['project'] : {};
  const savedAssets = isRecord(saved['assets']) ? saved['assets'] : {};
  const language = cluLanguage(dataset.language);
  const entities = withUndeclaredEntities(dataset, utterances, {flat: true}).map((e) =>
    toCluEntity(e, language, context),
  );
  const regexCount = entities.filter((e) => (e.regex?.expressions.length ?? 0) > 0).length;
  if (regexCount > CLU_MAX_REGEX_ENTITIES)
    throw overLimit('CLU', 'entities with a regex component', regexCount, CLU_MAX_REGEX_ENTITIES);
  const cluUtterances: CluUtterance[] = utterances.map((u) => {
    const uttLanguage = cluMeta(u)['language'];
    return {
      text: u.text,
      language: typeof uttLanguage === 'string' ? uttLanguage : language,
      intent: u.intent,
      entities: flatten(u.entities ?? []).map((s) => ({
        category: s.entity,
        offset: s.start,
        length: s.end - s.start,
      })),
      dataset: u.split === 'test' ? 'Test' : 'Train',
    };
  });
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
        projectName: cluProjectName(dataset.name ?? options.name ?? 'synthnlu', context),
        language,
        multilingual:
          typeof savedMetadata['multilingual'] === 'boolean' ? savedMetadata['multilingual'] : false,
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
