/** fast-check arbitraries for annotated utterances, shared by the edit and language-pack property tests. */
import fc from 'fast-check';
import type {AnnotatedText} from '../../../src/generate/variation/types.js';

/** Random text with non-overlapping entity spans over whole random chunks. */
export const annotatedText = fc
  .array(fc.record({text: fc.string({minLength: 1, maxLength: 8}), entity: fc.boolean()}), {
    minLength: 1,
    maxLength: 8,
  })
  .map((chunks): AnnotatedText => {
    let text = '';
    const entities: AnnotatedText['entities'] = [];
    chunks.forEach((chunk, i) => {
      if (chunk.entity)
        entities.push({entity: `e${i}`, start: text.length, end: text.length + chunk.text.length});
      text += chunk.text;
    });
    return {text, entities};
  });

const LEAD_INS = [
  '',
  'I want to ',
  'can you ',
  'please ',
  'how do I ',
  'I need ',
  'Could you please ',
  "I'd like to ",
  'hey, ',
];
const VERBS = [
  'cancel',
  'book',
  'play',
  'add',
  'find',
  'rate',
  'check',
  'show',
  'reset',
  'Cancel',
  'Book',
  'weather',
  'what is',
];
const OBJECTS = [
  'my order',
  'a table',
  'this song',
  'the weather',
  'my email password',
  'your account information',
  'the book',
  'these tickets',
];
const LINKS = [' for ', ' to ', ' in ', ' at ', ' from ', ' with ', ' '];
const TRAILERS = ['', '?', '.', ' please', ', thanks!', ' tomorrow'];
/** Entity values, including ones that look like words a family would rewrite (my, want, please, I'm). */
const entityValue = fc.oneof(
  fc.constantFrom(
    '12345',
    'Paris',
    'my playlist',
    "I'm feeling lucky",
    'please please me',
    'Road Trip',
    'two',
    'e-mail',
    'want',
  ),
  fc.string({minLength: 1, maxLength: 10}).filter((s) => s.trim().length > 0),
);

/** English-like sentences from these lead-ins, entity values where real ones sit (objects, places, names). */
function englishLike(leadIns: readonly string[]): fc.Arbitrary<AnnotatedText> {
  return fc
    .tuple(
      fc.constantFrom(...leadIns),
      fc.constantFrom(...VERBS),
      fc.constantFrom(...OBJECTS),
      fc.option(fc.tuple(fc.constantFrom(...LINKS), entityValue), {nil: undefined}),
      fc.option(fc.tuple(fc.constantFrom(...LINKS), entityValue), {nil: undefined}),
      fc.constantFrom(...TRAILERS),
    )
    .map(([leadIn, verb, object, first, second, trailer]): AnnotatedText => {
      let text = `${leadIn}${verb} ${object}`;
      const entities: AnnotatedText['entities'] = [];
      for (const [index, part] of [first, second].entries()) {
        if (!part) continue;
        text += part[0];
        entities.push({entity: `slot${index}`, start: text.length, end: text.length + part[1].length});
        text += part[1];
      }
      return {text: text + trailer, entities};
    });
}

/** English-like requests. */
export const annotatedRequest = englishLike(LEAD_INS);

/** English-like problem reports ("I can't cancel my order"): the only seeds the negation family re-words. */
export const annotatedProblem = englishLike([
  "I can't ",
  'I cannot ',
  "I couldn't ",
  'I am unable to ',
  "I'm not able to ",
]);
