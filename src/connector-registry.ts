import type {Connector, ConnectorFormat, PlatformLimits} from './connector.js';
import {openImportSource} from './convert/source.js';
import {SynthnluError} from './errors.js';
import type {RemoteConnector} from './remote/types.js';
import {closestMatch} from './schema/suggest.js';
import {SchemaSet} from './schema/validate.js';
import {SpecReaderList, type SpecReader} from './spec/readers.js';

/** What a format can carry: its connector's capabilities, refined by the format's own. */
export function formatSupports(connector: Connector, format: ConnectorFormat): PlatformLimits['supports'] {
  return {...connector.limits.supports, ...format.supports};
}

/** The limits an export to this format is checked against: its connector's, refined by the format's own. */
export function formatLimits(connector: Connector, format: ConnectorFormat): PlatformLimits {
  return {...connector.limits, ...format.limits, supports: formatSupports(connector, format)};
}

export interface RegistryOptions {
  /** Spec formats beyond synthnlu's own YAML/JSON (createRegistry in src/registry.ts adds the built-in Chatito). */
  specReaders?: readonly SpecReader[];
  /** The set the connectors' schemas go into; a new one by default (the default registry shares the library's). */
  schemas?: SchemaSet;
}

/**
 * What one command knows: its connectors (built-ins and those of plugins), their schemas and the spec readers.
 * A command builds one (src/cli/base-command.ts) and passes it down; two registries never share a connector,
 * a schema or a spec reader.
 */
export class ConnectorRegistry {
  readonly #connectors: Connector[] = [];
  readonly #specReaders = new SpecReaderList();
  /** The schemas validation looks up: the core's and those of this registry's connectors. */
  readonly schemas: SchemaSet;

  constructor(connectors: readonly Connector[] = [], options: RegistryOptions = {}) {
    this.schemas = options.schemas ?? new SchemaSet();
    for (const connector of connectors) this.register(connector);
    for (const reader of options.specReaders ?? []) this.registerSpecReader(reader);
  }

  register(connector: Connector): void {
    if (this.#connectors.some((c) => c.id === connector.id))
      throw new Error(`connector "${connector.id}" is already registered`);
    for (const format of connector.formats) {
      if (this.formatIds().includes(format.id))
        throw new Error(`format "${format.id}" is already registered`);
    }
    const given = connector.schemas ?? {};
    for (const name of connector.formats.flatMap((f) => f.schemas)) {
      if (given[name] === undefined && !this.schemas.has(name))
        throw new Error(
          `connector "${connector.id}" names schema ${name} but does not give it in its schemas`,
        );
    }
    for (const [name, schema] of Object.entries(given))
      if (!this.schemas.accepts(name, schema))
        throw new Error(`connector "${connector.id}": a different schema is already registered as ${name}`);
    for (const [name, schema] of Object.entries(given)) this.schemas.register(name, schema);
    this.#connectors.push(connector);
  }

  /** Adds a spec format (a plugin's, say); a second reader for a file ending already read is refused. */
  registerSpecReader(reader: SpecReader): void {
    this.#specReaders.register(reader);
  }

  specReaders(): readonly SpecReader[] {
    return this.#specReaders.list();
  }

  /** The spec reader for a file, by its name's ending; undefined for synthnlu's own YAML/JSON. */
  specReaderFor(file: string): SpecReader | undefined {
    return this.#specReaders.readerFor(file);
  }

  connectors(): readonly Connector[] {
    return this.#connectors;
  }

  formats(): ConnectorFormat[] {
    return this.#connectors.flatMap((c) => c.formats);
  }

  formatIds(): string[] {
    return this.formats().map((f) => f.id);
  }

  /** The formats whose files can carry a capability (their connector's, refined by the format's own). */
  formatsSupporting(capability: keyof PlatformLimits['supports']): string[] {
    return this.#connectors.flatMap((c) =>
      c.formats.filter((f) => formatSupports(c, f)[capability]).map((f) => f.id),
    );
  }

  /**
   * The first format whose connector recognises the path at all (any detect() score above 0), or undefined.
   * A document shaped like a spec is one only if no connector claims it: LUIS JSON also has `intents`.
   */
  async formatClaiming(path: string): Promise<string | undefined> {
    const source = await openImportSource(path).catch(() => undefined);
    if (!source) return undefined;
    for (const format of this.formats())
      if ((await format.detect(source).catch(() => 0)) > 0) return format.id;
    return undefined;
  }

  /** The connector that owns a format, and the format. Unknown ids fail with a suggestion. */
  format(id: string): {connector: Connector; format: ConnectorFormat} {
    for (const connector of this.#connectors) {
      const format = connector.formats.find((f) => f.id === id);
      if (format) return {connector, format};
    }
    const guess = closestMatch(id, this.formatIds());
    throw new SynthnluError(
      'UNKNOWN_FORMAT',
      `unknown format "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      {
        suggestion: `Known formats: ${this.formatIds().join(', ')}.`,
      },
    );
  }

  remotes(): RemoteConnector[] {
    return this.#connectors.flatMap((c) => (c.remote ? [c.remote] : []));
  }

  remoteIds(): string[] {
    return this.remotes().map((r) => r.id);
  }

  /** The live-platform remote with this id (the value of push --to and pull --from). */
  remote(id: string): RemoteConnector {
    const remote = this.remotes().find((r) => r.id === id);
    if (remote) return remote;
    const guess = closestMatch(id, this.remoteIds());
    throw new SynthnluError(
      'UNKNOWN_REMOTE',
      `unknown platform "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      {suggestion: `Platforms synthnlu can push to: ${this.remoteIds().join(', ')}.`},
    );
  }
}
