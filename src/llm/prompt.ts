/**
 * The prompt for one request: the intent (name, description), its numbered seed utterances with their entity
 * annotations written as [text](entity), the values the slots may take, the other intents to stay away from,
 * and how many utterances of each variation family (Bitext letter) to write, each answered with its letter so
 * that every model utterance carries a family tag like the rule-based ones.
 */
import type {VariationTag} from '../model/dataset.js';
import type {ChatMessage} from './client.js';

/** What each Bitext family asks of the model. */
export const FAMILY_INSTRUCTIONS: Readonly<Record<VariationTag, string>> = {
  B: 'plain, direct statements of the request, as most users would type them',
  I: 'questions (e.g. "can you ...?", "how do I ...?")',
  C: 'two clauses joined with "and", "but" or "because", adding a natural detail without adding a second request',
  N: 'phrasings that contain a negation but keep the same request (e.g. "I don\'t want to keep ...")',
  P: 'polite, courteous requests',
  Q: 'colloquial, informal, chatty phrasings with everyday slang',
  W: 'rude or impatient phrasings with mild profanity, as frustrated users write',
  K: 'terse keyword-style queries of one to four words, as typed into a search box',
  E: 'phrasings using common abbreviations and chat shorthand (pls, acct, u, asap)',
  L: 'different vocabulary: synonyms and the everyday words real users bring, not the words of the examples',
  M: 'different word forms: other tenses, inflections, nominalisations',
  Z: 'realistic typing noise: a few typos, missing apostrophes or punctuation, lower case',
};

export interface PromptSeed {
  /** The seed with its entities marked up as [text](entity) or [text](entity:role). */
  markup: string;
}

export interface EntityHint {
  name: string;
  /** Values (and synonyms) the slot may take; a sample for open types. */
  values: string[];
  /** A regular expression the value must match, when the entity has one. */
  pattern?: string;
}

export interface PromptInput {
  language: string;
  intent: {name: string; description?: string};
  seeds: PromptSeed[];
  entities: EntityHint[];
  otherIntents: {name: string; description?: string}[];
  /** Utterances asked for, per family. */
  styles: {tag: VariationTag; count: number}[];
}

export function buildMessages(input: PromptInput): ChatMessage[] {
  const system = [
    'You write training utterances for the intent classifier of a chatbot.',
    'Every utterance must express exactly the intent described, in the voice of a user writing to the bot.',
    'Answer with one JSON object and nothing else: {"utterances": [{"seed": <number of the example paraphrased>, "style": "<style letter>", "text": "<utterance>"}]}.',
  ].join(' ');
  const lines: string[] = [];
  lines.push(`Language: ${input.language}.`);
  lines.push(
    `Intent: ${input.intent.name}${input.intent.description ? ` - ${input.intent.description}` : ''}`,
  );
  lines.push('', 'Examples of this intent:');
  input.seeds.forEach((seed, i) => lines.push(`${i + 1}. ${seed.markup}`));
  if (input.entities.length > 0) {
    lines.push(
      '',
      'Entities are marked [text](entity). Keep them marked the same way in your utterances, with the text taken from these values:',
    );
    for (const entity of input.entities) {
      const values = entity.values.length ? entity.values.map((v) => JSON.stringify(v)).join(', ') : '';
      const pattern = entity.pattern ? ` (must match /${entity.pattern}/)` : '';
      lines.push(`- ${entity.name}: ${values || 'any fitting value'}${pattern}`);
    }
  }
  const others = input.otherIntents;
  if (others.length > 0) {
    lines.push('', 'Do not write anything that would rather belong to one of these other intents:');
    for (const other of others)
      lines.push(`- ${other.name}${other.description ? `: ${other.description}` : ''}`);
  }
  const total = input.styles.reduce((n, s) => n + s.count, 0);
  lines.push('', `Write ${total} new utterances of this intent, in these styles:`);
  for (const style of input.styles)
    lines.push(`- style ${style.tag}, ${style.count}: ${FAMILY_INSTRUCTIONS[style.tag]}`);
  lines.push(
    'Each must be different from the examples and from each other; name the example it paraphrases in "seed" and its style letter in "style".',
  );
  return [
    {role: 'system', content: system},
    {role: 'user', content: lines.join('\n')},
  ];
}

/** A rough token count (four characters a token for English), for --dry-run estimates. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
