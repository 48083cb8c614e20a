/**
 * What Dialogflow accepts as names, applied to a copy of the dataset before it is written: entity type names
 * (letters, digits, "_" and "-", starting with a letter), parameter names (the same, so no spaces), and
 * system entities that exist. Each change is a warning with the mapping, never a silent rewrite.
 */
import type {ConnectorContext, Dataset, Entity, EntitySpan} from '../../../src/connector-kit.js';
import {dialogflowSystemType, isKnownSystemType} from './system-entities.js';
import type {DialogflowEntityMetadata} from './types.js';

const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const PARAMETER_NAME = /^[A-Za-z0-9_-]+$/;

function cleaned(name: string, pattern: RegExp, taken: Set<string>, prefix: string): string {
  if (pattern.test(name)) return name;
  let base = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  if (!pattern.test(base)) base = `${prefix}${base}`;
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base}_${n}`;
  taken.add(out);
  return out;
}

function listed(mapping: Map<string, string>): string {
  const pairs = [...mapping].map(([from, to]) => `"${from}" -> "${to}"`);
  return `${pairs.slice(0, 8).join(', ')}${pairs.length > 8 ? `, and ${pairs.length - 8} more` : ''}`;
}

/** The dataset as Dialogflow can hold it, with a warning for every name or type it had to change. */
export function dialogflowReadyDataset(dataset: Dataset, context: ConnectorContext): Dataset {
  const declared = new Set(dataset.entities.map((e) => e.name));
  for (const u of dataset.utterances) for (const s of u.entities ?? []) declared.add(s.entity);
  const taken = new Set(declared);
  const entityNames = new Map<string, string>();
  for (const name of declared) {
    const entity = dataset.entities.find((e) => e.name === name);
    // System-entity names are parameter names, not entity type names: they follow the parameter rule.
    const pattern = entity?.kind === 'prebuilt' ? PARAMETER_NAME : ENTITY_NAME;
    const renamed = cleaned(name, pattern, taken, 'e_');
    if (renamed !== name) entityNames.set(name, renamed);
  }
  const roleNames = new Map<string, string>();
  const roleTaken = new Set<string>();
  const renameRole = (role: string): string => {
    if (PARAMETER_NAME.test(role)) return role;
    const known = roleNames.get(role);
    if (known) return known;
    const renamed = cleaned(role, PARAMETER_NAME, roleTaken, 'p_');
    roleNames.set(role, renamed);
    return renamed;
  };

  const unknownSystem: string[] = [];
  const entities: Entity[] = dataset.entities.map((e) => {
    let entity: Entity = entityNames.has(e.name) ? {...e, name: entityNames.get(e.name)!} : e;
    if (entity.roles) entity = {...entity, roles: entity.roles.map(renameRole)};
    if (entity.kind === 'prebuilt') {
      const sys = (entity.metadata?.dialogflow as DialogflowEntityMetadata | undefined)?.sys;
      const exists = sys
        ? isKnownSystemType(sys)
        : dialogflowSystemType(entity.prebuilt ?? 'any') !== undefined;
      if (!exists) {
        unknownSystem.push(`"${e.name}" (${sys ? `@${sys}` : entity.prebuilt})`);
        const {prebuilt: _prebuilt, ...rest} = entity;
        // A custom free-form entity keeps the annotations and lists the values they hold.
        entity = {...rest, kind: 'ml'};
      }
    }
    return entity;
  });
  if (unknownSystem.length > 0) {
    context.warn({
      code: 'DIALOGFLOW_UNKNOWN_SYSTEM_ENTITY',
      message: `Dialogflow has no system entity for ${unknownSystem.join(', ')}: written as custom entity types listing the annotated values`,
      suggestion:
        'Map them to an existing @sys type or a list entity in the dataset if you want another choice.',
    });
  }
  const renameSpan = (span: EntitySpan): EntitySpan => {
    const entity = entityNames.get(span.entity);
    const role = span.role === undefined ? undefined : renameRole(span.role);
    if (entity === undefined && role === span.role && !span.children) return span;
    return {
      ...span,
      ...(entity === undefined ? {} : {entity}),
      ...(role === undefined ? {} : {role}),
      ...(span.children ? {children: span.children.map(renameSpan)} : {}),
    };
  };
  if (entityNames.size > 0) {
    context.warn({
      code: 'DIALOGFLOW_ENTITY_RENAMED',
      message: `Dialogflow entity type names use letters, digits, "_" and "-" and start with a letter: renamed ${listed(entityNames)}`,
      suggestion: 'Rename these entities in the dataset to choose the names yourself.',
    });
  }
  if (roleNames.size > 0) {
    context.warn({
      code: 'DIALOGFLOW_PARAMETER_RENAMED',
      message: `Dialogflow parameter names use letters, digits, "_" and "-": roles renamed ${listed(roleNames)}`,
    });
  }
  return {
    ...dataset,
    entities,
    utterances: dataset.utterances.map((u) =>
      u.entities ? {...u, entities: u.entities.map(renameSpan)} : u,
    ),
  };
}
