/**
 * A live Lex V2 bot's DRAFT locale through @aws-sdk/client-lex-models-v2: read (pull and plan), backup through
 * CreateExport (the zip `synthnlu import` reads), diff-only writes (CreateSlotType / UpdateSlotType, CreateIntent,
 * CreateSlot, UpdateIntent, DeleteIntent with --prune) and BuildBotLocale, polled with backoff.
 */
import {randomUUID} from 'node:crypto';
import type {LexModelsV2Client} from '@aws-sdk/client-lex-models-v2';
import type {LexRuntimeV2Client} from '@aws-sdk/client-lex-runtime-v2';
import {
  type ApplyReport,
  type Dataset,
  emptyDataset,
  ExitCode,
  type ItemResult,
  type ProgressReporter,
  type PushPlan,
  type Recognition,
  type RemoteOptions,
  type RemoteSession,
  SynthnluError,
  writeBackupFile,
} from '../../../src/connector-kit.js';
import {buildLocale} from '../export.js';
import {
  FALLBACK_SIGNATURE,
  type LexIntentModel,
  type LexSlotTypeModel,
  NONE_INTENT,
  readLocale,
} from '../model.js';
import {languageOf, localeOf, nameFromDescription} from '../names.js';
import type {LexFlag} from './flags.js';

const DRAFT = 'DRAFT';
/** The test alias every bot has, on its DRAFT version. */
export const TEST_ALIAS = 'TSTALIASID';

export function noCredentials(cause?: unknown): SynthnluError {
  return new SynthnluError('LEX_NO_CREDENTIALS', 'no AWS credentials to reach Amazon Lex', {
    exitCode: ExitCode.badInput,
    suggestion:
      'Set AWS_PROFILE (or pass --profile NAME) for a profile of ~/.aws/config, run `aws configure` to create one, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    ...(cause ? {cause} : {}),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Sdk = typeof import('@aws-sdk/client-lex-models-v2');

export class LexSession implements RemoteSession {
  /** RecognizeText's client, made on the first recognize(). */
  #runtime: {client: LexRuntimeV2Client; sdk: typeof import('@aws-sdk/client-lex-runtime-v2')} | undefined;
  /**
   * Per locale: Lex intent name → the dataset's (renamed intents keep theirs in the description; the fallback
   * is None).
   */
  readonly #intentNames = new Map<string, Map<string, string | undefined>>();
  #clientConfig: Record<string, unknown> = {};
  #alias = TEST_ALIAS;

  private constructor(
    private readonly sdk: Sdk | undefined,
    private readonly client: LexModelsV2Client | undefined,
    private readonly botId: string | undefined,
    private readonly localeFlag: string | undefined,
    private readonly pollMs: number,
  ) {}

  static async open(options: RemoteOptions): Promise<LexSession> {
    const flags = options.flags as Partial<Record<LexFlag, string>>;
    if (!flags.bot)
      throw new SynthnluError('LEX_NO_BOT_GIVEN', 'which Lex bot? --bot is missing', {
        exitCode: ExitCode.badInput,
        suggestion: 'Pass --bot with the bot id (10 letters and digits) or its name.',
      });
    const sdk = await import('@aws-sdk/client-lex-models-v2');
    const config = {
      region: flags.region ?? options.env.AWS_REGION ?? 'us-east-1',
      ...(flags.endpoint ? {endpoint: flags.endpoint} : {}),
      ...(flags.profile ? {profile: flags.profile} : {}),
      maxAttempts: 5,
    };
    const client = new sdk.LexModelsV2Client(config);
    try {
      const credentials = await client.config.credentials();
      options.secrets.add(credentials.secretAccessKey);
      options.secrets.add(credentials.sessionToken);
    } catch (error) {
      client.destroy();
      // A dry run without credentials still shows the desired state, planned against no remote state.
      if (options.dryRun) return new LexSession(undefined, undefined, undefined, flags.locale, 0);
      throw noCredentials(error);
    }
    const pollMs = Math.max(1, options.retry?.baseDelayMs ?? 1000);
    const session = new LexSession(
      sdk,
      client,
      await resolveBot(sdk, client, flags.bot),
      flags.locale,
      pollMs,
    );
    session.#clientConfig = config;
    if (flags.alias) session.#alias = flags.alias;
    return session;
  }

  private need(): {sdk: Sdk; client: LexModelsV2Client; botId: string} {
    if (!this.sdk || !this.client || !this.botId) throw noCredentials();
    return {sdk: this.sdk, client: this.client, botId: this.botId};
  }

  /** The locale read or written last (recognize and train default to it): --locale, else en_US. */
  #locale: string | undefined;
  private locale(): string {
    return (this.#locale ??= this.localeFlag ?? 'en_US');
  }
  /** Which dataset language went to --locale (one only: --locale names one locale). */
  #flagLanguage: string | undefined;

  /** A dataset language's locale: --locale when given, else the language's Lex locale (en → en_US). */
  private localeFor(language: string): string {
    if (this.localeFlag) {
      if (this.#flagLanguage !== undefined && this.#flagLanguage !== language)
        throw new SynthnluError(
          'LEX_LOCALE_WITH_LANGUAGES',
          `--locale ${this.localeFlag} names one locale, but ${this.#flagLanguage} and ${language} would both go to it`,
          {
            exitCode: ExitCode.badInput,
            suggestion: `Leave --locale out (each language goes to its own locale: ${this.#flagLanguage} → ${localeOf(this.#flagLanguage)}, ${language} → ${localeOf(language)}), or pass --language with one language.`,
          },
        );
      this.#flagLanguage = language;
      return this.localeFlag;
    }
    const locale = localeOf(language);
    if (locale === 'en_US' && !/^en([-_]|$)/i.test(language))
      throw new SynthnluError('LEX_NO_LOCALE', `Lex has no locale for the language "${language}"`, {
        exitCode: ExitCode.badInput,
        suggestion: `Pass --locale with the Lex locale to use, or leave ${language} out with --language.`,
      });
    return locale;
  }

  /** The bot's DRAFT locales as dataset languages (en_US → en, en_GB → en-GB); with --locale, that one only. */
  async languages(): Promise<string[]> {
    const {sdk, client, botId} = this.need();
    const summaries = await paged(
      (nextToken) =>
        client.send(
          new sdk.ListBotLocalesCommand({botId, botVersion: DRAFT, ...(nextToken ? {nextToken} : {})}),
        ),
      (r) => r.botLocaleSummaries ?? [],
    );
    const locales = summaries
      .map((l) => l.localeId!)
      .filter((l) => !this.localeFlag || l === this.localeFlag);
    return locales.map(languageOf);
  }

  /** Creates the DRAFT locale of each language (CreateBotLocale) and waits until Lex has made it. */
  async addLanguages(languages: readonly string[]): Promise<number> {
    const {sdk, client, botId} = this.need();
    let calls = 0;
    // Every language's locale first, so a clash with --locale is refused before the first write.
    const locales = languages.map((language) => this.localeFor(language));
    for (const localeId of locales) {
      await client.send(
        new sdk.CreateBotLocaleCommand({
          botId,
          botVersion: DRAFT,
          localeId,
          // Lex's console default: below it, the fallback intent answers.
          nluIntentConfidenceThreshold: 0.4,
        }),
      );
      calls++;
      for (let attempt = 0; ; attempt++) {
        const described = await client.send(
          new sdk.DescribeBotLocaleCommand({botId, botVersion: DRAFT, localeId}),
        );
        if (described.botLocaleStatus !== 'Creating') break;
        if (attempt >= 30)
          throw new SynthnluError('LEX_LOCALE_NOT_CREATED', `Lex is still creating the ${localeId} locale`, {
            exitCode: ExitCode.failedCheck,
            suggestion: 'Run push again once the locale shows in the Lex console.',
          });
        await sleep(this.pollMs * 2 ** Math.min(attempt, 5));
      }
    }
    return calls;
  }

  async read(language?: string): Promise<Dataset | undefined> {
    if (!this.client) return undefined;
    const {sdk, client, botId} = this.need();
    const localeId = (this.#locale = language ? this.localeFor(language) : this.locale());
    const base = {botId, botVersion: DRAFT, localeId};
    const typeSummaries = await paged(
      (nextToken) => client.send(new sdk.ListSlotTypesCommand({...base, ...(nextToken ? {nextToken} : {})})),
      (r) => r.slotTypeSummaries ?? [],
    );
    const typeName = new Map<string, string>();
    const types: LexSlotTypeModel[] = [];
    for (const summary of typeSummaries) {
      const t = await client.send(
        new sdk.DescribeSlotTypeCommand({...base, slotTypeId: summary.slotTypeId!}),
      );
      typeName.set(t.slotTypeId!, t.slotTypeName!);
      const {name, description} = nameFromDescription(t.slotTypeName!, t.description);
      const model: LexSlotTypeModel = {
        lexName: t.slotTypeName!,
        name,
        ...(description ? {description} : {}),
        values: (t.slotTypeValues ?? []).map((v) => ({
          value: v.sampleValue?.value ?? '',
          synonyms: (v.synonyms ?? [])
            .map((s) => s.value ?? '')
            .filter((s) => s !== '' && s !== v.sampleValue?.value),
        })),
      };
      if (t.valueSelectionSetting?.resolutionStrategy)
        model.strategy = t.valueSelectionSetting.resolutionStrategy;
      if (t.valueSelectionSetting?.regexFilter?.pattern)
        model.regex = t.valueSelectionSetting.regexFilter.pattern;
      if (t.parentSlotTypeSignature) model.parent = t.parentSlotTypeSignature;
      types.push(model);
    }
    const intentSummaries = await paged(
      (nextToken) => client.send(new sdk.ListIntentsCommand({...base, ...(nextToken ? {nextToken} : {})})),
      (r) => r.intentSummaries ?? [],
    );
    const intents: LexIntentModel[] = [];
    for (const summary of intentSummaries) {
      const intent = await client.send(new sdk.DescribeIntentCommand({...base, intentId: summary.intentId!}));
      const slots = await paged(
        (nextToken) =>
          client.send(
            new sdk.ListSlotsCommand({
              ...base,
              intentId: summary.intentId!,
              ...(nextToken ? {nextToken} : {}),
            }),
          ),
        (r) => r.slotSummaries ?? [],
      );
      const fallback = intent.parentIntentSignature === FALLBACK_SIGNATURE;
      intents.push({
        lexName: intent.intentName!,
        name: fallback ? NONE_INTENT : nameFromDescription(intent.intentName!, intent.description).name,
        samples: (intent.sampleUtterances ?? []).map((s) => s.utterance ?? ''),
        slots: new Map(slots.map((s) => [s.slotName!, typeName.get(s.slotTypeId!) ?? s.slotTypeId!])),
      });
    }
    const data = readLocale(intents, types);
    const dataset = emptyDataset(languageOf(localeId), botId);
    // Lex's fallback intent is always there (the dataset's None, with no samples), as an import reads it.
    dataset.intents = intents.map((i) => ({name: i.name}));
    dataset.entities = data.entities;
    dataset.utterances = data.utterances;
    return dataset;
  }

  async backup(dir: string): Promise<string | undefined> {
    const {sdk, client, botId} = this.need();
    const created = await client.send(
      new sdk.CreateExportCommand({
        resourceSpecification: {botExportSpecification: {botId, botVersion: DRAFT}},
        fileFormat: 'LexJson',
      }),
    );
    let status = created.exportStatus;
    let url: string | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      const described = await client.send(new sdk.DescribeExportCommand({exportId: created.exportId!}));
      status = described.exportStatus;
      url = described.downloadUrl;
      if (status === 'Completed' || status === 'Failed') break;
      await sleep(this.pollMs * 2 ** Math.min(attempt, 5));
    }
    if (status !== 'Completed' || !url)
      throw new SynthnluError(
        'LEX_BACKUP_FAILED',
        `Lex could not export the bot for a backup (status ${status ?? 'unknown'}); nothing was changed`,
        {
          exitCode: ExitCode.failedCheck,
        },
      );
    const response = await fetch(url);
    if (!response.ok)
      throw new SynthnluError(
        'LEX_BACKUP_FAILED',
        `downloading the bot's export failed (HTTP ${response.status}); nothing was changed`,
        {
          exitCode: ExitCode.failedCheck,
        },
      );
    return writeBackupFile(dir, `lex-${botId}`, '.zip', new Uint8Array(await response.arrayBuffer()));
  }

  async apply(
    plan: PushPlan,
    desired: Dataset,
    _remote: Dataset | undefined,
    progress: ProgressReporter,
  ): Promise<ApplyReport> {
    const {sdk, client, botId} = this.need();
    const localeId = (this.#locale = this.localeFor(desired.language));
    const base = {botId, botVersion: DRAFT, localeId};
    const built = buildLocale({...desired, utterances: desired.utterances.filter((u) => u.split !== 'test')});
    const results: ItemResult[] = [];
    let writeCalls = 0;
    const changed = new Set([...plan.intents.create, ...plan.intents.update].map((c) => c.name));
    progress.start('Writing to Lex', changed.size + plan.intents.delete.length);

    // Slot types: created when missing, updated when their values or settings differ.
    const typeSummaries = await paged(
      (nextToken) => client.send(new sdk.ListSlotTypesCommand({...base, ...(nextToken ? {nextToken} : {})})),
      (r) => r.slotTypeSummaries ?? [],
    );
    const typeIds = new Map<string, string>();
    for (const s of typeSummaries) typeIds.set(s.slotTypeName!, s.slotTypeId!);
    for (const type of built.slotTypes) {
      const body = {
        ...base,
        slotTypeName: type.json.name,
        ...(type.json.description ? {description: type.json.description} : {}),
        ...(type.json.slotTypeValues
          ? {
              slotTypeValues: type.json.slotTypeValues.map((v) => ({
                sampleValue: v.sampleValue,
                ...(v.synonyms ? {synonyms: v.synonyms} : {}),
              })),
            }
          : {}),
        ...(type.json.parentSlotTypeSignature
          ? {parentSlotTypeSignature: type.json.parentSlotTypeSignature}
          : {}),
        valueSelectionSetting: {
          resolutionStrategy: /top/i.test(String(type.json.valueSelectionSetting?.resolutionStrategy))
            ? ('TopResolution' as const)
            : ('OriginalValue' as const),
          ...(type.json.valueSelectionSetting?.regexFilter
            ? {regexFilter: type.json.valueSelectionSetting.regexFilter}
            : {}),
        },
      };
      const id = typeIds.get(type.json.name);
      if (!id) {
        const created = await client.send(new sdk.CreateSlotTypeCommand(body));
        typeIds.set(type.json.name, created.slotTypeId!);
        writeCalls++;
        continue;
      }
      const now = await client.send(new sdk.DescribeSlotTypeCommand({...base, slotTypeId: id}));
      const same =
        JSON.stringify(now.slotTypeValues ?? []) === JSON.stringify(body.slotTypeValues ?? []) &&
        (now.valueSelectionSetting?.resolutionStrategy ?? '') ===
          body.valueSelectionSetting.resolutionStrategy &&
        (now.valueSelectionSetting?.regexFilter?.pattern ?? '') ===
          (body.valueSelectionSetting.regexFilter?.pattern ?? '');
      if (same) continue;
      await client.send(new sdk.UpdateSlotTypeCommand({...body, slotTypeId: id}));
      writeCalls++;
    }

    const intentSummaries = await paged(
      (nextToken) => client.send(new sdk.ListIntentsCommand({...base, ...(nextToken ? {nextToken} : {})})),
      (r) => r.intentSummaries ?? [],
    );
    const intentIds = new Map(intentSummaries.map((s) => [s.intentName!, s.intentId!]));
    for (const intent of built.intents) {
      if (!changed.has(intent.name)) continue;
      if (intent.name === NONE_INTENT) {
        results.push({
          kind: 'intent',
          name: intent.name,
          action: 'update',
          status: 'skipped',
          error: "Lex's fallback intent (AMAZON.FallbackIntent) takes no sample utterances",
        });
        progress.advance(1);
        continue;
      }
      const action = intentIds.has(intent.json.name) ? 'update' : 'create';
      try {
        let id = intentIds.get(intent.json.name);
        if (!id) {
          const created = await client.send(
            new sdk.CreateIntentCommand({
              ...base,
              intentName: intent.json.name,
              ...(intent.json.description ? {description: intent.json.description} : {}),
            }),
          );
          id = created.intentId!;
          writeCalls++;
        }
        const slots = await paged(
          (nextToken) =>
            client.send(new sdk.ListSlotsCommand({...base, intentId: id, ...(nextToken ? {nextToken} : {})})),
          (r) => r.slotSummaries ?? [],
        );
        const slotIds = new Map(slots.map((s) => [s.slotName!, s.slotId!]));
        for (const slot of intent.slots) {
          if (slotIds.has(slot.json.name)) continue;
          const typeId = slot.json.slotTypeName.startsWith('AMAZON.')
            ? slot.json.slotTypeName
            : typeIds.get(slot.json.slotTypeName);
          const created = await client.send(
            new sdk.CreateSlotCommand({
              ...base,
              intentId: id,
              slotName: slot.json.name,
              slotTypeId: typeId!,
              valueElicitationSetting: {
                slotConstraint: 'Optional',
                promptSpecification: {
                  messageGroups: [{message: {plainTextMessage: {value: `What is the ${slot.json.name}?`}}}],
                  maxRetries: 2,
                  allowInterrupt: true,
                },
              },
            }),
          );
          slotIds.set(slot.json.name, created.slotId!);
          writeCalls++;
        }
        const current = await client.send(new sdk.DescribeIntentCommand({...base, intentId: id}));
        const {creationDateTime: _c, lastUpdatedDateTime: _l, $metadata: _m, ...kept} = current;
        await client.send(
          new sdk.UpdateIntentCommand({
            ...kept,
            ...base,
            intentId: id,
            intentName: intent.json.name,
            ...(intent.json.description ? {description: intent.json.description} : {}),
            sampleUtterances: (intent.json.sampleUtterances ?? []).map((s) => ({utterance: s.utterance})),
            slotPriorities: [...slotIds.entries()].map(([, slotId], i) => ({priority: i + 1, slotId})),
          }),
        );
        writeCalls++;
        results.push({kind: 'intent', name: intent.name, action, status: 'ok'});
      } catch (error) {
        results.push({
          kind: 'intent',
          name: intent.name,
          action,
          status: 'failed',
          error: (error as Error).message,
        });
      }
      progress.advance(1);
    }
    for (const change of plan.intents.delete) {
      const lexName = built.intents.find((i) => i.name === change.name)?.json.name ?? change.name;
      const id = intentIds.get(lexName) ?? intentIds.get(change.name);
      if (!id || change.name === NONE_INTENT) continue;
      try {
        await client.send(new sdk.DeleteIntentCommand({...base, intentId: id}));
        writeCalls++;
        results.push({kind: 'intent', name: change.name, action: 'delete', status: 'ok'});
      } catch (error) {
        results.push({
          kind: 'intent',
          name: change.name,
          action: 'delete',
          status: 'failed',
          error: (error as Error).message,
        });
      }
      progress.advance(1);
    }
    progress.done();
    return {results, writeCalls, trained: false};
  }

  /** Builds the locale of each language pushed (default: the one read last) and waits for each build. */
  async train(progress: ProgressReporter, languages?: readonly string[]): Promise<number> {
    const locales = languages?.length ? languages.map((l) => this.localeFor(l)) : [this.locale()];
    for (const localeId of locales) await this.#build(localeId, progress);
    return locales.length;
  }

  async #build(localeId: string, progress: ProgressReporter): Promise<void> {
    const {sdk, client, botId} = this.need();
    progress.start(`Building the ${localeId} locale`, 1);
    await client.send(new sdk.BuildBotLocaleCommand({botId, botVersion: DRAFT, localeId}));
    for (let attempt = 0; ; attempt++) {
      const locale = await client.send(
        new sdk.DescribeBotLocaleCommand({botId, botVersion: DRAFT, localeId}),
      );
      const status = locale.botLocaleStatus;
      if (status === 'Built' || status === 'ReadyExpressTesting') break;
      if (status === 'Failed' || attempt >= 60)
        throw new SynthnluError(
          'LEX_BUILD_FAILED',
          `Lex could not build the ${localeId} locale${(locale.failureReasons ?? []).length ? `: ${locale.failureReasons!.join('; ')}` : ` (status ${status ?? 'unknown'})`}`,
          {exitCode: ExitCode.failedCheck, suggestion: 'Fix what Lex names, then push again with --train.'},
        );
      await sleep(this.pollMs * 2 ** Math.min(attempt, 5));
    }
    progress.done();
  }

  /**
   * RecognizeText on the alias (TSTALIASID unless --alias), a new session id per utterance, in the locale of the
   * utterance's language.
   */
  async recognize(text: string, language?: string): Promise<Recognition> {
    const {sdk, client, botId} = this.need();
    // The utterance's language asks its own locale (localeOf: es → es_ES); none: the locale read last.
    const localeId = language ? this.localeFor(language) : this.locale();
    if (!this.#runtime) {
      const runtime = await import('@aws-sdk/client-lex-runtime-v2');
      // The runtime client speaks HTTP/2 by default; an --endpoint (a local server, a proxy) gets HTTP/1.1.
      const {NodeHttpHandler} = await import('@smithy/node-http-handler');
      this.#runtime = {
        sdk: runtime,
        client: new runtime.LexRuntimeV2Client({
          ...this.#clientConfig,
          ...(this.#clientConfig.endpoint ? {requestHandler: new NodeHttpHandler()} : {}),
        }),
      };
    }
    let intentNames = this.#intentNames.get(localeId);
    if (!intentNames) {
      const base = {botId, botVersion: DRAFT, localeId};
      const summaries = await paged(
        (nextToken) => client.send(new sdk.ListIntentsCommand({...base, ...(nextToken ? {nextToken} : {})})),
        (r) => r.intentSummaries ?? [],
      );
      intentNames = new Map();
      for (const s of summaries) {
        if (s.parentIntentSignature === FALLBACK_SIGNATURE) {
          intentNames.set(s.intentName!, undefined);
          continue;
        }
        const intent = await client.send(new sdk.DescribeIntentCommand({...base, intentId: s.intentId!}));
        intentNames.set(s.intentName!, nameFromDescription(s.intentName!, intent.description).name);
      }
      this.#intentNames.set(localeId, intentNames);
    }
    const {sdk: runtime, client: rt} = this.#runtime;
    const answer = await rt.send(
      new runtime.RecognizeTextCommand({
        botId,
        botAliasId: this.#alias,
        localeId,
        sessionId: randomUUID(),
        text,
      }),
    );
    const best = answer.interpretations?.[0];
    const lexIntent = best?.intent?.name ?? answer.sessionState?.intent?.name;
    const intent =
      lexIntent === undefined
        ? undefined
        : intentNames.has(lexIntent)
          ? intentNames.get(lexIntent)
          : lexIntent;
    const recognition: Recognition = {intent};
    const score = best?.nluConfidence?.score;
    if (intent !== undefined && typeof score === 'number') recognition.confidence = score;
    const slots = Object.entries(best?.intent?.slots ?? answer.sessionState?.intent?.slots ?? {});
    const entities = slots.flatMap(([slot, value]) => {
      const found = value?.value?.interpretedValue ?? value?.value?.originalValue;
      return found === undefined ? [] : [{entity: slot, value: found}];
    });
    if (entities.length > 0) recognition.entities = entities;
    return recognition;
  }

  async close(): Promise<void> {
    this.client?.destroy();
    this.#runtime?.client.destroy();
  }
}

async function paged<R extends {nextToken?: string | undefined}, T>(
  call: (nextToken: string | undefined) => Promise<R>,
  items: (r: R) => T[],
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const response = await call(token);
    out.push(...items(response));
    token = response.nextToken;
  } while (token);
  return out;
}

async function resolveBot(sdk: Sdk, client: LexModelsV2Client, bot: string): Promise<string> {
  if (/^[0-9A-Z]{10}$/.test(bot)) return bot;
  const bots = await paged(
    (nextToken) =>
      client.send(
        new sdk.ListBotsCommand({
          filters: [{name: 'BotName', values: [bot], operator: 'EQ'}],
          ...(nextToken ? {nextToken} : {}),
        }),
      ),
    (r) => r.botSummaries ?? [],
  );
  const found = bots.find((b) => b.botName === bot);
  if (!found)
    throw new SynthnluError('LEX_BOT_NOT_FOUND', `no Lex bot named "${bot}" in this account and region`, {
      exitCode: ExitCode.badInput,
      suggestion: 'Check --region and --profile, or pass the bot id (console: Bots > the bot > ID).',
    });
  return found.botId!;
}
