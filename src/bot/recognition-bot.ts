/**
 * The `synthnlu bot` turn handler: recognises each message and answers with what came back. The full
 * RecognizerResult travels in the reply's `value`, so Bot Framework Emulator's inspector shows it as JSON.
 */
import {ActivityHandler, MessageFactory} from 'botbuilder';
import type {SynthnluRecognizer} from '../recognizer/bot-recognizer.js';
import {DEFAULT_MAX_MESSAGE_CHARS} from '../recognizer/limits.js';
import {describeRecognition} from './reply.js';

export function createRecognitionBot(
  recognizer: SynthnluRecognizer,
  intentCount: number,
  options: {maxChars?: number} = {},
): ActivityHandler {
  const maxChars = options.maxChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const text = (context.activity.text ?? '').trim();
    if (text === '') {
      await context.sendActivity(
        'Send me a sentence and I will tell you which intent and entities I recognise.',
      );
    } else if (text.length > maxChars) {
      await context.sendActivity(
        `That message is ${text.length} characters; I recognise messages of up to ${maxChars} characters (bot --max-chars).`,
      );
    } else {
      const result = recognizer.recognizeText(text);
      const reply = MessageFactory.text(describeRecognition(result).join('\n'));
      reply.value = result;
      reply.textFormat = 'plain';
      await context.sendActivity(reply);
    }
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    for (const member of context.activity.membersAdded ?? []) {
      if (member.id === context.activity.recipient.id) continue;
      await context.sendActivity(
        `Hi! I recognise ${intentCount} intents from your dataset. Type what a user would say and I will show the top intents, scores and entities.`,
      );
    }
    await next();
  });
  return bot;
}
