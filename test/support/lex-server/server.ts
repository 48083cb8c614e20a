/**
 * A local Amazon Lex V2 server on 127.0.0.1 for tests: the REST paths the real AWS SDK clients
 * (@aws-sdk/client-lex-models-v2, @aws-sdk/client-lex-runtime-v2) call, with an in-memory DRAFT locale. It
 * refuses what the real API refuses for what synthnlu sends, each rule with its API reference page:
 * - no SigV4 Authorization header → 403 (https://docs.aws.amazon.com/lexv2/latest/APIReference/CommonErrors.html,
 *   IncompleteSignature / MissingAuthenticationToken);
 * - names outside ^([0-9a-zA-Z][_-]?){1,100}$ and missing required members → 400 ValidationException
 *   (CreateIntent intentName, CreateSlot slotName/valueElicitationSetting, CreateSlotType slotTypeName:
 *   https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateIntent.html, API_CreateSlot.html,
 *   API_CreateSlotType.html); resolutionStrategy outside OriginalValue / TopResolution / Concatenation
 *   (API_SlotValueSelectionSetting.html); a slot type value or synonym outside 1-140 characters
 *   (API_SampleValue.html), a slot type description over 200 (API_CreateSlotType.html);
 * - a second intent, slot or slot type of one name → 409 ConflictException (CreateIntent errors);
 * - sample utterances on the built-in fallback intent → 400 ("You can't provide utterances for built-in
 *   intents", CreateIntent); more than 1,500 per intent or one over 500 characters → 402
 *   ServiceQuotaExceededException (https://docs.aws.amazon.com/lexv2/latest/dg/quotas.html);
 * - a build whose samples name a slot the intent does not have fails with a reason (DescribeBotLocale
 *   failureReasons, API_DescribeBotLocale.html).
 * RecognizeText answers from synthnlu's own classifier, trained at build time on what was pushed (the filled
 * templates and literal samples), so evaluate-style checks see a real classifier behind the API.
 */
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import JSZip from 'jszip';
import {trainIntentClassifier, type IntentClassifier} from '../../../src/classifier/index.js';

const NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
const SIGV4 =
  /^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/\d{8}\/[a-z0-9-]+\/lex\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

export interface LexSlotRecord {
  slotId: string;
  slotName: string;
  slotTypeId?: string;
  valueElicitationSetting: {slotConstraint: string};
  [k: string]: unknown;
}

export interface LexIntentRecord {
  intentId: string;
  intentName: string;
  description?: string;
  parentIntentSignature?: string;
  sampleUtterances?: Array<{utterance: string}>;
  slotPriorities?: Array<{priority: number; slotId: string}>;
  slots: Map<string, LexSlotRecord>;
  [k: string]: unknown;
}

export interface LexSlotTypeRecord {
  slotTypeId: string;
  slotTypeName: string;
  description?: string;
  slotTypeValues?: Array<{sampleValue: {value: string}; synonyms?: Array<{value: string}>}>;
  valueSelectionSetting?: {resolutionStrategy: string; regexFilter?: {pattern: string}};
  parentSlotTypeSignature?: string;
}

export interface LexLocaleRecord {
  intents: Map<string, LexIntentRecord>;
  slotTypes: Map<string, LexSlotTypeRecord>;
  status: 'NotBuilt' | 'Building' | 'Built' | 'Failed';
  failureReasons: string[];
  builds: number;
  classifier?: IntentClassifier;
}

export interface LexRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  status: number;
}

export interface LocalLexServer {
  endpoint: string;
  botId: string;
  botName: string;
  locale(localeId?: string): LexLocaleRecord;
  requests: LexRequest[];
  /** Requests that change the bot (create, update, delete, build, export excluded). */
  writes(): LexRequest[];
  /** Answer the next `n` signed requests with 429 ThrottlingException. */
  throttleNext(n: number): void;
  /** Make the next build fail with these reasons. */
  failNextBuild(reasons: string[]): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const WRITE = /^(PUT|DELETE) \/bots\/|^POST \/bots\/[^/]+\/botversions\/DRAFT\/botlocales\/[^/]+$/;

export async function startLexServer(
  options: {botName?: string; botId?: string} = {},
): Promise<LocalLexServer> {
  const botId = options.botId ?? 'BOTID12345';
  const botName = options.botName ?? 'TestBot';
  const locales = new Map<string, LexLocaleRecord>();
  const exports = new Map<string, Buffer>();
  const requests: LexRequest[] = [];
  let throttle = 0;
  let failBuild: string[] | undefined;
  let nextId = 0;
  const id = (prefix: string) => `${prefix}${String(++nextId).padStart(10 - prefix.length, '0')}`;
  let port = 0;

  const locale = (localeId = 'en_US'): LexLocaleRecord => {
    let l = locales.get(localeId);
    if (!l) {
      l = {intents: new Map(), slotTypes: new Map(), status: 'NotBuilt', failureReasons: [], builds: 0};
      // Every locale has the built-in fallback intent (CreateBotLocale creates it).
      l.intents.set('FALLBCKINT', {
        intentId: 'FALLBCKINT',
        intentName: 'FallbackIntent',
        description: 'Default intent when no other intent matches',
        parentIntentSignature: 'AMAZON.FallbackIntent',
        slots: new Map(),
      });
      locales.set(localeId, l);
    }
    return l;
  };
  locale();

  const name = (value: unknown, member: string): string => {
    if (typeof value !== 'string') throw new HttpError(400, 'ValidationException', `${member} is required`);
    if (!NAME.test(value))
      throw new HttpError(
        400,
        'ValidationException',
        `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([0-9a-zA-Z][_-]?){1,100}$`,
      );
    return value;
  };
  const checkUtterances = (intent: Partial<LexIntentRecord>, body: Record<string, unknown>) => {
    const samples = body.sampleUtterances as Array<{utterance?: unknown}> | undefined;
    if (samples === undefined) return;
    if (intent.parentIntentSignature && samples.length > 0)
      throw new HttpError(400, 'ValidationException', "You can't provide utterances for built-in intents");
    if (samples.length > 1500)
      throw new HttpError(402, 'ServiceQuotaExceededException', 'more than 1500 sample utterances');
    for (const s of samples) {
      if (typeof s.utterance !== 'string' || s.utterance.length === 0)
        throw new HttpError(400, 'ValidationException', 'sampleUtterances.member.utterance is required');
      if (s.utterance.length > 500)
        throw new HttpError(402, 'ServiceQuotaExceededException', 'sample utterance over 500 characters');
    }
  };
  const slotTypeBody = (body: Record<string, unknown>): Omit<LexSlotTypeRecord, 'slotTypeId'> => {
    const strategy = (body.valueSelectionSetting as {resolutionStrategy?: string} | undefined)
      ?.resolutionStrategy;
    if (strategy !== undefined && !['OriginalValue', 'TopResolution', 'Concatenation'].includes(strategy))
      throw new HttpError(
        400,
        'ValidationException',
        `Value '${strategy}' at 'valueSelectionSetting.resolutionStrategy' failed to satisfy constraint: Member must satisfy enum value set: [OriginalValue, TopResolution, Concatenation]`,
      );
    const values = body.slotTypeValues as LexSlotTypeRecord['slotTypeValues'];
    // SampleValue.value: "Length Constraints: Minimum length of 1. Maximum length of 140. Required: Yes"
    // (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_SampleValue.html), for a slot type value and
    // each of its synonyms (API_SlotTypeValue.html).
    for (const [index, entry] of (values ?? []).entries())
      for (const [member, value] of [
        [`slotTypeValues.${index + 1}.member.sampleValue.value`, entry.sampleValue?.value],
        ...(entry.synonyms ?? []).map(
          (synonym, at) =>
            [`slotTypeValues.${index + 1}.member.synonyms.${at + 1}.member.value`, synonym.value] as const,
        ),
      ] as const)
        if (typeof value !== 'string' || value.length < 1 || value.length > 140)
          throw new HttpError(
            400,
            'ValidationException',
            `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have length between 1 and 140`,
          );
    // description: "Length Constraints: Minimum length of 0. Maximum length of 200." (API_CreateSlotType.html)
    if (typeof body.description === 'string' && body.description.length > 200)
      throw new HttpError(
        400,
        'ValidationException',
        'description: Member must have length less than or equal to 200',
      );
    if ((values?.length ?? 0) > 10000)
      throw new HttpError(402, 'ServiceQuotaExceededException', 'more than 10000 slot type values');
    if (!values?.length && !body.parentSlotTypeSignature)
      throw new HttpError(
        400,
        'ValidationException',
        'a custom slot type needs slotTypeValues or a parentSlotTypeSignature',
      );
    return {
      slotTypeName: name(body.slotTypeName, 'slotTypeName'),
      ...(body.description ? {description: body.description as string} : {}),
      ...(values ? {slotTypeValues: values} : {}),
      ...(body.valueSelectionSetting
        ? {valueSelectionSetting: body.valueSelectionSetting as LexSlotTypeRecord['valueSelectionSetting']}
        : {}),
      ...(body.parentSlotTypeSignature
        ? {parentSlotTypeSignature: body.parentSlotTypeSignature as string}
        : {}),
    };
  };
  const intentView = (i: LexIntentRecord, localeId: string) => {
    const {slots: _s, ...rest} = i;
    return {
      ...rest,
      botId,
      botVersion: 'DRAFT',
      localeId,
      creationDateTime: 1_700_000_000,
      lastUpdatedDateTime: 1_700_000_000,
    };
  };
  const build = (l: LexLocaleRecord) => {
    l.builds += 1;
    const reasons: string[] = failBuild ?? [];
    failBuild = undefined;
    const examples: Array<{text: string; intent: string}> = [];
    for (const intent of l.intents.values()) {
      const slotNames = new Set([...intent.slots.values()].map((s) => s.slotName));
      for (const {utterance} of intent.sampleUtterances ?? []) {
        for (const m of utterance.matchAll(/\{([^{}]+)\}/g))
          if (!slotNames.has(m[1]!))
            reasons.push(
              `Failed to build the intent ${intent.intentName}: the slot ${m[1]} in the utterance "${utterance}" is not a slot of the intent.`,
            );
        examples.push({
          text: utterance.replace(/\{([^{}]+)\}/g, (_, s: string) => s),
          intent: intent.intentName,
        });
      }
    }
    l.status = reasons.length > 0 ? 'Failed' : 'Building';
    l.failureReasons = reasons;
    if (reasons.length === 0 && new Set(examples.map((e) => e.intent)).size > 1)
      l.classifier = trainIntentClassifier(examples);
  };
  const exportZip = async (): Promise<Buffer> => {
    const zip = new JSZip();
    zip.file(
      'Manifest.json',
      JSON.stringify({metaData: {schemaVersion: '1', fileFormat: 'LexJson', resourceType: 'BOT'}}),
    );
    zip.file(
      `${botName}/Bot.json`,
      JSON.stringify({
        name: botName,
        version: 'DRAFT',
        description: null,
        identifier: botId,
        dataPrivacy: {childDirected: false},
        idleSessionTTLInSeconds: 300,
      }),
    );
    for (const [localeId, l] of locales) {
      const prefix = `${botName}/BotLocales/${localeId}`;
      zip.file(
        `${prefix}/BotLocale.json`,
        JSON.stringify({
          name: localeId,
          identifier: localeId,
          version: null,
          description: null,
          nluConfidenceThreshold: 0.4,
        }),
      );
      const typeName = new Map([...l.slotTypes.values()].map((t) => [t.slotTypeId, t.slotTypeName]));
      for (const i of l.intents.values()) {
        zip.file(
          `${prefix}/Intents/${i.intentName}/Intent.json`,
          JSON.stringify({
            name: i.intentName,
            identifier: i.intentId,
            description: i.description ?? null,
            parentIntentSignature: i.parentIntentSignature ?? null,
            sampleUtterances: i.sampleUtterances ?? null,
            slotPriorities: (i.slotPriorities ?? []).map((p) => ({
              priority: p.priority,
              slotName: i.slots.get(p.slotId)?.slotName ?? p.slotId,
            })),
          }),
        );
        for (const s of i.slots.values())
          zip.file(
            `${prefix}/Intents/${i.intentName}/Slots/${s.slotName}/Slot.json`,
            JSON.stringify({
              name: s.slotName,
              identifier: s.slotId,
              description: null,
              slotTypeName: typeName.get(s.slotTypeId ?? '') ?? s.slotTypeId,
              valueElicitationSetting: s.valueElicitationSetting,
            }),
          );
      }
      for (const t of l.slotTypes.values())
        zip.file(
          `${prefix}/SlotTypes/${t.slotTypeName}/SlotType.json`,
          JSON.stringify({
            name: t.slotTypeName,
            identifier: t.slotTypeId,
            description: t.description ?? null,
            slotTypeValues: (t.slotTypeValues ?? []).map((v) => ({
              sampleValue: v.sampleValue,
              synonyms: v.synonyms ?? null,
            })),
            parentSlotTypeSignature: t.parentSlotTypeSignature ?? null,
            valueSelectionSetting: t.valueSelectionSetting
              ? {
                  resolutionStrategy:
                    t.valueSelectionSetting.resolutionStrategy === 'TopResolution'
                      ? 'TOP_RESOLUTION'
                      : 'ORIGINAL_VALUE',
                  regexFilter: t.valueSelectionSetting.regexFilter ?? null,
                }
              : null,
          }),
        );
    }
    return zip.generateAsync({type: 'nodebuffer'});
  };

  const route = async (
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): Promise<{status: number; body?: unknown; raw?: Buffer}> => {
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/exports-download\/([^/]+)$/.exec(path))) {
      const zip = exports.get(m[1]!);
      if (!zip) throw new HttpError(404, 'ResourceNotFoundException', 'no such export');
      return {status: 200, raw: zip};
    }
    if (method === 'POST' && path === '/bots')
      return {status: 200, body: {botSummaries: [{botId, botName, botStatus: 'Available'}]}};
    if (method === 'PUT' && path === '/exports') {
      const spec = (
        body.resourceSpecification as
          {botExportSpecification?: {botId?: string; botVersion?: string}} | undefined
      )?.botExportSpecification;
      if (spec?.botId !== botId) throw new HttpError(404, 'ResourceNotFoundException', 'no such bot');
      if (body.fileFormat !== 'LexJson' && body.fileFormat !== 'TSV')
        throw new HttpError(400, 'ValidationException', 'fileFormat must be LexJson or TSV');
      const exportId = id('EX');
      exports.set(exportId, await exportZip());
      return {
        status: 202,
        body: {
          exportId,
          exportStatus: 'InProgress',
          fileFormat: body.fileFormat,
          resourceSpecification: body.resourceSpecification,
        },
      };
    }
    if (method === 'GET' && (m = /^\/exports\/([^/]+)$/.exec(path))) {
      if (!exports.has(m[1]!)) throw new HttpError(404, 'ResourceNotFoundException', 'no such export');
      return {
        status: 200,
        body: {
          exportId: m[1],
          exportStatus: 'Completed',
          fileFormat: 'LexJson',
          downloadUrl: `http://127.0.0.1:${port}/exports-download/${m[1]}`,
        },
      };
    }
    if (
      method === 'POST' &&
      (m = /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)\/text$/.exec(path))
    ) {
      if (m[1] !== botId) throw new HttpError(404, 'ResourceNotFoundException', 'no such bot');
      const l = locale(m[3]);
      if (typeof body.text !== 'string') throw new HttpError(400, 'ValidationException', 'text is required');
      if (!l.classifier || l.status === 'NotBuilt')
        throw new HttpError(409, 'ConflictException', 'the locale is not built');
      const prediction = l.classifier.predict(body.text);
      const name = prediction.score >= 0.4 ? prediction.intent : 'FallbackIntent';
      return {
        status: 200,
        body: {
          sessionId: m[4],
          sessionState: {intent: {name, slots: {}, state: 'InProgress'}},
          interpretations: [
            {
              intent: {name, slots: {}},
              ...(name === 'FallbackIntent'
                ? {}
                : {nluConfidence: {score: Number(prediction.score.toFixed(2))}}),
            },
          ],
        },
      };
    }
    if ((m = /^\/bots\/([^/]+)\/botversions\/([^/]+)\/botlocales\/?$/.exec(path))) {
      if (m[1] !== botId) throw new HttpError(404, 'ResourceNotFoundException', `no bot ${m[1]}`);
      // ListBotLocales (API_ListBotLocales.html).
      if (method === 'POST')
        return {
          status: 200,
          body: {
            botId,
            botVersion: m[2],
            botLocaleSummaries: [...locales].map(([localeId, l]) => ({
              localeId,
              localeName: localeId,
              botLocaleStatus: l.status,
            })),
          },
        };
      // CreateBotLocale (API_CreateBotLocale.html): localeId and nluIntentConfidenceThreshold are required,
      // only on DRAFT, and a locale the bot already has is a ConflictException.
      if (method === 'PUT') {
        if (m[2] !== 'DRAFT')
          throw new HttpError(400, 'ValidationException', 'locales are created on the DRAFT version only');
        if (typeof body.localeId !== 'string' || !/^[a-z]{2}_[A-Z0-9]{2,3}$/.test(body.localeId))
          throw new HttpError(400, 'ValidationException', 'localeId is required');
        if (typeof body.nluIntentConfidenceThreshold !== 'number')
          throw new HttpError(400, 'ValidationException', 'nluIntentConfidenceThreshold is required');
        if (locales.has(body.localeId))
          throw new HttpError(409, 'ConflictException', `the bot already has the locale ${body.localeId}`);
        locale(body.localeId);
        return {
          status: 202,
          body: {botId, botVersion: 'DRAFT', localeId: body.localeId, botLocaleStatus: 'Creating'},
        };
      }
    }
    m = /^\/bots\/([^/]+)\/botversions\/([^/]+)\/botlocales\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) throw new HttpError(404, 'UnknownOperationException', `${method} ${path}`);
    if (m[1] !== botId) throw new HttpError(404, 'ResourceNotFoundException', `no bot ${m[1]}`);
    if (m[2] !== 'DRAFT')
      throw new HttpError(400, 'ValidationException', 'only the DRAFT version can be changed');
    const localeId = m[3]!;
    // A locale the bot does not have is not there to read or change (CreateBotLocale makes one).
    if (!locales.has(localeId))
      throw new HttpError(404, 'ResourceNotFoundException', `the bot has no locale ${localeId}`);
    const l = locale(localeId);
    const rest = m[4] ?? '';
    const base = {botId, botVersion: 'DRAFT', localeId};
    if (rest === '' && method === 'POST') {
      build(l);
      return {status: 202, body: {...base, botLocaleStatus: l.status === 'Failed' ? 'Building' : l.status}};
    }
    if (rest === '' && method === 'GET') {
      const status = l.status;
      if (status === 'Building') l.status = 'Built';
      return {
        status: 200,
        body: {...base, localeName: localeId, botLocaleStatus: status, failureReasons: l.failureReasons},
      };
    }
    if (rest === '/intents' && method === 'POST')
      return {
        status: 200,
        body: {
          ...base,
          intentSummaries: [...l.intents.values()].map((i) => ({
            intentId: i.intentId,
            intentName: i.intentName,
            ...(i.parentIntentSignature ? {parentIntentSignature: i.parentIntentSignature} : {}),
          })),
        },
      };
    if (rest === '/intents' && method === 'PUT') {
      const intentName = name(body.intentName, 'intentName');
      if ([...l.intents.values()].some((i) => i.intentName.toLowerCase() === intentName.toLowerCase()))
        throw new HttpError(409, 'ConflictException', `an intent named ${intentName} exists`);
      checkUtterances(body as Partial<LexIntentRecord>, body);
      const {botId: _b, botVersion: _v, localeId: _l, ...fields} = body;
      const intent: LexIntentRecord = {...fields, intentId: id('IN'), intentName, slots: new Map()};
      l.intents.set(intent.intentId, intent);
      l.status = 'NotBuilt';
      return {status: 200, body: intentView(intent, localeId)};
    }
    if (rest === '/slottypes' && method === 'POST')
      return {
        status: 200,
        body: {
          ...base,
          slotTypeSummaries: [...l.slotTypes.values()].map((t) => ({
            slotTypeId: t.slotTypeId,
            slotTypeName: t.slotTypeName,
          })),
        },
      };
    if (rest === '/slottypes' && method === 'PUT') {
      const type = slotTypeBody(body);
      if (
        [...l.slotTypes.values()].some(
          (t) => t.slotTypeName.toLowerCase() === type.slotTypeName.toLowerCase(),
        )
      )
        throw new HttpError(409, 'ConflictException', `a slot type named ${type.slotTypeName} exists`);
      const record = {...type, slotTypeId: id('ST')};
      l.slotTypes.set(record.slotTypeId, record);
      l.status = 'NotBuilt';
      return {status: 200, body: {...base, ...record}};
    }
    if ((m = /^\/slottypes\/([^/]+)$/.exec(rest))) {
      const type = l.slotTypes.get(m[1]!);
      if (!type) throw new HttpError(404, 'ResourceNotFoundException', `no slot type ${m[1]}`);
      if (method === 'GET') return {status: 200, body: {...base, ...type}};
      if (method === 'PUT') {
        const updated = {...slotTypeBody(body), slotTypeId: type.slotTypeId};
        l.slotTypes.set(type.slotTypeId, updated);
        l.status = 'NotBuilt';
        return {status: 202, body: {...base, ...updated}};
      }
    }
    if ((m = /^\/intents\/([^/]+)(\/slots(?:\/([^/]+))?)?$/.exec(rest))) {
      const intent = l.intents.get(m[1]!);
      if (!intent) throw new HttpError(404, 'ResourceNotFoundException', `no intent ${m[1]}`);
      if (m[2] === undefined) {
        if (method === 'GET') return {status: 200, body: intentView(intent, localeId)};
        if (method === 'DELETE') {
          if (intent.parentIntentSignature === 'AMAZON.FallbackIntent')
            throw new HttpError(400, 'ValidationException', 'the fallback intent cannot be deleted');
          l.intents.delete(intent.intentId);
          l.status = 'NotBuilt';
          return {status: 204};
        }
        if (method === 'PUT') {
          const intentName = name(body.intentName, 'intentName');
          checkUtterances(intent, body);
          for (const p of (body.slotPriorities as Array<{slotId?: string}> | undefined) ?? [])
            if (!p.slotId || !intent.slots.has(p.slotId))
              throw new HttpError(
                400,
                'ValidationException',
                `slotPriorities names slot ${p.slotId}, which the intent does not have`,
              );
          // UpdateIntent replaces the intent: what the request leaves out is removed.
          const {botId: _b, botVersion: _v, localeId: _l, intentId: _i, ...fields} = body;
          const updated: LexIntentRecord = {
            ...fields,
            intentId: intent.intentId,
            intentName,
            slots: intent.slots,
          };
          if (intent.parentIntentSignature) updated.parentIntentSignature = intent.parentIntentSignature;
          l.intents.set(intent.intentId, updated);
          l.status = 'NotBuilt';
          return {status: 200, body: intentView(updated, localeId)};
        }
      }
      if (m[2] === '/slots' && method === 'POST')
        return {
          status: 200,
          body: {
            ...base,
            intentId: intent.intentId,
            slotSummaries: [...intent.slots.values()].map((s) => ({
              slotId: s.slotId,
              slotName: s.slotName,
              slotTypeId: s.slotTypeId,
              slotConstraint: s.valueElicitationSetting.slotConstraint,
            })),
          },
        };
      if (m[2] === '/slots' && method === 'PUT') {
        const slotName = name(body.slotName, 'slotName');
        const setting = body.valueElicitationSetting as {slotConstraint?: string} | undefined;
        if (!setting?.slotConstraint || !['Required', 'Optional'].includes(setting.slotConstraint))
          throw new HttpError(
            400,
            'ValidationException',
            'valueElicitationSetting.slotConstraint is required (Required or Optional)',
          );
        const typeId = body.slotTypeId as string | undefined;
        if (!typeId || (!typeId.startsWith('AMAZON.') && !l.slotTypes.has(typeId)))
          throw new HttpError(
            400,
            'ValidationException',
            `slotTypeId ${typeId} is not a slot type of the locale`,
          );
        if ([...intent.slots.values()].some((s) => s.slotName === slotName))
          throw new HttpError(409, 'ConflictException', `a slot named ${slotName} exists`);
        const slot: LexSlotRecord = {
          slotId: id('SL'),
          slotName,
          slotTypeId: typeId,
          valueElicitationSetting: setting as {slotConstraint: string},
        };
        intent.slots.set(slot.slotId, slot);
        return {status: 200, body: {...base, intentId: intent.intentId, ...slot}};
      }
    }
    throw new HttpError(404, 'UnknownOperationException', `${method} ${path}`);
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(
          /(.)\/$/,
          '$1',
        );
        let body: Record<string, unknown> = {};
        const record: LexRequest = {method, path, headers: req.headers, body, status: 0};
        const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
          record.status = status;
          requests.push(record);
          res.writeHead(status, {'content-type': 'application/json', ...headers});
          res.end(payload === undefined ? '' : JSON.stringify(payload));
        };
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          record.body = body;
          const presigned = path.startsWith('/exports-download/');
          if (!presigned && !SIGV4.test(String(req.headers.authorization ?? '')))
            throw new HttpError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
          if (!presigned && throttle > 0) {
            throttle -= 1;
            throw new HttpError(429, 'ThrottlingException', 'Rate exceeded');
          }
          const out = await route(method, path, body);
          if (out.raw) {
            record.status = out.status;
            requests.push(record);
            res.writeHead(200, {'content-type': 'application/zip'}).end(out.raw);
            return;
          }
          reply(out.status, out.body);
        } catch (error) {
          if (error instanceof HttpError)
            reply(error.status, {message: error.message}, {'x-amzn-errortype': error.type});
          else reply(500, {message: String(error)}, {'x-amzn-errortype': 'InternalServerException'});
        }
      })();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    botId,
    botName,
    locale,
    requests,
    writes: () =>
      requests.filter(
        (r) => r.status < 300 && WRITE.test(`${r.method} ${r.path}`) && !/\/botlocales\/[^/]+$/.test(r.path),
      ),
    throttleNext: (n) => {
      throttle = n;
    },
    failNextBuild: (reasons) => {
      failBuild = reasons;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
