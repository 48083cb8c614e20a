/**
 * What makes generated data trustworthy: provenance, honest counts (no family over its share), the
 * label-preservation filter, `variations: auto` dropping a family that hurts, and the out-of-scope intent.
 */
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {createRng} from '../../src/generate/rng.js';
import type {AnnotatedText, LanguagePack, VariationFamily} from '../../src/generate/variation/types.js';
import {languagePack} from '../../src/lang/index.js';
import {normalizeUtteranceText} from '../../src/model/dataset.js';
import {generateWarningLines, qualityLines} from '../../src/report/generate.js';
import {STARTER_SPEC} from '../../src/init/starter-spec.js';
import {inspectSpecText} from '../../src/library-load.js';
import type {Spec} from '../../src/spec/spec.js';

/** The report's auto-mix and filter lines, as one text. */
function generateQuality(report: Parameters<typeof qualityLines>[0]): string {
  return qualityLines(report).join('\n');
}

/** Appends one of `words`: a harmless variation. */
function suffixFamily(
  tag: VariationFamily['tag'],
  name: VariationFamily['name'],
  words: string[],
): VariationFamily {
  return {
    tag,
    name,
    apply: (input: AnnotatedText, {rng}) => ({...input, text: `${input.text} ${rng.pick(words)}`}),
  };
}

/** Writes the other intent's words: a family that changes the intent (as negating a request does). */
const drift: VariationFamily = {
  tag: 'N',
  name: 'negation',
  apply: (_input, {rng, intent}) => ({
    text: `${intent === 'track' ? 'refund my money' : 'where is my parcel'} ${rng.pick(['now', 'today', 'asap', 'please'])} ${rng.int(1000)}`,
    entities: [],
  }),
};

/** Adds the intent's own key words: a family that helps on held-out seeds, as a lucky word swap can. */
const helpfulSwap: VariationFamily = {
  tag: 'L',
  name: 'lexical',
  swapsWords: true,
  apply: (input, {rng, intent}) => ({
    ...input,
    text: `${input.text} ${rng.pick(intent === 'track' ? ['parcel', 'my parcel', 'the parcel'] : ['refund', 'money back', 'my money'])} ${rng.int(1000)}`,
  }),
};

/** 40 key words per intent: a seed holds one, so a held-out seed's key word is often in no training seed. */
const KEYS: Record<string, string[]> = {
  track: Array.from({length: 40}, (_, i) => `tk${i}`),
  refund: Array.from({length: 40}, (_, i) => `rf${i}`),
};

/** Adds one of the intent's key words: a family that measurably helps on held-out seeds. */
function keyed(tag: VariationFamily['tag'], name: VariationFamily['name']): VariationFamily {
  return {
    tag,
    name,
    apply: (input, {rng, intent}) => ({
      ...input,
      text: `${input.text} ${rng.pick(KEYS[intent]!)} ${rng.int(100_000)}`,
    }),
  };
}

/** Adds one of the other intent's key words: a family that measurably hurts on held-out seeds. */
const keyDrift: VariationFamily = {
  tag: 'N',
  name: 'negation',
  apply: (input, {rng, intent}) => ({
    ...input,
    text: `${input.text} ${rng.pick(KEYS[intent === 'track' ? 'refund' : 'track']!)} ${rng.int(100_000)}`,
  }),
};

/** 30 seeds per intent, each with filler words and one key word: 60 held out in all (enough to measure). */
function keyedSpec(): Spec {
  const filler = [
    'blue',
    'green',
    'red',
    'small',
    'big',
    'old',
    'new',
    'fast',
    'slow',
    'warm',
    'cold',
    'soft',
  ];
  const rng = createRng('fill');
  const examples = (keys: string[]): [string, ...string[]] =>
    Array.from({length: 30}, (_, i) => `${rng.pick(filler)} ${rng.pick(filler)} ${rng.pick(keys)} ${i}`) as [
      string,
      ...string[],
    ];
  return {
    language: 'en',
    defaults: {count: 60},
    intents: [
      {name: 'track', examples: examples(KEYS.track!)},
      {name: 'refund', examples: examples(KEYS.refund!)},
    ],
  };
}

const seeds: Spec = {
  language: 'en',
  intents: [
    {
      name: 'track',
      examples: [
        'where is my parcel',
        'track my parcel',
        'has my parcel shipped',
        'parcel tracking please',
        'when will the parcel arrive',
        'status of my parcel',
      ],
    },
    {
      name: 'refund',
      examples: [
        'I want a refund',
        'refund my money',
        'give me my money back',
        'money back please',
        'can I get a refund',
        'refund for my payment',
      ],
    },
  ],
};

describe('provenance and honest counts', () => {
  it('records the seed each template or generated utterance came from, as written', async () => {
    const spec: Spec = {
      ...seeds,
      defaults: {count: 20, variations: {polite: 0.6, colloquial: 0.6}},
      intents: [...seeds.intents, {name: 'hello', examples: ['(hi|hello) [there]']}] as Spec['intents'],
    };
    const {dataset} = await generateDataset(spec, {seed: 1, pack: languagePack('en')});
    const written = new Map(spec.intents.map((i) => [i.name, new Set(i.examples)]));
    for (const u of dataset.utterances) {
      if (u.source === 'seed') expect(u.origin).toBeUndefined();
      else expect(written.get(u.intent)!.has(u.origin!), `${u.text} <- ${u.origin}`).toBe(true);
    }
    const hello = dataset.utterances.filter((u) => u.intent === 'hello');
    expect(hello.length).toBeGreaterThan(0);
    expect(hello.every((u) => u.origin === '(hi|hello) [there]')).toBe(true);
  });

  it('never lets a family exceed its share to fill the count, and reports the shortfall', async () => {
    const spec: Spec = {...seeds, defaults: {count: 60, variations: {noise: 0.2, polite: 0.3}}};
    const {dataset, report} = await generateDataset(spec, {seed: 2, pack: languagePack('en'), filter: false});
    for (const intent of report.intents) {
      const generatedTarget = 60 - intent.sources.seed;
      expect(intent.tags.Z ?? 0).toBeLessThanOrEqual(Math.ceil(0.2 * generatedTarget));
      expect(intent.tags.P ?? 0).toBeLessThanOrEqual(Math.ceil(0.3 * generatedTarget));
      expect(intent.produced + intent.shortfall).toBe(60);
      expect(intent.shortfall).toBeGreaterThan(0);
      expect(intent.reason).toBeTruthy();
    }
    expect(dataset.utterances).toHaveLength(report.produced);
  });
});

describe('the label-preservation filter', () => {
  const pack: LanguagePack = {
    language: 'en',
    families: [suffixFamily('P', 'polite', ['please', 'thanks', 'if you can', 'thank you']), drift],
  };
  const spec: Spec = {...seeds, defaults: {count: 30, variations: {polite: 0.6, negation: 0.6}}};

  it('drops candidates the seed-trained classifier reads as another intent, and says so per intent and family', async () => {
    const {dataset, report} = await generateDataset(spec, {seed: 3, pack});
    const track = report.intents.find((i) => i.intent === 'track')!;
    expect(track.dropped!.otherIntent).toBeGreaterThan(0);
    expect(track.dropped!.byFamily.N).toBeGreaterThan(0);
    expect(report.filter).toBe(true);
    const drifted = dataset.utterances.filter((u) => u.intent === 'track' && u.text.startsWith('refund'));
    expect(drifted).toEqual([]);
  });

  it('keeps them with filter: false', async () => {
    const {dataset, report} = await generateDataset(spec, {seed: 3, pack, filter: false});
    expect(report.filter).toBe(false);
    expect(dataset.utterances.some((u) => u.intent === 'track' && u.text.startsWith('refund'))).toBe(true);
  });
});

describe('variations: auto', () => {
  const pack: LanguagePack = {
    language: 'en',
    families: [suffixFamily('P', 'polite', ['please', 'thanks', 'if you can', 'thank you']), drift],
    recommendedMix: {polite: 0.5, negation: 0.5},
  };

  it('measures each family on held-out seeds, keeps the one that gains beyond chance and drops the one that loses', async () => {
    const measured: LanguagePack = {
      language: 'en',
      families: [keyed('P', 'polite'), keyDrift],
      recommendedMix: {polite: 0.5, negation: 0.5},
    };
    const {dataset, report} = await generateDataset(keyedSpec(), {seed: 1, pack: measured, filter: false});
    const auto = report.autoMix!;
    expect(auto.unmeasured).toBeUndefined();
    expect(auto.heldOut).toBe(60);
    const negation = auto.families.find((f) => f.family === 'negation')!;
    expect(negation.effect).toBeLessThan(0);
    expect(negation.kept).toBe(false);
    const polite = auto.families.find((f) => f.family === 'polite')!;
    // Bonferroni for 2 families: z = 1.96.
    expect(polite.effect).toBeGreaterThanOrEqual(1.96 * polite.error);
    expect(polite.kept).toBe(true);
    expect(auto.threshold).toContain('1.96 standard errors');
    expect(auto.mix).toEqual({polite: 1});
    expect(dataset.utterances.some((u) => u.tags?.includes('N'))).toBe(false);
  });

  it('never keeps a family whose gain is within chance of zero once corrected for choosing among several', async () => {
    // Two of the candidates help, ten do nothing: the threshold grows with the number of families.
    const noop = (tag: VariationFamily['tag'], name: VariationFamily['name']): VariationFamily =>
      suffixFamily(tag, name, ['ok']);
    const many: LanguagePack = {
      language: 'en',
      families: [keyed('P', 'polite'), noop('Q', 'colloquial'), noop('B', 'basic'), keyDrift],
      recommendedMix: {polite: 0.3, colloquial: 0.3, basic: 0.3, negation: 0.1},
    };
    const {report} = await generateDataset(keyedSpec(), {seed: 4, pack: many, filter: false});
    const auto = report.autoMix!;
    expect(auto.threshold).toContain('2.241 standard errors');
    for (const f of auto.families) {
      expect(f.kept, f.family).toBe(f.effect > 0 && f.effect >= 2.241 * f.error);
      if (f.effect <= 0) expect(Object.keys(auto.mix), f.family).not.toContain(f.family);
    }
    expect(Object.keys(auto.mix)).not.toContain('negation');
  });

  it("on a small spec measures nothing and says so: the pack's mix is used unmeasured", async () => {
    const {dataset, report} = await generateDataset(
      {...seeds, defaults: {count: 20}},
      {seed: 4, pack, filter: false},
    );
    const auto = report.autoMix!;
    expect(auto.heldOut).toBe(12);
    expect(auto.families).toEqual([]);
    expect(auto.unmeasured).toMatch(/^12 held-out seeds are too few to measure a family \(40 needed\)/);
    expect(auto.mix).toEqual({polite: 0.5, negation: 0.5});
    expect(dataset.utterances.some((u) => u.tags?.includes('P'))).toBe(true);
  });

  it('leaves word swaps (lexical) out of the unmeasured mix when too few seeds can be held out', async () => {
    const swapPack: LanguagePack = {
      language: 'en',
      families: [suffixFamily('P', 'polite', ['please', 'thanks']), helpfulSwap],
      recommendedMix: {polite: 0.5, lexical: 0.5},
    };
    const fewSeeds: Spec = {
      language: 'en',
      defaults: {count: 10},
      intents: [
        {name: 'track', examples: ['where is my parcel']},
        {name: 'refund', examples: ['I want a refund']},
      ],
    };
    const {dataset, report} = await generateDataset(fewSeeds, {seed: 4, pack: swapPack, filter: false});
    const auto = report.autoMix!;
    expect(auto.unmeasured).toBeDefined();
    expect(auto.mix).toEqual({polite: 1});
    expect(dataset.utterances.some((u) => u.tags?.includes('P'))).toBe(true);
    expect(dataset.utterances.some((u) => u.tags?.includes('L'))).toBe(false);
  });

  it('adds nothing when no family helps: the output is every seed as written, near-duplicates included', async () => {
    const onlyDrift: LanguagePack = {language: 'en', families: [keyDrift], recommendedMix: {negation: 1}};
    const base = keyedSpec();
    const twins: Spec = {
      ...base,
      defaults: {count: 20},
      intents: base.intents.map((intent) =>
        intent.name === 'track'
          ? {
              ...intent,
              examples: [
                ...intent.examples,
                'Where is my parcel?',
                'where  is my parcel',
                'where is my parcel',
              ],
            }
          : intent,
      ) as Spec['intents'],
    };
    const {dataset, report} = await generateDataset(twins, {seed: 4, pack: onlyDrift});
    expect(report.autoMix!.mix).toEqual({});
    expect(report.autoMix!.fallback).toMatch(/no family cleared the threshold/);
    // The classifier trained on the output must be the one trained on the seeds: same texts, same counts
    // (only the very same text twice is written once).
    const written = dataset.utterances.map((u) => `${u.intent}: ${u.text}`);
    // (Runs of spaces are tidied; a seed that differs only in them is still written.)
    const given = twins.intents.flatMap((i) =>
      [...new Set(i.examples)].map((e) => `${i.name}: ${e.replace(/ {2,}/g, ' ')}`),
    );
    expect(written).toEqual(given);
    // The twins sit in one split, so a split-based evaluation never tests on a copy of its training text
    // (over several seeds: one alone could put them together by chance).
    for (let seed = 0; seed < 12; seed++) {
      const {dataset: plain} = await generateDataset(
        {...twins, defaults: {count: 20, variations: {}}},
        {seed, pack: onlyDrift},
      );
      const twinSplits = plain.utterances
        .filter((u) => normalizeUtteranceText(u.text) === 'where is my parcel')
        .map((u) => u.split);
      expect(twinSplits).toHaveLength(3);
      expect(new Set(twinSplits).size, `seed ${seed}`).toBe(1);
    }
    expect(dataset.utterances.filter((u) => u.source === 'seed')).toHaveLength(written.length);
  });

  it("gives the families the held-out seeds chose equal shares, not the pack's (enough seeds to choose)", async () => {
    const spec = keyedSpec();
    const skewed: LanguagePack = {
      language: 'en',
      families: [keyed('P', 'polite'), keyed('Q', 'colloquial')],
      recommendedMix: {polite: 0.9, colloquial: 0.1},
    };
    const {report} = await generateDataset(spec, {seed: 1, pack: skewed, filter: false});
    const auto = report.autoMix!;
    expect(auto.heldOut).toBe(60);
    expect(auto.families.every((f) => f.kept && f.effect > 0)).toBe(true);
    expect(auto.mix).toEqual({polite: 0.5, colloquial: 0.5});
    // 30 generated per intent, split evenly (the pack's shares would give 27 polite and 3 colloquial).
    for (const intent of report.intents) expect(intent.tags).toEqual({P: 15, Q: 15});
  });

  it('never chooses a word-swapping family, even one the held-out seeds measure as a gain', async () => {
    const spec = keyedSpec();
    const withSwap: LanguagePack = {
      language: 'en',
      families: [keyed('P', 'polite'), {...keyed('L', 'lexical'), swapsWords: true}],
      recommendedMix: {polite: 0.5, lexical: 0.5},
    };
    const {dataset, report} = await generateDataset(spec, {seed: 1, pack: withSwap, filter: false});
    const auto = report.autoMix!;
    expect(auto.heldOut).toBe(60);
    expect(auto.families.map((f) => f.family)).toEqual(['polite']);
    expect(auto.mix).toEqual({polite: 1});
    expect(dataset.utterances.some((u) => u.tags?.includes('L'))).toBe(false);
    // The same family without the flag is measured and kept: the flag is what leaves it out.
    const plain = await generateDataset(spec, {
      seed: 1,
      pack: {...withSwap, families: [keyed('P', 'polite'), keyed('L', 'lexical')]},
      filter: false,
    });
    expect(plain.report.autoMix!.families.find((f) => f.family === 'lexical')?.kept).toBe(true);
    // An explicit mix still uses it.
    const explicit = await generateDataset(
      {...spec, defaults: {count: 60, variations: {lexical: 1}}},
      {seed: 1, pack: withSwap, filter: false},
    );
    expect(explicit.dataset.utterances.some((u) => u.tags?.includes('L'))).toBe(true);
  });

  it('measures a family without loss on every fold, trains each trial once, and reuses known trials', async () => {
    const noop = suffixFamily('Q', 'colloquial', ['ok']);
    const twoFamilies: LanguagePack = {
      language: 'en',
      families: [keyed('P', 'polite'), noop],
      recommendedMix: {polite: 0.5, colloquial: 0.5},
    };
    const cache = new Map<string, Uint8Array>();
    const first = await generateDataset(keyedSpec(), {
      seed: 1,
      pack: twoFamilies,
      filter: false,
      autoMixCache: cache,
    });
    const auto = first.report.autoMix!;
    const colloquial = auto.families.find((f) => f.family === 'colloquial')!;
    // "ok" on every utterance adds nothing: no loss on the first fold, so measured on all three (a stricter
    // stop that dropped it there left the default mix without it and cut the count).
    expect(colloquial.stoppedEarly).toBeUndefined();
    expect(colloquial.kept).toBe(false);
    const polite = auto.families.find((f) => f.family === 'polite')!;
    expect(polite.stoppedEarly).toBeUndefined();
    expect(polite.kept).toBe(true);
    // 3 folds of seeds alone, 3 of polite, 3 of colloquial; polite alone needs no check of the mix.
    expect(auto.trials).toEqual({run: 9, reused: 0});
    expect(cache.size).toBe(9);
    expect(generateQuality(first.report)).toContain('9 trials');
    // The same spec again: every trial known, nothing trained, the same choice and output.
    const again = await generateDataset(keyedSpec(), {
      seed: 1,
      pack: twoFamilies,
      filter: false,
      autoMixCache: cache,
    });
    expect(again.report.autoMix!.trials).toEqual({run: 9, reused: 9});
    expect(again.report.autoMix!.families).toEqual(auto.families);
    expect(again.dataset.utterances).toEqual(first.dataset.utterances);
    expect(generateQuality(again.report)).toContain('9 of them known already');
    // A changed spec trains again: its trials have other training sets.
    const changed = keyedSpec();
    const edited = {
      ...changed,
      intents: changed.intents.map((intent, i) =>
        i === 0 ? {...intent, examples: [...intent.examples, 'one more seed for track']} : intent,
      ),
    } as Spec;
    const third = await generateDataset(edited, {
      seed: 1,
      pack: twoFamilies,
      filter: false,
      autoMixCache: cache,
    });
    expect(third.report.autoMix!.trials!.reused).toBeLessThan(third.report.autoMix!.trials!.run);
  });

  it('is the default, and an explicit mix still wins', async () => {
    const explicit = await generateDataset(
      {...seeds, defaults: {count: 20, variations: {negation: 1}}},
      {seed: 4, pack, filter: false},
    );
    expect(explicit.report.autoMix).toBeUndefined();
    expect(explicit.dataset.utterances.some((u) => u.tags?.includes('N'))).toBe(true);
    const auto = await generateDataset(
      {...keyedSpec(), defaults: {count: 20, variations: 'auto'}},
      {seed: 4, pack, filter: false},
    );
    expect(auto.report.autoMix?.families.length).toBe(2);
  });
});

describe('the out-of-scope intent', () => {
  it('adds a None intent of neutral sentences, none of them a seed, with its count and split', async () => {
    const spec: Spec = {...seeds, defaults: {count: 10, variations: {}}, none: {count: 30}};
    const {dataset, report} = await generateDataset(spec, {seed: 5, pack: languagePack('en')});
    const none = dataset.utterances.filter((u) => u.intent === 'None');
    expect(none).toHaveLength(30);
    expect(report.intents.at(-1)).toMatchObject({
      intent: 'None',
      produced: 30,
      shortfall: 0,
      train: 24,
      test: 6,
    });
    const seedKeys = new Set(seeds.intents.flatMap((i) => i.examples.map(normalizeUtteranceText)));
    for (const u of none) {
      expect(seedKeys.has(normalizeUtteranceText(u.text))).toBe(false);
      expect(u.origin).toBe(u.text);
    }
  });

  it('takes its name and count from the option, and reports what the pack cannot supply', async () => {
    const {report} = await generateDataset(
      {...seeds, defaults: {count: 8, variations: {}}},
      {seed: 5, pack: languagePack('en'), none: {count: 100_000, name: 'fallback'}},
    );
    const none = report.intents.at(-1)!;
    expect(none.intent).toBe('fallback');
    expect(none.shortfall).toBeGreaterThan(0);
    expect(none.produced + none.shortfall).toBe(100_000);
    expect(none.reason).toMatch(/out-of-scope sentences/);
  });
});

describe('balance and the shortfall', () => {
  // `track` has one seed and a family with 4 variants of it; `refund` has room for its whole count.
  const uneven: Spec = {
    language: 'en',
    defaults: {count: 20, variations: {polite: 1}},
    intents: [
      {name: 'track', examples: ['where is my parcel']},
      {
        name: 'refund',
        examples: ['I want a refund', 'give me my money back', 'refund my order', 'money back please'],
      },
    ],
  };
  const fourWays: LanguagePack = {
    language: 'en',
    families: [suffixFamily('P', 'polite', ['please', 'thanks', 'if you can', 'thank you'])],
  };
  const manyWays: LanguagePack = {
    language: 'en',
    families: [
      {
        tag: 'P',
        name: 'polite',
        apply: (input, {rng, intent}) => ({
          ...input,
          text:
            intent === 'track'
              ? `${input.text} ${rng.pick(['please', 'thanks', 'if you can', 'thank you'])}`
              : `${input.text} ${rng.int(1000)}`,
        }),
      },
    ],
  };

  it('trims the intents that reached their count to within 10% of the shortest, never a seed', async () => {
    const {dataset, report} = await generateDataset(uneven, {seed: 1, pack: manyWays, filter: false});
    const [track, refund] = report.intents;
    expect(track!.produced).toBe(5);
    expect(refund!.produced).toBe(5);
    expect(refund!.trimmed).toBe(15);
    expect(refund!.reason).toMatch(
      /trimmed to stay within 10% of the median intent, track \(5 of 20; --no-balance writes them\)/,
    );
    expect(refund!.train + refund!.test).toBe(5);
    expect(dataset.utterances.filter((u) => u.intent === 'refund' && u.source === 'seed')).toHaveLength(4);
    expect(report.produced).toBe(dataset.utterances.length);
    const unbalanced = await generateDataset(uneven, {
      seed: 1,
      pack: manyWays,
      filter: false,
      balance: false,
    });
    expect(unbalanced.report.intents[1]!.produced).toBe(20);
    // Balanced output is the unbalanced output with the trimmed utterances left out (same seed, same texts).
    const kept = new Set(dataset.utterances.map((u) => u.text));
    expect(unbalanced.dataset.utterances.filter((u) => kept.has(u.text))).toEqual(dataset.utterances);
  });

  it('trims to the median intent, not to the one with the least room: one short intent leaves the others whole', async () => {
    const three: Spec = {
      ...uneven,
      intents: [
        ...uneven.intents,
        {name: 'cancel', examples: ['cancel my order', 'stop my order', 'I want to cancel', 'call it off']},
      ],
    };
    const {report} = await generateDataset(three, {seed: 1, pack: manyWays, filter: false});
    const produced = Object.fromEntries(report.intents.map((i) => [i.intent, i.produced]));
    expect(produced).toEqual({track: 5, refund: 20, cancel: 20});
    expect(report.intents.find((i) => i.intent === 'track')!.shortfall).toBe(15);
  });

  it('says how many more seeds would reach the count, and the other ways to reach it', async () => {
    const {report} = await generateDataset(uneven, {seed: 1, pack: fourWays, filter: false});
    const track = report.intents[0]!;
    // 1 seed gave 5 utterances: 15 short needs 3 more seeds at that yield.
    expect(track.shortfall).toBe(15);
    expect(track.moreSeeds).toBe(3);
    const lines = generateWarningLines({...report, spec: 'x.yaml', out: 'x.jsonl'});
    expect(lines).toContain(
      'warning: track: 15 short of 20 (every source saturated (under 1 new utterance in 20 draws)); about 3 more plain seeds would reach it',
    );
    expect(lines.some((l) => l.includes('--provider openai | azure'))).toBe(true);
  });
});

describe('the counts the project suggests', () => {
  it("the init starter spec meets its own suggested command's count (--per-intent 50 --seed 1)", async () => {
    const {value: spec} = await inspectSpecText(STARTER_SPEC, 'synthnlu.yaml');
    expect(STARTER_SPEC).toContain('--per-intent 50 --seed 1');
    const {report} = await generateDataset(spec!, {seed: 1, perIntent: 50, pack: languagePack('en')});
    expect(report.intents.map((i) => i.produced)).toEqual([50, 50, 50]);
  });
});
