/**
 * .lu text -> LUIS app JSON, the same shape bf-lu's LuisBuilder produces, so the LUIS mapping is shared.
 * Reads both syntaxes real files carry: the current `@ type name` definitions and the older `$name:...` ones,
 * plus `> !# @app.*` info lines; QnA sections (`# ?`) and alterations are skipped.
 */
import {SynthnluError} from '../../../src/connector-kit.js';
import type {LuisApp, LuisChildEntity, LuisEntity, LuisEntityLabel, LuisFeature} from '../luis/types.js';
import {LuLabelError, parseUtteranceLine} from './utterance.js';

const ENTITY_TYPES = new Set([
  'ml',
  'simple',
  'list',
  'regex',
  'prebuilt',
  'composite',
  'patternany',
  'phraselist',
  'intent',
]);

function unquote(name: string): string {
  const t = name.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** Splits `name hasRoles a, b usesFeatures c, d = rest` into parts. */
function definitionParts(rest: string): {
  name: string;
  roles: string[];
  features: LuisFeature[];
  body?: string;
} {
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
  const features: LuisFeature[] = [];
  const rolesMatch = /\bhasRoles?\s+(.*?)(?=\s+usesFeatures?\b|$)/i.exec(tail);
  if (rolesMatch) roles.push(...rolesMatch[1]!.split(',').map(unquote).filter(Boolean));
  const featuresMatch = /\busesFeatures?\s+(.*?)(?=\s+hasRoles?\b|$)/i.exec(tail);
  if (featuresMatch) {
    for (const raw of featuresMatch[1]!.split(',').map(unquote).filter(Boolean)) {
      const required = raw.endsWith('*');
      features.push({
        modelName: required ? raw.slice(0, -1) : raw,
        ...(required ? {isRequired: true} : {isRequired: false}),
      });
    }
  }
  return {name, roles, features, ...(body !== undefined ? {body} : {})};
}

function findUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === char && !quoted) return i;
  }
  return -1;
}

/**
 * `available`: base names of the .lu files read together with this one (a folder or zip), whose imports are
 * satisfied by reading them all. Any other import is refused by line: following it is bf-lu's job (it needs the
 * referenced file or URL), and dropping it silently would lose its intents.
 */
export function parseLu(content: string, file: string, available: ReadonlySet<string> = new Set()): LuisApp {
  const app: LuisApp = {
    luis_schema_version: '7.0.0',
    intents: [],
    entities: [],
    composites: [],
    closedLists: [],
    regex_entities: [],
    prebuiltEntities: [],
    patternAnyEntities: [],
    phraselists: [],
    patterns: [],
    utterances: [],
  };
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (line: number, message: string, suggestion?: string): never => {
    throw new SynthnluError('LU_SYNTAX', message, {
      location: {file, line: line + 1},
      ...(suggestion ? {suggestion} : {}),
    });
  };
  const pendingPatternAny = new Set<string>();
  const intentNames = new Set<string>();
  const addIntent = (name: string): void => {
    if (!intentNames.has(name)) {
      intentNames.add(name);
      app.intents.push({name});
    }
  };
  const entity = (name: string): LuisEntity => {
    let found = app.entities!.find((e) => e.name === name);
    if (!found) app.entities!.push((found = {name, roles: []}));
    return found;
  };
  const addRoles = (target: {roles?: string[]}, roles: string[]): void => {
    target.roles = [...new Set([...(target.roles ?? []), ...roles])];
  };
  const closedList = (name: string) => {
    let found = app.closedLists!.find((c) => c.name === name);
    if (!found) app.closedLists!.push((found = {name, subLists: [], roles: []}));
    return found;
  };

  type Block =
    | {kind: 'intent'; name: string}
    | {kind: 'skip'}
    | {kind: 'list'; name: string; canonical?: string; legacy?: boolean}
    | {kind: 'phraselist'; name: string; mode: boolean}
    | {kind: 'ml'; stack: Array<{indent: number; children: LuisChildEntity[]}>}
    | {kind: 'none'};
  let block: Block = {kind: 'none'};
  let fenced = false;

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = raw.trim();
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced || line === '') continue;
    if (line.startsWith('>')) {
      const info = /^>\s*!#\s*@app\.([\w.]+)\s*=\s*(.*)$/.exec(line);
      if (info) {
        const [, key, value] = info as unknown as [string, string, string];
        if (key === 'name') app.name = value.trim();
        else if (key === 'culture') app.culture = value.trim();
        else if (key === 'versionId') app.versionId = value.trim();
        else if (key === 'luis_schema_version') app.luis_schema_version = value.trim();
        else if (key === 'tokenizerVersion') app.tokenizerVersion = value.trim();
        else if (key === 'desc') app.desc = value.trim();
      }
      continue;
    }
    if (line.startsWith('#')) {
      const heading = line.replace(/^#+\s*/, '');
      if (heading.startsWith('?')) {
        block = {kind: 'skip'};
        continue;
      }
      if (heading.length === 0) fail(n, 'an intent heading needs a name');
      addIntent(heading.trim());
      block = {kind: 'intent', name: heading.trim()};
      continue;
    }
    if (line.startsWith('@')) {
      const m = /^@\s*(\S+)\s+(.*)$/.exec(line);
      if (!m) fail(n, `cannot read the definition "${line}"`);
      const type = m![1]!;
      const parts = definitionParts(m![2]!);
      const lower = type.toLowerCase();
      if (!ENTITY_TYPES.has(lower)) {
        // `@ SizeList Size`: an ML entity typed by another model.
        const e = entity(parts.name);
        addRoles(e, parts.roles);
        e.features = [{modelName: type, isRequired: true}, ...parts.features];
        block = {kind: 'none'};
        continue;
      }
      switch (lower) {
        case 'intent': {
          addIntent(parts.name);
          const intent = app.intents.find((i) => i.name === parts.name)!;
          intent.features = parts.features.map((f) => ({
            featureName: f.modelName!,
            ...(f.isRequired ? {isRequired: true} : {}),
          }));
          block = {kind: 'none'};
          break;
        }
        case 'ml':
        case 'simple': {
          const e = entity(parts.name);
          addRoles(e, parts.roles);
          if (parts.features.length > 0) e.features = parts.features;
          e.children = e.children ?? [];
          block = {kind: 'ml', stack: [{indent: raw.search(/\S/), children: e.children}]};
          break;
        }
        case 'prebuilt': {
          const existing = app.prebuiltEntities!.find((p) => p.name === parts.name);
          if (existing) addRoles(existing, parts.roles);
          else app.prebuiltEntities!.push({name: parts.name, roles: parts.roles});
          block = {kind: 'none'};
          break;
        }
        case 'list': {
          const list = closedList(parts.name);
          addRoles(list, parts.roles);
          block = {kind: 'list', name: parts.name};
          break;
        }
        case 'regex': {
          const pattern = /^\/(.*)\/$/.exec(parts.body ?? '');
          if (!pattern) fail(n, `regex entity "${parts.name}" needs = /pattern/`);
          app.regex_entities!.push({name: parts.name, regexPattern: pattern![1]!, roles: parts.roles});
          block = {kind: 'none'};
          break;
        }
        case 'composite': {
          const children = /^\[(.*)\]$/.exec(parts.body ?? '')?.[1] ?? '';
          app.composites!.push({
            name: parts.name,
            children: children
              .split(',')
              .map((c) => ({name: unquote(c)}))
              .filter((c) => c.name),
            roles: parts.roles,
          });
          block = {kind: 'none'};
          break;
        }
        case 'patternany':
          app.patternAnyEntities!.push({name: parts.name, roles: parts.roles, explicitList: []});
          block = {kind: 'none'};
          break;
        case 'phraselist': {
          const mode = /\(interchangeable\)/i.test(parts.name) || /\(interchangeable\)/i.test(m![2]!);
          const name = parts.name.replace(/\(interchangeable\)/i, '').trim();
          app.phraselists!.push({name, words: '', mode, activated: true, enabledForAllModels: true});
          block = {kind: 'phraselist', name, mode};
          break;
        }
      }
      continue;
    }
    if (line.startsWith('$')) {
      block = parseLegacyDefinition(line.slice(1), n);
      continue;
    }
    const reference = /^\[[^\]]*\]\(([^)]*)\)\s*$/.exec(line);
    if (reference) {
      const target = reference[1]!.trim();
      const baseName = target.split(/[\\/]/).pop()!.split('#')[0]!;
      if (!available.has(baseName))
        fail(
          n,
          `imports "${target}", which synthnlu does not follow`,
          'Import the folder (or zip) that holds every referenced .lu file, or inline the referenced content; for URLs and globs use bf luis:convert first.',
        );
      continue;
    }
    if (/^[-*+]\s?/.test(line)) {
      const item = line.replace(/^[-*+]\s?/, '').trim();
      const indent = raw.search(/\S/);
      switch (block.kind) {
        case 'intent': {
          let parsed;
          try {
            parsed = parseUtteranceLine(item);
          } catch (error) {
            if (error instanceof LuLabelError)
              fail(n, error.message, 'Close every { with }, or escape literal braces as \\{ \\}.');
            throw error;
          }
          if (parsed.isPattern) {
            app.patterns!.push({pattern: item.replace(/\{@/g, '{'), intent: block.name});
            for (const ref of item.matchAll(/\{@?([^{}=:]+)(?::([^{}=]+))?\}/g)) {
              const name = ref[1]!.trim();
              const known =
                app.entities!.some((e) => e.name === name) ||
                app.prebuiltEntities!.some((p) => p.name === name) ||
                app.closedLists!.some((c) => c.name === name) ||
                app.regex_entities!.some((r) => r.name === name) ||
                app.patternAnyEntities!.some((p) => p.name === name);
              if (!known) pendingPatternAny.add(name);
            }
          } else if (parsed.text.length > 0) {
            app.utterances.push({text: parsed.text, intent: block.name, entities: parsed.labels});
          }
          break;
        }
        case 'list': {
          const canonical = /^(.*?)\s*:\s*(.*)$/.exec(item);
          if (!block.legacy && canonical && (!block.canonical || indent < 8)) {
            block.canonical = canonical[1]!.trim();
            const sub = {canonicalForm: block.canonical, list: [] as string[]};
            closedList(block.name).subLists.push(sub);
            if (canonical[2])
              sub.list.push(
                ...canonical[2]
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              );
          } else if (block.canonical) {
            const list = closedList(block.name);
            list.subLists[list.subLists.length - 1]!.list.push(item);
          }
          break;
        }
        case 'phraselist': {
          const pl = app.phraselists!.find((p) => p.name === (block as {name: string}).name)!;
          pl.words = pl.words ? `${pl.words},${item}` : item;
          break;
        }
        case 'ml': {
          const child = /^@\s*(\S+)\s+(.*)$/.exec(item);
          if (!child) break;
          const parts = definitionParts(child[2]!);
          const type = child[1]!;
          const features = ['ml', 'simple'].includes(type.toLowerCase())
            ? parts.features
            : [{modelName: type, isRequired: true}, ...parts.features];
          const node: LuisChildEntity = {name: parts.name, instanceOf: null, children: [], features};
          while (block.stack.length > 1 && indent <= block.stack[block.stack.length - 1]!.indent)
            block.stack.pop();
          block.stack[block.stack.length - 1]!.children.push(node);
          block.stack.push({indent, children: node.children!});
          break;
        }
        default:
          break;
      }
    }
  }

  // Labels may name entities never defined: bf-lu creates simple entities (and roles) for them.
  const defined = (name: string): boolean =>
    app.entities!.some((e) => e.name === name) ||
    app.prebuiltEntities!.some((p) => p.name === name) ||
    app.closedLists!.some((c) => c.name === name) ||
    app.regex_entities!.some((r) => r.name === name) ||
    app.composites!.some((c) => c.name === name) ||
    app.patternAnyEntities!.some((p) => p.name === name);
  const childNames = new Set<string>();
  const collect = (children: LuisChildEntity[] | undefined): void => {
    for (const c of children ?? []) {
      childNames.add(c.name);
      collect(c.children);
    }
  };
  for (const e of app.entities!) collect(e.children);
  const visit = (labels: LuisEntityLabel[], nested: boolean): void => {
    for (const l of labels) {
      if (!nested && !defined(l.entity) && !childNames.has(l.entity)) entity(l.entity);
      if (l.role) {
        const target =
          app.entities!.find((e) => e.name === l.entity) ??
          app.prebuiltEntities!.find((p) => p.name === l.entity) ??
          app.closedLists!.find((c) => c.name === l.entity) ??
          app.regex_entities!.find((r) => r.name === l.entity);
        if (target) addRoles(target, [l.role]);
      }
      visit(l.children ?? [], true);
    }
  };
  for (const u of app.utterances) visit(u.entities ?? [], false);
  // Only ML entities with declared children keep nested labels; bf-lu lists other nested labels flat.
  const hierarchical = new Set(app.entities!.filter((e) => (e.children?.length ?? 0) > 0).map((e) => e.name));
  const flatten = (labels: LuisEntityLabel[]): LuisEntityLabel[] =>
    labels.flatMap((l) => {
      if (!l.children?.length || hierarchical.has(l.entity)) return [l];
      const {children, ...parent} = l;
      return [...flatten(children), parent];
    });
  for (const u of app.utterances) u.entities = flatten(u.entities ?? []);
  for (const name of pendingPatternAny) {
    if (!defined(name)) app.patternAnyEntities!.push({name, roles: [], explicitList: []});
  }
  return app;

  function parseLegacyDefinition(def: string, n: number): Block {
    const colon = def.indexOf(':');
    if (colon === -1) return fail(n, `cannot read the definition "$${def}"`);
    const name = def.slice(0, colon).trim();
    const rest = def.slice(colon + 1).trim();
    if (/qna-alterations/i.test(rest)) return {kind: 'skip'};
    const roles = (/\bRoles\s*=\s*(.*)$/i.exec(rest)?.[1] ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const body = rest.replace(/\bRoles\s*=.*$/i, '').trim();
    if (name === 'PREBUILT') {
      const existing = app.prebuiltEntities!.find((p) => p.name === body);
      if (existing) addRoles(existing, roles);
      else app.prebuiltEntities!.push({name: body, roles});
      return {kind: 'none'};
    }
    if (/^simple$/i.test(body)) {
      addRoles(entity(name), roles);
      return {kind: 'none'};
    }
    if (/^phraseList\b/i.test(body)) {
      const mode = /interchangeable/i.test(body);
      app.phraselists!.push({name, words: '', mode, activated: true, enabledForAllModels: true});
      return {kind: 'phraselist', name, mode};
    }
    if (body.startsWith('/') && body.endsWith('/') && body.length > 1) {
      app.regex_entities!.push({name, regexPattern: body.slice(1, -1), roles});
      return {kind: 'none'};
    }
    if (body.startsWith('[') && body.endsWith(']')) {
      app.composites!.push({
        name,
        children: body
          .slice(1, -1)
          .split(',')
          .map((c) => ({name: c.trim()}))
          .filter((c) => c.name),
        roles,
      });
      return {kind: 'none'};
    }
    if (body.endsWith('=')) {
      const list = closedList(name);
      addRoles(list, roles);
      const canonical = body.slice(0, -1).trim();
      list.subLists.push({canonicalForm: canonical, list: []});
      return {kind: 'list', name, canonical, legacy: true};
    }
    return fail(n, `cannot read the definition "$${def}"`);
  }
}
