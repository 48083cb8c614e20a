import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {createRng} from '../../src/generate/rng.js';
import {
  holdsSeedValue,
  swapSeedValues,
  valueTokens,
  type ValueClass,
} from '../../src/generate/seed-values.js';
import type {LanguagePack} from '../../src/generate/variation/types.js';
import {englishSeedValues} from '../../src/lang/en/seed-values.js';
import type {Spec} from '../../src/spec/spec.js';

const surfaces = (c: ValueClass): string[] => c.values.map((v) => v.surface).sort();
const classWith = (classes: ValueClass[], surface: string): ValueClass | undefined =>
  classes.find((c) => c.values.some((v) => v.surface === surface));

describe('valueTokens', () => {
  it('leaves trailing punctuation out of a token but keeps the full stop of a short title', () => {
    expect(valueTokens('see bill #12588? from Mr. Jones.').map((t) => t.text)).toEqual([
      'see',
      'bill',
      '#12588',
      'from',
      'Mr.',
      'Jones',
    ]);
  });
});

describe('englishSeedValues', () => {
  const classes = englishSeedValues([
    'see bill #12588 from Mr. Jones',
    'get invoice #37777 from Anna Freeman',
    'close my Gold account',
    'I want a Platinum account, how?',
    'Premium is what I want. Gold is too much',
    'open order 113542617735902',
    'track order 00123842',
    'it costs $160',
  ]);

  it('groups numbers by their form: an order number is not a price or an invoice number', () => {
    expect(surfaces(classWith(classes, '#12588')!)).toEqual(['#12588', '#37777']);
    expect(surfaces(classWith(classes, '00123842')!)).toEqual(['00123842', '113542617735902']);
    // $160 is alone of its form: nothing to swap it with.
    expect(classWith(classes, '$160')).toBeUndefined();
  });

  it('takes only identifying numbers: quantities, prices, years and times are part of the request', () => {
    const found = englishSeedValues([
      'wake me at 8:00',
      'wake me at 10:00',
      'taxes for 2019',
      'taxes for 2020',
      'pay $500',
      'pay $700',
    ]);
    expect(found).toEqual([]);
  });

  it('groups capitalised names by the content word after them, else the word before', () => {
    const plans = classWith(classes, 'Gold')!;
    expect(plans.context).toEqual({side: 'after', word: 'account'});
    expect(surfaces(plans)).toEqual(['Gold', 'Platinum']);
    const people = classWith(classes, 'Mr. Jones')!;
    expect(people.context).toEqual({side: 'before', word: 'from'});
    expect(surfaces(people)).toEqual(['Anna Freeman', 'Mr. Jones']);
  });

  it('takes no capital at a sentence start, nor the pronoun I', () => {
    expect(classWith(classes, 'Premium')).toBeUndefined();
    expect(classes.some((c) => c.values.some((v) => v.surface === 'I'))).toBe(false);
  });
});

describe('swapSeedValues', () => {
  const classes = englishSeedValues([
    'close my Gold account',
    'open a Platinum account',
    'upgrade to Pro account',
    'bill #12588',
    'bill #37777',
  ]);

  it('swaps a value only in its slot, in any case', () => {
    const rng = createRng('t');
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const out = swapSeedValues({text: 'is my gold account and gold ok', entities: []}, classes, rng, true)!;
      seen.add(out.text);
      expect(out.text).toMatch(/^is my (Platinum|Pro) account and gold ok$/);
    }
    expect(seen.size).toBe(2);
  });

  it('never writes the same value back when it must change, and leaves entities alone', () => {
    const rng = createRng('t');
    const input = {text: 'bill #12588 for Gold account', entities: [{entity: 'plan', start: 16, end: 20}]};
    for (let i = 0; i < 20; i++) {
      const out = swapSeedValues(input, classes, rng, true)!;
      expect(out.text).toBe('bill #37777 for Gold account');
      expect(out.entities).toEqual([{entity: 'plan', start: 16, end: 20}]);
    }
    expect(
      holdsSeedValue({text: 'my Gold account', entities: [{entity: 'plan', start: 3, end: 7}]}, classes),
    ).toBe(false);
    expect(swapSeedValues({text: 'nothing here', entities: []}, classes, createRng('t'))).toBeUndefined();
  });
});

describe('seed-value variation in generate', () => {
  // A family that never applies: what is written past the seeds can only come from seed values.
  const idle: LanguagePack['families'][number] = {tag: 'P', name: 'polite', apply: () => undefined};
  const pack: LanguagePack = {language: 'en', families: [idle], seedValues: englishSeedValues};
  const spec = {
    language: 'en',
    defaults: {count: 6, variations: {polite: 1}},
    intents: [
      {name: 'get_invoice', examples: ['get invoice \\#12588', 'get invoice \\#37777']},
      {name: 'check_invoice', examples: ['check invoice \\#00108', 'check the weather']},
    ],
  } as unknown as Spec;

  it("fills the count with seeds holding other intents' values, deterministically", async () => {
    // Unbalanced on purpose: check_invoice runs out of values while get_invoice fills its count.
    const run = async () => (await generateDataset(spec, {seed: 3, pack, balance: false})).dataset.utterances;
    const utterances = await run();
    const generated = utterances.filter((u) => u.source !== 'seed');
    const checks = generated.filter((u) => u.intent === 'check_invoice').map((u) => u.text);
    // check_invoice has one seed with a value and three values in all: two new utterances, then nothing left.
    expect(checks.sort()).toEqual(['check invoice #12588', 'check invoice #37777']);
    const gets = generated.filter((u) => u.intent === 'get_invoice').map((u) => u.text);
    expect(gets).toContain('get invoice #00108');
    expect(gets.every((t) => /^get invoice #\d+$/.test(t))).toBe(true);
    expect(generated.every((u) => u.source === 'template' && (u.tags ?? []).length === 0 && u.origin)).toBe(
      true,
    );
    expect((await run()).map((u) => u.text)).toEqual(utterances.map((u) => u.text));
  });

  it("gives family variants values from every intent's seeds", async () => {
    const prefix: LanguagePack['families'][number] = {
      tag: 'P',
      name: 'polite',
      apply: (input, {rng}) => {
        const word = `${rng.pick(['please', 'kindly', 'now', 'hey', 'so', 'ok'])} `;
        return {text: word + input.text, entities: []};
      },
    };
    const withFamily = {...spec, defaults: {count: 8, variations: {polite: 1}}} as unknown as Spec;
    const {dataset} = await generateDataset(withFamily, {
      seed: 1,
      pack: {...pack, families: [prefix]},
      filter: false,
    });
    const variants = dataset.utterances.filter((u) => u.tags?.includes('P'));
    expect(variants.length).toBeGreaterThan(8);
    // A value no seed of the variant's own intent holds.
    const foreign = variants.filter((u) =>
      u.intent === 'get_invoice' ? u.text.endsWith('#00108') : /#(12588|37777)$/.test(u.text),
    );
    expect(foreign.length).toBeGreaterThan(0);
  });

  it('writes no value copies for an intent without families (its seeds rejected all variation)', async () => {
    const unvaried = {...spec, defaults: {count: 6, variations: {}}} as unknown as Spec;
    const {dataset} = await generateDataset(unvaried, {seed: 3, pack});
    expect(dataset.utterances.every((u) => u.source === 'seed')).toBe(true);
  });

  it('is off with seedValues: false and with a pack that cannot tell values', async () => {
    const off = await generateDataset(spec, {seed: 3, pack, seedValues: false});
    expect(off.dataset.utterances.every((u) => u.source === 'seed')).toBe(true);
    const noFinder = await generateDataset(spec, {seed: 3, pack: {language: 'en', families: [idle]}});
    expect(noFinder.dataset.utterances.every((u) => u.source === 'seed')).toBe(true);
  });
});
