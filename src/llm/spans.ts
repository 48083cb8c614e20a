/**
 * Entity spans in model output. The model writes entities as [text](entity) (or [text](entity:role)), as the
 * prompt's examples do; the markup is turned into spans, a value the model left unmarked is recovered when it
 * is a known value of one of the intent's entities, and every span is checked against its entity: a known
 * name, a known list value (its synonym mapped to the canonical value), a match of the entity's pattern.
 */
import type {EntitySpan} from '../model/dataset.js';
import type {EntitySpec} from '../spec/spec.js';
import type {AnnotatedText} from '../generate/variation/types.js';

export interface EntityRule {
  /** The name written in annotations (annotateAs, else the spec name). */
  name: string;
  type: EntitySpec['type'];
  /** Lower-cased surface form -> canonical value; undefined when the values are not enumerable. */
  forms?: Map<string, string>;
  pattern?: RegExp;
}

const MARKUP = /\[([^[\]]+)\]\(([A-Za-z_][A-Za-z0-9_.-]*)(?::([A-Za-z_][A-Za-z0-9_.-]*))?\)/g;
/** Leftovers of markup the regular expression did not take, or a {slot} the model did not fill. */
const BROKEN_MARKUP = /\]\(|\[[^\]]*$|\{[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][\w.-]*)?\}/;

export function entityRules(spec: {entities?: EntitySpec[]}): Map<string, EntityRule> {
  const rules = new Map<string, EntityRule>();
  for (const entity of spec.entities ?? []) {
    const name = entity.annotateAs ?? entity.name;
    const rule: EntityRule = rules.get(name) ?? {name, type: entity.type};
    if (entity.type === 'list' && !entity.templates) {
      const forms = rule.forms ?? new Map<string, string>();
      for (const value of entity.values ?? []) {
        const canonical = typeof value === 'string' ? value : value.value;
        const surfaces = typeof value === 'string' ? [value] : [value.value, ...(value.synonyms ?? [])];
        for (const surface of surfaces) forms.set(surface.toLowerCase(), canonical);
      }
      rule.forms = forms;
    }
    if (entity.type === 'regex' && entity.pattern) {
      try {
        rule.pattern = new RegExp(`^(?:${entity.pattern})$`, 'u');
      } catch {
        rule.pattern = new RegExp(`^(?:${entity.pattern})$`);
      }
    }
    rules.set(name, rule);
  }
  return rules;
}

/** An utterance with its spans written as markup, for prompts. Nested spans are flattened to the outer one. */
export function toMarkup(text: string, entities: readonly EntitySpan[]): string {
  let out = '';
  let at = 0;
  for (const span of [...entities].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += text.slice(at, span.start);
    out += `[${text.slice(span.start, span.end)}](${span.entity}${span.role ? `:${span.role}` : ''})`;
    at = span.end;
  }
  return out + text.slice(at);
}

/** Markup to text and spans; undefined when the markup is broken (the utterance cannot be trusted). */
export function readMarkup(marked: string): AnnotatedText | undefined {
  let text = '';
  let at = 0;
  const entities: EntitySpan[] = [];
  for (const match of marked.matchAll(MARKUP)) {
    text += marked.slice(at, match.index);
    const inner = match[1]!;
    const lead = inner.length - inner.trimStart().length;
    const value = inner.trim();
    text += inner.slice(0, lead);
    const start = text.length;
    text += value;
    text += inner.slice(lead + value.length);
    if (value) {
      const span: EntitySpan = {entity: match[2]!, start, end: start + value.length};
      if (match[3]) span.role = match[3];
      entities.push(span);
    }
    at = match.index + match[0].length;
  }
  text += marked.slice(at);
  if (BROKEN_MARKUP.test(text)) return undefined;
  return {text: tidy(text, entities), entities};
}

/** Collapses runs of spaces and trims, moving spans with the text. */
function tidy(text: string, entities: EntitySpan[]): string {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(out.length);
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (out.length === 0 || out.endsWith(' ')) continue;
      out += ' ';
    } else out += ch;
  }
  map.push(out.length);
  const trimmed = out.trimEnd();
  for (const span of entities) {
    span.start = Math.min(map[span.start]!, trimmed.length);
    span.end = Math.min(map[span.end]!, trimmed.length);
  }
  return trimmed;
}

export type SpanCheck = {ok: true; annotated: AnnotatedText; recovered: number} | {ok: false; reason: string};

/**
 * Checks the spans against the intent's entities and recovers unmarked known values. `allowed` is the set of
 * entity names the intent's examples use: a paraphrase that brings in another entity is not a paraphrase.
 */
export function checkSpans(
  annotated: AnnotatedText,
  rules: ReadonlyMap<string, EntityRule>,
  allowed: ReadonlySet<string>,
): SpanCheck {
  const entities: EntitySpan[] = [];
  for (const span of annotated.entities) {
    const rule = rules.get(span.entity);
    if (!rule || !allowed.has(span.entity))
      return {ok: false, reason: `entity "${span.entity}" is not one of this intent's entities`};
    const surface = annotated.text.slice(span.start, span.end);
    const checked: EntitySpan = {entity: span.entity, start: span.start, end: span.end};
    if (span.role) checked.role = span.role;
    if (rule.forms) {
      const canonical = rule.forms.get(surface.toLowerCase());
      if (canonical === undefined)
        return {ok: false, reason: `"${surface}" is not a value of entity "${span.entity}"`};
      if (canonical !== surface) checked.value = canonical;
    }
    if (rule.pattern && !rule.pattern.test(surface))
      return {ok: false, reason: `"${surface}" does not match the pattern of entity "${span.entity}"`};
    entities.push(checked);
  }
  const recovered = recoverKnownValues(annotated.text, entities, rules, allowed);
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 1; i < entities.length; i++)
    if (entities[i]!.start < entities[i - 1]!.end) return {ok: false, reason: 'overlapping entity spans'};
  return {ok: true, annotated: {text: annotated.text, entities}, recovered};
}

/** Adds spans for known list values the model wrote without markup (longest first, whole words only). */
function recoverKnownValues(
  text: string,
  entities: EntitySpan[],
  rules: ReadonlyMap<string, EntityRule>,
  allowed: ReadonlySet<string>,
): number {
  const lower = text.toLowerCase();
  const candidates: {form: string; canonical: string; entity: string}[] = [];
  for (const name of allowed) {
    const forms = rules.get(name)?.forms;
    if (!forms) continue;
    for (const [form, canonical] of forms)
      if (form.length >= 2) candidates.push({form, canonical, entity: name});
  }
  candidates.sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
  let recovered = 0;
  for (const candidate of candidates) {
    for (let at = lower.indexOf(candidate.form); at >= 0; at = lower.indexOf(candidate.form, at + 1)) {
      const end = at + candidate.form.length;
      if (!isWordBoundary(lower, at - 1) || !isWordBoundary(lower, end)) continue;
      if (entities.some((s) => s.start < end && at < s.end)) continue;
      const span: EntitySpan = {entity: candidate.entity, start: at, end};
      if (text.slice(at, end) !== candidate.canonical) span.value = candidate.canonical;
      entities.push(span);
      recovered++;
    }
  }
  return recovered;
}

function isWordBoundary(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !/[\p{L}\p{N}_]/u.test(text[index]!);
}
