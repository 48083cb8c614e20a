import {
  type ConnectorContext,
  type ImportSource,
  failOnErrors,
  SynthnluError,
  checkJsonStructure,
  lineColumnAt,
} from '../../../src/connector-kit.js';

/** What an edition says of a file that is not JSON: its error code and how to get a good file. */
export interface AgentJsonStyle {
  code: string;
  suggestion: string;
}

/** Parses one JSON file of an agent; a syntax error names the file, line and column. */
export function parseAgentJson(text: string, file: string, style: AgentJsonStyle): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumnAt(text, Number(at[1])) : {};
    throw new SynthnluError(style.code, `not valid JSON: ${message}`, {
      location: {file, ...where},
      suggestion: style.suggestion,
    });
  }
  checkJsonStructure(text, file);
  return value;
}

/** A reader that reads, parses and schema-checks one JSON file; problems name the file and the JSON path. */
export function agentJsonReader(
  style: AgentJsonStyle,
): <T>(source: ImportSource, file: string, schema: string, context: ConnectorContext) => Promise<T> {
  return async <T>(source: ImportSource, file: string, schema: string, context: ConnectorContext) => {
    const value = parseAgentJson(await source.readText(file), file, style);
    failOnErrors(context.validate(schema, value, file));
    return value as T;
  };
}
