import fc from 'fast-check';
import {readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ListEntityMatcher} from '../../src/recognizer/list-entities.js';
import {EntityExtractor, LocalRecognizer} from '../../src/recognizer/local-recognizer.js';
import {COMMON_SYSTEM_TYPES} from '../../src/recognizer/system-entities.js';
import {RegexEntityMatcher} from '../../src/recognizer/regex-entities.js';
import {loadLocalRecognizer, loadOrTrainClassifier, modelCacheKey} from '../../src/recognizer/index.js';
import {tempDir} from '../helpers/cli.js';
import {evaluateCalendarDatetimes, evaluateDeclaredEntities} from './entity-evaluation.js';
import {supportDataset} from './support-dataset.js';

describe('list entities', () => {
  const matcher = new ListEntityMatcher(supportDataset().entities);

  it('matches values and synonyms case-insensitively, longest first, on word boundaries, as canonical values', () => {
    const matches = matcher.match('Move me to PREMIUM PLUS, not pro; processing by Pay Pal');
    expect(matches.map((m) => [m.entity, m.text, m.value, m.start, m.end])).toEqual([
      ['account_type', 'PREMIUM PLUS', ['premium'], 11, 23],
      ['account_type', 'pro', ['premium'], 29, 32],
      ['payment_method', 'Pay Pal', ['paypal'], 48, 55],
    ]);
  });

  it('gives one mention with every canonical value when a synonym belongs to several values', () => {
    const shared = new ListEntityMatcher([
      {
        name: 'size',
        kind: 'list',
        values: [
          {value: 'small', synonyms: ['mini']},
          {value: 'tiny', synonyms: ['mini']},
        ],
      },
    ]);
    expect(shared.match('a mini one')).toEqual([
      {entity: 'size', start: 2, end: 6, text: 'mini', value: ['small', 'tiny'], kind: 'list'},
    ]);
  });

  it('reports offsets that slice back to the mention, wherever the value sits', () => {
    const words = fc.stringMatching(/^[a-z ]{0,15}$/);
    fc.assert(
      fc.property(
        words,
        fc.constantFrom('gold', 'free tier', 'corporate', 'gift'),
        words,
        (before, phrase, after) => {
          const text = `${before} ${phrase} ${after}`;
          for (const m of matcher.match(text))
            expect(text.slice(m.start, m.end).toLowerCase()).toBe(m.text.toLowerCase());
          if (phrase !== 'gift') expect(matcher.match(text).some((m) => m.text === phrase)).toBe(true);
        },
      ),
    );
  });
});

describe('regex and system entities', () => {
  it('finds regex entities and reports a bad pattern with its path', () => {
    const regex = new RegexEntityMatcher(supportDataset().entities);
    expect(regex.match('order 123456 and 1234567')).toEqual([
      {entity: 'order_id', start: 6, end: 12, text: '123456', value: '123456', kind: 'regex'},
    ]);
    expect(() => new RegexEntityMatcher([{name: 'bad', kind: 'regex', patterns: ['(']}])).toThrow(
      expect.objectContaining({code: 'RECOGNIZER_BAD_REGEX', location: {path: 'entities[0].patterns[0]'}}),
    );
  });

  it('reports only the entities the dataset declares unless asked: a regex id is not also a number', async () => {
    const declaredOnly = await EntityExtractor.create(supportDataset());
    expect(declaredOnly.match('where is order 123456, the 3rd one').map((m) => m.entity)).toEqual([
      'order_id',
    ]);
    const common = await EntityExtractor.create(supportDataset(), {defaultSystemTypes: COMMON_SYSTEM_TYPES});
    const found = common.match('where is order 123456, the 3rd one').map((m) => m.entity);
    expect([...new Set(found)].sort()).toEqual(['number', 'order_id', 'ordinal']);
  });

  it('finds numbers, ordinals, percentages, dates, emails and urls with exclusive end offsets', async () => {
    const extractor = await EntityExtractor.create(supportDataset(), {
      defaultSystemTypes: COMMON_SYSTEM_TYPES,
    });
    const text = 'the 3rd of 4 items, 25% off, on march 3, mail a@b.co or see https://example.com';
    const found = extractor.match(text).map((m) => [m.entity, m.text, text.slice(m.start, m.end)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['ordinal', '3rd', '3rd'],
        ['number', '4', '4'],
        ['percentage', '25%', '25%'],
        ['delivery_date', 'march 3', 'march 3'],
        ['email', 'a@b.co', 'a@b.co'],
        ['url', 'https://example.com', 'https://example.com'],
      ]),
    );
    const valuesOf = (entity: string) =>
      extractor
        .match(text)
        .filter((m) => m.entity === entity)
        .map((m) => m.value);
    expect(valuesOf('ordinal')).toEqual([3]);
    expect(valuesOf('number')).toContain(4);
    expect(valuesOf('percentage')).toEqual([25]);
    expect(valuesOf('email')).toEqual(['a@b.co']);
    expect(valuesOf('delivery_date')).toEqual([{type: 'date', timex: ['XXXX-03-03']}]);
  });

  it('finds the declared system types, and the common ones only when asked', async () => {
    const text = 'mail a@b.co about the 3rd of 4 items on march 3';
    const declared = await EntityExtractor.create(supportDataset());
    expect(
      declared
        .match(text)
        .filter((m) => m.kind === 'prebuilt')
        .map((m) => m.entity),
    ).toEqual(['delivery_date']);
    const withSystem = await EntityExtractor.create(supportDataset(), {
      defaultSystemTypes: COMMON_SYSTEM_TYPES,
    });
    const listsOnly = await EntityExtractor.create({
      entities: supportDataset().entities.filter((e) => e.kind !== 'prebuilt'),
    });
    expect(withSystem.match(text).filter((m) => m.kind === 'prebuilt').length).toBeGreaterThanOrEqual(4);
    // No system entity declared: Recognizers-Text is not loaded and nothing is reported as one.
    expect(listsOnly.match(text).filter((m) => m.kind === 'prebuilt')).toEqual([]);
    const explicit = await EntityExtractor.create({entities: []}, {defaultSystemTypes: ['email']});
    expect(explicit.match(text).map((m) => m.text)).toEqual(['a@b.co']);
  });

  it('measures extraction against annotated fixtures (precision is a floor: not every mention is annotated)', async () => {
    const {byKind} = await evaluateDeclaredEntities();
    expect(byKind.list!.gold).toBeGreaterThan(30);
    expect(byKind.list!.strictRecall).toBe(1);
    expect(byKind.list!.strictPrecision).toBeGreaterThan(0.5);
    expect(byKind.prebuilt!.strictRecall).toBeGreaterThan(0.7);
    // The first 150 utterances keep the test fast; bench/recognizer.bench.ts measures all 1,724.
    const calendar = await evaluateCalendarDatetimes(150);
    expect(calendar.gold).toBeGreaterThan(50);
    expect(calendar.lenientRecall).toBeGreaterThan(0.75);
    expect(calendar.lenientPrecision).toBeGreaterThan(0.8);
  });
});

describe('LocalRecognizer', () => {
  it('returns a RecognizerResult: every intent scored, entities with $instance, fallback flag', async () => {
    const dir = tempDir();
    const {recognizer, model} = await loadLocalRecognizer(supportDataset(), {cacheDir: dir});
    expect(model.fromCache).toBe(false);
    const result = recognizer.recognize('I want to cancel order 123456');
    expect(result.topIntent).toBe('cancel_order');
    expect(Object.keys(result.intents).sort()).toEqual([
      'cancel_order',
      'change_plan',
      'get_refund',
      'greet',
      'track_order',
    ]);
    expect(Object.values(result.intents).reduce((sum, i) => sum + i.score, 0)).toBeCloseTo(1, 10);
    expect(result.entities.order_id).toEqual(['123456']);
    expect(result.entities.$instance.order_id).toEqual([
      {startIndex: 23, endIndex: 29, text: '123456', type: 'order_id', score: 1},
    ]);
    expect(result.belowThreshold).toBe(result.topScore < 0.5);
    const strict = await LocalRecognizer.create(supportDataset(), recognizer.classifier, {threshold: 0.99});
    const unsure = strict.recognize('banana');
    expect(unsure.belowThreshold).toBe(true);
    expect(unsure.threshold).toBe(0.99);
  });

  it('caches the model by content hash, atomically, and retrains when the data or the file changes', async () => {
    const dir = tempDir();
    const dataset = supportDataset();
    const first = await loadOrTrainClassifier(dataset, {cacheDir: dir});
    const second = await loadOrTrainClassifier(dataset, {cacheDir: dir});
    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    expect(second.file).toBe(first.file);
    expect(second.classifier.predict('where is my parcel')).toEqual(
      first.classifier.predict('where is my parcel'),
    );
    expect(readdirSync(join(dir, 'models'))).toEqual([`${modelCacheKey(dataset)}.json`]); // no temporary files left
    const edited = {...dataset, utterances: [...dataset.utterances, {text: 'bye', intent: 'greet'}]};
    expect(modelCacheKey(edited)).not.toBe(modelCacheKey(dataset));
    expect((await loadOrTrainClassifier(edited, {cacheDir: dir})).fromCache).toBe(false);
    writeFileSync(first.file, '{"format": "synthnlu-model-cache/1", "key": "x", "mo');
    const retrained = await loadOrTrainClassifier(dataset, {cacheDir: dir});
    expect(retrained.fromCache).toBe(false);
    expect((await loadOrTrainClassifier(dataset, {cacheDir: dir})).fromCache).toBe(true);
  });
});
