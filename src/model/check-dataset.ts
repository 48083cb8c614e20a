import type {Diagnostic} from '../errors.js';
import type {Locator} from '../schema/validate.js';
import type {PathSegment} from '../schema/json-path.js';
import {normalizeUtteranceText, type Dataset} from './dataset.js';
import {checkNames, locationFinder} from './check-names.js';
import {userRegexProblem} from './user-regex.js';

export interface CheckContext {
  file?: string;
  locate?: Locator;
  /** Where utterances live in the file: ['utterances'] for JSON, a line number per utterance for JSONL. */
  utterancePath?: (index: number) => {path: PathSegment[]; line?: number | undefined};
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The model's invariants that a JSON Schema cannot express: unique names, references that resolve, entity
 * spans inside their text and not cutting a character in two. Errors make the dataset unusable; warnings
 * are worth fixing.
 */
export function checkDataset(dataset: Dataset, context: CheckContext = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = locationFinder(context);
  const utterancePath =
    context.utterancePath ??
    ((i: number): {path: PathSegment[]; line?: number | undefined} => ({path: ['utterances', i]}));

  out.push(
    ...checkNames(
      dataset.intents.map((intent) => intent.name),
      {
        list: 'intents',
        badNameCode: 'DATASET_BAD_NAME',
        duplicateCode: 'DATASET_DUPLICATE_INTENT',
        suggestion: 'Merge the two intents or rename one.',
      },
      at,
    ),
    ...checkNames(
      dataset.entities.map((entity) => entity.name),
      {
        list: 'entities',
        duplicateCode: 'DATASET_DUPLICATE_ENTITY',
        suggestion: 'Merge the two entities or rename one.',
      },
      at,
    ),
  );
  const intentNames = new Set(dataset.intents.map((intent) => intent.name));
  const entities = new Set(dataset.entities.map((entity) => entity.name));
  dataset.entities.forEach((entity, i) => {
    if (entity.kind === 'list' && (entity.values ?? []).length === 0) {
      out.push({
        severity: 'warning',
        code: 'DATASET_EMPTY_LIST_ENTITY',
        message: `list entity "${entity.name}" has no values`,
        ...at(['entities', i]),
        suggestion: 'Add values (with synonyms), or make it an ml entity.',
      });
    }
    if (entity.kind === 'regex') {
      (entity.patterns ?? []).forEach((pattern, p) => {
        const problem = userRegexProblem(pattern);
        if (problem) {
          out.push({
            severity: 'error',
            code: 'DATASET_BAD_REGEX',
            message: `entity "${entity.name}": ${problem}`,
            ...at(['entities', i, 'patterns', p]),
            suggestion: 'Use plain character classes and repetition, e.g. "[A-Z]{2}[0-9]{6}".',
          });
        }
      });
    }
  });

  const listForms = new Map<string, Set<string>>();
  for (const entity of dataset.entities) {
    if (entity.kind !== 'list') continue;
    const forms = new Set<string>();
    for (const v of entity.values ?? []) {
      forms.add(v.value.toLowerCase());
      for (const synonym of v.synonyms ?? []) forms.add(synonym.toLowerCase());
    }
    listForms.set(entity.name, forms);
  }

  const declaredIntents = dataset.intents.length > 0;
  const seenInIntent = new Map<string, string>();
  const reportedUnknownIntents = new Set<string>();
  dataset.utterances.forEach((utterance, u) => {
    const {path, line} = utterancePath(u);
    if (
      declaredIntents &&
      !intentNames.has(utterance.intent) &&
      !reportedUnknownIntents.has(utterance.intent)
    ) {
      reportedUnknownIntents.add(utterance.intent);
      out.push({
        severity: 'error',
        code: 'DATASET_UNKNOWN_INTENT',
        message: `utterance "${utterance.text}" belongs to intent "${utterance.intent}", which is not in intents`,
        ...at([...path, 'intent'], line),
        suggestion: `Add {"name": "${utterance.intent}"} to intents.`,
      });
    }
    const key = `${normalizeUtteranceText(utterance.text)}`;
    const previousIntent = seenInIntent.get(key);
    if (previousIntent === undefined) seenInIntent.set(key, utterance.intent);
    else if (previousIntent === utterance.intent) {
      out.push({
        severity: 'info',
        code: 'DATASET_DUPLICATE_UTTERANCE',
        message: `"${utterance.text}" appears more than once in intent "${utterance.intent}"`,
        ...at(path, line),
      });
    } else {
      out.push({
        severity: 'warning',
        code: 'DATASET_CONFLICTING_UTTERANCE',
        message: `"${utterance.text}" is in two intents: "${previousIntent}" and "${utterance.intent}"`,
        ...at(path, line),
        suggestion: 'Keep it in the intent it belongs to; a classifier cannot learn both.',
      });
    }

    const check = (spans: NonNullable<typeof utterance.entities>, base: PathSegment[]) => {
      spans.forEach((span, s) => {
        const spanPath = [...base, s];
        if (!entities.has(span.entity)) {
          out.push({
            severity: 'error',
            code: 'DATASET_UNKNOWN_ENTITY',
            message: `span refers to entity "${span.entity}", which is not in entities`,
            ...at([...spanPath, 'entity'], line),
            suggestion: `Add {"name": "${span.entity}", "kind": "ml"} to entities, or fix the name.`,
          });
        }
        if (span.end <= span.start || span.end > utterance.text.length) {
          out.push({
            severity: 'error',
            code: 'DATASET_SPAN_OUT_OF_RANGE',
            message: `span [${span.start}, ${span.end}) of "${span.entity}" is outside the text "${utterance.text}" (length ${utterance.text.length})`,
            ...at(spanPath, line),
            suggestion:
              'Offsets are UTF-16 code units, end exclusive: text.slice(start, end) must be the entity text.',
          });
          return;
        }
        const cutsCharacter =
          (span.start > 0 && isHighSurrogate(utterance.text.charCodeAt(span.start - 1))) ||
          isHighSurrogate(utterance.text.charCodeAt(span.end - 1));
        if (cutsCharacter) {
          out.push({
            severity: 'error',
            code: 'DATASET_SPAN_SPLITS_CHARACTER',
            message: `span [${span.start}, ${span.end}) of "${span.entity}" cuts a character (a surrogate pair) in two`,
            ...at(spanPath, line),
          });
        }
        const text = utterance.text.slice(span.start, span.end);
        if (text.trim() !== text) {
          out.push({
            severity: 'warning',
            code: 'DATASET_SPAN_WHITESPACE',
            message: `span of "${span.entity}" starts or ends with whitespace: "${text}"`,
            ...at(spanPath, line),
            suggestion: 'Trim the span to the entity text.',
          });
        }
        const forms = listForms.get(span.entity);
        if (
          forms &&
          forms.size > 0 &&
          !forms.has(text.toLowerCase()) &&
          !(span.value && forms.has(span.value.toLowerCase()))
        ) {
          out.push({
            severity: 'warning',
            code: 'DATASET_SPAN_NOT_IN_LIST',
            message: `"${text}" is annotated as list entity "${span.entity}" but is none of its values or synonyms`,
            ...at(spanPath, line),
            suggestion: `Add "${text}" as a synonym of the value it means, or set the span's value.`,
          });
        }
        if (span.children) check(span.children, [...spanPath, 'children']);
      });
    };
    if (utterance.entities) check(utterance.entities, [...path, 'entities']);
  });
  return out;
}
