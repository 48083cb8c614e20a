/** Names (intents, entities) end up in file names, URLs and platform APIs: control characters never belong. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/**
 * The message and fix for an example or value holding a control character (a NUL byte, an escape): no user types
 * one, platforms refuse or strip them, and they would be kept in every generated utterance. Tabs and line breaks
 * are left to the checks that handle whitespace.
 */
export function textControlProblem(
  what: string,
  text: string,
): {message: string; suggestion: string} | undefined {
  const found = TEXT_CONTROL.exec(text);
  if (!found) return undefined;
  const codePoint = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    message: `${what} ${JSON.stringify(text)} contains a control character (${codePoint}${codePoint === 'U+0000' ? ', a NUL byte' : ''}) at character ${found.index + 1}`,
    suggestion:
      'Remove the character: examples are text a user could type (a file saved as UTF-16 or binary shows NUL bytes).',
  };
}

/** The message and fix for a name holding a control character (the first one named as U+0000), if it does. */
export function controlCharacterProblem(
  what: string,
  name: string,
): {message: string; suggestion: string} | undefined {
  const found = CONTROL.exec(name);
  if (!found) return undefined;
  const codePoint = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    message: `${what} ${JSON.stringify(name)} contains a control character (${codePoint})`,
    suggestion: 'Use letters, digits, _ and - in names.',
  };
}
