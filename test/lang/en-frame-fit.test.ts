/**
 * Frames a bot builder would reject because they change what the seed means (each rule here answers a class of
 * rejects from a blind review), and wrappers enough for problem reports and questions to reach their count.
 * Seeds are from a gym's help desk, a domain no rule was tuned on.
 */
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {createRng} from '../../src/generate/rng.js';
import type {AnnotatedText} from '../../src/generate/variation/types.js';
import {findFamily, languagePack} from '../../src/lang/index.js';
import type {Spec} from '../../src/spec/spec.js';
import {atLeast} from '../helpers/at-least.js';

const pack = languagePack('en');
/** Frames with the user as the subject: they do not fit a seed that asks the business to act. */
const USER_ACTS =
  /\b(how (can|do|could|would) I|I was wondering if I could|show me how|tell me how|(I|to) (need|want|'d like|would like|have) to|I'm (trying|hoping|looking) to|what do I (have to )?do|(can|could|may) I|help me|if I\b|I need (some )?help|interested in|thinking of|wanna|tryna|need to)\b/i;
const FRAME_FAMILIES = ['basic', 'interrogative', 'coordinated', 'negation', 'polite', 'colloquial'];

/** Distinct outputs of the frame families (and morphological's gerund frames) on one plain seed. */
function outputs(text: string, families = [...FRAME_FAMILIES, 'morphological'], n = 60): string[] {
  const input: AnnotatedText = {text, entities: []};
  const out = new Set<string>();
  for (const name of families)
    for (let seed = 0; seed < n; seed++) {
      const result = findFamily(pack, name)!.apply(input, {
        rng: createRng(`${name}-${seed}`),
        intent: 'x',
        language: 'en',
      });
      if (result) out.add(result.text);
    }
  return [...out];
}

describe('wh-frames keep the question the seed asks', () => {
  it('asks "where" only when the seed does', () => {
    for (const text of atLeast(20, outputs('I want to keep my locker for another month'), 'request'))
      expect(text).not.toMatch(/\bwhere\b/i);
    const where = atLeast(4, outputs('where can I park my bike'), 'where-question');
    for (const text of where) expect(text).toMatch(/\bwhere\b/i);
    expect(where.filter((t) => /^where (do|should) I park my bike\?$/.test(t)).length).toBe(2);
  });

  it('keeps asking "how" for a seed that asks how, not "can I" or "I want to"', () => {
    const how = atLeast(15, outputs('how do I get to the gym from the bus stop'), 'how-question');
    for (const text of how) {
      expect(text).toMatch(/\b(how|way|help|show me|what do I have to do|steps|what should I do)\b/i);
      expect(text).not.toMatch(/^(can|could|may) I get|I want to get|I'd like to get|interested in/i);
    }
  });

  it('does not ask the bot whether it knows something about itself', () => {
    const texts = atLeast(10, outputs('do you offer personal training'), 'yes/no question about the bot');
    expect(texts.some((t) => /tell me if you offer personal training/.test(t))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(/\b(you|u|ya) (happen to )?know if (you|u|ya)\b/i);
  });
});

describe('requests stay requests for help', () => {
  it('never turns a request into an order to the bot ("lemme") or an obligation ("I have to", "gotta")', () => {
    for (const text of atLeast(30, outputs('renew my gym membership'), 'imperative'))
      expect(text).not.toMatch(/\b(lemme|let me renew|gotta|hafta|I must)\b|^(I )?have to /i);
  });

  it('lets only the bot do what serves the user ("book me a spin class")', () => {
    const texts = atLeast(5, outputs('book me a spin class on monday'), 'bot-serving imperative');
    for (const text of texts) {
      expect(text).not.toMatch(
        /\bI ('d |would |am |'m |was )?(want|need|like|looking|trying|hoping) to book me|\b(can|could|may) I book me|interested in booking|me book me/i,
      );
      expect(text).toMatch(/\b(you|u|ya|please|pls)\b|^(yo )?book me/i);
    }
  });

  it('keeps the bot the one who acts when the seed asks it to ("could you X", "please X", "I need you to X")', () => {
    for (const seed of [
      'could you unlock my locker',
      'can you please unlock my locker',
      'will you unlock my locker',
      'please unlock my locker',
      'I need you to unlock my locker',
    ]) {
      const texts = atLeast(12, outputs(seed), seed);
      for (const text of texts) expect(text).not.toMatch(USER_ACTS);
      expect(
        texts.some((t) => /^I('d like| need) you to unlock my locker$/.test(t)),
        seed,
      ).toBe(true);
    }
  });

  it('lets only the business serve the user: things brought, sent up, looked after, done "for me"', () => {
    for (const seed of [
      'bring two towels to the studio',
      'deliver my new kit on friday',
      'send someone to look at the sauna',
      'send up a protein shake',
      'wash my gym clothes',
      'hold my bag at the front desk',
      'renew my membership for me',
      'unlock my locker, please',
      'take my bag up to the office',
      'post my new card to my home',
    ]) {
      const texts = atLeast(10, outputs(seed), seed);
      for (const text of texts) expect(text, seed).not.toMatch(USER_ACTS);
    }
  });

  it('keeps a bare imperative of the user\'s own action in the user\'s frames ("how do I renew ...")', () => {
    for (const seed of ['renew my gym membership', 'send a message to my trainer', 'change my home gym']) {
      const texts = atLeast(20, outputs(seed), seed);
      expect(
        texts.some((t) => /^how (do|can) I /.test(t)),
        seed,
      ).toBe(true);
      for (const text of texts) expect(text).not.toMatch(/^(could|can|would) (you|u|ya) (?!help|show|tell)/);
    }
  });

  it('reads a verb and its object as an imperative though a finite clause follows ("post it to my home")', () => {
    const texts = atLeast(10, outputs('print a new card and post it to my home'), 'imperative with a clause');
    expect(texts).toContain('could you print a new card and post it to my home?');
    for (const text of texts) expect(text).not.toMatch(/\b(what should I do|help me\?|I think|now that)\b/i);
  });

  it('asks no question of its own around a seed that asks one ("what do I do if ..., how do I cancel?")', () => {
    const seedQuestion = /,? (?:how do i (?:cancel it|do it)|wh?at should i do)\??/gi;
    for (const seed of [
      "I don't need my locker anymore, how do I cancel it?",
      'my card got declined at the desk, what should I do?',
      'I want to cancel my membership, how do I do it?',
      "I can't log in to the app, what should I do?",
    ]) {
      const texts = atLeast(8, outputs(seed), seed);
      for (const text of texts)
        expect(text.replace(seedQuestion, ''), text).not.toMatch(
          /\?|\b(what|wat|how|why|any idea|anything|options|is there|is that|(can|could|would) (you|u|ya|someone|anyone|I))\b|^I think\b|and I need help|but it doesn.t work/i,
        );
    }
    // A seed that already asks for help gets no second call for help ("..., can you help, help pls").
    const helped = atLeast(4, outputs('my son is scared of the dentist, can you help'), 'asks for help');
    for (const text of helped)
      expect(text.replace(/can (?:you|ya|u) help/, ''), text).not.toMatch(/\bhelp\b/i);
    // "can't" after a comma asks nothing: the report still takes frames that ask.
    const report = outputs("my card got declined, can't pay for my class");
    expect(report.some((t) => /\bwhat should I do\b/.test(t))).toBe(true);
  });

  it('treats a need ("we need more towels") as a request, not a problem to ask what to do about', () => {
    for (const seed of ['we need more towels in the locker room', 'my son needs a locker for the summer']) {
      const texts = atLeast(10, outputs(seed), seed);
      for (const text of texts)
        expect(text).not.toMatch(
          /wh?at (should|do|can) I do|what I should do|my options|asap|urgent|and I need help/i,
        );
    }
  });

  it('adds urgency only to problem reports without a time or duration', () => {
    const urgent = /\b(asap|urgent|right now|right away)\b/i;
    for (const text of outputs('I want to freeze my membership for two months', ['colloquial'], 200))
      expect(text).not.toMatch(urgent);
    for (const text of outputs('the sauna has been broken for two weeks', ['colloquial'], 200))
      expect(text).not.toMatch(urgent);
    const report = outputs('the shower in the locker room is broken', ['colloquial'], 200);
    expect(report.some((t) => urgent.test(t))).toBe(true);
  });

  it('keeps a negated plan with a time out of failure frames ("why can\'t I make it tomorrow")', () => {
    const texts = atLeast(3, outputs("I can't make it to my class tomorrow"), 'negated plan');
    for (const text of texts)
      expect(text).not.toMatch(
        /why can't|won't let me|doesn't work|haven't been able|couldn't|tomorrow,? help/i,
      );
  });
});

describe('seed analysis', () => {
  it('asks "what should I do if" about a present problem, "now that" about one that happened', () => {
    const present = outputs('the shower in the locker room is broken', ['interrogative'], 100);
    expect(present).toContain('what should I do if the shower in the locker room is broken?');
    const past = atLeast(5, outputs('my phone fell behind the lockers', ['interrogative'], 100), 'past');
    expect(past).toContain('what should I do now that my phone fell behind the lockers?');
    for (const text of past) expect(text).not.toMatch(/\bif my phone fell/);
  });

  it('reads a report with an irregular past ("my phone fell behind the lockers") as a statement, not a thing wanted', () => {
    for (const seed of ['my phone fell behind the lockers', 'someone stole my water bottle'])
      for (const text of atLeast(10, outputs(seed), seed))
        expect(text).not.toMatch(
          /looking for (my|someone)|I need (my|someone)|I want (my|someone)|can I get|could I have/i,
        );
  });

  it('reads a prefixed verb the lexicon lacks as a verb, inflected as its base ("reset" -> "resetting")', () => {
    const texts = atLeast(20, outputs('reset my locker code'), 'prefixed verb');
    expect(texts).toContain('how do I reset my locker code?');
    expect(texts).toContain('I need help resetting my locker code');
    for (const text of texts) expect(text).not.toMatch(/\b(need|want|for|get|have|gimme) reset\b|reseting/i);
  });

  it('reads a word before a determiner as a verb even when the lexicon lacks it ("swap my locker")', () => {
    const texts = atLeast(20, outputs('swap my locker for a bigger one'), 'unknown verb');
    expect(texts).toContain('how do I swap my locker for a bigger one?');
    for (const text of texts) expect(text).not.toMatch(/\b(need|want|for|get|have|gimme) swap\b/i);
    expect(outputs('all my bookings for next week')).toContain('I want all my bookings for next week');
  });

  it('reads an adverb after the lead-in as part of it ("can I still cancel" -> "cancelling", not "stilling")', () => {
    const texts = atLeast(20, outputs('can I still cancel my membership'), 'request with an adverb');
    expect(texts).toContain('I need help cancelling my membership');
    for (const text of texts) expect(text).not.toMatch(/stilling|\b(to|me) still cancel/i);
  });

  it('puts an embedded question in statement order with the verb after the whole subject', () => {
    const texts = outputs('why is my monthly fee so high');
    expect(texts).toContain('tell me why my monthly fee is so high');
    for (const text of texts) expect(text).not.toMatch(/my monthly fee so high is/);
    const passive = outputs('is the pool heated in winter');
    expect(passive.some((t) => t.includes('if the pool is heated in winter'))).toBe(true);
    const modal = outputs('can my daughter join the swim class');
    expect(modal.some((t) => t.includes('if my daughter can join the swim class'))).toBe(true);
    // do-support goes, and the verb agrees: "when does the yoga class start" -> "when the yoga class starts".
    const doSupport = outputs('when does the yoga class start');
    expect(doSupport).toContain('tell me when the yoga class starts');
    for (const text of doSupport) expect(text).not.toMatch(/(know|tell me) when does/);
    expect(outputs('why was my card declined at the desk')).toContain(
      'tell me why my card was declined at the desk',
    );
    // A two-word wh-phrase ("what time", "how much"), and the last verb-like word of a compound is the verb.
    expect(outputs('what time do you open on sundays')).toContain('tell me what time you open on sundays');
    expect(outputs('how much does a personal trainer session cost')).toContain(
      'tell me how much a personal trainer session costs',
    );
    expect(outputs('when can I come in for a trial session')).toContain(
      'tell me when I can come in for a trial session',
    );
  });

  it('never wraps a greeting, thanks or goodbye in a frame ("I want hello", "could I have thanks a lot")', () => {
    for (const seed of ['hello there', 'good morning', 'thanks a lot', 'see you later', 'have a nice day']) {
      expect(
        outputs(
          seed,
          FRAME_FAMILIES.filter((f) => f !== 'colloquial'),
        ),
      ).toEqual([]);
      for (const text of outputs(seed, ['colloquial', 'keyword']))
        expect(text).not.toMatch(
          /\b(want|need|have|get|gimme|looking for)\b.*\b(hello|morning|thanks|later|day)\b|thanks!|thank much/,
        );
    }
  });

  it('chat forms treat "thanks in advance" as one phrase ("thx in advance", never "thanks! in advance")', () => {
    const colloquial = findFamily(pack, 'colloquial')!;
    const texts = Array.from({length: 60}, (_, seed) =>
      colloquial.apply(
        {text: 'when do you open on sunday? thanks in advance', entities: [], framedBy: 'C'},
        {rng: createRng(seed), intent: 'x', language: 'en'},
      ),
    ).flatMap((r) => (r ? [r.text] : []));
    expect(texts.some((t) => /(thx in advance|tia)$/.test(t))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(/thanks! in advance|thx! in advance/);
  });

  it('keyword mode does not cut a question to one word or to an order', () => {
    const keyword = findFamily(pack, 'keyword')!;
    const run = (text: string): AnnotatedText | undefined =>
      keyword.apply({text, entities: []}, {rng: createRng(1), intent: 'x', language: 'en'});
    expect(run('where is your gym')).toBeUndefined();
    expect(run('do you see children')).toBeUndefined();
    expect(run('how do I get to the gym from the station')).toBeUndefined();
    expect(run('I want to know where I can park my bike')).toBeUndefined();
    expect(run('I would like to know how I can pay at the desk')).toBeUndefined();
    expect(run('I want to know what the opening hours are')?.text).toBe('opening hours');
    expect(run('book a spin class for monday')?.text).toBe('book spin class monday');
    expect(run("I'm looking to book a spin class for monday")?.text).toBe('book spin class monday');
    expect(run('what are the opening hours on sunday')?.text).toBe('opening hours sunday');
  });
});

describe('problem reports and questions have wrappers enough to reach their count', () => {
  const spec: Spec = {
    language: 'en',
    seed: 3,
    defaults: {
      count: 50,
      variations: {basic: 0.1, interrogative: 0.4, coordinated: 0.4, polite: 0.1, colloquial: 0.3},
    },
    intents: [
      {
        name: 'broken_equipment',
        examples: ['the treadmill next to the window is broken', 'my locker jammed'],
      },
      {name: 'billing', examples: ['I was charged twice this month', 'my card got declined at the desk']},
      {name: 'class_times', examples: ['when does the yoga class start', 'is there a spin class tonight']},
      {name: 'cancel', examples: ['cancel my membership', 'I want to stop my subscription']},
    ],
  };

  it('fills every intent, report-style ones included, from every seed', async () => {
    const {dataset, report} = await generateDataset(spec, {pack, filter: false});
    for (const intent of report.intents) expect(intent.shortfall, intent.intent).toBe(0);
    // Outputs spread over the seeds: no seed of an intent gives fewer than a quarter of its generated lines.
    for (const intent of spec.intents) {
      const generated = dataset.utterances.filter((u) => u.intent === intent.name && u.source !== 'seed');
      for (const example of intent.examples) {
        const fromSeed = generated.filter((u) => u.origin === example).length;
        expect(fromSeed, example).toBeGreaterThanOrEqual(generated.length / 4);
      }
    }
  });
});
