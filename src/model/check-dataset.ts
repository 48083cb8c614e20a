import type {Diagnostic} from '../errors.js';
import type {Locator} from '../schema/validate.js';
import type {PathSegment} from '../schema/json-path.js';
import {
  normalizeUtteranceText,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Intent,
  type Utterance,
} from './dataset.js';
import {locationFinder} from './diagnostic-location.js';
import {controlCharacterProblem, textControlProblem} from './names.js';
import {userRegexProblem} from './user-regex.js';

export interface CheckContext {
  file?: string;
  locate?: Locator;
  /** Where utterances live in the file: ['utterances'] for JSON, a line number per utterance for JSONL. */
  utterancePath?: (index: number) => {path: PathSegment[]; line?: number | undefined};
}

/** A rule's finding; `at` is the path inside the thing the rule checked (an intent, an entity, a span...). */
interface Finding extends Pick<Diagnostic, 'severity' | 'code' | 'message' | 'suggestion'> {
  at?: PathSegment[];
}

/** What the rules look things up in: built once per dataset; `seen*` fill as the utterances are checked. */
interface DatasetIndex {
  /** Each name's first position. */
  intents: Map<string, number>;
  entities: Map<string, number>;
  /** Each list entity's values and synonyms, lower-cased. */
  listForms: Map<string, Set<string>>;
  /** Normalised text -> the intent of its first utterance. */
  seenTexts: Map<string, string>;
  reportedUnknownIntents: Set<string>;
  /** The dataset's languages (the primary first) and those already reported as not among them. */
  languages: string[];
  reportedUnknownLanguages: Set<string>;
}

/** A rule: the findings about one item (none: the item passes). */
type Rule<T> = (item: T, index: DatasetIndex) => Finding | Finding[] | undefined;

const INTENT_RULES: Rule<{intent: Intent; i: number}>[] = [
  ({intent}) => {
    const badName = controlCharacterProblem('intent name', intent.name);
    return badName && {severity: 'error', code: 'DATASET_BAD_NAME', ...badName, at: ['name']};
  },
  ({intent, i}, index) => {
    const first = index.intents.get(intent.name)!;
    if (first === i) return undefined;
    return {
      severity: 'error',
      code: 'DATASET_DUPLICATE_INTENT',
      message: `intent "${intent.name}" is defined twice (first at intents[${first}])`,
      at: ['name'],
      suggestion: 'Merge the two intents or rename one.',
    };
  },
];

const ENTITY_RULES: Rule<{entity: Entity; i: number}>[] = [
  ({entity, i}, index) => {
    const first = index.entities.get(entity.name)!;
    if (first === i) return undefined;
    return {
      severity: 'error',
      code: 'DATASET_DUPLICATE_ENTITY',
      message: `entity "${entity.name}" is defined twice (first at entities[${first}])`,
      at: ['name'],
      suggestion: 'Merge the two entities or rename one.',
    };
  },
  ({entity}) =>
    entity.kind === 'list' && (entity.values ?? []).length === 0
      ? {
          severity: 'warning',
          code: 'DATASET_EMPTY_LIST_ENTITY',
          message: `list entity "${entity.name}" has no values`,
          suggestion: 'Add values (with synonyms), or make it an ml entity.',
        }
      : undefined,
  ({entity}) =>
    entity.kind !== 'regex'
      ? undefined
      : (entity.patterns ?? []).flatMap((pattern, p): Finding[] => {
          const problem = userRegexProblem(pattern);
          return problem
            ? [
                {
                  severity: 'error',
                  code: 'DATASET_BAD_REGEX',
                  message: `entity "${entity.name}": ${problem}`,
                  at: ['patterns', p],
                  suggestion: 'Use plain character classes and repetition, e.g. "[A-Z]{2}[0-9]{6}".',
                },
              ]
            : [];
        }),
];

const UTTERANCE_RULES: Rule<Utterance>[] = [
  (utterance) => {
    const problem = textControlProblem('utterance', utterance.text);
    return problem && {severity: 'error', code: 'DATASET_CONTROL_CHARACTER', ...problem, at: ['text']};
  },
  (utterance, index) => {
    if (index.intents.size === 0 || index.intents.has(utterance.intent)) return undefined;
    if (index.reportedUnknownIntents.has(utterance.intent)) return undefined;
    index.reportedUnknownIntents.add(utterance.intent);
    return {
      severity: 'error',
      code: 'DATASET_UNKNOWN_INTENT',
      message: `utterance "${utterance.text}" belongs to intent "${utterance.intent}", which is not in intents`,
      at: ['intent'],
      suggestion: `Add {"name": "${utterance.intent}"} to intents.`,
    };
  },
  (utterance, index) => {
    const language = utterance.language;
    if (language === undefined || index.languages.includes(language)) return undefined;
    if (index.reportedUnknownLanguages.has(language)) return undefined;
    index.reportedUnknownLanguages.add(language);
    return {
      severity: 'error',
      code: 'DATASET_UNKNOWN_LANGUAGE',
      message: `utterance "${utterance.text}" is in language "${language}", which is not one of the dataset's languages (${index.languages.join(', ')})`,
      at: ['language'],
      suggestion: `Add "${language}" to languages (the primary language first).`,
    };
  },
  (utterance, index) => {
    // The same words in two languages are two utterances.
    const text = normalizeUtteranceText(utterance.text);
    const key =
      utterance.language === undefined || utterance.language === index.languages[0]
        ? text
        : `${utterance.language}\u0000${text}`;
    const previousIntent = index.seenTexts.get(key);
    if (previousIntent === undefined) {
      index.seenTexts.set(key, utterance.intent);
      return undefined;
    }
    return previousIntent === utterance.intent
      ? {
          severity: 'info',
          code: 'DATASET_DUPLICATE_UTTERANCE',
          message: `"${utterance.text}" appears more than once in intent "${utterance.intent}"`,
        }
      : {
          severity: 'warning',
          code: 'DATASET_CONFLICTING_UTTERANCE',
          message: `"${utterance.text}" is in two intents: "${previousIntent}" and "${utterance.intent}"`,
          suggestion: 'Keep it in the intent it belongs to; a classifier cannot learn both.',
        };
  },
];

interface SpanInText {
  span: EntitySpan;
  text: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const spanOutOfRange = ({span, text}: SpanInText) => span.end <= span.start || span.end > text.length;

/** Rules for any span: what it names and where it is. */
const SPAN_RULES: Rule<SpanInText>[] = [
  ({span}, index) =>
    index.entities.has(span.entity)
      ? undefined
      : {
          severity: 'error',
          code: 'DATASET_UNKNOWN_ENTITY',
          message: `span refers to entity "${span.entity}", which is not in entities`,
          at: ['entity'],
          suggestion: `Add {"name": "${span.entity}", "kind": "ml"} to entities, or fix the name.`,
        },
  (item) =>
    spanOutOfRange(item)
      ? {
          severity: 'error',
          code: 'DATASET_SPAN_OUT_OF_RANGE',
          message: `span [${item.span.start}, ${item.span.end}) of "${item.span.entity}" is outside the text "${item.text}" (length ${item.text.length})`,
          suggestion:
            'Offsets are UTF-16 code units, end exclusive: text.slice(start, end) must be the entity text.',
        }
      : undefined,
];

/** Rules for a span inside its text (a span outside it gets no more findings, nor do its children). */
const SPAN_TEXT_RULES: Rule<SpanInText>[] = [
  ({span, text}) =>
    (span.start > 0 && isHighSurrogate(text.charCodeAt(span.start - 1))) ||
    isHighSurrogate(text.charCodeAt(span.end - 1))
      ? {
          severity: 'error',
          code: 'DATASET_SPAN_SPLITS_CHARACTER',
          message: `span [${span.start}, ${span.end}) of "${span.entity}" cuts a character (a surrogate pair) in two`,
        }
      : undefined,
  ({span, text}) => {
    const spanned = text.slice(span.start, span.end);
    return spanned.trim() === spanned
      ? undefined
      : {
          severity: 'warning',
          code: 'DATASET_SPAN_WHITESPACE',
          message: `span of "${span.entity}" starts or ends with whitespace: "${spanned}"`,
          suggestion: 'Trim the span to the entity text.',
        };
  },
  ({span, text}, index) => {
    const forms = index.listForms.get(span.entity);
    const spanned = text.slice(span.start, span.end);
    if (!forms || forms.size === 0 || forms.has(spanned.toLowerCase())) return undefined;
    if (span.value && forms.has(span.value.toLowerCase())) return undefined;
    return {
      severity: 'warning',
      code: 'DATASET_SPAN_NOT_IN_LIST',
      message: `"${spanned}" is annotated as list entity "${span.entity}" but is none of its values or synonyms`,
      suggestion: `Add "${spanned}" as a synonym of the value it means, or set the span's value.`,
    };
  },
];

function firstPositions(names: string[]): Map<string, number> {
  const first = new Map<string, number>();
  names.forEach((name, i) => {
    if (!first.has(name)) first.set(name, i);
  });
  return first;
}

function indexDataset(dataset: Dataset): DatasetIndex {
  const listForms = new Map<string, Set<string>>();
  for (const entity of dataset.entities) {
    if (entity.kind !== 'list') continue;
    const values = entity.values ?? [];
    const forms = values.flatMap((v) => [
      v.value,
      ...(v.synonyms ?? []),
      ...Object.values(v.synonymsByLanguage ?? {}).flatMap((list) => list ?? []),
    ]);
    listForms.set(entity.name, new Set(forms.map((form) => form.toLowerCase())));
  }
  return {
    intents: firstPositions(dataset.intents.map((i) => i.name)),
    entities: firstPositions(dataset.entities.map((e) => e.name)),
    listForms,
    seenTexts: new Map(),
    reportedUnknownIntents: new Set(),
    languages: dataset.languages?.length ? [...dataset.languages] : [dataset.language],
    reportedUnknownLanguages: new Set(),
  };
}

/**
 * The model's invariants that a JSON Schema cannot express: unique names, references that resolve, entity
 * spans inside their text and not cutting a character in two. Errors make the dataset unusable; warnings
 * are worth fixing. Each rule is one function in the lists above, applied to every intent, entity,
 * utterance and span in file order.
 */
export function checkDataset(dataset: Dataset, context: CheckContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const index = indexDataset(dataset);
  const locate = locationFinder(context);
  const apply = <T>(rules: Rule<T>[], item: T, base: PathSegment[], line?: number): void => {
    for (const rule of rules) {
      const result = rule(item, index);
      for (const {at, suggestion, ...finding} of result === undefined ? [] : [result].flat())
        out.push({
          ...finding,
          ...locate([...base, ...(at ?? [])], line),
          ...(suggestion === undefined ? {} : {suggestion}),
        });
    }
  };
  if (dataset.languages?.length && dataset.languages[0] !== dataset.language)
    out.push({
      severity: 'error',
      code: 'DATASET_LANGUAGE_CONFLICT',
      message: `language "${dataset.language}" is not the first of languages (${dataset.languages.join(', ')})`,
      ...locate(['languages']),
      suggestion: 'List the primary language first in languages.',
    });
  dataset.intents.forEach((intent, i) => apply(INTENT_RULES, {intent, i}, ['intents', i]));
  dataset.entities.forEach((entity, i) => apply(ENTITY_RULES, {entity, i}, ['entities', i]));
  const utterancePath: NonNullable<CheckContext['utterancePath']> =
    context.utterancePath ?? ((i) => ({path: ['utterances', i]}));
  const checkSpans = (spans: EntitySpan[], text: string, base: PathSegment[], line?: number) =>
    spans.forEach((span, s) => {
      const item = {span, text};
      const spanPath = [...base, s];
      apply(SPAN_RULES, item, spanPath, line);
      if (spanOutOfRange(item)) return;
      apply(SPAN_TEXT_RULES, item, spanPath, line);
      if (span.children) checkSpans(span.children, text, [...spanPath, 'children'], line);
    });
  dataset.utterances.forEach((utterance, u) => {
    const {path, line} = utterancePath(u);
    apply(UTTERANCE_RULES, utterance, path, line);
    if (utterance.entities) checkSpans(utterance.entities, utterance.text, [...path, 'entities'], line);
  });
  return out;
}
