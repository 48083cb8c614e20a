/**
 * TypeScript types from every JSON Schema in schemas/, so the schemas stay the single source of truth: the
 * model's (spec, dataset) into src/generated/, each platform's into its connector's generated/ folder.
 * scripts/generate-schema-types.ts writes them; with --check (run by `npm run lint`) it fails when
 * - a schema in schemas/ has no entry in TARGETS (a new schema must get types),
 * - a generated file differs from what its schema gives (a schema edited without `npm run schemas:types`),
 * - a generated/ folder holds a file no schema produces (a schema removed or renamed),
 * - the variation-family enums in the schemas differ from src/model/variation.ts, their one definition.
 */
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {compile, type JSONSchema} from 'json-schema-to-typescript';
import {familyKeys, VARIATION_TAGS} from '../src/model/variation.js';

interface Target {
  /** Folder, from the repository root, the types are written to (as <schema name>.ts). */
  dir: string;
  /** Name of the type of the whole document. */
  root: string;
  /** Put before the PascalCase name of each schema definition (LUIS's "entityLabel" becomes LuisEntityLabel). */
  prefix: string;
}

const MODEL = 'src/generated';
const BOTFRAMEWORK = 'connectors/botframework/generated';
const DIALOGFLOW = 'connectors/dialogflow/es/generated';
const DIALOGFLOW_CX = 'connectors/dialogflow/cx/generated';
const RASA = 'connectors/rasa/generated';
const WATSON = 'connectors/watson/generated';
const LEX = 'connectors/lex/generated';

/** Every schema in schemas/, by file name without .schema.json. */
const TARGETS: Readonly<Record<string, Target>> = {
  dataset: {dir: MODEL, root: 'Dataset', prefix: ''},
  spec: {dir: MODEL, root: 'Spec', prefix: ''},
  'luis-app': {dir: BOTFRAMEWORK, root: 'LuisApp', prefix: 'Luis'},
  'clu-project': {dir: BOTFRAMEWORK, root: 'CluProject', prefix: 'Clu'},
  'dialogflow-agent': {dir: DIALOGFLOW, root: 'DialogflowAgent', prefix: 'Dialogflow'},
  'dialogflow-package': {dir: DIALOGFLOW, root: 'DialogflowPackage', prefix: 'Dialogflow'},
  'dialogflow-intent': {dir: DIALOGFLOW, root: 'DialogflowIntent', prefix: 'Dialogflow'},
  'dialogflow-usersays': {dir: DIALOGFLOW, root: 'DialogflowUserSaysFile', prefix: 'Dialogflow'},
  'dialogflow-entity': {dir: DIALOGFLOW, root: 'DialogflowEntityType', prefix: 'Dialogflow'},
  'dialogflow-entries': {dir: DIALOGFLOW, root: 'DialogflowEntriesFile', prefix: 'Dialogflow'},
  'dialogflow-cx-agent': {dir: DIALOGFLOW_CX, root: 'CxAgent', prefix: 'Cx'},
  'dialogflow-cx-intent': {dir: DIALOGFLOW_CX, root: 'CxIntent', prefix: 'Cx'},
  'dialogflow-cx-training-phrases': {dir: DIALOGFLOW_CX, root: 'CxTrainingPhrasesFile', prefix: 'Cx'},
  'dialogflow-cx-entity-type': {dir: DIALOGFLOW_CX, root: 'CxEntityType', prefix: 'Cx'},
  'dialogflow-cx-entities': {dir: DIALOGFLOW_CX, root: 'CxEntitiesFile', prefix: 'Cx'},
  'dialogflow-cx-excluded-phrases': {dir: DIALOGFLOW_CX, root: 'CxExcludedPhrasesFile', prefix: 'Cx'},
  'rasa-nlu': {dir: RASA, root: 'RasaNluFile', prefix: 'RasaNlu'},
  'rasa-legacy-json': {dir: RASA, root: 'RasaLegacyJson', prefix: 'RasaLegacy'},
  'rasa-domain': {dir: RASA, root: 'RasaDomain', prefix: 'RasaDomain'},
  'watson-workspace': {dir: WATSON, root: 'WatsonWorkspace', prefix: 'Watson'},
  'lex-manifest': {dir: LEX, root: 'LexManifest', prefix: 'Lex'},
  'lex-bot': {dir: LEX, root: 'LexBot', prefix: 'Lex'},
  'lex-bot-locale': {dir: LEX, root: 'LexBotLocale', prefix: 'Lex'},
  'lex-intent': {dir: LEX, root: 'LexIntent', prefix: 'Lex'},
  'lex-slot': {dir: LEX, root: 'LexSlot', prefix: 'Lex'},
  'lex-slot-type': {dir: LEX, root: 'LexSlotType', prefix: 'Lex'},
};

const SUFFIX = '.schema.json';

/** The folders generated types go to, from the repository root. */
export const GENERATED_DIRS: readonly string[] = [...new Set(Object.values(TARGETS).map((t) => t.dir))];

function pascalCase(key: string): string {
  return key.replace(/(^|[-_\s]+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

async function generate(root: string, schemaFile: string, target: Target): Promise<string> {
  const schema = JSON.parse(await readFile(join(root, 'schemas', schemaFile), 'utf8')) as JSONSchema;
  // The generator names a type after its schema's title: name the document and each definition here, in memory,
  // so that connectors get LuisApp and LuisEntityLabel rather than the schemas' human titles.
  schema.title = target.root;
  for (const [key, definition] of Object.entries(schema.definitions ?? {}))
    if (typeof definition === 'object') definition.title = `${target.prefix}${pascalCase(key)}`;
  return compile(schema, target.root, {
    bannerComment: `/* Generated from schemas/${schemaFile} by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */`,
    // Closed unless the schema says otherwise: a platform schema opens the objects whose unknown fields we keep.
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: {singleQuote: true, bracketSpacing: false, printWidth: 110, trailingComma: 'all'},
  });
}

/** Problems with the variation-family enums, which must list what src/model/variation.ts defines. */
async function variationEnumProblems(root: string): Promise<string[]> {
  const read = async (file: string) =>
    JSON.parse(await readFile(join(root, 'schemas', file), 'utf8')) as {
      definitions?: Record<string, {enum?: unknown}>;
    };
  const expected: Array<[string, string, readonly string[]]> = [
    ['dataset.schema.json', 'VariationTag', VARIATION_TAGS],
    ['spec.schema.json', 'VariationKey', familyKeys()],
  ];
  const problems: string[] = [];
  for (const [file, definition, values] of expected) {
    const actual = (await read(file)).definitions?.[definition]?.enum;
    if (JSON.stringify(actual) !== JSON.stringify(values))
      problems.push(
        `schemas/${file} definitions.${definition}.enum must list the variation families of src/model/variation.ts: ${JSON.stringify(values)}`,
      );
  }
  return problems;
}

/**
 * Generates the types of every schema under `root` (the repository root): writes them when `write`, otherwise
 * compares them with the files on disk. Returns what is wrong, one message a problem (none: all in sync).
 */
export async function syncSchemaTypes(root: string, {write}: {write: boolean}): Promise<string[]> {
  const problems = await variationEnumProblems(root);
  const schemaFiles = (await readdir(join(root, 'schemas'))).filter((f) => f.endsWith(SUFFIX)).sort();
  const expected = new Set<string>();
  for (const schemaFile of schemaFiles) {
    const name = schemaFile.slice(0, -SUFFIX.length);
    const target = TARGETS[name];
    if (!target) {
      problems.push(`schemas/${schemaFile} has no types: add it to TARGETS in scripts/schema-types.ts`);
      continue;
    }
    const out = `${target.dir}/${name}.ts`;
    expected.add(out);
    const ts = await generate(root, schemaFile, target);
    if (write) {
      await mkdir(join(root, target.dir), {recursive: true});
      await writeFile(join(root, out), ts);
    } else if ((await readFile(join(root, out), 'utf8').catch(() => '')) !== ts) {
      problems.push(`${out} is out of date with schemas/${schemaFile}: run npm run schemas:types`);
    }
  }
  for (const name of Object.keys(TARGETS))
    if (!schemaFiles.includes(`${name}${SUFFIX}`))
      problems.push(`TARGETS names ${name}, but schemas/${name}${SUFFIX} does not exist`);
  for (const dir of GENERATED_DIRS) {
    const files = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const file of files)
      if (!expected.has(`${dir}/${file}`))
        problems.push(`${dir}/${file} comes from no schema in schemas/: delete it`);
  }
  return problems;
}
