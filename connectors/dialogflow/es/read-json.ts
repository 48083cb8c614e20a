import {
  type ConnectorContext,
  type ImportSource,
  failOnErrors,
  SynthnluError,
  checkJsonStructure,
  lineColumnAt,
} from '../../../src/connector-kit.js';

/** Reads, parses and schema-checks one JSON file of an agent; problems name the file and the JSON path. */
export async function readAgentJson<T>(
  source: ImportSource,
  file: string,
  schema: string,
  context: ConnectorContext,
): Promise<T> {
  const text = await source.readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumnAt(text, Number(at[1])) : {};
    throw new SynthnluError('DIALOGFLOW_BAD_JSON', `not valid JSON: ${message}`, {
      location: {file, ...where},
      suggestion: 'Re-export the agent from the Dialogflow console, or fix the JSON syntax.',
    });
  }
  checkJsonStructure(text, file);
  failOnErrors(context.validate(schema, value, file));
  return value as T;
}
