/**
 * The `synthnlu bot --sdk agents` agent: a Microsoft 365 Agents SDK AgentApplication that recognises each message
 * and answers as the botbuilder bot does (reply.ts), the RecognizerResult in the reply's `value`. This module loads
 * the Agents SDK; start.ts imports it only for `--sdk agents`.
 */
import {Activity, ActivityTypes} from '@microsoft/agents-activity';
import {AgentApplication, TurnState, type CloudAdapter} from '@microsoft/agents-hosting';
import type {SynthnluAgentsRecognizer} from '../recognizer/agents-recognizer.js';
import {DEFAULT_MAX_MESSAGE_CHARS} from '../recognizer/limits.js';
import {replyToMessage, welcomeText} from './reply.js';

export function createAgentsRecognitionApp(
  recognizer: Pick<SynthnluAgentsRecognizer, 'recognizeText'>,
  intentCount: number,
  options: {adapter: CloudAdapter; maxChars?: number},
): AgentApplication<TurnState> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  const app = new AgentApplication<TurnState>({adapter: options.adapter, startTypingTimer: false});
  app.onActivity(ActivityTypes.Message, async (context) => {
    const reply = replyToMessage(
      context.activity.text,
      (message) => recognizer.recognizeText(message),
      maxChars,
    );
    await context.sendActivity(Activity.fromObject({...reply}));
  });
  app.onConversationUpdate('membersAdded', async (context) => {
    for (const member of context.activity.membersAdded ?? []) {
      if (member.id === context.activity.recipient?.id) continue;
      await context.sendActivity(welcomeText(intentCount));
    }
  });
  return app;
}
