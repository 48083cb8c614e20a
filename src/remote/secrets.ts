import {SynthnluError} from '../errors.js';
import type {SecretRegistry} from './types.js';

const MARK = '[REDACTED]';

/**
 * The forms a secret takes on its way out: as is, URL-encoded once or twice (a server echoing a path or query,
 * a proxy encoding it again), form-encoded, JSON-escaped (a key with `"` or `\` inside --json output, or
 * URL-encoded then JSON-escaped, or every character as \uXXXX), base64 / base64url (Basic auth headers, tokens
 * embedded in other tokens) and hex. Matched without regard to case (%2f = %2F, hex in either case).
 */
export function secretEncodings(secret: string): string[] {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const url = encodeURIComponent(secret);
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const derived = [
    url,
    url.replace(/%20/g, '+'),
    encodeURIComponent(url),
    encodeURI(secret),
    json(secret),
    json(url),
    secret
      .split('')
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ];
  // The secret itself always; an encoding only when long enough not to scrub ordinary text.
  const forms = [secret, ...derived.filter((form) => form.length >= 4)];
  // Longest first, so a longer encoding is replaced before a shorter form inside it.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** How much of a secret, cut at the end of a message (or at its start), still counts as the secret. */
const MIN_PARTIAL = 8;

/**
 * The starts of a secret, as a message cut in the middle of it leaves them (at the very end, or before an
 * ellipsis), and its ends, as a message that starts in the middle of it leaves them.
 */
function partialForms(secret: string): {prefixes: string[]; suffixes: string[]} {
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (let length = secret.length - 1; length >= MIN_PARTIAL; length--) {
    prefixes.push(secret.slice(0, length));
    suffixes.push(secret.slice(secret.length - length));
  }
  return {prefixes, suffixes};
}

/** Cuts redacted text to `limit` characters, never inside a redaction mark. */
export function truncateRedacted(text: string, limit = 300): string {
  if (text.length <= limit) return text;
  let cut = limit;
  const mark = text.lastIndexOf('[REDACTED', cut);
  if (mark !== -1 && text.indexOf(']', mark) >= cut) cut = mark;
  return `${text.slice(0, cut)}…`;
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

  #partial: RegExp | undefined;

  add(secret: string | undefined): void {
    // A key of any length is a key (a 5-character one too); only blank values are not secrets.
    if (!secret || secret.trim() === '' || this.#values.has(secret)) return;
    this.#values.add(secret);
    this.#pattern = undefined;
    this.#partial = undefined;
    this.#fragments = undefined;
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
      // What is left of a secret that someone else cut: its start at the end of the text (or before an
      // ellipsis), its end at the start of the text.
      this.#partial ??= this.#partialPattern();
      if (this.#partial) text = text.replace(this.#partial, MARK);
      text = this.#redactFragments(text);
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

  /** Every MIN_PARTIAL-character piece of a secret with no whitespace in it (keys, tokens, PEM body lines). */
  #fragments: Set<string> | undefined;

  /**
   * What is left of a secret anywhere in the text, not only at its ends: a server that quotes part of a key in
   * the middle of a message ("key 'ab12…' rejected", a masked "ab12cd34****" followed by more text). Every run of
   * text covered by MIN_PARTIAL-character pieces of a secret is redacted; one linear pass over the text.
   */
  #redactFragments(text: string): string {
    if (!this.#fragments) {
      this.#fragments = new Set();
      for (const secret of this.#values)
        if (!/\s/.test(secret))
          for (let i = 0; i + MIN_PARTIAL <= secret.length; i++)
            this.#fragments.add(secret.slice(i, i + MIN_PARTIAL));
    }
    if (this.#fragments.size === 0 || text.length < MIN_PARTIAL) return text;
    let out = '';
    let copied = 0;
    let coveredTo = -1;
    let runStart = -1;
    for (let i = 0; i + MIN_PARTIAL <= text.length; i++) {
      if (!this.#fragments.has(text.slice(i, i + MIN_PARTIAL))) continue;
      if (i > coveredTo) {
        if (runStart !== -1) {
          out += `${text.slice(copied, runStart)}${MARK}`;
          copied = coveredTo;
        }
        runStart = i;
      }
      coveredTo = i + MIN_PARTIAL;
    }
    if (runStart === -1) return text;
    return `${out}${text.slice(copied, runStart)}${MARK}${text.slice(coveredTo)}`;
  }

  #partialPattern(): RegExp | undefined {
    const prefixes: string[] = [];
    const suffixes: string[] = [];
    for (const secret of this.#values) {
      const forms = partialForms(secret);
      prefixes.push(...forms.prefixes);
      suffixes.push(...forms.suffixes);
    }
    if (prefixes.length === 0) return undefined;
    const alternatives = (list: string[]) =>
      list
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    return new RegExp(
      `(?:${alternatives(prefixes)})(?=(?:…|\\.\\.\\.)?["'\\s]*$)|^(?:${alternatives(suffixes)})`,
      'g',
    );
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
