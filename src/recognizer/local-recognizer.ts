/**
 * Recognition without botbuilder: the local intent classifier for intents, and list, regex and system entity
 * extractors built from the dataset's entity definitions. The Bot Framework recognizer class and the commands
 * wrap this.
 */
import type {IntentClassifier} from '../classifier/index.js';
import type {Diagnostic} from '../errors.js';
import type {Dataset} from '../model/dataset.js';
import {toRecognizerEntities} from './entity-result.js';
import {ListEntityMatcher} from './list-entities.js';
import {RegexEntityMatcher} from './regex-entities.js';
import {
  SystemEntityExtractor,
  isSupportedSystemType,
  type SystemEntityBinding,
  type SystemEntitySearch,
  type SystemType,
} from './system-entities.js';
import {DEFAULT_MESSAGE_BUDGET_MS} from './limits.js';
import type {EntityMatch, SynthnluRecognizerResult} from './types.js';

export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

export interface LocalRecognizerOptions {
  /** Below this top score the result is flagged as the platform's fallback. Default 0.5. */
  threshold?: number;
  /**
   * System types found even when the dataset does not declare them. Default none: a reply carries only the
   * entities the dataset declares (a regex order id's digits are not also a `number`). COMMON_SYSTEM_TYPES asks
   * for number, ordinal, percentage, datetime, email and url.
   */
  defaultSystemTypes?: readonly SystemType[];
  /**
   * Milliseconds one message may spend on system entities (default DEFAULT_MESSAGE_BUDGET_MS); past it the
   * rest of the message is not searched and the result says so (`systemEntitiesSearchedChars`).
   */
  budgetMs?: number;
}

/** Other names platforms use for the same system types. */
const SYSTEM_TYPE_ALIASES: Record<string, SystemType> = {
  datetimev2: 'datetime',
  'date-time': 'datetime',
  phonenumber: 'phone',
  'phone-number': 'phone',
  currency: 'money',
  'unit-currency': 'money',
  percent: 'percentage',
  'email-address': 'email',
};

export function systemEntityBindings(dataset: Pick<Dataset, 'entities'>): {
  bindings: SystemEntityBinding[];
  warnings: Diagnostic[];
} {
  const bindings: SystemEntityBinding[] = [];
  const warnings: Diagnostic[] = [];
  dataset.entities.forEach((entity, index) => {
    if (entity.kind !== 'prebuilt' || !entity.prebuilt) return;
    const raw = entity.prebuilt.toLowerCase().replace(/^@sys\./, '');
    const type = SYSTEM_TYPE_ALIASES[raw] ?? raw;
    if (isSupportedSystemType(type)) bindings.push({entity: entity.name, type});
    else
      warnings.push({
        severity: 'warning',
        code: 'RECOGNIZER_UNSUPPORTED_SYSTEM_ENTITY',
        message: `System entity "${entity.name}" (${entity.prebuilt}) is not recognised locally; it will not be extracted.`,
        path: `entities[${index}].prebuilt`,
        suggestion:
          'Supported: number, ordinal, percentage, money, temperature, age, dimension, date, time, datetime, duration, email, url, phone.',
      });
  });
  return {bindings, warnings};
}

/** Every entity extractor built from a dataset's entity definitions: lists, regexes and system entities. */
export class EntityExtractor {
  private constructor(
    private readonly lists: ListEntityMatcher,
    private readonly regexes: RegexEntityMatcher,
    private readonly system: SystemEntityExtractor,
    readonly warnings: Diagnostic[],
  ) {}

  static async create(
    dataset: Pick<Dataset, 'entities'>,
    options: Pick<LocalRecognizerOptions, 'defaultSystemTypes'> = {},
  ): Promise<EntityExtractor> {
    const {bindings, warnings} = systemEntityBindings(dataset);
    const system = await SystemEntityExtractor.create(bindings, options.defaultSystemTypes ?? []);
    return new EntityExtractor(
      new ListEntityMatcher(dataset.entities),
      new RegexEntityMatcher(dataset.entities),
      system,
      warnings,
    );
  }

  /** Entity mentions of every kind, unmerged (a six-digit order id is also a number, as on LUIS). */
  match(text: string): EntityMatch[] {
    return this.search(text).matches;
  }

  /**
   * The same, with a deadline (a performance.now() time) for the system entities, the one slow part; lists and
   * regexes are linear and always searched whole. `searchedChars` says how far the system entities got.
   */
  search(text: string, deadline = Infinity): SystemEntitySearch {
    const system = this.system.match(text, deadline);
    return {
      matches: [...this.lists.match(text), ...this.regexes.match(text), ...system.matches],
      searchedChars: system.searchedChars,
    };
  }
}

export class LocalRecognizer {
  readonly threshold: number;

  private constructor(
    readonly classifier: IntentClassifier,
    readonly entities: EntityExtractor,
    threshold: number,
    readonly budgetMs: number,
  ) {
    this.threshold = threshold;
  }

  get warnings(): Diagnostic[] {
    return this.entities.warnings;
  }

  static async create(
    dataset: Dataset,
    classifier: IntentClassifier,
    options: LocalRecognizerOptions = {},
  ): Promise<LocalRecognizer> {
    const entities = await EntityExtractor.create(dataset, options);
    return new LocalRecognizer(
      classifier,
      entities,
      options.threshold ?? DEFAULT_CONFIDENCE_THRESHOLD,
      options.budgetMs ?? DEFAULT_MESSAGE_BUDGET_MS,
    );
  }

  recognize(text: string): SynthnluRecognizerResult {
    const deadline = performance.now() + this.budgetMs;
    const prediction = this.classifier.predict(text);
    const intents: Record<string, {score: number}> = {};
    for (const {intent, score} of prediction.scores) intents[intent] = {score};
    const {matches, searchedChars} = this.entities.search(text, deadline);
    return {
      text,
      intents,
      entities: toRecognizerEntities(matches),
      topIntent: prediction.intent,
      topScore: prediction.score,
      belowThreshold: prediction.score < this.threshold,
      threshold: this.threshold,
      ...(searchedChars < text.length ? {systemEntitiesSearchedChars: searchedChars} : {}),
    };
  }
}
