/**
 * Regular expressions that come from users (regex entities in specs, datasets and platform files) are
 * matched with re2js, a linear-time engine: a pattern such as `(a+)+$` cannot freeze predict or bot,
 * whatever the message. Patterns are written in ECMAScript syntax; the few features a linear-time engine
 * cannot offer (backreferences, lookaround) are refused by `validate` with the entity's path.
 */
import {RE2JS} from 're2js';

/** Longer patterns are not hand-written entity patterns. */
export const MAX_PATTERN_CHARS = 1000;

/** ECMAScript's \uXXXX and \u{X} escapes in RE2 spelling (\x{X}); everything else is shared syntax. */
function toRe2Syntax(pattern: string): string {
  return pattern.replace(
    /(\\\\)|\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g,
    (whole, escaped, braced, four) => (escaped ? whole : `\\x{${braced ?? four}}`),
  );
}

export function compileUserRegex(pattern: string): RE2JS {
  return RE2JS.compile(toRe2Syntax(pattern));
}

/** Why a user pattern cannot be used as a regex entity, or undefined when it can. */
export function userRegexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_CHARS)
    return `the pattern is ${pattern.length} characters long, over the ${MAX_PATTERN_CHARS} limit`;
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
  let compiled: RE2JS;
  try {
    compiled = compileUserRegex(pattern);
  } catch (error) {
    return `the pattern uses a feature that cannot be matched in linear time (backreferences, lookahead or lookbehind): ${(error as Error).message}`;
  }
  if (compiled.matcher('').find())
    return 'the pattern matches the empty string, so it would mark empty entities';
  return undefined;
}

/** Every non-empty match of a compiled pattern, with UTF-16 offsets. */
export function findAllMatches(regex: RE2JS, text: string): {start: number; end: number; text: string}[] {
  const found: {start: number; end: number; text: string}[] = [];
  const matcher = regex.matcher(text);
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    if (end > start) found.push({start, end, text: text.slice(start, end)});
  }
  return found;
}
