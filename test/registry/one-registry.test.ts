/**
 * Issue 26 item 4: one registry object per command, owning its connectors, their schemas and the spec readers.
 * Two registries in one process share nothing, and building one writes nothing anywhere else.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ConnectorFormat} from '../../src/connector.js';
import {ConnectorRegistry} from '../../src/connector-registry.js';
import {createConnectorContext} from '../../src/convert/context.js';
import {SynthnluError} from '../../src/errors.js';
import {inspectFile, loadSpec} from '../../src/load/inspect.js';
import {createRegistry, registry as libraryDefault} from '../../src/registry.js';
import {schemaFiles} from '../../src/schema/validate.js';
import type {SpecReader} from '../../src/spec/spec-reader.js';
import {bareConnector} from '../helpers/bare-connector.js';
import {tempDir} from '../helpers/cli.js';

const SCHEMA = 'tiny-nlu.schema.json';

/** A connector with one format whose files validate against its own schema: `{"tiny": <a number>}`. */
function tinyConnector(maximum: number) {
  const format: ConnectorFormat = {
    id: 'tiny-nlu',
    description: 'tiny test format',
    layout: 'file',
    extensions: ['.tiny'],
    schemas: [SCHEMA],
    detect: async () => 0,
    exportDataset: async () => ({files: []}),
    importDataset: async () => {
      throw new Error('not used');
    },
  };
  return bareConnector('tiny', {
    formats: [format],
    schemas: {
      [SCHEMA]: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: {tiny: {type: 'number', maximum}},
        required: ['tiny'],
        additionalProperties: false,
      },
    },
  });
}

/** A reader of `.greetings` files: every line an example of the intent greet. */
const greetingsReader: SpecReader = {
  extensions: ['.greetings'],
  description: 'greetings list',
  read: async (text) => ({value: {intents: [{name: 'greet', examples: text.trim().split('\n')}]}}),
};

describe('one registry per command', () => {
  it('two registries do not see each other’s connectors or schemas, and neither writes to the library’s', () => {
    const before = schemaFiles();
    const strict = new ConnectorRegistry([tinyConnector(1)]);
    const loose = new ConnectorRegistry([tinyConnector(100)]);
    const other = new ConnectorRegistry();
    expect(other.formatIds()).toEqual([]);
    expect(other.schemas.has(SCHEMA)).toBe(false);
    // The same schema name with different rules in two registries: each validates with its own.
    expect(strict.schemas.validate(SCHEMA, {tiny: 50}).map((d) => d.code)).toEqual(['SCHEMA_OUT_OF_RANGE']);
    expect(loose.schemas.validate(SCHEMA, {tiny: 50})).toEqual([]);
    const context = createConnectorContext({schemas: strict.schemas});
    expect(context.validate(SCHEMA, {tiny: 50}, 'x.tiny')).toHaveLength(1);
    expect(() => other.schemas.validate(SCHEMA, {tiny: 1})).toThrow(/no schema named tiny-nlu.schema.json/);
    expect(schemaFiles()).toEqual(before);
    expect(libraryDefault.formatIds()).not.toContain('tiny-nlu');
  });

  it('a registry refuses a second schema under a taken name before registering anything of the connector', () => {
    const registry = new ConnectorRegistry([tinyConnector(1)]);
    const clash = {...tinyConnector(2), id: 'tiny2', formats: []};
    expect(() => registry.register(clash)).toThrow(/a different schema is already registered as tiny-nlu/);
    expect(registry.connectors().map((c) => c.id)).toEqual(['tiny']);
  });

  it('spec readers belong to a registry: a file one registry reads as a spec is unknown to another', async () => {
    const dir = tempDir('synthnlu-registry-');
    const file = join(dir, 'hello.greetings');
    writeFileSync(file, 'hello\nhi there\n');
    const withReader = createRegistry();
    withReader.registerSpecReader(greetingsReader);
    const {spec} = await loadSpec(file, withReader);
    expect(spec.intents.map((i) => i.name)).toEqual(['greet']);

    const plain = createRegistry();
    expect(plain.specReaderFor(file)).toBeUndefined();
    expect(libraryDefault.specReaderFor(file)).toBeUndefined();
    const inspection = await inspectFile(file, plain);
    expect(inspection.wellFormed).toBe(false);
  });

  it('a second spec reader for an ending already read is refused with a clear error', () => {
    const registry = createRegistry();
    const error = (() => {
      try {
        registry.registerSpecReader({...greetingsReader, extensions: ['.CHATITO']});
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SynthnluError);
    expect((error as SynthnluError).code).toBe('SPEC_READER_TAKEN');
    expect((error as SynthnluError).message).toBe(
      'a spec reader for .chatito files is already registered ("Chatito DSL (intents, slots, aliases, training/testing counts)"), so "greetings list" was not added',
    );
    expect(registry.specReaders()).toHaveLength(1);
    expect(() => registry.registerSpecReader({...greetingsReader, extensions: ['.yaml']})).toThrow(
      /synthnlu reads \.yaml files itself/,
    );
    registry.registerSpecReader(greetingsReader);
    expect(() => registry.registerSpecReader(greetingsReader)).toThrow(
      /\.greetings files is already registered/,
    );
  });

  it('the message for a file that is neither spec nor dataset names the formats of the registry passed in', async () => {
    const dir = tempDir('synthnlu-registry-');
    const file = join(dir, 'other.json');
    writeFileSync(file, '{"hello": 1}');
    const inspection = await inspectFile(file, {
      specReaderFor: () => undefined,
      formatClaiming: async () => undefined,
      formatIds: () => ['only-this-one'],
    });
    expect(inspection.diagnostics[0]).toMatchObject({code: 'INPUT_UNKNOWN_KIND'});
    expect(inspection.diagnostics[0]!.suggestion).toContain('For a platform file (only-this-one) use');
  });
});
