/**
 * Dataset entities -> LUIS app models, one writer per entity kind. LUIS (and .lu) refuse labels on list, regex
 * and prebuilt entities: those match by themselves. A dataset that labels them anyway is exported the way LUIS
 * v3+ recommends: an ML entity of the same name with the list, regex or prebuilt as a required feature (its
 * "companion"), so the labels and the entity name survive. Unlabelled ones are exported natively.
 */
import type {ConnectorContext, Entity} from '../../../src/connector-kit.js';
import {canonicalToLuisPrebuilt} from '../prebuilt-names.js';
import type {LuisApp, LuisEntity} from './types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function luisMeta(holder: {metadata?: Record<string, unknown>} | undefined): Record<string, unknown> {
  const meta = holder?.metadata?.['luis'];
  return isRecord(meta) ? meta : {};
}

/** The app being written and what the writers share. */
export interface LuisEntityTarget {
  app: LuisApp;
  context: ConnectorContext;
  /** Every model name in use (companions must not collide). */
  taken: Set<string>;
}

/** One entity as the writers see it. */
export interface EntityToWrite {
  entity: Entity;
  /** Declared roles plus the roles its labels use. */
  roles: string[];
  meta: Record<string, unknown>;
  /** The model an imported ML entity was typed by (`@ SizeList Size`), kept in metadata. */
  typedBy: string | undefined;
  /** Written as an ML entity typed by a companion (labelled, or typed on import). */
  wrap: boolean;
  labelled: boolean;
}

type EntityWriter = (target: LuisEntityTarget, item: EntityToWrite) => void;

/** Names free for a companion model (a list/regex behind a labelled entity). */
function companionName(base: string, suffix: string, taken: Set<string>): string {
  let name = `${base}${suffix}`;
  for (let i = 2; taken.has(name); i++) name = `${base}${suffix}${i}`;
  taken.add(name);
  return name;
}

/** The imported companion's own name when free, else a new one. */
function companionFor({entity, typedBy}: EntityToWrite, suffix: string, taken: Set<string>): string {
  if (typedBy && !taken.has(typedBy)) {
    taken.add(typedBy);
    return typedBy;
  }
  return companionName(entity.name, suffix, taken);
}

const typedEntity = (entity: Entity, modelName: string): LuisEntity => ({
  name: entity.name,
  roles: entity.roles ?? [],
  features: [{modelName, isRequired: true}],
});

function addPrebuilt(app: LuisApp, name: string, roles: string[]): void {
  const existing = app.prebuiltEntities!.find((p) => p.name === name);
  if (existing) existing.roles = [...new Set([...(existing.roles ?? []), ...roles])];
  else app.prebuiltEntities!.push({name, roles});
}

const writeList: EntityWriter = ({app, taken}, item) => {
  const {entity, roles} = item;
  const subLists = (entity.values ?? []).map((v) => ({
    canonicalForm: v.value,
    list: [...(v.synonyms ?? [])],
  }));
  if (!item.wrap) {
    app.closedLists!.push({name: entity.name, subLists, roles});
    return;
  }
  const companion = companionFor(item, 'List', taken);
  app.closedLists!.push({name: companion, subLists, roles: []});
  app.entities!.push(typedEntity(entity, companion));
};

const writeRegex: EntityWriter = ({app, context, taken}, item) => {
  const {entity, roles} = item;
  const patterns = entity.patterns ?? [];
  if (patterns.length > 1)
    context.warn({
      code: 'EXPORT_REGEX_JOINED',
      message: `LUIS regex entities hold one pattern: the patterns of "${entity.name}" are joined with |`,
    });
  const regexPattern =
    patterns.length > 1 ? patterns.map((p) => `(?:${p})`).join('|') : (patterns[0] ?? '.+');
  if (!item.wrap) {
    app.regex_entities!.push({name: entity.name, regexPattern, roles});
    return;
  }
  const companion = companionFor(item, 'Regex', taken);
  app.regex_entities!.push({name: companion, regexPattern, roles: []});
  app.entities!.push(typedEntity(entity, companion));
};

const writePrebuilt: EntityWriter = ({app, context}, {entity, roles, meta, typedBy, wrap, labelled}) => {
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
  } else if (entity.name === prebuiltName && labelled) {
    // LUIS refuses labels on a prebuilt entity, and an ML entity cannot share the prebuilt's name: keep
    // the labels (training data) and give up the prebuilt type.
    context.warn({
      code: 'EXPORT_PREBUILT_LABELLED',
      message: `LUIS cannot label the prebuilt entity "${entity.name}": it is exported as a machine-learned entity so its labels are kept`,
      suggestion: `Rename the entity (e.g. "${entity.name}_value") to export it as an ML entity typed by the prebuilt ${prebuiltName}.`,
    });
    app.entities!.push({name: entity.name, roles});
  } else if (entity.name === prebuiltName) {
    addPrebuilt(app, prebuiltName, roles);
  } else {
    addPrebuilt(app, prebuiltName, []);
    app.entities!.push(typedEntity(entity, prebuiltName));
  }
};

/** ML entities, and what LUIS models imported as ML keep in metadata: composites, pattern.any, definitions. */
const writeMl: EntityWriter = ({app}, {entity, roles, meta}) => {
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
};

export const LUIS_ENTITY_WRITERS: Record<Entity['kind'], EntityWriter> = {
  list: writeList,
  regex: writeRegex,
  prebuilt: writePrebuilt,
  ml: writeMl,
};
