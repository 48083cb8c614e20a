/** Where a diagnostic of checkSpec or checkDataset points: file, JSON path and the line the locator finds. */
import type {Diagnostic} from '../errors.js';
import {formatPath, type PathSegment} from '../schema/json-path.js';
import type {Locator} from '../schema/validate.js';

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
