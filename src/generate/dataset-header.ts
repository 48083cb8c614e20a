/**
 * The parts of a generated dataset that come straight from the spec: its intents and entity definitions.
 */
import {DEFAULT_NONE_NAME} from './settings.js';
import {DATASET_FORMAT, type Dataset, type Entity, type Intent} from '../model/dataset.js';
import {isMultiLanguage, languageViews, oneLanguageSpec} from '../spec/languages.js';
import type {EntitySpec, Spec, SpecDocument} from '../spec/spec.js';

export type DatasetHeader = Omit<Dataset, 'utterances'>;

function toEntity(spec: EntitySpec): Entity {
  const entity: Entity = {name: spec.annotateAs ?? spec.name, kind: 'ml'};
  if (spec.description) entity.description = spec.description;
  if (spec.templates) {
    // Chatito slots: free text drawn from a grammar, learned from examples like any ml entity.
  } else if (spec.type === 'list') {
    entity.kind = 'list';
    entity.values = (spec.values ?? []).map((v) =>
      typeof v === 'string'
        ? {value: v}
        : {value: v.value, ...(v.synonyms?.length ? {synonyms: v.synonyms} : {})},
    );
  } else if (spec.type === 'regex') {
    entity.kind = 'regex';
    entity.patterns = spec.pattern ? [spec.pattern] : [];
  } else if (spec.type === 'system') {
    entity.kind = 'prebuilt';
    if (spec.system) entity.prebuilt = spec.system;
  }
  if (spec.roles?.length) entity.roles = spec.roles;
  return entity;
}

/** Dataset entities from spec entities; variants annotated under one name (annotateAs) become one entity. */
export function datasetEntities(spec: Spec): Entity[] {
  const byName = new Map<string, Entity>();
  for (const entitySpec of spec.entities ?? []) {
    const entity = toEntity(entitySpec);
    const existing = byName.get(entity.name);
    if (!existing) {
      byName.set(entity.name, entity);
      continue;
    }
    if (existing.kind === 'list' && entity.kind === 'list')
      existing.values = [...(existing.values ?? []), ...(entity.values ?? [])];
    if (entity.roles) existing.roles = [...new Set([...(existing.roles ?? []), ...entity.roles])];
  }
  return [...byName.values()];
}

/** The out-of-scope intent generation adds (the spec's `none:` or the --none option), if any. */
export interface NoneIntentOption {
  none?: {name?: string; count?: number};
}

export function datasetIntents(spec: Spec | SpecDocument, options: NoneIntentOption = {}): Intent[] {
  const intents: Intent[] = spec.intents.map((i) => ({
    name: i.name,
    ...(i.description ? {description: i.description} : {}),
    ...(i.responses?.length ? {responses: i.responses} : {}),
  }));
  const none = options.none ?? spec.none;
  if (none)
    intents.push({
      name: options.none?.name ?? spec.none?.name ?? DEFAULT_NONE_NAME,
      description: 'Out of scope: neutral and out-of-domain utterances (the fallback).',
    });
  return intents;
}

export function datasetHeaderFor(
  document: Spec | SpecDocument,
  options: NoneIntentOption = {},
): DatasetHeader {
  if (isMultiLanguage(document)) return multiLanguageHeader(document as SpecDocument, options);
  const spec = oneLanguageSpec(document);
  return {
    format: DATASET_FORMAT,
    ...(spec.name ? {name: spec.name} : {}),
    ...(spec.description ? {description: spec.description} : {}),
    language: spec.language ?? 'en',
    intents: datasetIntents(spec, options),
    entities: datasetEntities(spec),
  };
}

/**
 * A multi-language dataset's header: its languages, the primary first; entities as the primary language has
 * them, each list value's forms in the other languages under synonymsByLanguage.
 */
function multiLanguageHeader(document: SpecDocument, options: NoneIntentOption): DatasetHeader {
  const [primary, ...others] = languageViews(document);
  const entities = datasetEntities(primary!.spec);
  for (const view of others) {
    for (const entitySpec of view.spec.entities ?? []) {
      if (entitySpec.type !== 'list' || entitySpec.templates) continue;
      const entity = entities.find((e) => e.name === (entitySpec.annotateAs ?? entitySpec.name));
      for (const value of entitySpec.values ?? []) {
        if (typeof value === 'string' || value.valueIsForm !== false || !value.synonyms?.length) continue;
        const target = entity?.values?.find((v) => v.value === value.value);
        if (target)
          target.synonymsByLanguage = {...target.synonymsByLanguage, [view.language]: value.synonyms};
      }
    }
  }
  return {
    format: DATASET_FORMAT,
    ...(document.name ? {name: document.name} : {}),
    ...(document.description ? {description: document.description} : {}),
    language: primary!.language,
    languages: [primary!.language, ...others.map((view) => view.language)],
    intents: datasetIntents(document, options),
    entities,
  };
}
