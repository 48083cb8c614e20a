/**
 * The training data of one Lex V2 locale as synthnlu reads it, and the one function that turns it into the
 * canonical model. Import uses it on the files; export uses it on what it is about to write, to say exactly
 * what a Lex bot would give back (the warning names those differences); pull uses it on the API's answers.
 *
 * Lex sample utterances name slots ("book a {RoomType} room"), they do not annotate values. A sample with slot
 * references is a template: read on its own, it becomes up to three utterances whose slots are filled from the
 * slot type's values (or a built-in type's examples). A plain sample that the template gives with a slot filled
 * (written beside it by synthnlu's export) is read as that annotated utterance, and the template adds nothing.
 */
import type {Entity, EntitySpan, Utterance} from '../../src/connector-kit.js';
import {builtinExamples, canonicalOfBuiltin, isBuiltin} from './names.js';

export const FALLBACK_SIGNATURE = 'AMAZON.FallbackIntent';
/** The dataset's name for Lex's fallback intent. */
export const NONE_INTENT = 'None';
/** The most utterances one template becomes on import. */
const FILLS_PER_TEMPLATE = 3;

export interface LexValue {
  value: string;
  synonyms: string[];
}

export interface LexSlotTypeModel {
  /** The slot type's name in Lex. */
  lexName: string;
  /** The canonical entity's name. */
  name: string;
  description?: string;
  values: LexValue[];
  /** ORIGINAL_VALUE (expand values), TOP_RESOLUTION (restrict to values and synonyms)... */
  strategy?: string;
  regex?: string;
  parent?: string;
}

export interface LexIntentModel {
  lexName: string;
  /** The canonical intent's name (None for the fallback intent). */
  name: string;
  samples: string[];
  /** Slot name → slot type name (custom or AMAZON.*). */
  slots: Map<string, string>;
}

export interface LexLocaleData {
  entities: Entity[];
  utterances: Utterance[];
}

type Segment = {text: string} | {slot: string};

/** Splits a sample utterance at its {SlotName} references. */
export function segmentsOf(sample: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of sample.matchAll(/\{([^{}]+)\}/g)) {
    if (match.index > last) out.push({text: sample.slice(last, match.index)});
    out.push({slot: match[1]!});
    last = match.index + match[0].length;
  }
  if (last < sample.length) out.push({text: sample.slice(last)});
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One value a simple regular expression accepts (classes, escapes, groups, quantifiers), checked; else undefined. */
export function regexExample(pattern: string): string | undefined {
  let out = '';
  let i = 0;
  const atom = (): string => {
    const c = pattern[i]!;
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      const body = pattern.slice(i + 1, close);
      i = close + 1;
      return body.startsWith('^') ? 'x' : (body.replace(/^\\/, '')[0] ?? 'x');
    }
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      i += 2;
      return e === 'd' ? '0' : e === 'w' ? 'a' : e === 's' ? ' ' : e;
    }
    if (c === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < pattern.length && depth > 0) {
        if (pattern[j] === '\\') j++;
        else if (pattern[j] === '(') depth++;
        else if (pattern[j] === ')') depth--;
        j++;
      }
      const inner = pattern.slice(i + 1, j - 1).split('|')[0]!;
      i = j;
      return regexExample(inner.replace(/^\?:/, '')) ?? '';
    }
    i++;
    return c === '.' ? 'a' : c;
  };
  while (i < pattern.length) {
    if (pattern[i] === '|') break;
    const piece = atom();
    const q = /^(\{(\d+)(?:,\d*)?\}|[*+?])/.exec(pattern.slice(i));
    let times = 1;
    if (q) {
      i += q[0].length;
      times = q[2] !== undefined ? Number(q[2]) : q[0] === '+' ? 1 : 0;
    }
    out += piece.repeat(Math.min(times, 50));
  }
  try {
    return out && new RegExp(`^(?:${pattern})$`, 'u').test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the locale's intents and slot types as canonical entities and utterances. */
export function readLocale(
  intents: readonly LexIntentModel[],
  types: readonly LexSlotTypeModel[],
): LexLocaleData {
  const byLexName = new Map(types.map((t) => [t.lexName, t]));
  const entities: Entity[] = types.map(entityOf);
  const taken = new Set(entities.map((e) => e.name));
  const prebuilt = new Map<string, Entity>();
  /** The canonical entity and role a slot's spans get. */
  const slotEntity = (
    slot: string,
    type: string | undefined,
  ): {entity: string; role?: string; lexType?: LexSlotTypeModel} => {
    const custom = type === undefined ? undefined : byLexName.get(type);
    if (custom) {
      const own =
        slot === custom.lexName ||
        slot === custom.name ||
        new RegExp(`^${escapeRegex(custom.lexName)}_?\\d+$`).test(slot);
      return own
        ? {entity: custom.name, lexType: custom}
        : {entity: custom.name, role: slot, lexType: custom};
    }
    const builtin = type !== undefined && isBuiltin(type) ? type : undefined;
    const canonical = builtin ? canonicalOfBuiltin(builtin) : undefined;
    const key = `${slot}\u0000${canonical ?? 'ml'}`;
    let entity = prebuilt.get(key);
    if (!entity) {
      let name = slot;
      for (let n = 2; taken.has(name); n++) name = `${slot}_${n}`;
      taken.add(name);
      entity = canonical ? {name, kind: 'prebuilt', prebuilt: canonical} : {name, kind: 'ml'};
      entity.metadata = {lex: {...(builtin ? {slotType: builtin} : {}), slot}};
      prebuilt.set(key, entity);
      entities.push(entity);
    }
    return {entity: entity.name};
  };
  const utterances: Utterance[] = [];
  for (const intent of intents) utterances.push(...intentUtterances(intent, byLexName, slotEntity));
  return {entities, utterances};
}

function entityOf(type: LexSlotTypeModel): Entity {
  const entity = entityKind(type);
  if (type.description) entity.description = type.description;
  return entity;
}

function entityKind(type: LexSlotTypeModel): Entity {
  if (type.regex) return {name: type.name, kind: 'regex', patterns: [type.regex]};
  const restricted = /^top_?resolution$/i.test(type.strategy ?? '');
  if (restricted && type.values.length > 0)
    return {
      name: type.name,
      kind: 'list',
      values: type.values.map((v) =>
        v.synonyms.length > 0 ? {value: v.value, synonyms: v.synonyms} : {value: v.value},
      ),
    };
  return {name: type.name, kind: 'ml'};
}

interface SlotInfo {
  entity: string;
  role?: string;
  lexType?: LexSlotTypeModel;
}

function candidates(slot: string, type: string | undefined, info: SlotInfo): string[] {
  const custom = info.lexType;
  if (custom) {
    if (custom.values.length > 0) return custom.values.map((v) => v.value);
    const example = custom.regex ? regexExample(custom.regex) : undefined;
    if (example) return [example];
    if (custom.parent) return builtinExamples(custom.parent);
    return [slot];
  }
  return type !== undefined && isBuiltin(type) ? builtinExamples(type) : [slot];
}

function forms(type: LexSlotTypeModel): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of type.values)
    for (const form of [v.value, ...v.synonyms]) {
      const key = form.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, v.value);
    }
  return map;
}

function spanValue(info: SlotInfo, surface: string): string | undefined {
  if (!info.lexType) return undefined;
  const value = forms(info.lexType).get(surface.trim().toLowerCase());
  return value !== undefined && value !== surface ? value : undefined;
}

function span(info: SlotInfo, start: number, end: number, surface: string): EntitySpan {
  const out: EntitySpan = {entity: info.entity, start, end};
  const value = spanValue(info, surface);
  if (value !== undefined) out.value = value;
  if (info.role !== undefined) out.role = info.role;
  return out;
}

function slotPattern(info: SlotInfo, free: boolean): string {
  const type = info.lexType;
  if (!type) return '(.+?)';
  if (type.regex) {
    try {
      new RegExp(type.regex, 'u');
      return `(${type.regex.replace(/\((?!\?)/g, '(?:')})`;
    } catch {
      return '(.+?)';
    }
  }
  // A slot type with values matches its values and synonyms only (an expanding type still names what it takes).
  const known = [...forms(type).keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  if (known.length === 0) return '(.+?)';
  return free ? `(${known.join('|')}|.+?)` : `(${known.join('|')})`;
}

function intentUtterances(
  intent: LexIntentModel,
  byLexName: Map<string, LexSlotTypeModel>,
  slotEntity: (slot: string, type: string | undefined) => SlotInfo,
): Utterance[] {
  const parsed = intent.samples.map((sample) => ({sample, segments: segmentsOf(sample)}));
  const templates = parsed.filter((p) => p.segments.some((s) => 'slot' in s));
  const info = (slot: string): SlotInfo => slotEntity(slot, intent.slots.get(slot));
  const consumed = new Set<string>();
  const matchers = new Map<string, RegExp>();
  const matcher = (template: (typeof templates)[number], free: boolean): RegExp => {
    const key = `${free ? 1 : 0}${template.sample}`;
    let re = matchers.get(key);
    if (!re) {
      const source = template.segments
        .map((s) => ('slot' in s ? slotPattern(info(s.slot), free) : escapeRegex(s.text)))
        .join('');
      re = new RegExp(`^${source}$`, 'diu');
      matchers.set(key, re);
    }
    return re;
  };
  const annotated = new Map<string, Utterance>();
  for (const [index, p] of parsed.entries()) {
    if (p.segments.some((s) => 'slot' in s) || annotated.has(p.sample)) continue;
    // Right after its template (as synthnlu's export writes a new one), a slot may hold any text; elsewhere only
    // its slot type's values and synonyms (an expanding type's too), so plain samples of a real bot stay plain.
    const before =
      index > 0 && parsed[index - 1]!.segments.some((s) => 'slot' in s) ? parsed[index - 1]! : undefined;
    const tries: Array<[(typeof templates)[number], boolean]> = [
      ...(before ? [[before, true] as [(typeof templates)[number], boolean]] : []),
      ...templates.map((t) => [t, false] as [(typeof templates)[number], boolean]),
    ];
    for (const [template, free] of tries) {
      const match = matcher(template, free).exec(p.sample);
      if (!match?.indices) continue;
      const slots = template.segments.filter((s): s is {slot: string} => 'slot' in s);
      const spans = slots.map((s, k) => {
        const [start, end] = match.indices![k + 1]!;
        return span(info(s.slot), start, end, p.sample.slice(start, end));
      });
      annotated.set(p.sample, {text: p.sample, intent: intent.name, entities: spans, source: 'imported'});
      consumed.add(template.sample);
      break;
    }
  }
  const out: Utterance[] = [];
  for (const p of parsed) {
    const isTemplate = p.segments.some((s) => 'slot' in s);
    if (!isTemplate) {
      out.push(annotated.get(p.sample) ?? {text: p.sample, intent: intent.name, source: 'imported'});
      continue;
    }
    if (consumed.has(p.sample)) continue;
    const slots = p.segments.filter((s): s is {slot: string} => 'slot' in s);
    const lists = slots.map((s) => candidates(s.slot, intent.slots.get(s.slot), info(s.slot)));
    const fills = Math.min(FILLS_PER_TEMPLATE, Math.max(1, ...lists.map((l) => l.length)));
    for (let i = 0; i < fills; i++) {
      let text = '';
      const spans: EntitySpan[] = [];
      let k = 0;
      for (const segment of p.segments) {
        if ('text' in segment) {
          text += segment.text;
          continue;
        }
        const list = lists[k++]!;
        const value = list[i % list.length]!;
        const start = text.length;
        text += value;
        spans.push(span(info(segment.slot), start, text.length, value));
      }
      out.push({
        text,
        intent: intent.name,
        entities: spans,
        source: 'template',
        metadata: {lex: {template: p.sample}},
      });
    }
  }
  return out;
}
