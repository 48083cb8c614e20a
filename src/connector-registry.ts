import type {Connector, ConnectorFormat, PlatformLimits} from './connector.js';
import {SynthnluError} from './errors.js';
import type {RemoteConnector} from './remote/types.js';
import {closestMatch} from './schema/suggest.js';
import {registerSchema, schemaFiles} from './schema/validate.js';

/** What a format can carry: its connector's capabilities, refined by the format's own. */
export function formatSupports(connector: Connector, format: ConnectorFormat): PlatformLimits['supports'] {
  return {...connector.limits.supports, ...format.supports};
}

/** The limits an export to this format is checked against: its connector's, refined by the format's own. */
export function formatLimits(connector: Connector, format: ConnectorFormat): PlatformLimits {
  return {...connector.limits, ...format.limits, supports: formatSupports(connector, format)};
}

/** The connectors synthnlu knows: built-ins plus any registered by a library user. */
export class ConnectorRegistry {
  readonly #connectors: Connector[] = [];

  constructor(connectors: readonly Connector[] = []) {
    for (const connector of connectors) this.register(connector);
  }

  register(connector: Connector): void {
    if (this.#connectors.some((c) => c.id === connector.id))
      throw new Error(`connector "${connector.id}" is already registered`);
    for (const format of connector.formats) {
      if (this.formatIds().includes(format.id))
        throw new Error(`format "${format.id}" is already registered`);
    }
    for (const [name, schema] of Object.entries(connector.schemas ?? {})) registerSchema(name, schema);
    const known = schemaFiles();
    for (const name of connector.formats.flatMap((f) => f.schemas)) {
      if (!known.includes(name))
        throw new Error(
          `connector "${connector.id}" names schema ${name} but does not give it in its schemas`,
        );
    }
    this.#connectors.push(connector);
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
