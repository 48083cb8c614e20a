import {
  type ConnectorContext,
  type ImportSource,
  failOnErrors,
  SynthnluError,
  checkJsonStructure,
  lineColumnAt,
} from '../../../src/connector-kit.js';

/** Parses one JSON file of an agent package; a syntax error names the file, line and column. */
export function parseCxJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumnAt(text, Number(at[1])) : {};
    throw new SynthnluError('DIALOGFLOW_CX_BAD_JSON', `not valid JSON: ${message}`, {
      location: {file, ...where},
      suggestion:
        'Re-export the agent from the Dialogflow CX console (data format: JSON package), or fix the JSON syntax.',
    });
  }
  checkJsonStructure(text, file);
  return value;
}

/** Reads, parses and schema-checks one JSON file; problems name the file and the JSON path. */
export async function readCxJson<T>(
  source: ImportSource,
  file: string,
  schema: string,
  context: ConnectorContext,
): Promise<T> {
  const value = parseCxJson(await source.readText(file), file);
  failOnErrors(context.validate(schema, value, file));
  return value as T;
}
