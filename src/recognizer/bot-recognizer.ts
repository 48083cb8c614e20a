/**
 * The Bot Framework recognizer: a botbuilder-dialogs `Recognizer` (usable as an adaptive dialog's recognizer
 * or called directly with a TurnContext, as LuisRecognizer is) that returns a standard RecognizerResult.
 * This module imports botbuilder at load time; load it lazily (createSynthnluRecognizer does).
 */
import type {Activity, RecognizerResult, TurnContext} from 'botbuilder';
import {Recognizer, type DialogContext} from 'botbuilder-dialogs';
import type {LocalRecognizer} from './local-recognizer.js';
import type {SynthnluRecognizerResult} from './types.js';

function isDialogContext(value: DialogContext | TurnContext): value is DialogContext {
  return 'dialogs' in value && 'context' in value;
}

export class SynthnluRecognizer extends Recognizer {
  constructor(readonly local: LocalRecognizer) {
    super();
    this.id = 'SynthnluRecognizer';
  }

  get threshold(): number {
    return this.local.threshold;
  }

  /** Recognises plain text, outside any bot turn. */
  recognizeText(text: string): SynthnluRecognizerResult & RecognizerResult {
    return this.local.recognize(text) as SynthnluRecognizerResult & RecognizerResult;
  }

  override async recognize(
    context: DialogContext | TurnContext,
    activity?: Partial<Activity>,
    telemetryProperties?: Record<string, string>,
    telemetryMetrics?: Record<string, number>,
  ): Promise<RecognizerResult> {
    const turn = isDialogContext(context) ? context.context : context;
    const text = activity?.text ?? turn.activity?.text ?? '';
    const result = this.recognizeText(text);
    if (isDialogContext(context))
      this.trackRecognizerResult(
        context,
        'SynthnluRecognizerResult',
        this.fillRecognizerResultTelemetryProperties(result, telemetryProperties ?? {}, context),
        telemetryMetrics,
      );
    return result;
  }
}
