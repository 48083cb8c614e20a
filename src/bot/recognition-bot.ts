/**
 * The `synthnlu bot` turn handler on botbuilder: recognises each message and answers with what came back. The full
 * RecognizerResult travels in the reply's `value`, so Bot Framework Emulator's inspector shows it as JSON.
 */
import {ActivityHandler} from 'botbuilder';
import type {SynthnluRecognizer} from '../recognizer/bot-recognizer.js';
import {DEFAULT_MAX_MESSAGE_CHARS} from '../recognizer/limits.js';
import {replyToMessage, welcomeText} from './reply.js';

export function createRecognitionBot(
  recognizer: SynthnluRecognizer,
  intentCount: number,
  options: {maxChars?: number} = {},
): ActivityHandler {
  const maxChars = options.maxChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(
      replyToMessage(context.activity.text, (message) => recognizer.recognizeText(message), maxChars),
    );
    await next();
  });
  bot.onMembersAdded(async (context, next) => {
    for (const member of context.activity.membersAdded ?? []) {
      if (member.id === context.activity.recipient?.id) continue;
      await context.sendActivity(welcomeText(intentCount));
    }
    await next();
  });
  return bot;
}
