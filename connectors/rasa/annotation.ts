/**
 * Rasa's inline entity annotations: `[text](entity)`, `[text](entity:value)` (legacy), `[text]{"entity": ...,
 * "value": ..., "role": ..., "group": ...}` and `[text][{...}, {...}]` (several entities on one text).
 * Offsets are UTF-16 code units into the plain text (the example with annotations replaced by their text).
 */
import type {RasaEntityAnnotation} from './training-data.js';

/**
 * Rasa's own annotation grammar, ENTITY_REGEX in rasa/shared/nlu/training_data/entities_parser.py (Rasa 3.x):
 * `\[(?P<entity_text>[^\]]+?)\](\((?P<entity>[^:)]+?)(?:\:(?P<value>[^)]+))?\)|\{(?P<entity_dict>[^}]+?)\}|\[(?P<list_entity_dicts>.*?)\])`,
 * anchored here with the y flag. Rasa has no escape syntax: a backslash is an ordinary character.
 */
const ANNOTATION = /\[([^\]]+?)\](?:\(([^:)]+?)(?::([^)]+))?\)|\{([^}]+?)\}|\[(.*?)\])/y;

export class AnnotationError extends Error {}

function fromDict(dict: Record<string, unknown>, start: number, end: number): RasaEntityAnnotation {
  if (typeof dict.entity !== 'string' || dict.entity.length === 0) {
    throw new AnnotationError('an annotation dictionary needs a non-empty "entity"');
  }
  const out: RasaEntityAnnotation = {entity: dict.entity, start, end};
  if (dict.value !== undefined && dict.value !== null) out.value = String(dict.value);
  if (dict.role !== undefined && dict.role !== null) out.role = String(dict.role);
  if (dict.group !== undefined && dict.group !== null) out.group = String(dict.group);
  return out;
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new AnnotationError(`annotation is not valid JSON: ${source} (${(error as Error).message})`);
  }
}

/** Splits an annotated example into its plain text and entity spans. */
export function parseAnnotatedExample(example: string): {text: string; entities: RasaEntityAnnotation[]} {
  let text = '';
  const entities: RasaEntityAnnotation[] = [];
  let at = 0;
  while (at < example.length) {
    const ch = example[at]!;
    if (ch === '[') {
      ANNOTATION.lastIndex = at;
      const match = ANNOTATION.exec(example);
      if (match) {
        const surface = match[1]!;
        const start = text.length;
        text += surface;
        const end = text.length;
        if (match[2] !== undefined) {
          const annotation: RasaEntityAnnotation = {entity: match[2].trim(), start, end};
          if (match[3] !== undefined) annotation.value = match[3];
          entities.push(annotation);
        } else if (match[4] !== undefined) {
          const dict = parseJson(`{${match[4]}}`);
          entities.push(fromDict(dict as Record<string, unknown>, start, end));
        } else {
          const list = parseJson(`[${match[5]}]`);
          for (const dict of list as Array<Record<string, unknown>>)
            entities.push(fromDict(dict, start, end));
        }
        at = ANNOTATION.lastIndex;
        continue;
      }
    }
    text += ch;
    at += 1;
  }
  return {text, entities};
}

const SIMPLE_ENTITY = /^[^:()[\]{}"\\\s][^:()[\]{}"\\]*$/;

/** JSON with "}" and "]" escaped inside strings, so Rasa's non-greedy match cannot end early. */
function annotationJson(value: unknown): string {
  return JSON.stringify(value).replace(/[}\]]/g, (c) => (c === '}' ? '\\u007d' : '\\u005d'));
}

function dictFor(span: RasaEntityAnnotation): string {
  const fields: string[] = [`"entity": ${annotationJson(span.entity)}`];
  if (span.value !== undefined) fields.push(`"value": ${annotationJson(span.value)}`);
  if (span.role !== undefined) fields.push(`"role": ${annotationJson(span.role)}`);
  if (span.group !== undefined) fields.push(`"group": ${annotationJson(span.group)}`);
  return `{${fields.join(', ')}}`;
}

function sameParse(line: string, text: string, spans: readonly RasaEntityAnnotation[]): boolean {
  try {
    const back = parseAnnotatedExample(line);
    return (
      back.text === text &&
      back.entities.length === spans.length &&
      back.entities.every((e, i) => e.start === spans[i]!.start && e.end === spans[i]!.end)
    );
  } catch {
    return false;
  }
}

export interface FormatResult {
  line: string;
  /** Annotations that could not be written (overlapping, out of range). */
  dropped: number;
  /**
   * Rasa has no escape syntax: when brackets in the text would read as (or break) an annotation, every "[" and
   * "]" of the text is written as "(" and ")" (same length, so offsets hold). The text Rasa reads is `text`.
   */
  rewritten: boolean;
  text: string;
}

/** Writes an example with inline annotations. Spans must not overlap; identical spans share one `[...][...]`. */
export function formatAnnotatedExample(text: string, spans: readonly RasaEntityAnnotation[]): FormatResult {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Array<{start: number; end: number; spans: RasaEntityAnnotation[]}> = [];
  let dropped = 0;
  for (const span of sorted) {
    const last = groups[groups.length - 1];
    if (span.end <= span.start || span.end > text.length || span.start < 0) dropped += 1;
    else if (last && last.start === span.start && last.end === span.end) last.spans.push(span);
    else if (last && span.start < last.end) dropped += 1;
    else groups.push({start: span.start, end: span.end, spans: [span]});
  }
  const build = (plain: string): string => {
    let line = '';
    let at = 0;
    for (const group of groups) {
      line += plain.slice(at, group.start);
      const only = group.spans[0]!;
      const annotation =
        group.spans.length > 1
          ? `[${group.spans.map(dictFor).join(', ')}]`
          : only.value === undefined &&
              only.role === undefined &&
              only.group === undefined &&
              SIMPLE_ENTITY.test(only.entity)
            ? `(${only.entity})`
            : dictFor(only);
      line += `[${plain.slice(group.start, group.end)}]${annotation}`;
      at = group.end;
    }
    return line + plain.slice(at);
  };
  const kept = groups.flatMap((g) => g.spans);
  const line = build(text);
  if (sameParse(line, text, kept)) return {line, dropped, rewritten: false, text};
  const plain = text.replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'));
  return {line: build(plain), dropped, rewritten: true, text: plain};
}
