/**
 * Generates TypeScript types from the JSON Schemas in schemas/ so the schemas stay the single source of truth.
 * `--check` regenerates in memory and fails when src/generated/ differs (run in CI by `npm run lint`).
 */
import {readFile, writeFile, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {compile, type JSONSchema} from 'json-schema-to-typescript';

const root = new URL('..', import.meta.url).pathname;
const targets: Array<{schema: string; out: string}> = [
  {schema: 'dataset.schema.json', out: 'dataset.ts'},
  {schema: 'spec.schema.json', out: 'spec.ts'},
];

const check = process.argv.includes('--check');
let drift = 0;
await mkdir(join(root, 'src/generated'), {recursive: true});
for (const {schema, out} of targets) {
  const json = JSON.parse(await readFile(join(root, 'schemas', schema), 'utf8')) as JSONSchema;
  const ts = await compile(json, json.title ?? schema, {
    bannerComment: `/* Generated from schemas/${schema} by scripts/generate-schema-types.ts. Do not edit: edit the schema and run npm run schemas:types. */`,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: {singleQuote: true, bracketSpacing: false, printWidth: 110, trailingComma: 'all'},
  });
  const path = join(root, 'src/generated', out);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== ts) {
      console.error(`src/generated/${out} is out of date with schemas/${schema}: run npm run schemas:types`);
      drift += 1;
    }
  } else {
    await writeFile(path, ts);
    console.log(`wrote src/generated/${out}`);
  }
}
if (drift > 0) process.exit(1);
