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
  const resolved = new Map<string, SlotInfo>();
  const slotEntity = (slot: string, type: string | undefined): SlotInfo => {
    const key = `${slot}\u0000${type ?? ''}`;
    let info = resolved.get(key);
    if (!info) resolved.set(key, (info = resolveSlot(slot, type)));
    return info;
  };
  const resolveSlot = (slot: string, type: string | undefined): SlotInfo => {
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

const FORMS = new WeakMap<LexSlotTypeModel, Map<string, string>>();

/** A slot type's values and synonyms (trimmed, lower-cased) → the value they resolve to. */
function forms(type: LexSlotTypeModel): Map<string, string> {
  const cached = FORMS.get(type);
  if (cached) return cached;
  const map = new Map<string, string>();
  FORMS.set(type, map);
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
  // The value itself in other letter case is no other value (lists compare case-insensitively too).
  return value !== undefined && value.toLowerCase() !== surface.toLowerCase() ? value : undefined;
}

function span(info: SlotInfo, start: number, end: number, surface: string): EntitySpan {
  const out: EntitySpan = {entity: info.entity, start, end};
  const value = spanValue(info, surface);
  if (value !== undefined) out.value = value;
  if (info.role !== undefined) out.role = info.role;
  return out;
}

const REGEX_CACHE = new Map<string, RegExp | null>();

/** The sticky regular expression of a regex slot type, or null when JavaScript cannot compile it. */
function stickyRegex(pattern: string): RegExp | null {
  let re = REGEX_CACHE.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`(?:${pattern})`, 'uy');
    } catch {
      re = null;
    }
    REGEX_CACHE.set(pattern, re);
  }
  return re;
}

const SORTED_FORMS = new WeakMap<LexSlotTypeModel, string[]>();

/** Where a slot starting at `from` may end: its values and synonyms (longest first), then, when free, any text. */
function slotEnds(sample: string, lower: string, from: number, info: SlotInfo, free: boolean): number[] {
  const type = info.lexType;
  const any = (): number[] => Array.from({length: sample.length - from}, (_, k) => from + k + 1);
  if (!type) return any();
  if (type.regex) {
    const re = stickyRegex(type.regex);
    if (!re) return any();
    re.lastIndex = from;
    const m = re.exec(sample);
    return m && m[0].length > 0 ? [from + m[0].length] : [];
  }
  let sorted = SORTED_FORMS.get(type);
  if (!sorted) SORTED_FORMS.set(type, (sorted = [...forms(type).keys()].sort((a, b) => b.length - a.length)));
  if (sorted.length === 0) return any();
  const ends = sorted.filter((form) => lower.startsWith(form, from)).map((form) => from + form.length);
  return free ? [...ends, ...any().filter((e) => !ends.includes(e))] : ends;
}

/**
 * Matches a sample against a template, case-insensitively: the slot offsets, or undefined. A slot takes its slot
 * type's values and synonyms (a regex type: its pattern; a built-in or valueless type: any text); `free`, any text.
 */
function matchTemplate(
  sample: string,
  segments: readonly Segment[],
  info: (slot: string) => SlotInfo,
  free: boolean,
): Array<[number, number]> | undefined {
  const lower = sample.toLowerCase();
  if (lower.length !== sample.length) return undefined;
  const spans: Array<[number, number]> = [];
  let steps = 0;
  const walk = (k: number, at: number): boolean => {
    if (++steps > 10_000) return false;
    if (k === segments.length) return at === sample.length;
    const segment = segments[k]!;
    if ('text' in segment) {
      const text = segment.text.toLowerCase();
      return lower.startsWith(text, at) && walk(k + 1, at + text.length);
    }
    for (const end of slotEnds(sample, lower, at, info(segment.slot), free)) {
      spans.push([at, end]);
      if (walk(k + 1, end)) return true;
      spans.pop();
    }
    return false;
  };
  return walk(0, 0) ? spans : undefined;
}

function intentUtterances(
  intent: LexIntentModel,
  byLexName: Map<string, LexSlotTypeModel>,
  slotEntity: (slot: string, type: string | undefined) => SlotInfo,
): Utterance[] {
  const parsed = intent.samples.map((sample) => {
    const segments = segmentsOf(sample);
    const parts = segments.flatMap((seg) =>
      'text' in seg && seg.text.trim() ? [seg.text.toLowerCase()] : [],
    );
    const first = segments[0];
    const last = segments[segments.length - 1];
    const head = first && 'text' in first ? first.text.toLowerCase() : undefined;
    const tail = last && 'text' in last ? last.text.toLowerCase() : undefined;
    return {sample, segments, parts, head, tail};
  });
  const templates = parsed.filter((p) => p.segments.some((s) => 'slot' in s));
  const info = (slot: string): SlotInfo => slotEntity(slot, intent.slots.get(slot));
  const consumed = new Set<string>();
  const annotated = new Map<string, Utterance>();
  for (const [index, p] of parsed.entries()) {
    if (p.segments.some((s) => 'slot' in s) || annotated.has(p.sample)) continue;
    // Right after its template (as synthnlu's export writes a new one), a slot may hold any text; elsewhere only
    // its slot type's values and synonyms (an expanding type's too), so plain samples of a real bot stay plain.
    const before =
      index > 0 && parsed[index - 1]!.segments.some((s) => 'slot' in s) ? parsed[index - 1]! : undefined;
    const lower = p.sample.toLowerCase();
    // Cheap tests first: the template's first and last text parts begin and end the sample, every part occurs.
    const fits = (t: (typeof templates)[number]): boolean =>
      (t.head === undefined || lower.startsWith(t.head)) &&
      (t.tail === undefined || lower.endsWith(t.tail)) &&
      t.parts.every((part) => lower.includes(part));
    // Templates no literal has claimed yet first, so each literal finds its own template where it can.
    const candidates = function* (): Generator<{template: (typeof templates)[number]; free: boolean}> {
      if (before) yield {template: before, free: true};
      for (const t of templates) if (!consumed.has(t.sample) && fits(t)) yield {template: t, free: false};
      for (const t of templates) if (consumed.has(t.sample) && fits(t)) yield {template: t, free: false};
    };
    for (const {template, free} of candidates()) {
      const match = matchTemplate(p.sample, template.segments, info, free);
      if (!match) continue;
      const slots = template.segments.filter((s): s is {slot: string} => 'slot' in s);
      const spans = slots.map((s, k) => {
        const [start, end] = match[k]!;
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
