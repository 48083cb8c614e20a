import type {SecretRegistry} from './types.js';

/**
 * Collects every secret a push or pull reads (keys, tokens, private keys) and scrubs them from any text
 * before it is printed, logged, returned under --json or written to a report.
 */
export class Secrets implements SecretRegistry {
  readonly #values = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would scrub ordinary words; real keys and tokens are far longer.
    if (secret && secret.length >= 6) this.#values.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.#values) result = result.split(secret).join('[REDACTED]');
    // Belt and braces for material we never registered: PEM private keys and bearer tokens.
    return result
      .replace(
        /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
        '[REDACTED PRIVATE KEY]',
      )
      .replace(/(Bearer\s+)[\w.~+/=-]{8,}/gi, '$1[REDACTED]');
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
