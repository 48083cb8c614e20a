/**
 * JSON text in the style of Dialogflow CX's agent export (a Jackson pretty printer): objects one key per line,
 * arrays inline with spaces ("[ {", "}, {", "} ]", "[ "a", "b" ]"), indentation counted in objects only, a final
 * newline, and "<", ">", "&" escaped as \u003c-style. Writing the same style makes an import-then-export of an
 * agent diff cleanly (and byte for byte) against the console's own export.
 */
const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(
    HTML_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function write(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' ? stringLiteral(value) : JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((item) => write(item, depth)).join(', ')} ]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{ }';
  const inner = '  '.repeat(depth + 1);
  const lines = entries.map(([key, v]) => `${inner}${stringLiteral(key)}: ${write(v, depth + 1)}`);
  return `{\n${lines.join(',\n')}\n${'  '.repeat(depth)}}`;
}

export function cxJsonText(value: unknown): string {
  return `${write(value, 0)}\n`;
}
