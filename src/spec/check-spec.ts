import {SynthnluError, type Diagnostic} from '../errors.js';
import {parseTemplate, templateReferences} from '../generate/template/parse.js';
import type {Locator} from '../schema/validate.js';
import type {PathSegment} from '../schema/json-path.js';
import {closestMatch} from '../schema/suggest.js';
import {checkDuplicateSeeds, checkSynonymConflicts} from './check-overlaps.js';
import {locationFinder} from '../model/diagnostic-location.js';
import {controlCharacterProblem, textControlProblem} from '../model/names.js';
import {userRegexProblem} from '../model/user-regex.js';
import {regexYieldsText} from '../generate/entities/values.js';
import {slotRepeatDiagnostics} from './slot-repeats.js';
import {checkLanguages, languageViews, usesLanguageMaps} from './languages.js';
import type {Spec, SpecDocument, WeightedText} from './spec.js';

/** The entity and alias names a template refers to, or its syntax error (templates are parsed, not scanned). */
function referencesOf(template: string): {entities: string[]; aliases: string[]; error?: SynthnluError} {
  try {
    const refs = templateReferences(parseTemplate(template).root);
    return {entities: refs.entities.map((e) => e.name), aliases: refs.aliases.map((a) => a.name)};
  } catch (error) {
    if (error instanceof SynthnluError) return {entities: [], aliases: [], error};
    throw error;
  }
}

function textOf(item: WeightedText): string {
  return typeof item === 'string' ? item : item.text;
}

type Locate = (segments: PathSegment[]) => Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;
type SpecEntity = NonNullable<Spec['entities']>[number];
/** A rule's finding; `at` is the path inside the entity. */
type EntityFinding = Pick<Diagnostic, 'severity' | 'code' | 'message' | 'suggestion'> & {at?: PathSegment[]};

/** One rule per thing an entity definition needs (names are checked for duplicates separately). */
const ENTITY_RULES: Array<(entity: SpecEntity) => EntityFinding | undefined> = [
  (entity) =>
    entity.type === 'list' && !entity.values?.length
      ? {
          severity: 'error',
          code: 'SPEC_LIST_WITHOUT_VALUES',
          message: `list entity "${entity.name}" has no values`,
          suggestion: 'Add values: [...] with the canonical values (and synonyms).',
        }
      : undefined,
  (entity) =>
    entity.type === 'regex' && !entity.pattern
      ? {
          severity: 'error',
          code: 'SPEC_REGEX_WITHOUT_PATTERN',
          message: `regex entity "${entity.name}" has no pattern`,
          suggestion: 'Add pattern: "[0-9]{6}" (for example).',
        }
      : undefined,
  (entity) => {
    const problem = entity.type === 'regex' && entity.pattern ? userRegexProblem(entity.pattern) : undefined;
    return problem
      ? {
          severity: 'error',
          code: 'SPEC_BAD_REGEX',
          message: `entity "${entity.name}": ${problem}`,
          at: ['pattern'],
          suggestion: 'Use plain character classes and repetition, e.g. "[A-Z]{2}[0-9]{6}".',
        }
      : undefined;
  },
  (entity) =>
    entity.type === 'regex' &&
    entity.pattern &&
    !userRegexProblem(entity.pattern) &&
    !regexYieldsText(entity.pattern)
      ? {
          severity: 'error',
          code: 'SPEC_REGEX_MATCHES_NOTHING',
          message: `regex entity "${entity.name}": the pattern /${entity.pattern}/ matches no text, so {${entity.name}} would be filled with nothing (a zero-length span)`,
          at: ['pattern'],
          suggestion: 'Give it a pattern that matches at least one character, e.g. "[A-Z]{2}[0-9]{6}".',
        }
      : undefined,
  (entity) =>
    entity.type === 'system' && !entity.system
      ? {
          severity: 'error',
          code: 'SPEC_SYSTEM_WITHOUT_TYPE',
          message: `system entity "${entity.name}" does not say which system type it is`,
          suggestion: 'Add system: number (or date, time, email, money...).',
        }
      : undefined,
];

function checkEntities(spec: Spec, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  (spec.entities ?? []).forEach((entity, i) => {
    if (seen.has(entity.name))
      out.push({
        severity: 'error',
        code: 'SPEC_DUPLICATE_ENTITY',
        message: `entity "${entity.name}" is defined twice`,
        ...at(['entities', i, 'name']),
      });
    seen.add(entity.name);
    for (const rule of ENTITY_RULES) {
      const found = rule(entity);
      if (!found) continue;
      const {at: inside, suggestion, ...finding} = found;
      out.push({...finding, ...at(['entities', i, ...(inside ?? [])]), ...(suggestion ? {suggestion} : {})});
    }
  });
  return out;
}

/** A template's syntax error and the entities and aliases it names that are not defined. */
function referenceChecker(spec: Spec, at: Locate) {
  const entityNames = new Set((spec.entities ?? []).map((e) => e.name));
  const aliases = spec.aliases ?? {};
  const aliasNames = Object.keys(aliases);
  return (template: string, segments: PathSegment[]): Diagnostic[] => {
    const out: Diagnostic[] = [];
    const refs = referencesOf(template);
    if (refs.error) {
      const problem = refs.error.diagnostics[0]!;
      out.push({
        severity: 'error',
        code: problem.code,
        message: `${problem.message} (${problem.path})`,
        ...at(segments),
        ...(problem.suggestion ? {suggestion: problem.suggestion} : {}),
      });
    }
    for (const name of refs.entities.filter((n) => !entityNames.has(n))) {
      const guess = closestMatch(name, entityNames);
      out.push({
        severity: 'error',
        code: 'SPEC_UNKNOWN_ENTITY',
        message: `{${name}} refers to an entity that is not defined${guess ? ` (did you mean {${guess}}?)` : ''}`,
        ...at(segments),
        suggestion: guess ? `Use {${guess}}.` : `Add an entity named "${name}" under entities.`,
      });
    }
    for (const name of refs.aliases.filter((n) => !(n in aliases))) {
      const guess = closestMatch(name, aliasNames);
      out.push({
        severity: 'error',
        code: 'SPEC_UNKNOWN_ALIAS',
        message: `<${name}> refers to an alias that is not defined${guess ? ` (did you mean <${guess}>?)` : ''}`,
        ...at(segments),
        suggestion: guess ? `Use <${guess}>.` : `Add "${name}" under aliases.`,
      });
    }
    return out;
  };
}

function checkAliases(spec: Spec, at: Locate, checkRefs: ReturnType<typeof referenceChecker>): Diagnostic[] {
  const aliases = spec.aliases ?? {};
  const out = Object.keys(aliases).flatMap((name) =>
    aliases[name]!.flatMap((item, i) => checkRefs(textOf(item), ['aliases', name, i])),
  );
  const cycle = findAliasCycle(aliases);
  if (cycle)
    out.push({
      severity: 'error',
      code: 'SPEC_ALIAS_CYCLE',
      message: `aliases refer to each other in a circle: ${cycle.map((n) => `<${n}>`).join(' -> ')}`,
      ...at(['aliases', cycle[0]!]),
      suggestion: 'Break the cycle: an alias cannot (directly or indirectly) contain itself.',
    });
  return out;
}

function checkIntents(spec: Spec, at: Locate, checkRefs: ReturnType<typeof referenceChecker>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const intentNames = new Map<string, number>();
  spec.intents.forEach((intent, i) => {
    const badName = controlCharacterProblem('intent name', intent.name);
    if (badName)
      out.push({severity: 'error', code: 'SPEC_BAD_NAME', ...badName, ...at(['intents', i, 'name'])});
    const first = intentNames.get(intent.name);
    if (first !== undefined) {
      out.push({
        severity: 'error',
        code: 'SPEC_DUPLICATE_INTENT',
        message: `intent "${intent.name}" is defined twice (first at intents[${first}])`,
        ...at(['intents', i, 'name']),
        suggestion: 'Merge their examples into one intent.',
      });
    } else intentNames.set(intent.name, i);
    intent.examples.forEach((example, e) => out.push(...checkRefs(example, ['intents', i, 'examples', e])));
  });
  return out;
}

/** Examples, alias texts and entity values holding a NUL byte or another control character. */
function checkControlCharacters(spec: Spec, at: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (what: string, text: string, segments: PathSegment[]) => {
    const problem = textControlProblem(what, text);
    if (problem) out.push({severity: 'error', code: 'SPEC_CONTROL_CHARACTER', ...problem, ...at(segments)});
  };
  spec.intents.forEach((intent, i) =>
    intent.examples.forEach((example, e) => check('example', example, ['intents', i, 'examples', e])),
  );
  for (const [name, items] of Object.entries(spec.aliases ?? {}))
    (items ?? []).forEach((item, i) => check('alias text', textOf(item), ['aliases', name, i]));
  (spec.entities ?? []).forEach((entity, e) =>
    (entity.values ?? []).forEach((value, v) => {
      if (typeof value === 'string') return check('entity value', value, ['entities', e, 'values', v]);
      check('entity value', value.value, ['entities', e, 'values', v, 'value']);
      (value.synonyms ?? []).forEach((synonym, s) =>
        check('synonym', synonym, ['entities', e, 'values', v, 'synonyms', s]),
      );
    }),
  );
  return out;
}

/** Checks that need the whole spec: unique names, references that resolve, no alias cycles. */
export function checkSpec(
  spec: Spec,
  context: {file?: string; locate?: Locator; mapPath?: (segments: PathSegment[]) => PathSegment[]} = {},
): Diagnostic[] {
  const find = locationFinder(context);
  const {mapPath} = context;
  const at: Locate = mapPath ? (segments) => find(mapPath(segments)) : find;
  const checkRefs = referenceChecker(spec, at);
  return [
    ...checkControlCharacters(spec, at),
    ...checkEntities(spec, at),
    ...checkAliases(spec, at, checkRefs),
    ...checkIntents(spec, at, checkRefs),
    ...checkDuplicateSeeds(spec, at),
    ...checkSynonymConflicts(spec, at),
    ...slotRepeatDiagnostics(spec, at),
  ];
}

function findAliasCycle(aliases: Record<string, WeightedText[] | undefined>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const item of aliases[name] ?? []) {
      for (const ref of referencesOf(textOf(item)).aliases) {
        if (!(ref in aliases)) continue;
        const cycle = visit(ref);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(aliases)) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The rule checks on a spec as written: a one-language spec as it is; a multi-language one by its language
 * rules, then each language's view, with paths pointing into the document (intents[0].examples.es[1]).
 */
export function checkSpecDocument(
  document: SpecDocument,
  context: {file?: string; locate?: Locator} = {},
): Diagnostic[] {
  if (!usesLanguageMaps(document)) return checkSpec(document as Spec, context);
  const languageFindings = checkLanguages(document, locationFinder(context));
  if (languageFindings.some((d) => d.severity === 'error')) return languageFindings;
  const seen = new Set<string>();
  const out = [...languageFindings];
  for (const view of languageViews(document))
    for (const d of checkSpec(view.spec, {...context, mapPath: view.documentPath})) {
      const key = `${d.code}\u0000${d.path ?? ''}\u0000${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  return out;
}
