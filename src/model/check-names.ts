/**
 * Where a diagnostic of checkSpec or checkDataset points (file, JSON path and the line the locator finds), and
 * the spec's name checks: no control characters, no name defined twice.
 */
import type {Diagnostic} from '../errors.js';
import {formatPath, type PathSegment} from '../schema/json-path.js';
import type {Locator} from '../schema/validate.js';
import {controlCharacterProblem} from './names.js';

export type DiagnosticLocation = Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'>;

/** The location of a JSON path in the checked file: the given line, or the one the locator finds. */
export function locationFinder(context: {
  file?: string | undefined;
  locate?: Locator | undefined;
}): (segments: PathSegment[], line?: number) => DiagnosticLocation {
  return (segments, line) => {
    const location: DiagnosticLocation = {path: formatPath(segments)};
    if (context.file) location.file = context.file;
    const position = line !== undefined ? {line, column: 1} : context.locate?.(segments);
    if (position) {
      location.line = position.line;
      location.column = position.column;
    }
    return location;
  };
}

export interface NameCheck {
  /** 'intents' or 'entities': the list the names come from. */
  list: 'intents' | 'entities';
  /** Codes: SPEC_BAD_NAME / SPEC_DUPLICATE_INTENT, DATASET_BAD_NAME / DATASET_DUPLICATE_ENTITY... */
  badNameCode?: string;
  duplicateCode: string;
  /** How to fix a duplicate. */
  suggestion: string;
}

/** Control characters (when a badNameCode is given) and duplicates among the names of one list. */
export function checkNames(
  names: readonly string[],
  check: NameCheck,
  at: (segments: PathSegment[]) => DiagnosticLocation,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const kind = check.list === 'intents' ? 'intent' : 'entity';
  const firstIndex = new Map<string, number>();
  names.forEach((name, i) => {
    const badName = check.badNameCode ? controlCharacterProblem(`${kind} name`, name) : undefined;
    if (badName)
      out.push({severity: 'error', code: check.badNameCode!, ...badName, ...at([check.list, i, 'name'])});
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, i);
      return;
    }
    out.push({
      severity: 'error',
      code: check.duplicateCode,
      message: `${kind} "${name}" is defined twice (first at ${check.list}[${first}])`,
      ...at([check.list, i, 'name']),
      suggestion: check.suggestion,
    });
  });
  return out;
}
