import {cp, mkdtemp, readFile, rm, unlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GENERATED_DIRS, syncSchemaTypes} from '../../scripts/schema-types.js';

const repo = new URL('../..', import.meta.url).pathname;

/** A copy of the schemas and the generated types, which each test edits as a developer would. */
async function copyOfRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'synthnlu-schema-types-'));
  await cp(join(repo, 'schemas'), join(root, 'schemas'), {recursive: true});
  for (const dir of GENERATED_DIRS) await cp(join(repo, dir), join(root, dir), {recursive: true});
  return root;
}

async function editJson(path: string, edit: (json: Record<string, any>) => void): Promise<void> {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, any>;
  edit(json);
  await writeFile(path, JSON.stringify(json, null, 2));
}

describe('types generated from schemas/ (npm run schemas:check)', () => {
  const roots: string[] = [];
  const fresh = async () => {
    const root = await copyOfRepo();
    roots.push(root);
    return root;
  };
  let committed: string[];
  beforeAll(async () => {
    committed = await syncSchemaTypes(repo, {write: false});
  });
  afterAll(async () => {
    for (const root of roots) await rm(root, {recursive: true, force: true});
  });

  it('finds the committed types in sync with every schema', () => {
    expect(committed).toEqual([]);
  });

  it('fails when a platform schema is edited and its types are not regenerated, and passes once they are', async () => {
    const root = await fresh();
    await editJson(join(root, 'schemas/luis-app.schema.json'), (s) => {
      s.definitions.entityLabel.properties.score = {type: 'number'};
    });
    expect(await syncSchemaTypes(root, {write: false})).toEqual([
      'connectors/botframework/generated/luis-app.ts is out of date with schemas/luis-app.schema.json: run npm run schemas:types',
    ]);
    expect(await syncSchemaTypes(root, {write: true})).toEqual([]);
    expect(await readFile(join(root, 'connectors/botframework/generated/luis-app.ts'), 'utf8')).toMatch(
      /export interface LuisEntityLabel \{[^}]*score\?: number;/,
    );
    expect(await syncSchemaTypes(root, {write: false})).toEqual([]);
  });

  it('fails on a new schema that has no types, and on generated types whose schema is gone', async () => {
    const root = await fresh();
    await cp(
      join(root, 'schemas/rasa-domain.schema.json'),
      join(root, 'schemas/newplatform-bot.schema.json'),
    );
    await unlink(join(root, 'schemas/dialogflow-package.schema.json'));
    const problems = await syncSchemaTypes(root, {write: false});
    expect(problems).toContain(
      'schemas/newplatform-bot.schema.json has no types: add it to TARGETS in scripts/schema-types.ts',
    );
    expect(problems).toContain(
      'TARGETS names dialogflow-package, but schemas/dialogflow-package.schema.json does not exist',
    );
    expect(problems).toContain(
      'connectors/dialogflow/es/generated/dialogflow-package.ts comes from no schema in schemas/: delete it',
    );
  });

  it('fails when a generated file is missing', async () => {
    const root = await fresh();
    await unlink(join(root, 'connectors/dialogflow/cx/generated/dialogflow-cx-intent.ts'));
    expect(await syncSchemaTypes(root, {write: false})).toEqual([
      'connectors/dialogflow/cx/generated/dialogflow-cx-intent.ts is out of date with schemas/dialogflow-cx-intent.schema.json: run npm run schemas:types',
    ]);
  });

  it('fails when a schema lists variation families other than src/model/variation.ts', async () => {
    const root = await fresh();
    await editJson(join(root, 'schemas/dataset.schema.json'), (s) => {
      s.definitions.VariationTag.enum.push('X');
    });
    await editJson(join(root, 'schemas/spec.schema.json'), (s) => {
      s.definitions.VariationKey.enum = s.definitions.VariationKey.enum.filter((k: string) => k !== 'typos');
    });
    const problems = await syncSchemaTypes(root, {write: true});
    expect(problems.filter((p) => p.includes('variation families'))).toEqual([
      expect.stringMatching(/^schemas\/dataset\.schema\.json definitions\.VariationTag\.enum must list/),
      expect.stringMatching(/^schemas\/spec\.schema\.json definitions\.VariationKey\.enum must list/),
    ]);
  });
});
