/**
 * System (prebuilt) entities: numbers, ordinals, percentages, money, dates and times, emails, URLs and more,
 * found by Microsoft's Recognizers-Text (the library behind LUIS prebuilt entities and Bot Framework prompts,
 * already installed with botbuilder-dialogs). Its packages take a moment to load and their models a moment to
 * build, so both happen once, lazily, and only for the types a recognizer uses.
 */
import {recognizerChunks, type Chunk} from './chunks.js';
import type {EntityMatch} from './types.js';

/** System types this extractor understands, by the dataset's canonical prebuilt names. */
export const SUPPORTED_SYSTEM_TYPES = [
  'number',
  'ordinal',
  'percentage',
  'money',
  'temperature',
  'age',
  'dimension',
  'date',
  'time',
  'datetime',
  'duration',
  'email',
  'url',
  'phone',
] as const;
export type SystemType = (typeof SUPPORTED_SYSTEM_TYPES)[number];

/** The common system types `predict --all-system-entities` reports even when the dataset does not declare them. */
export const COMMON_SYSTEM_TYPES: readonly SystemType[] = [
  'number',
  'ordinal',
  'percentage',
  'datetime',
  'email',
  'url',
];

interface ModelResult {
  start: number;
  /** Inclusive in Recognizers-Text. */
  end: number;
  text: string;
  typeName: string;
  resolution?: Record<string, unknown> & {value?: string; unit?: string; values?: Record<string, string>[]};
}
interface Model {
  parse(text: string): ModelResult[];
}

type ModelFamily =
  | 'number'
  | 'ordinal'
  | 'percentage'
  | 'currency'
  | 'temperature'
  | 'age'
  | 'dimension'
  | 'datetime'
  | 'email'
  | 'url'
  | 'phone';

const FAMILY_OF: Record<SystemType, ModelFamily> = {
  number: 'number',
  ordinal: 'ordinal',
  percentage: 'percentage',
  money: 'currency',
  temperature: 'temperature',
  age: 'age',
  dimension: 'dimension',
  date: 'datetime',
  time: 'datetime',
  datetime: 'datetime',
  duration: 'datetime',
  email: 'email',
  url: 'url',
  phone: 'phone',
};

const CULTURE = 'en-us';
/** Pieces of text whose Recognizers-Text results are remembered (oldest forgotten first). */
const MEMO_LIMIT = 10_000;
const models = new Map<ModelFamily, Promise<Model>>();

async function loadModel(family: ModelFamily): Promise<Model> {
  switch (family) {
    case 'number':
    case 'ordinal':
    case 'percentage': {
      const {NumberRecognizer} = (await import('@microsoft/recognizers-text-number')).default;
      const recognizer = new NumberRecognizer(CULTURE);
      if (family === 'number') return recognizer.getNumberModel() as Model;
      return (family === 'ordinal' ? recognizer.getOrdinalModel() : recognizer.getPercentageModel()) as Model;
    }
    case 'currency':
    case 'temperature':
    case 'age':
    case 'dimension': {
      const {NumberWithUnitRecognizer} = (await import('@microsoft/recognizers-text-number-with-unit'))
        .default;
      const recognizer = new NumberWithUnitRecognizer(CULTURE);
      if (family === 'currency') return recognizer.getCurrencyModel() as Model;
      if (family === 'temperature') return recognizer.getTemperatureModel() as Model;
      return (family === 'age' ? recognizer.getAgeModel() : recognizer.getDimensionModel()) as Model;
    }
    case 'datetime': {
      const {DateTimeRecognizer} = (await import('@microsoft/recognizers-text-date-time')).default;
      return new DateTimeRecognizer(CULTURE).getDateTimeModel() as Model;
    }
    default: {
      const {SequenceRecognizer} = (await import('@microsoft/recognizers-text-sequence')).default;
      const recognizer = new SequenceRecognizer(CULTURE);
      if (family === 'email') return recognizer.getEmailModel() as Model;
      return (family === 'url' ? recognizer.getURLModel() : recognizer.getPhoneNumberModel()) as Model;
    }
  }
}

/**
 * A model's first parse compiles most of its regexes (about a second for dates); done here, at load time, so
 * that the first message's time budget is spent on the message.
 */
const WARM_UP = 'on the 1st of May 2024 at 3:30pm for 2 hours, 5 kg, $10, 20%, 30°C, a@b.com, http://x.io';

async function loadWarmModel(family: ModelFamily): Promise<Model> {
  const model = await loadModel(family);
  try {
    model.parse(WARM_UP);
  } catch {
    // The warm-up only saves time later.
  }
  return model;
}

function modelFor(family: ModelFamily): Promise<Model> {
  let model = models.get(family);
  if (!model) models.set(family, (model = loadWarmModel(family)));
  return model;
}

/** The system type a Recognizers-Text result belongs to (datetime results by their subtype). */
function systemTypeOf(family: ModelFamily, typeName: string): SystemType {
  if (family !== 'datetime') return family === 'currency' ? 'money' : (family as SystemType);
  const subtype = typeName.replace(/^datetimeV2\./, '');
  if (subtype === 'date' || subtype === 'daterange') return 'date';
  if (subtype === 'time' || subtype === 'timerange') return 'time';
  if (subtype === 'duration') return 'duration';
  return 'datetime';
}

/** A declared system entity: the dataset's name for it and its system type. */
export interface SystemEntityBinding {
  entity: string;
  type: SystemType;
}

function toNumber(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/%$/, ''));
  return Number.isFinite(number) ? number : value;
}

/** The LUIS v3 / Bot Framework value of a system entity. */
function valueOf(family: ModelFamily, result: ModelResult): unknown {
  const resolution = result.resolution ?? {};
  switch (family) {
    case 'number':
    case 'ordinal':
    case 'percentage':
      return toNumber(resolution.value);
    case 'currency':
    case 'temperature':
    case 'age':
    case 'dimension':
      return {number: toNumber(resolution.value), units: resolution.unit};
    case 'datetime': {
      const values = resolution.values ?? [];
      return {
        type: values[0]?.type ?? systemTypeOf(family, result.typeName),
        timex: [...new Set(values.map((v) => v.timex))],
      };
    }
    default:
      return resolution.value ?? result.text;
  }
}

export class SystemEntityExtractor {
  private constructor(
    private readonly families: [ModelFamily, Model][],
    /** Declared entity names per system type; undeclared default types report under their own name. */
    private readonly namesByType: Map<SystemType, string[]>,
  ) {}

  /** Loads the models for the declared types plus `defaults`, the undeclared types asked for. */
  static async create(
    declared: readonly SystemEntityBinding[],
    defaults: readonly SystemType[] = [],
  ): Promise<SystemEntityExtractor> {
    const namesByType = new Map<SystemType, string[]>();
    for (const binding of declared) {
      const names = namesByType.get(binding.type) ?? [];
      names.push(binding.entity);
      namesByType.set(binding.type, names);
    }
    // A declared "datetime" covers every date/time subtype; a default type only fills in undeclared ones.
    for (const type of defaults) if (!namesByType.has(type)) namesByType.set(type, [type]);
    const familyNames = new Set([...namesByType.keys()].map((type) => FAMILY_OF[type]));
    const families = await Promise.all(
      [...familyNames].map(async (family) => [family, await modelFor(family)] as [ModelFamily, Model]),
    );
    return new SystemEntityExtractor(families, namesByType);
  }

  /**
   * The system entities in `text`, found piece by piece (see chunks.ts) so the time is linear in the length.
   * Past `deadline` (a performance.now() time) the remaining pieces are skipped and `searchedChars` says how far
   * the search got, so one hostile message cannot hold up the next.
   */
  match(text: string, deadline = Infinity): SystemEntitySearch {
    const matches: EntityMatch[] = [];
    if (this.families.length === 0) return {matches, searchedChars: text.length};
    for (const chunk of recognizerChunks(text)) {
      if (performance.now() > deadline) return {matches, searchedChars: chunk.start};
      for (const [family, model] of this.families) this.#matchChunk(family, model, text, chunk, matches);
    }
    return {matches, searchedChars: text.length};
  }

  /**
   * Recognizers-Text's results per piece of text and model family. Its models take milliseconds per sentence
   * (they build regexes on every call), and the texts a bot or `predict` sees repeat often, so the last
   * MEMO_LIMIT pieces are remembered; the results depend on nothing but the piece's text.
   */
  readonly #memo = new Map<string, ModelResult[]>();

  #parse(family: ModelFamily, model: Model, text: string): ModelResult[] {
    const key = `${family}\u0000${text}`;
    let results = this.#memo.get(key);
    if (results) return results;
    try {
      results = model.parse(text);
    } catch {
      // Recognizers-Text throws on a few odd inputs; a missed system entity must not fail recognition.
      results = [];
    }
    if (this.#memo.size >= MEMO_LIMIT) this.#memo.delete(this.#memo.keys().next().value!);
    this.#memo.set(key, results);
    return results;
  }

  #matchChunk(family: ModelFamily, model: Model, text: string, chunk: Chunk, matches: EntityMatch[]): void {
    // The date model costs milliseconds per piece and finds nothing without a cue: most chat text has none.
    if (family === 'datetime' && !hasDateCue(chunk.text)) return;
    const results = this.#parse(family, model, chunk.text);
    for (const result of results) {
      const type = systemTypeOf(family, result.typeName);
      const names =
        this.namesByType.get(type) ??
        (family === 'datetime' ? this.namesByType.get('datetime') : undefined) ??
        [];
      const start = chunk.start + result.start;
      const end = chunk.start + result.end + 1;
      for (const entity of names)
        matches.push({
          entity,
          start,
          end,
          text: text.slice(start, end),
          value: valueOf(family, result),
          kind: 'prebuilt',
          ...(result.resolution ? {resolution: result.resolution} : {}),
        });
    }
  }
}

/**
 * What every date, time, duration or set the date model finds holds (English): a digit, a unit or part of a day
 * anywhere in a word ("biweekly", "midday", "tonight"), or a word starting with a month, weekday, relative
 * reference, season, holiday or number word ("at eight", "recently", "asap", "xmas", "tues"). Over-inclusive on
 * purpose ("sunny", "market" pass): a text without any of these is not sent to the date model. Checked against
 * every datetime the model found in 3,400 CLINC150 utterances and a list of edge cases (test/recognizer).
 */
const DATE_CUE = new RegExp(
  [
    '[0-9]',
    'day|daily|week|month|year|hour|minute|second|night|noon|morning|evening|annual|quarter|decade|centur|fortnight',
    `\\b(?:${[
      'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec',
      'mon|tue|wed|thu|fri|sat|sun',
      'now|today|tomorrow|tmr|yesterday|eod|eom|eoy|asap|ago|soon|later|earlier|lately|recent|current|present',
      'previous|former',
      'spring|summer|fall|autumn|winter|christmas|xmas|easter|thanksgiving|halloween|hanukkah|eve|holiday',
      'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thir|fif|twent|fort|hundred',
      'thousand|first|third|ninth|twelfth|half|couple|few|dozen|several',
    ].join('|')})`,
  ].join('|'),
  'i',
);

export function hasDateCue(text: string): boolean {
  return DATE_CUE.test(text);
}

/** What a search for system entities found, and how much of the text it covered before its deadline. */
export interface SystemEntitySearch {
  matches: EntityMatch[];
  /** The text was searched up to here (its length when the search finished in time). */
  searchedChars: number;
}

export function isSupportedSystemType(type: string): type is SystemType {
  return (SUPPORTED_SYSTEM_TYPES as readonly string[]).includes(type);
}
