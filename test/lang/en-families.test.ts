import {describe, expect, it} from 'vitest';
import {createRng} from '../../src/generate/rng.js';
import type {AnnotatedText, VariationFamily} from '../../src/generate/variation/types.js';
import {findFamily, languagePack} from '../../src/lang/index.js';
import {FUNCTION_WORDS} from '../../src/lang/en/families/style.js';
import {KEYBOARD_NEIGHBOURS} from '../../src/lang/en/families/noise.js';
import {atLeast} from '../helpers/at-least.js';

const pack = languagePack('en-US');
const family = (name: string): VariationFamily => findFamily(pack, name)!;

const ORDER: AnnotatedText = {
  text: 'I want to cancel my order 12345',
  entities: [{entity: 'order_id', start: 26, end: 31}],
};
const PLAYLIST: AnnotatedText = {
  text: 'Add this song to my Road Trip playlist',
  entities: [{entity: 'playlist', start: 20, end: 29}],
};
const TABLE: AnnotatedText = {
  text: 'book a table for 4 at a sushi restaurant',
  entities: [{entity: 'party_size', start: 17, end: 18}],
};
const RESET: AnnotatedText = {text: 'how do I reset my email password', entities: []};
/** A problem report: the only kind of seed negation re-words. */
const PROBLEM: AnnotatedText = {
  text: "I can't cancel my order 12345",
  entities: [{entity: 'order_id', start: 24, end: 29}],
};
const INPUTS = [ORDER, PLAYLIST, TABLE, RESET, PROBLEM];

/** Many outputs of one family on one input, each from its own seed. */
function variants(name: string, input: AnnotatedText, n = 20): AnnotatedText[] {
  const out: AnnotatedText[] = [];
  for (let seed = 0; seed < n; seed++) {
    const result = family(name).apply(input, {
      rng: createRng(`${name}-${seed}`),
      intent: 'x',
      language: 'en',
    });
    if (result) out.push(result);
  }
  return out;
}

function entityTexts(u: AnnotatedText): string[] {
  return u.entities.map((s) => u.text.slice(s.start, s.end));
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

describe('English language pack', () => {
  it('has one family per Bitext letter, with spec names and aliases', () => {
    expect(
      pack.families
        .map((f) => f.tag)
        .sort()
        .join(''),
    ).toBe('BCEIKLMNPQWZ');
    expect(family('typos').tag).toBe('Z');
    expect(family('synonyms').tag).toBe('L');
    expect(family('offensive').offByDefault).toBe(true);
    expect(pack.families.filter((f) => f.offByDefault).map((f) => f.name)).toEqual(['offensive']);
    expect(languagePack('xx').families).toEqual([]);
  });

  it('every family paraphrases plain seed sentences (no copies) and keeps entity text', () => {
    for (const f of pack.families) {
      const outputs = INPUTS.flatMap((input) => variants(f.name, input, 8).map((out) => ({input, out})));
      expect(outputs.length, f.name).toBeGreaterThan(0);
      for (const {input, out} of outputs) {
        expect(out.text, f.name).not.toBe(input.text);
        expect(entityTexts(out), f.name).toEqual(entityTexts(input));
      }
    }
  });

  it('recommends a mix of its own families, every default-on family included, offensive left out', () => {
    const names = Object.keys(pack.recommendedMix ?? {});
    for (const name of names) expect(findFamily(pack, name), name).toBeDefined();
    expect(names.sort()).toEqual(
      pack.families
        .filter((f) => !f.offByDefault)
        .map((f) => f.name)
        .sort(),
    );
  });

  it('is deterministic per seed', () => {
    for (const f of pack.families) {
      const a = INPUTS.map((input) => f.apply(input, {rng: createRng('same'), intent: 'x', language: 'en'}));
      const b = INPUTS.map((input) => f.apply(input, {rng: createRng('same'), intent: 'x', language: 'en'}));
      expect(a, f.name).toEqual(b);
    }
  });
});

describe('syntactic families', () => {
  it('interrogative ends with "?" and starts with an auxiliary or wh-word', () => {
    // Every request becomes a question (a problem report, "I can't ...", need not).
    for (const input of INPUTS.filter((i) => i !== PROBLEM)) {
      for (const out of atLeast(1, variants('interrogative', input), input.text)) {
        expect(out.text).toMatch(/\?$/);
        expect(out.text).toMatch(/^(can|could|how|where|what|is|do|does|would|may|when)\b/i);
      }
    }
  });

  it('negation re-words a problem report and never negates a request', () => {
    expect(variants('negation', ORDER)).toEqual([]);
    const outputs = variants('negation', PROBLEM);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs) {
      expect(out.text).toMatch(/\b(can't|cannot|couldn't|haven't|unable|not|won't)\b/i);
      expect(out.text).toContain('cancel my order 12345');
      expect(entityTexts(out)).toEqual(['12345']);
    }
    expect(new Set(outputs.map((o) => o.text)).size).toBeGreaterThan(2);
  });

  it('recognises a noun-phrase request and a question as cores', () => {
    const np = variants('interrogative', {text: 'I need a table for two tonight', entities: []});
    expect(np.some((o) => o.text.endsWith('a table for two tonight?'))).toBe(true);
    const wh = variants('coordinated', {
      text: "what's the weather like in Paris?",
      entities: [{entity: 'city', start: 27, end: 32}],
    });
    expect(wh.length).toBeGreaterThan(0);
    for (const out of wh) expect(out.text).toContain("what's the weather like in Paris");
  });
});

describe('families applied in sequence', () => {
  it('a later family never replaces the frame an earlier one built, so every tag stays true', () => {
    const context = {rng: createRng('chain'), intent: 'x', language: 'en'};
    const question = family('interrogative').apply(ORDER, context)!;
    expect(question.framedBy).toBe('I');
    expect(family('negation').apply(question, context)).toBeUndefined();
    expect(family('polite').apply(question, context)).toBeUndefined();
    expect(family('keyword').apply(question, context)).toBeUndefined();
    const chats = Array.from({length: 10}, (_, seed) =>
      family('colloquial').apply(question, {...context, rng: createRng(seed)}),
    ).filter((chat) => chat !== undefined);
    for (const chat of atLeast(1, chats, 'colloquial on a question')) expect(chat.text).toMatch(/\?$/);
    // Word-level families still apply on top of a frame.
    expect(family('noise').apply(question, context)?.framedBy).toBe('I');
    expect(family('lexical').apply(question, context)?.framedBy ?? 'I').toBe('I');
  });
});

describe('register and style families', () => {
  it('colloquial uses chat forms or drops formality', () => {
    const outputs = variants('colloquial', ORDER);
    expect(outputs.length).toBeGreaterThan(0);
    for (const out of outputs)
      expect(out.text).toMatch(/\b(wanna|gotta|tryna|need to|u|lemme|pls|yo|i|asap)\b|^want to /);
    expect(outputs.every((o) => !o.text.startsWith('I '))).toBe(true);
  });

  it('offensive inserts an expletive, never inside an entity', () => {
    for (const out of atLeast(1, variants('offensive', PLAYLIST), 'offensive')) {
      expect(out.text).toMatch(/damn|goddamn|bloody|freaking|fucking|stupid|effing|hell|dammit|god sake/);
      expect(entityTexts(out)).toEqual(['Road Trip']);
    }
  });

  it('keyword mode drops function words and keeps content words and entities', () => {
    const [out] = variants('keyword', ORDER, 1);
    expect(out!.text).toBe('cancel order 12345');
    const table = variants('keyword', TABLE, 1)[0]!;
    expect(table.text).toBe('book table 4 sushi restaurant');
    for (const word of table.text.split(' ')) expect(FUNCTION_WORDS.has(word)).toBe(false);
    // Function words inside an entity stay: the entity is never cut.
    const inside = variants(
      'keyword',
      {text: 'play I want to break free', entities: [{entity: 'song', start: 5, end: 25}]},
      1,
    );
    expect(inside).toEqual([]);
  });

  it('keyword mode keeps queries a user would type and leaves reports and clipped clauses alone', () => {
    const keywords = (text: string): string[] =>
      variants('keyword', {text, entities: []}, 10).map((o) => o.text);
    // Reports lose what happened ("lights went hour ago", "power house").
    expect(keywords('my lights went off an hour ago')).toEqual([]);
    expect(keywords('the power is out in my house')).toEqual([]);
    // A question's verb left at the end is clipped ("tariffs offer"); a clause inside the query too.
    expect(keywords('what tariffs do you offer')).toEqual([]);
    expect(keywords('can I pay what I owe by card')).toEqual([]);
    expect(keywords('I want to stop being a customer')).toEqual([]);
    // A verb's particle stays with it; requests and topics still become keyword queries.
    expect(keywords('please turn off the lights')).toContain('turn off lights');
    expect(keywords('I want to submit a meter reading')).toContain('submit meter reading');
    expect(keywords('what is the weather in paris')).toContain('weather paris');
  });

  it('abbreviates street and avenue only after a name', () => {
    const abbreviated = (text: string): string[] =>
      variants('abbreviation', {text, entities: []}, 30).map((o) => o.text);
    expect(abbreviated("there's no electricity on my street").join(' | ')).not.toMatch(/St\./);
    expect(abbreviated('I live on Main street')).toContain('I live on Main St.');
  });

  it('abbreviation contracts, expands or abbreviates', () => {
    const contracted = variants('abbreviation', {
      text: 'I am not able to see my account information',
      entities: [],
    });
    expect(contracted.some((o) => o.text.startsWith("I'm"))).toBe(true);
    expect(contracted.some((o) => /\b(acct|info)\b/.test(o.text))).toBe(true);
    const expanded = variants('abbreviation', {text: "I can't log in", entities: []});
    expect(expanded.map((o) => o.text)).toContain('I cannot log in');
  });
});

describe('lexical and morphological families', () => {
  it('lexical says the request with words of the curated service lexicon, not WordNet', () => {
    const texts = variants('lexical', ORDER, 40).map((o) => o.text);
    expect(texts).toContain('I want to scrap my order 12345');
    expect(texts).toContain('I want to cancel my purchase 12345');
    // WordNet's synonyms of "movie" are no longer swapped in (they measured harmful on real test sets).
    const movie = variants('lexical', {text: 'show me the movie schedule', entities: []}, 40).map(
      (o) => o.text,
    );
    expect(movie.some((t) => /\b(film|motion picture)\b/.test(t))).toBe(false);
  });

  it('lexical changes compound spelling (hyphenation, closing up)', () => {
    const texts = variants('lexical', {text: 'send me an e-mail', entities: []}).map((o) => o.text);
    expect(texts).toContain('send me an email');
  });

  it('morphological inflects or derives a word of the request', () => {
    const texts = variants('morphological', ORDER, 40).map((o) => o.text);
    expect(texts.some((t) => /cancellation of my order 12345/.test(t))).toBe(true);
    expect(texts.some((t) => /cancelling my order 12345/.test(t))).toBe(true);
    expect(texts.some((t) => /\bwanted\b|\borders\b/.test(t))).toBe(true);
  });
});

describe('noise', () => {
  it('changes one or two characters, outside entities', () => {
    for (const input of INPUTS) {
      for (const out of atLeast(1, variants('noise', input, 40), input.text)) {
        const distance = levenshtein(input.text.toLowerCase(), out.text.toLowerCase());
        expect(levenshtein(input.text, out.text)).toBeGreaterThanOrEqual(1);
        expect(distance).toBeLessThanOrEqual(2);
        expect(entityTexts(out)).toEqual(entityTexts(input));
      }
    }
  });

  it('keyboard neighbours are physical neighbours', () => {
    expect(KEYBOARD_NEIGHBOURS.a).toContain('s');
    expect(KEYBOARD_NEIGHBOURS.a).toContain('q');
    expect(KEYBOARD_NEIGHBOURS.a).not.toContain('p');
    expect(KEYBOARD_NEIGHBOURS.g).toContain('h');
  });
});

describe('English seed analysis: each frame only takes the kind of seed it fits', () => {
  const plain = (text: string): AnnotatedText => ({text, entities: []});
  const all = (text: string): string[] =>
    ['basic', 'interrogative', 'coordinated', 'negation', 'polite', 'colloquial'].flatMap((name) =>
      variants(name, plain(text), 30).map((o) => o.text),
    );

  it('never wraps a statement or problem report in a request frame', () => {
    const outputs = all('the delivery driver was rude');
    expect(outputs.length).toBeGreaterThan(0);
    for (const text of outputs) {
      // What comes before the statement is no request for it ("I need the delivery driver was rude"); after
      // it, "... and I need help" is what a user says.
      const lead = text.slice(0, Math.max(0, text.toLowerCase().indexOf('the delivery driver was rude')));
      expect(lead).not.toMatch(/could I have|can I get|I want|I need|do you have|would you mind/i);
      expect(text.toLowerCase()).toContain('the delivery driver was rude');
    }
  });

  it('puts an embedded question in statement order, or leaves the frame out', () => {
    const embedded = variants('polite', plain('are you open on sunday'), 30).map((o) => o.text);
    expect(embedded.some((t) => /tell me if you are open on sunday/.test(t))).toBe(true);
    for (const text of atLeast(1, all('are you open on sunday'), 'yes/no question'))
      expect(text).not.toMatch(/(tell me|know) are you/i);
    const what = variants('polite', plain('what is the price of a large pizza'), 30).map((o) => o.text);
    expect(what.some((t) => t.includes('what the price of a large pizza is'))).toBe(true);
    // do-support goes and the verb agrees: "how old one needs to be", never "how old does one need to be".
    const old = atLeast(1, all('how old does one need to be'), 'wh-question');
    expect(old.some((t) => /(tell me|know) how old one needs to be/i.test(t))).toBe(true);
    for (const text of old) expect(text).not.toMatch(/(tell me|know) how old does/i);
  });

  it('does not ask the bot to do what the user wants to do', () => {
    for (const text of atLeast(1, all('I want to pay with cash'), 'want statement'))
      expect(text).not.toMatch(/\b(could|can|would) (you|u|ya)( please)? pay|mind paying|please pay/i);
  });

  it('reads a bare imperative to a bot as something the user does ("pay my bill" is not "could you pay")', () => {
    const outputs = all('pay my electricity bill');
    expect(outputs.some((t) => /\b(can|may) I pay my electricity bill/i.test(t))).toBe(true);
    for (const text of outputs)
      expect(text).not.toMatch(/\b(could|can|would|will) (you|u|ya)( please)? pay|mind paying/i);
  });

  it('varies the wrapper: one request seed gets many different frames, not the same few', () => {
    const distinct = (name: string): number =>
      new Set(variants(name, plain('pay my electricity bill'), 80).map((o) => o.text)).size;
    expect(distinct('interrogative')).toBeGreaterThanOrEqual(13);
    expect(distinct('basic')).toBeGreaterThanOrEqual(10);
    expect(distinct('polite')).toBeGreaterThanOrEqual(6);
  });

  it('never uses the stilted "I would need to" frame', () => {
    const outputs = variants('basic', plain('submit a meter reading'), 60).map((o) => o.text);
    expect(outputs.length).toBeGreaterThan(5);
    for (const text of outputs) expect(text).not.toMatch(/would need to/i);
  });
});
