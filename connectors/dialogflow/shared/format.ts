import type {OutputFile} from '../../../src/connector-kit.js';

/** The intents an export wrote, one intent file (of `schema`) each, by the field that holds its name. */
export function writtenIntents(
  files: readonly OutputFile[],
  schema: string,
  nameField: 'name' | 'displayName',
): string[] {
  return files
    .filter((f) => f.schema === schema)
    .map((f) => (f.json as Partial<Record<typeof nameField, string>>)[nameField] ?? '');
}
