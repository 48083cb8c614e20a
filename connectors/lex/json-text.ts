import {isDeepStrictEqual} from 'node:util';
import {type ConnectorContext, failOnErrors, lineColumnAt, SynthnluError} from '../../src/connector-kit.js';

/** How a file was written: minified (most Lex exports) or indented (hand-kept exports), final newline or not. */
export interface JsonStyle {
  indent: number;
  newline: boolean;
}

export const MINIFIED: JsonStyle = {indent: 0, newline: false};

export function styleOf(text: string): JsonStyle {
  const indent = /^[{[]\r?\n( +|\t)/.exec(text)?.[1]?.length ?? 0;
  return {indent, newline: /\n$/.test(text)};
}

export function jsonText(value: unknown, style: JsonStyle = MINIFIED): string {
  return JSON.stringify(value, null, style.indent || undefined) + (style.newline ? '\n' : '');
}

/** The file's original bytes when its content did not change, else the new content in the file's own style. */
export function keptOrWritten(value: unknown, original: string | undefined): string {
  if (original !== undefined) {
    try {
      if (isDeepStrictEqual(JSON.parse(original), value)) return original;
    } catch {
      // Written anew below.
    }
    return jsonText(value, styleOf(original));
  }
  return jsonText(value);
}

export function parseLexJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    throw new SynthnluError('LEX_BAD_JSON', `not valid JSON: ${message}`, {
      location: {file, ...(at ? lineColumnAt(text, Number(at[1])) : {})},
      suggestion:
        'Export the bot again from the Lex console (Actions > Export, format "Lex JSON"), or fix the JSON syntax.',
    });
  }
}

/** Parses and schema-checks one file; problems name the file and the JSON path. */
export function checkedJson<T>(text: string, file: string, schema: string, context: ConnectorContext): T {
  const value = parseLexJson(text, file);
  failOnErrors(context.validate(schema, value, file));
  return value as T;
}
