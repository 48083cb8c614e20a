/** Names (intents, entities) end up in file names, URLs and platform APIs: control characters never belong. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

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
