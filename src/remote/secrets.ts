import {SynthnluError} from '../errors.js';
import type {SecretRegistry} from './types.js';

const MARK = '[REDACTED]';

/**
 * The forms a secret takes on its way out: as is, URL-encoded (a server echoing a path or query), form-encoded,
 * JSON-escaped (a key with `"` or `\` inside --json output, or URL-encoded then JSON-escaped), and base64 /
 * base64url (Basic auth headers, tokens embedded in other tokens).
 */
export function secretEncodings(secret: string): string[] {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const url = encodeURIComponent(secret);
  const forms = [
    secret,
    url,
    url.replace(/%20/g, '+'),
    encodeURI(secret),
    json(secret),
    json(url),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  // Longest first, so a longer encoding is replaced before a shorter form inside it.
  return [...new Set(forms)].filter((form) => form.length >= 6).sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Collects every secret a push or pull reads (keys, tokens, private keys) and scrubs them, in every encoding,
 * from any text before it is printed, logged, returned under --json or written to a report.
 */
export class Secrets implements SecretRegistry {
  readonly #values = new Set<string>();
  #pattern: RegExp | undefined;

  add(secret: string | undefined): void {
    // Very short values would scrub ordinary words; real keys and tokens are far longer.
    if (!secret || secret.length < 6 || this.#values.has(secret)) return;
    this.#values.add(secret);
    this.#pattern = undefined;
  }

  redact(text: string): string {
    if (this.#values.size > 0) {
      // Percent-encodings are case-insensitive (%2f = %2F), so match them without regard to case.
      this.#pattern ??= new RegExp(
        [...this.#values]
          .flatMap(secretEncodings)
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'gi',
      );
      text = text.replace(this.#pattern, MARK);
    }
    // Belt and braces for material we never registered: PEM private keys and bearer tokens.
    return text
      .replace(
        /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
        '[REDACTED PRIVATE KEY]',
      )
      .replace(/(-----BEGIN [A-Z ]*PRIVATE KEY-----)(\\n|[^-])+/g, '[REDACTED PRIVATE KEY]')
      .replace(/(Bearer\s+)[\w.~+/=-]{8,}/gi, `$1${MARK}`);
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    // Walk the value rather than redacting its JSON text: a secret containing `","` must not break the JSON.
    const visit = (item: unknown): unknown => {
      if (typeof item === 'string') return this.redact(item);
      if (Array.isArray(item)) return item.map(visit);
      if (item !== null && typeof item === 'object') {
        const plain = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
        return Object.fromEntries(
          Object.entries(plain).map(([key, inner]) => [this.redact(key), visit(inner)]),
        );
      }
      return item;
    };
    return visit(JSON.parse(JSON.stringify(value ?? null))) as T;
  }
}

/** Errors leave push and pull scrubbed of any secret a connector read. */
export function redactError(error: unknown, secrets: Secrets): unknown {
  if (error instanceof SynthnluError) {
    const json = secrets.redactDeep(error.toJSON());
    // One diagnostic carries the plain message (error.message has the location prefixed); several are kept.
    const several = error.diagnostics.length > 1;
    const message = several ? error.message : (error.diagnostics[0]?.message ?? error.message);
    return new SynthnluError(error.code, secrets.redact(message), {
      exitCode: error.exitCode,
      ...(several ? {diagnostics: json.diagnostics} : {}),
      ...(json.suggestion ? {suggestion: json.suggestion} : {}),
      location: error.location,
    });
  }
  if (error instanceof Error) return new Error(secrets.redact(error.message));
  return error;
}

/** Runs a push or pull step and returns its result with every secret read on the way scrubbed, errors included. */
export async function withSecretsRedacted<T>(secrets: Secrets, step: () => Promise<T>): Promise<T> {
  try {
    return secrets.redactDeep(await step());
  } catch (error) {
    throw redactError(error, secrets);
  }
}
