/** The bot's answer to a message: the top intents with scores, the entities, and a plain fallback warning. */
import type {SynthnluRecognizerResult} from '../recognizer/types.js';

const TOP_INTENTS = 3;

function percent(score: number): string {
  return `${(score * 100).toFixed(1)}%`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'object' && value !== null) {
    const v = value as {timex?: unknown; number?: unknown; units?: unknown};
    if (Array.isArray(v.timex)) return v.timex.join(' | ');
    if (v.number !== undefined) return `${String(v.number)}${v.units ? ` ${String(v.units)}` : ''}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Human-readable lines, the same in the bot and in `synthnlu predict`. */
export function describeRecognition(result: SynthnluRecognizerResult): string[] {
  const lines: string[] = [];
  if (result.belowThreshold)
    lines.push(
      `Not confident: the best intent "${result.topIntent}" scores ${percent(result.topScore)}, below the ${percent(result.threshold)} threshold, so a platform would take its fallback intent.`,
    );
  else lines.push(`Intent: ${result.topIntent} (${percent(result.topScore)})`);
  const ranked = Object.entries(result.intents)
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, TOP_INTENTS);
  lines.push(`Top intents: ${ranked.map(([name, {score}]) => `${name} ${percent(score)}`).join(', ')}`);
  const instances = result.entities.$instance;
  const names = Object.keys(instances);
  if (names.length === 0) lines.push('Entities: none');
  else {
    lines.push('Entities:');
    for (const name of names) {
      const values = result.entities[name] ?? [];
      instances[name]!.forEach((instance, i) => {
        lines.push(
          `  ${name} = ${describeValue(values[i])} ("${instance.text}" at ${instance.startIndex}-${instance.endIndex})`,
        );
      });
    }
  }
  if (result.systemEntitiesSearchedChars !== undefined)
    lines.push(
      `Note: system entities (dates, numbers…) were searched in the first ${result.systemEntitiesSearchedChars} of ${result.text.length} characters only: the message ran out of its time budget.`,
    );
  return lines;
}

/**
 * What both bots (botbuilder and the Agents SDK) answer to a message, as a plain activity either SDK sends: the
 * description, and the RecognizerResult as `value` when the message was recognised.
 */
export interface MessageReply {
  type: 'message';
  text: string;
  inputHint: 'acceptingInput';
  textFormat?: 'plain';
  value?: SynthnluRecognizerResult;
}

export function replyToMessage(
  message: string | undefined,
  recognize: (text: string) => SynthnluRecognizerResult,
  maxChars: number,
): MessageReply {
  const reply = (text: string): MessageReply => ({type: 'message', text, inputHint: 'acceptingInput'});
  const text = (message ?? '').trim();
  if (text === '')
    return reply('Send me a sentence and I will tell you which intent and entities I recognise.');
  if (text.length > maxChars)
    return reply(
      `That message is ${text.length} characters; I recognise messages of up to ${maxChars} characters (bot --max-chars).`,
    );
  const value = recognize(text);
  return {...reply(describeRecognition(value).join('\n')), textFormat: 'plain', value};
}

/** The greeting for a member who joins the conversation. */
export function welcomeText(intentCount: number): string {
  return `Hi! I recognise ${intentCount} intents from your dataset. Type what a user would say and I will show the top intents, scores and entities.`;
}
