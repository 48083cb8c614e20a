import {SynthnluError, type Diagnostic} from '../errors.js';
import {parseTemplate, templateReferences} from '../generate/template/parse.js';
import type {Locator} from '../schema/validate.js';
import type {PathSegment} from '../schema/json-path.js';
import {closestMatch} from '../schema/suggest.js';
import {checkDuplicateSeeds, checkSynonymConflicts} from './check-overlaps.js';
import {checkNames, locationFinder} from '../model/check-names.js';
import {userRegexProblem} from '../model/user-regex.js';
import {slotRepeatDiagnostics} from './slot-repeats.js';
import type {Spec, WeightedText} from './spec.js';

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

/** Checks that need the whole spec: unique names, references that resolve, no alias cycles. */
export function checkSpec(spec: Spec, context: {file?: string; locate?: Locator} = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = locationFinder(context);

  const entityNames = new Set<string>();
  out.push(
    ...checkNames(
      (spec.entities ?? []).map((entity) => entity.name),
      {
        list: 'entities',
        duplicateCode: 'SPEC_DUPLICATE_ENTITY',
        suggestion: 'Merge the two entities or rename one.',
      },
      at,
    ),
  );
  (spec.entities ?? []).forEach((entity, i) => {
    entityNames.add(entity.name);
    if (entity.type === 'list' && !entity.values?.length) {
      out.push({
        severity: 'error',
        code: 'SPEC_LIST_WITHOUT_VALUES',
        message: `list entity "${entity.name}" has no values`,
        ...at(['entities', i]),
        suggestion: 'Add values: [...] with the canonical values (and synonyms).',
      });
    }
    if (entity.type === 'regex') {
      if (!entity.pattern) {
        out.push({
          severity: 'error',
          code: 'SPEC_REGEX_WITHOUT_PATTERN',
          message: `regex entity "${entity.name}" has no pattern`,
          ...at(['entities', i]),
          suggestion: 'Add pattern: "[0-9]{6}" (for example).',
        });
      } else {
        const problem = userRegexProblem(entity.pattern);
        if (problem) {
          out.push({
            severity: 'error',
            code: 'SPEC_BAD_REGEX',
            message: `entity "${entity.name}": ${problem}`,
            ...at(['entities', i, 'pattern']),
            suggestion: 'Use plain character classes and repetition, e.g. "[A-Z]{2}[0-9]{6}".',
          });
        }
      }
    }
    if (entity.type === 'system' && !entity.system) {
      out.push({
        severity: 'error',
        code: 'SPEC_SYSTEM_WITHOUT_TYPE',
        message: `system entity "${entity.name}" does not say which system type it is`,
        ...at(['entities', i]),
        suggestion: 'Add system: number (or date, time, email, money...).',
      });
    }
  });

  const aliases = spec.aliases ?? {};
  const aliasNames = Object.keys(aliases);
  const checkRefs = (template: string, segments: PathSegment[]) => {
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
    for (const name of refs.entities) {
      if (!entityNames.has(name)) {
        const guess = closestMatch(name, entityNames);
        out.push({
          severity: 'error',
          code: 'SPEC_UNKNOWN_ENTITY',
          message: `{${name}} refers to an entity that is not defined${guess ? ` (did you mean {${guess}}?)` : ''}`,
          ...at(segments),
          suggestion: guess ? `Use {${guess}}.` : `Add an entity named "${name}" under entities.`,
        });
      }
    }
    for (const name of refs.aliases) {
      if (!(name in aliases)) {
        const guess = closestMatch(name, aliasNames);
        out.push({
          severity: 'error',
          code: 'SPEC_UNKNOWN_ALIAS',
          message: `<${name}> refers to an alias that is not defined${guess ? ` (did you mean <${guess}>?)` : ''}`,
          ...at(segments),
          suggestion: guess ? `Use <${guess}>.` : `Add "${name}" under aliases.`,
        });
      }
    }
  };

  for (const name of aliasNames) {
    aliases[name]!.forEach((item, i) => checkRefs(textOf(item), ['aliases', name, i]));
  }
  const cycle = findAliasCycle(aliases);
  if (cycle) {
    out.push({
      severity: 'error',
      code: 'SPEC_ALIAS_CYCLE',
      message: `aliases refer to each other in a circle: ${cycle.map((n) => `<${n}>`).join(' -> ')}`,
      ...at(['aliases', cycle[0]!]),
      suggestion: 'Break the cycle: an alias cannot (directly or indirectly) contain itself.',
    });
  }

  out.push(
    ...checkNames(
      spec.intents.map((intent) => intent.name),
      {
        list: 'intents',
        badNameCode: 'SPEC_BAD_NAME',
        duplicateCode: 'SPEC_DUPLICATE_INTENT',
        suggestion: 'Merge their examples into one intent.',
      },
      at,
    ),
  );
  spec.intents.forEach((intent, i) => {
    intent.examples.forEach((example, e) => checkRefs(example, ['intents', i, 'examples', e]));
  });
  out.push(
    ...checkDuplicateSeeds(spec, at),
    ...checkSynonymConflicts(spec, at),
    ...slotRepeatDiagnostics(spec, at),
  );
  return out;
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
