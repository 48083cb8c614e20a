/**
 * Span handling both Dialogflow editions share: a training phrase is a flat sequence of parts, so annotations
 * must be in range, non-empty and must not overlap; a free-form entity type lists the values seen in them.
 */
import {createHash} from 'node:crypto';
import type {ConnectorContext, EntitySpan, Utterance} from '../../../src/connector-kit.js';

/**
 * The spans a training phrase can carry, sorted: in range, non-empty, not overlapping (the longer span first
 * where two start together). Every span left out is warned about with the format's `warning`.
 */
export function flatSpans(
  text: string,
  spans: readonly EntitySpan[],
  context: ConnectorContext,
  warning: {code: string; message: string},
): EntitySpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntitySpan[] = [];
  let last = 0;
  for (const span of sorted) {
    if (span.start < last || span.end <= span.start || span.end > text.length) {
      context.warn(warning);
      continue;
    }
    out.push(span);
    last = span.end;
  }
  return out;
}

/** The value first, then its synonyms, each once. */
export function withSelf(value: string, synonyms: readonly string[] = []): string[] {
  return [...new Set([value, ...synonyms])];
}

/**
 * A free-form entity's entries: those kept from the platform's file (`stored`), then every value annotated with
 * `entity` in the utterances, each with the surface texts it was annotated on as synonyms.
 */
export function annotatedValues(
  entity: string,
  utterances: readonly Utterance[],
  stored: readonly {value: string; synonyms?: readonly string[]}[] = [],
): Map<string, string[]> {
  const byValue = new Map<string, string[]>();
  for (const e of stored) byValue.set(e.value, withSelf(e.value, e.synonyms));
  for (const u of utterances) {
    for (const span of u.entities ?? []) {
      if (span.entity !== entity || span.end > u.text.length || span.end <= span.start) continue;
      const surface = u.text.slice(span.start, span.end);
      const value = span.value ?? surface;
      const list = byValue.get(value) ?? [value];
      if (!list.includes(surface)) list.push(surface);
      byValue.set(value, list);
    }
  }
  return byValue;
}

/** A UUID-shaped id derived from names, so the same dataset always exports the same bytes. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
