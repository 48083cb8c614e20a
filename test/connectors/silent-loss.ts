/**
 * What changed between a dataset and the same dataset exported to a format and read back, as kinds of loss,
 * and which warnings announce which kind. The conformance suite uses it to fail on any loss no warning named.
 */
import type {PlatformLimits} from '../../src/connector.js';
import type {Diagnostic} from '../../src/errors.js';
import type {Dataset, EntitySpan, Utterance} from '../../src/model/dataset.js';
import {project} from '../../src/conformance/projection.js';

export type LossKind = 'intent' | 'utterance' | 'text' | 'span' | 'value' | 'role' | 'split' | 'list';

export interface Loss {
  kind: LossKind;
  detail: string;
}

/** The kinds of loss each warning code announces (EXPORT_DROPS_FEATURE: by what its message names). */
const ANNOUNCES: Record<string, LossKind[]> = {
  RASA_TEXT_TRIMMED: ['text'],
  RASA_TEXT_CHANGED: ['text'],
  RASA_BRACKETS_REWRITTEN: ['text'],
  EXPORT_LU_TEXT_CHANGED: ['text'],
  DIALOGFLOW_OVERLAPPING_SPANS: ['span'],
  RASA_OVERLAP_DROPPED: ['span'],
  RASA_NESTED_DROPPED: ['span'],
  DIALOGFLOW_SYSTEM_ENTITY_ROLE: ['span'],
  DIALOGFLOW_ENTITY_RENAMED: ['span', 'list'],
  DIALOGFLOW_PARAMETER_RENAMED: ['span', 'role'],
  DIALOGFLOW_SPAN_VALUE_DROPPED: ['value'],
  DIALOGFLOW_ENTRY_CONFLICT: ['value', 'list'],
  DIALOGFLOW_UNKNOWN_SYSTEM_ENTITY: ['value', 'list'],
  RASA_SYNONYM_CONFLICT: ['value', 'list'],
  RASA_UNANNOTATED_ENTITIES: ['list'],
  RASA_ITEMS_TRIMMED: ['list'],
  EXPORT_LU_LIST_TRIMMED: ['list'],
  WATSON_TEXT_CHANGED: ['text'],
  WATSON_EXAMPLES_DROPPED: ['utterance'],
  WATSON_INTENT_RENAMED: ['intent', 'utterance'],
  WATSON_ENTITY_RENAMED: ['span', 'list'],
  WATSON_OVERLAPPING_SPANS: ['span'],
  WATSON_SPAN_VALUE_DROPPED: ['value'],
  WATSON_LIST_CHANGED: ['list', 'value'],
  // Computed by reading the export back with the importer's rules: it names exactly what differs.
  LEX_SLOT_TEMPLATES: ['intent', 'utterance', 'text', 'span', 'value', 'role', 'list'],
};

export function announced(warnings: readonly Diagnostic[]): Set<LossKind> {
  const out = new Set<LossKind>();
  for (const w of warnings) {
    for (const kind of ANNOUNCES[w.code] ?? []) out.add(kind);
    if (w.code === 'EXPORT_DROPS_FEATURE') {
      if (/value/.test(w.message)) out.add('value');
      if (/nested|child/.test(w.message)) out.add('span');
      if (/role/.test(w.message)) out.add('role');
      if (/split/.test(w.message)) out.add('split');
      if (/overlap/.test(w.message)) out.add('span');
    }
  }
  return out;
}

function key(u: Utterance): string {
  return `${u.intent}\u0000${u.text}`;
}

/** The same utterance after a change a warning may announce: trimmed, line breaks or brackets rewritten. */
function looseKey(u: Utterance): string {
  return `${u.intent}\u0000${u.text
    .replace(/[[\]]/g, (c) => (c === '[' ? '(' : ')'))
    .replace(/\s+/g, ' ')
    .trim()}`;
}

function spanKey(
  span: EntitySpan,
  text: string,
  roles: boolean,
  canonical: (s: EntitySpan) => string,
): string {
  return `${span.entity}${roles && span.role ? `:${span.role}` : ''}@${span.start}-${span.end}=${canonical(span)}`;
  void text;
}

/** Every difference between `before` and `after`, restricted to what the format `supports`. */
export function losses(before: Dataset, after: Dataset, supports: PlatformLimits['supports']): Loss[] {
  const out: Loss[] = [];
  const intentsAfter = new Set(after.utterances.map((u) => u.intent));
  for (const intent of new Set(before.utterances.map((u) => u.intent)))
    if (!intentsAfter.has(intent)) out.push({kind: 'intent', detail: intent});

  const canonicalFor = (dataset: Dataset) => {
    const lists = new Map<string, Map<string, string>>();
    for (const e of dataset.entities) {
      if (e.kind !== 'list') continue;
      const map = new Map<string, string>();
      for (const v of e.values ?? []) {
        map.set(v.value.toLowerCase(), v.value);
        for (const s of v.synonyms ?? []) map.set(s.toLowerCase(), v.value);
      }
      lists.set(e.name, map);
    }
    return (u: Utterance) => (s: EntitySpan) => {
      const surface = u.text.slice(s.start, s.end);
      return s.value ?? lists.get(s.entity)?.get(surface.toLowerCase()) ?? surface;
    };
  };
  const canonBefore = canonicalFor(before);
  const canonAfter = canonicalFor(after);
  const exact = new Map<string, Utterance[]>();
  const loose = new Map<string, Utterance[]>();
  for (const u of after.utterances) {
    (exact.get(key(u)) ?? exact.set(key(u), []).get(key(u))!).push(u);
    (loose.get(looseKey(u)) ?? loose.set(looseKey(u), []).get(looseKey(u))!).push(u);
  }
  const take = (
    map: Map<string, Utterance[]>,
    k: string,
    other: Map<string, Utterance[]>,
    otherKey: (u: Utterance) => string,
  ) => {
    const u = map.get(k)?.shift();
    if (u) {
      const list = other.get(otherKey(u));
      const i = list?.indexOf(u) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    }
    return u;
  };
  for (const u of before.utterances) {
    let back = take(exact, key(u), loose, looseKey);
    let shift = 0;
    if (!back) {
      back = take(loose, looseKey(u), exact, key);
      if (!back) {
        out.push({kind: 'utterance', detail: `${u.intent}: ${u.text}`});
        continue;
      }
      out.push({kind: 'text', detail: `${JSON.stringify(u.text)} -> ${JSON.stringify(back.text)}`});
      shift = u.text.length - u.text.trimStart().length;
    }
    if (supports.split && (u.split ?? 'train') !== (back.split ?? 'train'))
      out.push({kind: 'split', detail: u.text});
    const moved = (u.entities ?? []).map((s) => ({...s, start: s.start - shift, end: s.end - shift}));
    const beforeSpans = moved.map((s) =>
      spanKey(s, u.text, supports.roles, (x) =>
        canonBefore(u)({...x, start: x.start + shift, end: x.end + shift}),
      ),
    );
    const afterSpans = (back.entities ?? []).map((s) =>
      spanKey(s, back.text, supports.roles, canonAfter(back)),
    );
    const missing = beforeSpans.filter((k) => !afterSpans.includes(k));
    const extra = afterSpans.filter((k) => !beforeSpans.includes(k));
    for (const k of missing) {
      const place = k.slice(0, k.indexOf('='));
      const entityAt = (s: string) => s.slice(0, s.indexOf('='));
      const sameSpan = extra.find((e) => entityAt(e) === place);
      const samePlace = extra.find(
        (e) => e.slice(e.indexOf('@'), e.indexOf('=')) === k.slice(k.indexOf('@'), k.indexOf('=')),
      );
      if (sameSpan) out.push({kind: 'value', detail: `${u.text}: ${k} -> ${sameSpan}`});
      else if (
        samePlace &&
        supports.roles &&
        samePlace.split('@')[0]!.split(':')[0] === k.split('@')[0]!.split(':')[0]
      )
        out.push({kind: 'role', detail: `${u.text}: ${k} -> ${samePlace}`});
      else out.push({kind: 'span', detail: `${u.text}: lost ${k}${samePlace ? ` (now ${samePlace})` : ''}`});
    }
    for (const k of extra) {
      const place = k.slice(k.indexOf('@'), k.indexOf('='));
      if (!missing.some((m) => m.slice(m.indexOf('@'), m.indexOf('=')) === place))
        out.push({kind: 'span', detail: `${u.text}: new ${k}`});
    }
  }
  const listsAfter = new Set(project(after, supports).listEntities);
  for (const line of project(before, supports).listEntities)
    if (!listsAfter.has(line)) out.push({kind: 'list', detail: line.slice(0, 200)});
  return out;
}
