/** Canonical Dataset -> LUIS app JSON, schema 7.0.0. */
import {
  type ConnectorContext,
  type ExportOptions,
  type Dataset,
  type Entity,
  type EntitySpan,
  intentNames,
} from '../../../src/connector-kit.js';
import {platformCulture} from '../culture.js';
import {LUIS_ENTITY_LIMITS, overLimit} from '../limits.js';
import {canonicalToLuisPrebuilt, warnMergedPrebuilts} from '../prebuilt-names.js';
import {warnDroppedSpanValues} from '../span-values.js';
import {withUndeclaredEntities} from '../undeclared.js';
import type {LuisApp, LuisEntity, LuisEntityLabel, LuisPhraseList} from './types.js';
import {LUIS_WRITTEN_VERSION} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function luisMeta(holder: {metadata?: Record<string, unknown>} | undefined): Record<string, unknown> {
  const meta = holder?.metadata?.['luis'];
  return isRecord(meta) ? meta : {};
}

function toLabel(span: EntitySpan): LuisEntityLabel {
  return {
    entity: span.entity,
    startPos: span.start,
    // The canonical end is exclusive; LUIS endPos is the index of the last character.
    endPos: span.end - 1,
    ...(span.role ? {role: span.role} : {}),
    ...(span.children?.length ? {children: span.children.map(toLabel)} : {}),
  };
}

/** Names free for a companion model (a list/regex behind a labelled entity). */
function companionName(base: string, suffix: string, taken: Set<string>): string {
  let name = `${base}${suffix}`;
  for (let i = 2; taken.has(name); i++) name = `${base}${suffix}${i}`;
  taken.add(name);
  return name;
}

/** Utterances of the requested split (all when none is requested). */
export function selectSplit(dataset: Dataset, options: ExportOptions): Dataset['utterances'] {
  return options.split
    ? dataset.utterances.filter((u) => (u.split ?? 'train') === options.split)
    : dataset.utterances;
}

/** Every role each entity is labelled with, in first-use order. */
function rolesInLabels(utterances: Dataset['utterances']): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const visit = (spans: EntitySpan[] | undefined): void => {
    for (const s of spans ?? []) {
      if (s.role) {
        const list = used.get(s.entity) ?? [];
        if (!list.includes(s.role)) list.push(s.role);
        used.set(s.entity, list);
      }
      visit(s.children);
    }
  };
  for (const u of utterances) visit(u.entities);
  return used;
}

/** A child of an ML entity (see luis/to-dataset) is written inside its parent's definition, not on its own. */
function isChildOfExportedParent(entity: Entity, dataset: Dataset): boolean {
  const parent = luisMeta(entity)['childOf'];
  return (
    typeof parent === 'string' &&
    dataset.entities.some((e) => e.name === parent && e.kind === 'ml' && childNames(e).includes(entity.name))
  );
}

function childNames(entity: Entity): string[] {
  const definition = luisMeta(entity)['definition'];
  const nested: string[] = [];
  const visit = (children: unknown): void => {
    if (!Array.isArray(children)) return;
    for (const c of children as Array<{name?: unknown; children?: unknown}>) {
      if (typeof c.name === 'string') nested.push(c.name);
      visit(c.children);
    }
  };
  if (isRecord(definition)) visit(definition['children']);
  return [...(entity.children ?? []), ...nested];
}

/**
 * LUIS (and .lu) refuse labels on list, regex and prebuilt entities: those match by themselves. A dataset that
 * labels them anyway is exported the way LUIS v3+ recommends: an ML entity of the same name with the list,
 * regex or prebuilt as a required feature, so the labels and the entity name survive. Unlabelled ones are
 * exported natively.
 */
export function datasetToLuisApp(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): LuisApp {
  const utterances = selectSplit(dataset, options);
  const labelled = new Set<string>();
  const mark = (spans: EntitySpan[]): void => {
    for (const s of spans) {
      if (!s.role) labelled.add(s.entity);
      mark(s.children ?? []);
    }
  };
  for (const u of utterances) mark(u.entities ?? []);
  // Tags and the split are warned about by the core (connector limits); here only what LUIS alone loses.
  warnDroppedSpanValues(dataset, utterances, context, 'LUIS');
  warnMergedPrebuilts(dataset.entities, context, 'LUIS');

  const taken = new Set(dataset.entities.map((e) => e.name));
  const app: LuisApp = {
    luis_schema_version: LUIS_WRITTEN_VERSION,
    intents: [],
    entities: [],
    hierarchicals: [],
    composites: [],
    closedLists: [],
    prebuiltEntities: [],
    utterances: [],
    versionId: '0.1',
    name: dataset.name ?? options.name ?? 'synthnlu',
    desc: dataset.description ?? '',
    culture: platformCulture(dataset.language),
    tokenizerVersion: '1.0.0',
    patternAnyEntities: [],
    regex_entities: [],
    phraselists: [],
    regex_features: [],
    patterns: [],
    settings: [],
  };
  const appMeta = luisMeta(dataset);
  if (typeof appMeta['versionId'] === 'string') app.versionId = appMeta['versionId'];
  if (typeof appMeta['tokenizerVersion'] === 'string') app.tokenizerVersion = appMeta['tokenizerVersion'];
  if (Array.isArray(appMeta['settings'])) app.settings = appMeta['settings'];
  if (Array.isArray(appMeta['regex_features'])) app.regex_features = appMeta['regex_features'];
  if (Array.isArray(appMeta['hierarchicals'])) app.hierarchicals = appMeta['hierarchicals'];

  const intents = intentNames({...dataset, utterances});
  // LUIS requires the None intent in every app.
  if (!intents.includes('None')) intents.push('None');
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  app.intents = intents.map((name) => {
    const features = luisMeta(declared.get(name))['features'];
    return {name, ...(Array.isArray(features) ? {features} : {})};
  });

  const prebuiltSeen = new Set<string>();
  const addPrebuilt = (name: string, roles: string[]): void => {
    if (prebuiltSeen.has(name)) {
      const existing = app.prebuiltEntities!.find((p) => p.name === name)!;
      existing.roles = [...new Set([...(existing.roles ?? []), ...roles])];
      return;
    }
    prebuiltSeen.add(name);
    app.prebuiltEntities!.push({name, roles});
  };
  const typedEntity = (entity: Entity, modelName: string): LuisEntity => ({
    name: entity.name,
    roles: entity.roles ?? [],
    features: [{modelName, isRequired: true}],
  });

  const rolesUsed = rolesInLabels(utterances);
  for (const declared of withUndeclaredEntities(dataset, utterances)) {
    if (isChildOfExportedParent(declared, dataset)) continue;
    // LUIS (and bf-lu) turn a role that the entity does not declare into a new entity of that name.
    const roles = [...new Set([...(declared.roles ?? []), ...(rolesUsed.get(declared.name) ?? [])])];
    const entity = roles.length > 0 ? {...declared, roles} : declared;
    const meta = luisMeta(entity);
    const typedBy = typeof meta['typedBy'] === 'string' ? meta['typedBy'] : undefined;
    const wrap = labelled.has(entity.name) || typedBy !== undefined;
    switch (entity.kind) {
      case 'list': {
        const subLists = (entity.values ?? []).map((v) => ({
          canonicalForm: v.value,
          list: [...(v.synonyms ?? [])],
        }));
        if (wrap) {
          const companion =
            typedBy && !taken.has(typedBy)
              ? (taken.add(typedBy), typedBy)
              : companionName(entity.name, 'List', taken);
          app.closedLists!.push({name: companion, subLists, roles: []});
          app.entities!.push(typedEntity(entity, companion));
        } else {
          app.closedLists!.push({name: entity.name, subLists, roles});
        }
        break;
      }
      case 'regex': {
        const patterns = entity.patterns ?? [];
        if (patterns.length > 1) {
          context.warn({
            code: 'EXPORT_REGEX_JOINED',
            message: `LUIS regex entities hold one pattern: the patterns of "${entity.name}" are joined with |`,
          });
        }
        const regexPattern =
          patterns.length > 1 ? patterns.map((p) => `(?:${p})`).join('|') : (patterns[0] ?? '.+');
        if (wrap) {
          const companion =
            typedBy && !taken.has(typedBy)
              ? (taken.add(typedBy), typedBy)
              : companionName(entity.name, 'Regex', taken);
          app.regex_entities!.push({name: companion, regexPattern, roles: []});
          app.entities!.push(typedEntity(entity, companion));
        } else {
          app.regex_entities!.push({name: entity.name, regexPattern, roles});
        }
        break;
      }
      case 'prebuilt': {
        const prebuiltName =
          (typeof meta['prebuiltName'] === 'string' ? meta['prebuiltName'] : undefined) ??
          (typedBy && !wrap ? typedBy : undefined) ??
          canonicalToLuisPrebuilt(entity.prebuilt ?? '');
        if (!prebuiltName) {
          context.warn({
            code: 'EXPORT_PREBUILT_UNMAPPED',
            message: `LUIS has no prebuilt entity for "${entity.prebuilt}": "${entity.name}" is exported as a machine-learned entity`,
          });
          app.entities!.push({name: entity.name, roles});
        } else if (entity.name === prebuiltName && labelled.has(entity.name)) {
          // LUIS refuses labels on a prebuilt entity, and an ML entity cannot share the prebuilt's name: keep
          // the labels (training data) and give up the prebuilt type.
          context.warn({
            code: 'EXPORT_PREBUILT_LABELLED',
            message: `LUIS cannot label the prebuilt entity "${entity.name}": it is exported as a machine-learned entity so its labels are kept`,
            suggestion: `Rename the entity (e.g. "${entity.name}_value") to export it as an ML entity typed by the prebuilt ${prebuiltName}.`,
          });
          app.entities!.push({name: entity.name, roles});
        } else if (entity.name === prebuiltName) {
          addPrebuilt(prebuiltName, roles);
        } else {
          addPrebuilt(prebuiltName, []);
          app.entities!.push(typedEntity(entity, prebuiltName));
        }
        break;
      }
      case 'ml': {
        const definition = meta['definition'];
        if (meta['composite'] === true) {
          app.composites!.push({
            name: entity.name,
            children: (entity.children ?? []).map((name) => ({name})),
            roles,
          });
        } else if (meta['patternAny'] === true) {
          const explicitList = Array.isArray(meta['explicitList']) ? (meta['explicitList'] as string[]) : [];
          app.patternAnyEntities!.push({name: entity.name, roles, explicitList});
        } else if (isRecord(definition) && definition['name'] === entity.name) {
          app.entities!.push({...(definition as unknown as LuisEntity), roles});
        } else {
          const children = (entity.children ?? []).map((name) => ({
            name,
            instanceOf: null,
            children: [],
            features: [],
          }));
          app.entities!.push({name: entity.name, roles, ...(children.length > 0 ? {children} : {})});
        }
        break;
      }
    }
  }

  app.patterns = (dataset.patterns ?? []).map((p) => ({pattern: p.pattern, intent: p.intent}));
  app.phraselists = (dataset.phraseLists ?? []).map((p): LuisPhraseList => {
    const meta = luisMeta(p);
    return {
      name: p.name,
      // LUIS separates phrases with commas, so a phrase cannot contain one.
      words: p.phrases.map((w) => w.replace(/,/g, ' ')).join(','),
      mode: p.interchangeable ?? true,
      activated: typeof meta['activated'] === 'boolean' ? meta['activated'] : true,
      enabledForAllModels:
        typeof meta['enabledForAllModels'] === 'boolean' ? meta['enabledForAllModels'] : true,
    };
  });
  app.utterances = utterances.map((u) => ({
    text: u.text,
    intent: u.intent,
    entities: (u.entities ?? []).map(toLabel),
  }));
  checkEntityLimits(app);
  const extra = appMeta['extra'];
  if (isRecord(extra)) for (const [key, value] of Object.entries(extra)) if (!(key in app)) app[key] = value;
  return app;
}

/** LUIS limits per entity kind (see limits.ts): checked on the app as written, so companions count too. */
function checkEntityLimits(app: LuisApp): void {
  const counts: Array<[string, number, number]> = [
    ['machine-learned entities', app.entities?.length ?? 0, LUIS_ENTITY_LIMITS.ml],
    ['list entities', app.closedLists?.length ?? 0, LUIS_ENTITY_LIMITS.list],
    ['regular expression entities', app.regex_entities?.length ?? 0, LUIS_ENTITY_LIMITS.regex],
    ['patterns', app.patterns?.length ?? 0, LUIS_ENTITY_LIMITS.patterns],
  ];
  for (const [what, count, max] of counts) if (count > max) throw overLimit('LUIS', what, count, max);
  const all = [
    ...(app.entities ?? []),
    ...(app.closedLists ?? []),
    ...(app.regex_entities ?? []),
    ...(app.prebuiltEntities ?? []),
    ...(app.composites ?? []),
    ...(app.patternAnyEntities ?? []),
  ];
  for (const entity of all) {
    const roles = entity.roles?.length ?? 0;
    if (roles > LUIS_ENTITY_LIMITS.rolesPerEntity)
      throw overLimit('LUIS', `roles on entity "${entity.name}"`, roles, LUIS_ENTITY_LIMITS.rolesPerEntity);
  }
}
