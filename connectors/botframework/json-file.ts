/** Reading one JSON platform file from an ImportSource: parse, validate against its schema, fail with location. */
import {
  type ConnectorContext,
  type ImportSource,
  SynthnluError,
  checkJsonStructure,
} from '../../src/connector-kit.js';

/** The one file a single-file format reads: the source itself, or the only/first matching file in a folder/zip. */
export function pickFile(source: ImportSource, extension: string, formatName: string): string {
  // A file the user named is read as the format asked for, whatever its extension (import --from luis app.txt).
  const [only] = source.list();
  if (source.kind === 'file' && only !== undefined) return only;
  const files = source.list().filter((f) => f.toLowerCase().endsWith(extension));
  const [first] = files;
  if (!first) {
    throw new SynthnluError(
      'IMPORT_NO_FILE',
      `no ${extension} file in ${source.path} to read as ${formatName}`,
      {
        location: {file: source.path},
        suggestion: `Point at the ${formatName} file itself.`,
      },
    );
  }
  return first;
}

export async function readJson(source: ImportSource, file: string, code: string): Promise<unknown> {
  const text = await source.readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new SynthnluError(`${code}_BAD_JSON`, `${file} is not valid JSON: ${(error as Error).message}`, {
      location: {file},
      cause: error,
    });
  }
  checkJsonStructure(text, file);
  return value;
}

/** Throws (exit 2) with every schema problem when `value` does not match `schemaFile`. */
export function requireValid(
  context: ConnectorContext,
  schemaFile: string,
  value: unknown,
  file: string,
  code: string,
  what: string,
): void {
  const problems = context.validate(schemaFile, value, file).filter((d) => d.severity === 'error');
  const [first] = problems;
  if (!first) return;
  throw new SynthnluError(`${code}_INVALID`, `${file} is not a valid ${what}: ${first.message}`, {
    location: {file, ...(first.path ? {path: first.path} : {})},
    diagnostics: problems,
    suggestion: `Check the file against schemas/${schemaFile}.`,
  });
}

/** Parses a JSON file for detection only; never throws. */
export async function peekJson(
  source: ImportSource,
  extension = '.json',
): Promise<Record<string, unknown> | undefined> {
  const files = source.list().filter((f) => f.toLowerCase().endsWith(extension));
  if (files.length !== 1) return undefined;
  try {
    const value = JSON.parse(await source.readText(files[0]!)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function jsonFile(
  path: string,
  json: unknown,
  schema: string,
): {path: string; content: string; schema: string; json: unknown} {
  return {path, content: `${JSON.stringify(json, null, 2)}\n`, schema, json};
}

/** A file name from an app/project name: letters, digits, - and _ only. */
export function safeBaseName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned || fallback;
}
