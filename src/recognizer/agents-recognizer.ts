/**
 * The recognizer for Microsoft 365 Agents SDK agents (`@microsoft/agents-hosting`'s AgentApplication): the SDK has no
 * Recognizer base class, so this one needs no SDK code at all; `recognize(context)` reads the turn's text and returns
 * the same RecognizerResult shape as the Bot Framework recognizer (intents, scores, entities with `$instance`).
 */
import type {TurnContext} from '@microsoft/agents-hosting';
import type {LocalRecognizer} from './local-recognizer.js';
import type {SynthnluRecognizerResult} from './types.js';

/** What the recognizer reads of a turn: an Agents SDK TurnContext, or anything with an activity's text. */
export type AgentsTurn = Pick<TurnContext, 'activity'> | {activity: {text?: string | undefined}};

export class SynthnluAgentsRecognizer {
  readonly id = 'SynthnluRecognizer';

  constructor(readonly local: LocalRecognizer) {}

  get threshold(): number {
    return this.local.threshold;
  }

  /** Recognises plain text, outside any turn. */
  recognizeText(text: string): SynthnluRecognizerResult {
    return this.local.recognize(text);
  }

  /** Recognises the text of the turn's activity (or `text`, when given). */
  recognize(context: AgentsTurn, text?: string): Promise<SynthnluRecognizerResult> {
    return Promise.resolve(this.recognizeText(text ?? context.activity.text ?? ''));
  }
}
