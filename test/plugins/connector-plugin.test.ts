/**
 * Done-when of the connector kit: a connector package written only against synthnlu/connector-kit
 * (test/fixtures/connector-plugin) is installed as an oclif user plugin and used by the real CLI (bin/run.js,
 * built). Resolution is as on a user's machine, offline: the plugin is copied into the data folder's
 * node_modules next to a `synthnlu` link to this repository.
 */
import {cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {builtinConnectors} from '../../connectors/index.js';
import {conformanceDataset} from '../../src/conformance/sample-dataset.js';
import {ROOT, runCli, tempDir} from '../helpers/cli.js';

const PLUGIN = join(ROOT, 'test/fixtures/connector-plugin');
const NAME = 'synthnlu-connector-simple-nlu';

/**
 * An oclif data folder with the plugin installed as a user plugin; `connectors` overrides its entry module,
 * `specReaders` the module of its spec readers.
 */
function installPlugin(connectors?: string, specReaders?: string): NodeJS.ProcessEnv {
  const dataDir = tempDir('synthnlu-plugin-');
  const modules = join(dataDir, 'node_modules');
  mkdirSync(modules);
  cpSync(PLUGIN, join(modules, NAME), {recursive: true, filter: (from) => !from.includes(`${PLUGIN}/test`)});
  symlinkSync(ROOT, join(modules, 'synthnlu'), 'dir');
  if (connectors || specReaders) {
    const pjsonPath = join(modules, NAME, 'package.json');
    const pjson = JSON.parse(readFileSync(pjsonPath, 'utf8')) as {
      synthnlu: {connectors: string; specReaders: string};
    };
    if (connectors) pjson.synthnlu.connectors = connectors;
    if (specReaders) pjson.synthnlu.specReaders = specReaders;
    writeFileSync(pjsonPath, JSON.stringify(pjson));
  }
  writeFileSync(
    join(dataDir, 'package.json'),
    JSON.stringify({
      private: true,
      oclif: {schema: 1, plugins: [{name: NAME, type: 'user'}]},
      dependencies: {[NAME]: '*'},
    }),
  );
  // oclif reads user plugins from <BIN>_DATA_DIR/package.json. NODE_ENV=production as installed: under vitest's
  // NODE_ENV=test oclif would load the commands from src/ through tsx while the plugin's kit is the built one.
  return {SYNTHNLU_DATA_DIR: dataDir, NODE_ENV: 'production'};
}

describe('a connector from an oclif plugin, in the built CLI', () => {
  let env: NodeJS.ProcessEnv;
  let work: string;
  let dataset: string;
  beforeAll(() => {
    env = installPlugin();
    work = tempDir('synthnlu-plugin-work-');
    dataset = join(work, 'dataset.json');
    writeFileSync(dataset, JSON.stringify(conformanceDataset()));
  });

  it('export --to <plugin format> writes its file; import detects it and reads it back', () => {
    const out = join(work, 'bot.json');
    const exported = runCli(['export', dataset, '--to', 'simple-nlu', '--out', out, '--json'], {env});
    expect(exported.stderr).not.toMatch(/PLUGIN_CONNECTOR_NOT_LOADED/);
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({format: 'simple-nlu', connector: 'simple-nlu'});
    const file = JSON.parse(readFileSync(out, 'utf8')) as {simpleNlu: number; intents: unknown[]};
    expect(file.simpleNlu).toBe(1);
    expect(file.intents).toHaveLength(3);

    const back = join(work, 'back.json');
    const imported = runCli(['import', out, '--out', back, '--json'], {env});
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({format: 'simple-nlu', intents: 3});
    const read = JSON.parse(readFileSync(back, 'utf8')) as ReturnType<typeof conformanceDataset>;
    expect(read.utterances.map((u) => u.text)).toEqual(conformanceDataset().utterances.map((u) => u.text));
  });

  /** The built-in formats, as the CLI lists them (a new built-in connector joins the list). */
  const builtins = builtinConnectors.flatMap((c) => c.formats.map((f) => f.id));

  it('lists the plugin format in help and in the error for an unknown format', () => {
    expect(runCli(['export', '--help'], {env}).stdout).toContain(`${builtins.at(-1)}|simple-nlu`);
    const typo = runCli(['export', dataset, '--to', 'simple-nl', '--out', join(work, 'x.json')], {env});
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(
      `--to "simple-nl" is not one of: ${[...builtins, 'simple-nlu'].join(', ')}`,
    );
    expect(typo.stderr).toContain('Did you mean --to simple-nlu?');
  });

  it('without the plugin, the format is unknown', () => {
    const run = runCli(['export', dataset, '--to', 'simple-nlu', '--out', join(work, 'y.json')], {
      env: {SYNTHNLU_DATA_DIR: tempDir('synthnlu-no-plugin-'), NODE_ENV: 'production'},
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--to "simple-nlu" is not one of: ${builtins.join(', ')}\n`);
  });

  it('a plugin whose connectors cannot be loaded is named in a warning; other commands still run', () => {
    const broken = installPlugin('./missing.js');
    const run = runCli(['export', dataset, '--to', 'rasa', '--out', join(work, 'nlu.yml')], {env: broken});
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/PLUGIN_CONNECTOR_NOT_LOADED.*synthnlu-connector-simple-nlu/);
    rmSync(broken.SYNTHNLU_DATA_DIR!, {recursive: true, force: true});
  });

  it('a spec format the plugin adds: generate and validate read it; without the plugin it is no spec', () => {
    const spec = join(work, 'bot.intent-list');
    writeFileSync(spec, '# greet\nhello there\ngood morning\n# bye\nsee you later\nbye for now\n');
    const validated = runCli(['validate', spec, '--json'], {env});
    expect(validated.status, validated.stderr).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({kind: 'spec', summary: {intents: 2, utterances: 4}});
    const out = join(work, 'from-list.jsonl');
    const generated = runCli(['generate', spec, '--out', out, '--per-intent', '5', '--seed', '1', '--json'], {
      env,
    });
    expect(generated.status, generated.stderr).toBe(0);
    const intents = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {intent?: string})
      .flatMap((u) => (u.intent ? [u.intent] : []));
    expect(new Set(intents)).toEqual(new Set(['greet', 'bye']));

    const without = runCli(['generate', spec, '--out', join(work, 'none.jsonl')], {
      env: {SYNTHNLU_DATA_DIR: tempDir('synthnlu-no-plugin-'), NODE_ENV: 'production'},
    });
    expect(without.status).toBe(2);
  });

  it('a plugin spec reader for an ending synthnlu already reads is refused, named in a warning', () => {
    const taken = installPlugin(undefined, './taken-reader.js');
    const plugin = join(taken.SYNTHNLU_DATA_DIR!, 'node_modules', NAME);
    writeFileSync(
      join(plugin, 'taken-reader.js'),
      "export const specReaders = [{extensions: ['.chatito'], description: 'another Chatito', read: async () => ({value: {}})}];\n",
    );
    const run = runCli(['validate', join(ROOT, 'examples/date-booking.chatito'), '--json'], {env: taken});
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/PLUGIN_SPEC_READER_NOT_LOADED/);
    expect(run.stderr).toContain('a spec reader for .chatito files is already registered');
    rmSync(taken.SYNTHNLU_DATA_DIR!, {recursive: true, force: true});
  });
});
