/**
 * System (prebuilt) entities: numbers, ordinals, percentages, money, dates and times, emails, URLs and more,
 * found by Microsoft's Recognizers-Text (the library behind LUIS prebuilt entities and Bot Framework prompts,
 * already installed with botbuilder-dialogs). Its packages take a moment to load and their models a moment to
 * build, so both happen once, lazily, and only for the types a recognizer uses.
 */
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

function modelFor(family: ModelFamily): Promise<Model> {
  let model = models.get(family);
  if (!model) models.set(family, (model = loadModel(family)));
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

  match(text: string): EntityMatch[] {
    const matches: EntityMatch[] = [];
    for (const [family, model] of this.families) {
      let results: ModelResult[];
      try {
        results = model.parse(text);
      } catch {
        // Recognizers-Text throws on a few odd inputs; a missed system entity must not fail recognition.
        continue;
      }
      for (const result of results) {
        const type = systemTypeOf(family, result.typeName);
        const names =
          this.namesByType.get(type) ??
          (family === 'datetime' ? this.namesByType.get('datetime') : undefined) ??
          [];
        const end = result.end + 1;
        for (const entity of names)
          matches.push({
            entity,
            start: result.start,
            end,
            text: text.slice(result.start, end),
            value: valueOf(family, result),
            kind: 'prebuilt',
            ...(result.resolution ? {resolution: result.resolution} : {}),
          });
      }
    }
    return matches;
  }
}

export function isSupportedSystemType(type: string): type is SystemType {
  return (SUPPORTED_SYSTEM_TYPES as readonly string[]).includes(type);
}
