/** Names (intents, entities) end up in file names, URLs and platform APIs: control characters never belong. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** "U+0000" for the first control character in a name, or undefined when there is none. */
export function controlCharacterIn(name: string): string | undefined {
  const found = CONTROL.exec(name);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
