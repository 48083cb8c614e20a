/**
 * Value generators for entity slots: a slot draws a surface text and, when that text is a synonym, the
 * canonical value it stands for. Built once per spec; each draw costs a few Rng calls.
 */
import RandExpModule from 'randexp';
import {SynthnluError} from '../../errors.js';
import type {EntitySpec, ListValueSpec} from '../../spec/spec.js';
import type {Rng} from '../rng.js';
import {systemValueGenerator} from './system.js';

export interface EntityValue {
  text: string;
  /** The canonical value when text is a synonym (list entities). */
  value?: string;
}

export interface EntityValueSource {
  draw(rng: Rng): EntityValue;
  /** How many different surface texts it can produce (Infinity for patterns and system types). */
  capacity: number;
}

interface WeightedValue {
  forms: string[];
  canonical: string;
  weight: number;
}

function weightedValues(values: ListValueSpec[]): WeightedValue[] {
  return values.map((v) => {
    if (typeof v === 'string') return {forms: [v], canonical: v, weight: 1};
    const synonyms = v.synonyms ?? [];
    // In a spec's second language the value is a key, not a word of that language: only its synonyms are said.
    const forms = v.valueIsForm === false && synonyms.length ? synonyms : [v.value, ...synonyms];
    return {forms, canonical: v.value, weight: v.weight ?? 1};
  });
}

/** Builds a cumulative table so a weighted draw is one Rng call and a short scan. */
export function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (rng: Rng) => T {
  if (items.length === 1) {
    const only = items[0]!;
    return () => only;
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weight(item);
    cumulative.push(total);
  }
  const uniform = items.every((item) => weight(item) === weight(items[0]!));
  if (uniform) return (rng) => items[rng.int(items.length)]!;
  return (rng) => {
    const r = rng.next() * total;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return items[i]!;
    return items[items.length - 1]!;
  };
}

// randexp is CommonJS with `module.exports = RandExp`; under Node16 resolution TypeScript sees the namespace.
type RandExpInstance = {
  max: number;
  randInt: (a: number, b: number) => number;
  gen(): string;
  _expand: (token: object) => unknown;
};
const RandExp = ((RandExpModule as unknown as {default?: unknown}).default ??
  RandExpModule) as unknown as new (pattern: RegExp | string) => RandExpInstance;

function newRandExp(pattern: string): RandExpInstance {
  try {
    return new RandExp(new RegExp(pattern, 'u'));
  } catch {
    return new RandExp(pattern);
  }
}

/** Draws tried before a pattern counts as producing only empty text (it can match no character at all). */
const EMPTY_DRAWS = 50;

/**
 * Whether a regex entity's pattern can fill a slot: `[^\s\S]` matches nothing, and a slot filled from it would be
 * a zero-length span. Checked by the spec rules before generation.
 */
export function regexYieldsText(pattern: string): boolean {
  const generator = newRandExp(pattern);
  generator.max = 4;
  for (let i = 0; i < EMPTY_DRAWS; i++) if (generator.gen().trim() !== '') return true;
  return false;
}

function regexSource(entity: EntitySpec): EntityValueSource {
  const pattern = entity.pattern!;
  let current: Rng | undefined;
  const generator = newRandExp(pattern);
  // Repetition without an upper bound (+, *) stays short, as real identifiers do.
  generator.max = 4;
  // randexp's randInt is inclusive at both ends; route it through our seeded Rng so output is reproducible.
  generator.randInt = (a: number, b: number) => a + current!.int(b - a + 1);
  // randexp rebuilds the character range of a class like [0-9] on every draw, which dominated generation
  // time; the ranges depend only on the (fixed) parsed token, and are only read, so build each once.
  const expand = generator._expand.bind(generator);
  const ranges = new Map<object, unknown>();
  generator._expand = (token) => {
    let range = ranges.get(token);
    if (range === undefined) ranges.set(token, (range = expand(token)));
    return range;
  };
  const samples = entity.values ? weightedValues(entity.values) : [];
  const pickSample = samples.length ? weightedPicker(samples, (s) => s.weight) : undefined;
  return {
    capacity: Infinity,
    draw(rng) {
      // Given sample values are mixed in with pattern-generated ones (a quarter of the time).
      if (pickSample && rng.chance(0.25)) return {text: pickSample(rng).canonical};
      current = rng;
      // Never an empty value: it would be a zero-length span.
      for (let i = 0; i < EMPTY_DRAWS; i++) {
        const text = generator.gen().trim();
        if (text !== '') return {text};
      }
      throw new SynthnluError(
        'GENERATE_REGEX_EMPTY',
        `the pattern of regex entity "${entity.name}" produces only empty text, so {${entity.name}} cannot be filled`,
        {
          suggestion: `Give "${entity.name}" a pattern that matches at least one character, e.g. "[A-Z]{2}[0-9]{6}".`,
        },
      );
    },
  };
}

function listSource(entity: EntitySpec): EntityValueSource {
  const values = weightedValues(entity.values ?? []);
  const pick = weightedPicker(values, (v) => v.weight);
  return {
    capacity: values.reduce((n, v) => n + v.forms.length, 0),
    draw(rng) {
      const value = pick(rng);
      const text = value.forms.length === 1 ? value.forms[0]! : value.forms[rng.int(value.forms.length)]!;
      return text === value.canonical ? {text} : {text, value: value.canonical};
    },
  };
}

/** The value source of a spec entity; throws (naming the entity) when it has nothing to fill a slot with. */
export function entityValueSource(entity: EntitySpec): EntityValueSource {
  switch (entity.type) {
    case 'list':
    case 'ml':
      if (!entity.values?.length)
        throw new SynthnluError(
          'GENERATE_ENTITY_WITHOUT_VALUES',
          `entity "${entity.name}" has no values to fill {${entity.name}} with`,
          {
            suggestion: `Add values: [...] to entity "${entity.name}" (sample texts the generator can put in the slot).`,
          },
        );
      return listSource(entity);
    case 'regex':
      return regexSource(entity);
    case 'system': {
      const generate = systemValueGenerator(entity.system ?? '');
      if (!generate)
        throw new SynthnluError(
          'GENERATE_UNKNOWN_SYSTEM_TYPE',
          `entity "${entity.name}": unknown system type "${entity.system}"`,
          {
            suggestion:
              'Use one of number, ordinal, date, time, datetime, duration, email, url, phone, money, percentage, temperature, age, person, location.',
          },
        );
      if (entity.values?.length) {
        const samples = listSource(entity);
        return {
          capacity: Infinity,
          draw: (rng) => (rng.chance(0.3) ? samples.draw(rng) : {text: generate(rng)}),
        };
      }
      return {capacity: Infinity, draw: (rng) => ({text: generate(rng)})};
    }
  }
}
