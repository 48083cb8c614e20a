/**
 * Entity and intent definitions: `@ type name hasRoles a usesFeatures b = body` (one handler per type) and the
 * older `$name:body` syntax. Each returns the block its `- item` lines belong to.
 */
import type {LuisFeature} from '../luis/types.js';
import {addRoles, unquote, type LuAppBuilder} from './app-builder.js';
import {NO_BLOCK, type Block} from './blocks.js';

export interface DefinitionParts {
  name: string;
  roles: string[];
  features: LuisFeature[];
  body?: string;
}

/** Splits `name hasRoles a, b usesFeatures c, d = rest` into parts. */
export function definitionParts(rest: string): DefinitionParts {
  let body: string | undefined;
  let head = rest;
  const eq = findUnquoted(rest, '=');
  if (eq !== -1) {
    body = rest.slice(eq + 1).trim();
    head = rest.slice(0, eq).trim();
  }
  const match = /^("[^"]*"|\S+)\s*(.*)$/.exec(head.trim());
  const name = unquote(match?.[1] ?? head);
  const tail = match?.[2] ?? '';
  const roles: string[] = [];
  const rolesMatch = /\bhasRoles?\s+(.*?)(?=\s+usesFeatures?\b|$)/i.exec(tail);
  if (rolesMatch) roles.push(...rolesMatch[1]!.split(',').map(unquote).filter(Boolean));
  const featuresMatch = /\busesFeatures?\s+(.*?)(?=\s+hasRoles?\b|$)/i.exec(tail);
  const features = featuresMatch
    ? featuresMatch[1]!.split(',').map(unquote).filter(Boolean).map(feature)
    : [];
  return {name, roles, features, ...(body !== undefined ? {body} : {})};
}

/** `name*` is a required feature. */
function feature(raw: string): LuisFeature {
  const required = raw.endsWith('*');
  return {modelName: required ? raw.slice(0, -1) : raw, isRequired: required};
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === char && !quoted) return i;
  }
  return -1;
}

interface Definition {
  parts: DefinitionParts;
  /** Everything after the type, as written (the phrase list's `(interchangeable)` may sit anywhere in it). */
  rest: string;
  /** Column of the definition line's first character (an ML entity's children are indented under it). */
  indent: number;
}

type DefinitionHandler = (builder: LuAppBuilder, definition: Definition) => Block;

const mlEntity: DefinitionHandler = (builder, {parts, indent}) => {
  const e = builder.entity(parts.name);
  addRoles(e, parts.roles);
  if (parts.features.length > 0) e.features = parts.features;
  e.children = e.children ?? [];
  return {kind: 'ml', stack: [{indent, children: e.children}]};
};

/** One handler per `@ type`. */
const DEFINITIONS: Record<string, DefinitionHandler> = {
  intent(builder, {parts}) {
    builder.addIntent(parts.name);
    const intent = builder.app.intents.find((i) => i.name === parts.name)!;
    intent.features = parts.features.map((f) => ({
      featureName: f.modelName!,
      ...(f.isRequired ? {isRequired: true} : {}),
    }));
    return NO_BLOCK;
  },
  ml: mlEntity,
  simple: mlEntity,
  prebuilt(builder, {parts}) {
    builder.prebuilt(parts.name, parts.roles);
    return NO_BLOCK;
  },
  list(builder, {parts}) {
    addRoles(builder.closedList(parts.name), parts.roles);
    return {kind: 'list', name: parts.name};
  },
  regex(builder, {parts}) {
    const pattern = /^\/(.*)\/$/.exec(parts.body ?? '');
    if (!pattern) return builder.fail(`regex entity "${parts.name}" needs = /pattern/`);
    builder.app.regex_entities!.push({name: parts.name, regexPattern: pattern[1]!, roles: parts.roles});
    return NO_BLOCK;
  },
  composite(builder, {parts}) {
    const children = /^\[(.*)\]$/.exec(parts.body ?? '')?.[1] ?? '';
    builder.app.composites!.push({
      name: parts.name,
      children: children
        .split(',')
        .map((c) => ({name: unquote(c)}))
        .filter((c) => c.name),
      roles: parts.roles,
    });
    return NO_BLOCK;
  },
  patternany(builder, {parts}) {
    builder.app.patternAnyEntities!.push({name: parts.name, roles: parts.roles, explicitList: []});
    return NO_BLOCK;
  },
  phraselist(builder, {parts, rest}) {
    const mode = /\(interchangeable\)/i.test(parts.name) || /\(interchangeable\)/i.test(rest);
    const name = parts.name.replace(/\(interchangeable\)/i, '').trim();
    builder.phraseList(name, mode);
    return {kind: 'phraselist', name, mode};
  },
};

/** `@ SizeList Size`: an ML entity typed by another model (its required feature). */
const typedEntity = (builder: LuAppBuilder, type: string, {parts}: Definition): Block => {
  const e = builder.entity(parts.name);
  addRoles(e, parts.roles);
  e.features = [{modelName: type, isRequired: true}, ...parts.features];
  return NO_BLOCK;
};

/** `@ type name ...` (the line, trimmed; `raw` as written, for its indent). */
export function readDefinition(builder: LuAppBuilder, line: string, raw: string): Block {
  const m = /^@\s*(\S+)\s+(.*)$/.exec(line);
  if (!m) return builder.fail(`cannot read the definition "${line}"`);
  const [, type, rest] = m as unknown as [string, string, string];
  const definition = {parts: definitionParts(rest), rest, indent: raw.search(/\S/)};
  const handler = Object.hasOwn(DEFINITIONS, type.toLowerCase())
    ? DEFINITIONS[type.toLowerCase()]
    : undefined;
  return handler ? handler(builder, definition) : typedEntity(builder, type, definition);
}

interface LegacyDefinition {
  name: string;
  body: string;
  roles: string[];
}

/** The older `$name:body Roles=a,b` syntax: the first rule whose test matches the body reads it. */
const LEGACY_DEFINITIONS: Array<{
  test: (d: LegacyDefinition) => boolean;
  read: (builder: LuAppBuilder, d: LegacyDefinition) => Block;
}> = [
  {
    test: (d) => d.name === 'PREBUILT',
    read: (builder, d) => {
      builder.prebuilt(d.body, d.roles);
      return NO_BLOCK;
    },
  },
  {
    test: (d) => /^simple$/i.test(d.body),
    read: (builder, d) => {
      addRoles(builder.entity(d.name), d.roles);
      return NO_BLOCK;
    },
  },
  {
    test: (d) => /^phraseList\b/i.test(d.body),
    read: (builder, d) => {
      const mode = /interchangeable/i.test(d.body);
      builder.phraseList(d.name, mode);
      return {kind: 'phraselist', name: d.name, mode};
    },
  },
  {
    test: (d) => d.body.startsWith('/') && d.body.endsWith('/') && d.body.length > 1,
    read: (builder, d) => {
      builder.app.regex_entities!.push({name: d.name, regexPattern: d.body.slice(1, -1), roles: d.roles});
      return NO_BLOCK;
    },
  },
  {
    test: (d) => d.body.startsWith('[') && d.body.endsWith(']'),
    read: (builder, d) => {
      builder.app.composites!.push({
        name: d.name,
        children: d.body
          .slice(1, -1)
          .split(',')
          .map((c) => ({name: c.trim()}))
          .filter((c) => c.name),
        roles: d.roles,
      });
      return NO_BLOCK;
    },
  },
  {
    test: (d) => d.body.endsWith('='),
    read: (builder, d) => {
      const list = builder.closedList(d.name);
      addRoles(list, d.roles);
      const canonical = d.body.slice(0, -1).trim();
      list.subLists.push({canonicalForm: canonical, list: []});
      return {kind: 'list', name: d.name, canonical, legacy: true};
    },
  },
];

/** `$name:body` (without the `$`). */
export function readLegacyDefinition(builder: LuAppBuilder, def: string): Block {
  const colon = def.indexOf(':');
  if (colon === -1) return builder.fail(`cannot read the definition "$${def}"`);
  const name = def.slice(0, colon).trim();
  const rest = def.slice(colon + 1).trim();
  if (/qna-alterations/i.test(rest)) return {kind: 'skip'};
  const roles = (/\bRoles\s*=\s*(.*)$/i.exec(rest)?.[1] ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const definition = {name, roles, body: rest.replace(/\bRoles\s*=.*$/i, '').trim()};
  const rule = LEGACY_DEFINITIONS.find((r) => r.test(definition));
  return rule ? rule.read(builder, definition) : builder.fail(`cannot read the definition "$${def}"`);
}
