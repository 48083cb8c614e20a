import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  generateDataset,
  generateUtterances,
  languagePackFor,
  type GenerationReport,
} from '../../src/generate/index.js';
import type {AnnotatedText, LanguagePack, VariationFamily} from '../../src/generate/variation/types.js';
import {normalizeUtteranceText, type Utterance} from '../../src/model/dataset.js';
import {loadSpec} from '../../src/library-load.js';
import type {Spec} from '../../src/spec/spec.js';
import {ROOT} from '../helpers/cli.js';

/** Inserts a word before the first entity or at the end, shifting spans: enough to exercise the pipeline. */
function prefixFamily(
  tag: VariationFamily['tag'],
  name: VariationFamily['name'],
  words: string[],
  aliases?: string[],
): VariationFamily {
  return {
    tag,
    name,
    ...(aliases ? {aliases} : {}),
    apply(input: AnnotatedText, {rng}) {
      const word = `${rng.pick(words)} `;
      return {
        text: word + input.text,
        entities: input.entities.map((e) => ({...e, start: e.start + word.length, end: e.end + word.length})),
      };
    },
  };
}

const brokenFamily: VariationFamily = {
  tag: 'M',
  name: 'morphological',
  // Changes the text but points a span past its end.
  apply: (input) => ({
    text: `${input.text}!`,
    entities: [{entity: 'order_id', start: 0, end: input.text.length + 5}],
  }),
};

const pack: LanguagePack = {
  language: 'en',
  families: [
    prefixFamily('P', 'polite', ['please', 'kindly', 'pls', 'if you could']),
    prefixFamily('Q', 'colloquial', ['yo', 'hey', 'ok so', 'right']),
    prefixFamily('Z', 'noise', ['uhh', 'umm', 'hmm'], ['typos']),
    prefixFamily('W', 'offensive', ['damn'], undefined),
    brokenFamily,
  ],
};
pack.families[3]!.offByDefault = true;

const spec: Spec = {
  language: 'en',
  // Shares large enough that the families together can fill the counts (none may exceed its share).
  defaults: {count: 40, variations: {polite: 0.5, colloquial: 0.5, typos: 0.5, M: 0.2}},
  aliases: {order: ['order', {text: 'purchase', weight: 2}]},
  entities: [
    {name: 'order_id', type: 'regex', pattern: '[0-9]{6}'},
    {name: 'colour', type: 'list', values: [{value: 'red', synonyms: ['crimson']}, 'blue']},
  ],
  intents: [
    {name: 'cancel', examples: ['cancel my <order> {order_id}', 'I want to cancel', 'please stop it']},
    {name: 'paint', examples: ['paint it {colour}', '(make|turn) it {colour} [now]'], count: 30, split: 0.5},
  ],
};

async function collect(
  s: Spec,
  options: Parameters<typeof generateDataset>[1] = {},
): Promise<{utterances: Utterance[]; report: GenerationReport}> {
  const {dataset, report} = await generateDataset(s, {pack, ...options});
  return {utterances: dataset.utterances, report};
}

describe('generation pipeline', () => {
  it('is deterministic: same seed, same bytes; another seed, other utterances', async () => {
    const a = JSON.stringify((await collect(spec, {seed: 1})).utterances);
    const b = JSON.stringify((await collect(spec, {seed: 1})).utterances);
    const c = JSON.stringify((await collect(spec, {seed: 2})).utterances);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('keeps seeds, reaches the counts, never repeats a normalised text, and never puts one in both splits', async () => {
    const {utterances, report} = await collect(spec, {seed: 3});
    const cancel = utterances.filter((u) => u.intent === 'cancel');
    expect(cancel).toHaveLength(40);
    expect(utterances.filter((u) => u.intent === 'paint')).toHaveLength(30);
    expect(cancel.filter((u) => u.source === 'seed').map((u) => u.text)).toEqual([
      'I want to cancel',
      'please stop it',
    ]);
    const keys = utterances.map((u) => normalizeUtteranceText(u.text));
    expect(new Set(keys).size).toBe(keys.length);
    const testKeys = new Set(
      utterances.filter((u) => u.split === 'test').map((u) => normalizeUtteranceText(u.text)),
    );
    expect(testKeys.size).toBeGreaterThan(0);
    const trainKeys = utterances.filter((u) => u.split !== 'test').map((u) => normalizeUtteranceText(u.text));
    expect(trainKeys.filter((key) => testKeys.has(key))).toEqual([]);
    expect(report.intents.map((i) => [i.intent, i.produced, i.shortfall])).toEqual([
      ['cancel', 40, 0],
      ['paint', 30, 0],
    ]);
  });

  it('puts seeds that differ only in case, spacing or punctuation in the same split, for every seed', async () => {
    const twins: Spec = {
      language: 'en',
      defaults: {count: 12, split: 0.5, variations: {polite: 0.5, colloquial: 0.5}},
      intents: [
        {
          name: 'farewell',
          examples: [
            'see you later, alligator',
            'See you later alligator',
            'bye for now',
            'Bye  for now!',
            'talk soon',
            'talk soon.',
          ],
        },
      ],
    };
    for (let seed = 0; seed < 12; seed += 1) {
      const seeds = (await collect(twins, {seed})).utterances.filter((u) => u.source === 'seed');
      expect(seeds).toHaveLength(6);
      const splitOf = new Map<string, Set<string | undefined>>();
      for (const u of seeds) {
        const key = normalizeUtteranceText(u.text);
        splitOf.set(key, (splitOf.get(key) ?? new Set()).add(u.split));
      }
      expect(splitOf.size).toBe(3);
      for (const splits of splitOf.values()) expect(splits.size).toBe(1);
    }
  });

  it("puts a seed and everything generated from it on one side of the split (issue 29's toothache leak)", async () => {
    const seeds: [string, ...string[]] = [
      'I have terrible toothache and need to be seen today',
      'my tooth hurts a lot',
      'a filling fell out',
      'my gum is swollen',
      'I cracked a tooth',
      'there is blood when I brush',
      'my jaw aches since yesterday',
      'I chipped my front tooth',
    ];
    const dental: Spec = {
      language: 'en',
      defaults: {count: 60, split: 0.75, variations: {polite: 0.5, colloquial: 0.5, typos: 0.5}},
      intents: [
        {name: 'emergency', examples: seeds},
        {name: 'book', examples: ['book me in for {day}', 'I want an appointment on {day}', 'book me in']},
      ],
      entities: [{name: 'day', type: 'list', values: ['monday', 'tuesday', 'friday', 'next week']}],
    };
    for (const seed of [1, 2, 3]) {
      const {utterances, report} = await collect(dental, {seed, filter: false});
      const seedSplit = new Map(
        utterances.filter((u) => u.source === 'seed').map((u) => [u.text, u.split] as const),
      );
      expect(new Set(seedSplit.values())).toEqual(new Set(['train', 'test']));
      const fromSeeds = utterances.filter((u) => u.origin !== undefined && seedSplit.has(u.origin));
      expect(fromSeeds.length).toBeGreaterThan(20);
      for (const u of fromSeeds) expect([u.origin, u.split]).toEqual([u.origin, seedSplit.get(u.origin!)]);
      // The share is a target met as closely as the groups allow: 8 groups of about 7.5 for a test share of
      // 15: within half the largest group; the report counts what was written.
      const emergency = utterances.filter((u) => u.intent === 'emergency');
      const test = emergency.filter((u) => u.split === 'test').length;
      const largest = Math.max(
        ...[...seedSplit.keys()].map((s) => emergency.filter((u) => u.text === s || u.origin === s).length),
      );
      expect(Math.abs(test - 15)).toBeLessThanOrEqual(largest / 2);
      expect(report.intents[0]).toMatchObject({train: emergency.length - test, test});
    }
  });

  it('splits by the resolved share (intent over defaults, option over both), exactly where groups of one allow', async () => {
    // cancel: two seed groups and a template with slots (groups of one) fill the rest: exact.
    const {report} = await collect(spec, {seed: 4});
    expect(report.intents[0]).toMatchObject({train: 32, test: 8});
    // paint has no seed: every utterance is its own group.
    expect(report.intents[1]).toMatchObject({train: 15, test: 15});
    const overridden = await collect(spec, {seed: 4, split: 1, perIntent: 20});
    expect(overridden.report.intents.map((i) => [i.produced, i.train, i.test])).toEqual([
      [20, 20, 0],
      [20, 20, 0],
    ]);
  });

  it('tags generated utterances with the families that made them and keeps their spans on the entity', async () => {
    const {utterances, report} = await collect(spec, {seed: 5});
    const generated = utterances.filter((u) => u.source === 'generated');
    expect(generated.length).toBeGreaterThan(10);
    for (const u of generated) {
      expect(u.tags!.length).toBeGreaterThan(0);
      expect(u.tags!.every((t) => ['P', 'Q', 'Z'].includes(t))).toBe(true);
    }
    for (const u of utterances.filter((x) => x.source === 'template')) expect(u.tags).toEqual([]);
    for (const u of utterances) {
      for (const span of u.entities ?? []) {
        const text = u.text.slice(span.start, span.end);
        if (span.entity === 'order_id') expect(text).toMatch(/^[0-9]{6}$/);
        if (span.entity === 'colour') expect(['red', 'crimson', 'blue']).toContain(text);
      }
    }
    // The offensive family is off unless the spec names it; the span-breaking family is caught and counted.
    expect(utterances.some((u) => u.tags!.includes('W'))).toBe(false);
    expect(report.intents[0]!.rejectedVariants).toBeGreaterThan(0);
    const offensive = await collect(
      {...spec, defaults: {...spec.defaults, variations: {offensive: 0.5}}},
      {seed: 5},
    );
    expect(offensive.utterances.some((u) => u.tags!.includes('W'))).toBe(true);
  });

  it('resolves the mix per intent: intent shares over defaults, disable lists, letters and aliases', async () => {
    const mixed: Spec = {
      ...spec,
      defaults: {count: 40, variations: {P: 0.5, colloquial: 0.5, typos: 0.5}, disable: ['colloquial']},
      intents: [
        {...spec.intents[0], variations: {polite: 0}},
        {...spec.intents[1]!, disable: ['Z']},
      ],
    };
    const {utterances} = await collect(mixed, {seed: 8});
    const tagsOf = (intent: string) =>
      new Set(utterances.filter((u) => u.intent === intent).flatMap((u) => u.tags!));
    expect(tagsOf('cancel')).toEqual(new Set(['Z']));
    expect(tagsOf('paint')).toEqual(new Set(['P']));
  });

  it("uses the pack's recommended mix when the spec has none", async () => {
    const tuned = {...pack, recommendedMix: {colloquial: 1}};
    const plain: Spec = {language: 'en', intents: [{name: 'greet', examples: ['hello there'], count: 5}]};
    const {dataset} = await generateDataset(plain, {pack: tuned, seed: 1});
    expect(new Set(dataset.utterances.flatMap((u) => u.tags))).toEqual(new Set(['Q']));
  });

  it('paraphrases plain seed sentences (none of the output copies a seed)', async () => {
    const seeds: Spec = {
      language: 'en',
      intents: [{name: 'greet', examples: ['hello there', 'good morning'], count: 12}],
    };
    const {utterances, report} = await collect(seeds, {seed: 6});
    expect(utterances.length + report.shortfall).toBe(12);
    const generated = utterances.filter((u) => u.source === 'generated');
    expect(generated.length).toBeGreaterThanOrEqual(5);
    expect(generated).toHaveLength(utterances.length - 2);
    for (const u of generated) expect(['hello there', 'good morning']).not.toContain(u.text);
  });

  it('reports the shortfall per intent instead of looping when the spec cannot yield the count', async () => {
    const small: Spec = {
      language: 'en',
      defaults: {variations: {}},
      intents: [
        {name: 'yes', examples: ['(yes|yeah) [please]'], count: 50},
        {name: 'only_seeds', examples: ['no thanks'], count: 5},
      ],
    };
    const {utterances, report} = await collect(small, {seed: 1});
    expect(
      utterances
        .filter((u) => u.intent === 'yes')
        .map((u) => u.text)
        .sort(),
    ).toEqual(['yeah', 'yeah please', 'yes', 'yes please']);
    expect(report.intents[0]).toMatchObject({produced: 4, shortfall: 46});
    expect(report.intents[0]!.reason).toMatch(/only 4/);
    expect(report.intents[1]).toMatchObject({produced: 1, shortfall: 4});
    expect(report.intents[1]!.reason).toMatch(/no variation family/);
    expect(report.shortfall).toBe(50);
  });

  it('stops drawing from saturated sources: a small space costs a bounded number of draws per utterance', async () => {
    // 2 x 2 wordings, each always prefixed by both families: at most 4 x 4 x 4 = 64 texts for a count of 1,000.
    const small: Spec = {
      language: 'en',
      defaults: {variations: {polite: 1, colloquial: 1}},
      intents: [{name: 'yes', examples: ['(yes|yeah) [sure]'], count: 1_000}],
    };
    const {utterances, report} = await collect(small, {seed: 3, filter: false});
    const intent = report.intents[0]!;
    expect(intent.produced).toBe(utterances.length);
    expect(intent.produced).toBeGreaterThan(40);
    expect(intent.produced).toBeLessThanOrEqual(64);
    expect(intent.shortfall).toBe(1_000 - intent.produced);
    // Without the rule the intent runs on until 5,000 draws in a row give nothing new.
    expect(intent.attempts).toBeLessThan(15 * intent.produced);
    expect(intent.saturatedSources).toBe(1);
    expect(intent.reason).toMatch(/saturated/);
  });

  it('varies every draw once a template has written all its wordings, so its variants are still found', async () => {
    // 4 wordings + 4 x 4 polite prefixes = 20 texts; polite applies to 1 draw in 10, so after the 4 wordings most
    // unvaried draws would only repeat one and the source would look saturated before its variants are out.
    const small: Spec = {
      language: 'en',
      defaults: {variations: {polite: 0.1}},
      intents: [{name: 'ok', examples: ['(ok|fine|sure|right) then'], count: 200}],
    };
    for (const seed of [1, 2, 3]) {
      const {report} = await collect(small, {seed, filter: false});
      expect(report.intents[0]).toMatchObject({produced: 20, tags: {P: 16}});
    }
  });

  it('streams the same utterances as generateDataset and reports at the end', async () => {
    let report: GenerationReport | undefined;
    const streamed: Utterance[] = [];
    for await (const u of generateUtterances(spec, {pack, seed: 9, onReport: (r) => (report = r)}))
      streamed.push(u);
    const {dataset} = await generateDataset(spec, {pack, seed: 9});
    expect(streamed).toEqual(dataset.utterances);
    expect(report?.produced).toBe(streamed.length);
  });

  it('derives the dataset entities and intents from the spec', async () => {
    const {dataset} = await generateDataset(
      {
        ...spec,
        entities: [
          ...spec.entities!,
          {name: 'when', type: 'system', system: 'date'},
          {name: 'note', type: 'ml', values: ['x']},
        ],
        intents: [{...spec.intents[0], description: 'Stop an order', responses: ['Done.']}, spec.intents[1]!],
      },
      {pack, seed: 1, perIntent: 3},
    );
    expect(dataset.intents[0]).toEqual({name: 'cancel', description: 'Stop an order', responses: ['Done.']});
    expect(dataset.entities).toEqual([
      {name: 'order_id', kind: 'regex', patterns: ['[0-9]{6}']},
      {name: 'colour', kind: 'list', values: [{value: 'red', synonyms: ['crimson']}, {value: 'blue'}]},
      {name: 'when', kind: 'prebuilt', prebuilt: 'date'},
      {name: 'note', kind: 'ml'},
    ]);
  });

  it('fails before generating anything when a template is broken', async () => {
    const broken: Spec = {
      language: 'en',
      intents: [
        {name: 'a', examples: ['fine'], count: 2},
        {name: 'b', examples: ['(oops']},
      ],
    };
    await expect(generateDataset(broken, {pack, file: 'spec.yaml'})).rejects.toMatchObject({
      code: 'TEMPLATE_SYNTAX',
      location: {file: 'spec.yaml', path: 'intents[1].examples[0], column 1'},
    });
  });
});

describe('generation with the English language pack', () => {
  it('loads the pack only for specs that can use a variation family', async () => {
    const none: Spec = {
      language: 'en-GB',
      defaults: {variations: {}},
      intents: [{name: 'a', examples: ['hi']}],
    };
    // Only the article agreement ("a"/"an" before an expansion), not the families.
    const agreeOnly = await languagePackFor(none);
    expect(agreeOnly).toEqual({language: 'en', families: [], agree: expect.any(Function)});
    expect(await languagePackFor({...none, language: 'fr'})).toEqual({language: 'fr', families: []});
    const one: Spec = {...none, intents: [{name: 'a', examples: ['hi'], variations: {polite: 0.5}}]};
    expect((await languagePackFor(one)).families.map((f) => f.name)).toContain('polite');
    expect(
      (await languagePackFor({language: 'en', intents: none.intents})).families.length,
    ).toBeGreaterThanOrEqual(11);
  });

  it('turns plain seed sentences into paraphrases that are not copies, with spans intact', async () => {
    const {spec: plain} = await loadSpec(join(ROOT, 'examples/plain-seeds.yaml'));
    const {dataset, report} = await generateDataset(plain, {seed: 1, perIntent: 25});
    // Honest counts: what the families could not make within their shares is reported, not padded.
    expect(report.intents.map((i) => i.produced + i.shortfall)).toEqual([25, 25]);
    expect(report.intents.every((i) => i.produced >= 15)).toBe(true);
    const seeds = new Set(plain.intents.flatMap((i) => (i.examples as string[]).map(normalizeUtteranceText)));
    const generated = dataset.utterances.filter((u) => u.source === 'generated');
    expect(generated).toHaveLength(report.produced - 4);
    for (const u of generated) {
      expect(seeds.has(normalizeUtteranceText(u.text))).toBe(false);
      expect(u.tags!.length).toBeGreaterThan(0);
    }
  });
});
