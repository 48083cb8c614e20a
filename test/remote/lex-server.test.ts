/**
 * The local Lex server refuses what the real Lex V2 API refuses for what synthnlu sends (each rule cited in
 * test/support/lex-server/server.ts), so a push that passes against it does not rely on a lenient fake. Driven
 * with the real SDK client.
 */
import {
  CreateIntentCommand,
  CreateSlotCommand,
  CreateSlotTypeCommand,
  LexModelsV2Client,
  ListIntentsCommand,
  UpdateIntentCommand,
} from '@aws-sdk/client-lex-models-v2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startLexServer, type LocalLexServer} from '../support/lex-server/server.js';

let server: LocalLexServer;
let client: LexModelsV2Client;
const base = {botId: 'BOTID12345', botVersion: 'DRAFT', localeId: 'en_US'};

beforeAll(async () => {
  server = await startLexServer();
  client = new LexModelsV2Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    credentials: {accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret'},
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

async function refusal(call: Promise<unknown>): Promise<{name: string; status: number | undefined}> {
  const error = (await call.catch((e: unknown) => e)) as {
    name: string;
    $metadata?: {httpStatusCode?: number};
  };
  expect(error).toBeInstanceOf(Error);
  return {name: error.name, status: error.$metadata?.httpStatusCode};
}

describe('local Lex server: refuses what Lex refuses', () => {
  it('an unsigned request', async () => {
    const response = await fetch(
      `${server.endpoint}/bots/BOTID12345/botversions/DRAFT/botlocales/en_US/intents`,
      {
        method: 'POST',
        body: '{}',
      },
    );
    expect(response.status).toBe(403);
  });

  it('names outside ^([0-9a-zA-Z][_-]?){1,100}$, a duplicate name, a missing slot constraint, an unknown slot type', async () => {
    expect(
      await refusal(client.send(new CreateIntentCommand({...base, intentName: 'order.icecream'}))),
    ).toEqual({
      name: 'ValidationException',
      status: 400,
    });
    await client.send(new CreateIntentCommand({...base, intentName: 'order_icecream'}));
    expect(
      await refusal(client.send(new CreateIntentCommand({...base, intentName: 'Order_IceCream'}))),
    ).toEqual({
      name: 'ConflictException',
      status: 409,
    });
    const {intentSummaries} = await client.send(new ListIntentsCommand(base));
    const intentId = intentSummaries!.find((i) => i.intentName === 'order_icecream')!.intentId!;
    expect(
      await refusal(
        client.send(
          new CreateSlotCommand({
            ...base,
            intentId,
            slotName: 'flavor',
            slotTypeId: 'AMAZON.Number',
            valueElicitationSetting: {} as never,
          }),
        ),
      ),
    ).toEqual({name: 'ValidationException', status: 400});
    expect(
      await refusal(
        client.send(
          new CreateSlotCommand({
            ...base,
            intentId,
            slotName: 'flavor',
            slotTypeId: 'NOSUCHTYPE',
            valueElicitationSetting: {slotConstraint: 'Optional'},
          }),
        ),
      ),
    ).toEqual({name: 'ValidationException', status: 400});
  });

  it('a resolution strategy Lex does not know, a custom slot type with neither values nor a parent', async () => {
    expect(
      await refusal(
        client.send(
          new CreateSlotTypeCommand({
            ...base,
            slotTypeName: 'flavor',
            slotTypeValues: [{sampleValue: {value: 'vanilla'}}],
            valueSelectionSetting: {resolutionStrategy: 'TOP_RESOLUTION' as never},
          }),
        ),
      ),
    ).toEqual({name: 'ValidationException', status: 400});
    expect(await refusal(client.send(new CreateSlotTypeCommand({...base, slotTypeName: 'empty'})))).toEqual({
      name: 'ValidationException',
      status: 400,
    });
  });

  it('a slot type value or synonym that is empty or over 140 characters', async () => {
    const create = (slotTypeValues: {sampleValue: {value: string}; synonyms?: {value: string}[]}[]) =>
      client.send(
        new CreateSlotTypeCommand({
          ...base,
          slotTypeName: `flavor${slotTypeValues.length}`,
          slotTypeValues,
          valueSelectionSetting: {resolutionStrategy: 'TopResolution'},
        }),
      );
    await create([{sampleValue: {value: 'x'.repeat(140)}, synonyms: [{value: 'vanilla'}]}]);
    expect(
      await refusal(create([{sampleValue: {value: 'y'.repeat(141)}}, {sampleValue: {value: 'ok'}}])),
    ).toEqual({
      name: 'ValidationException',
      status: 400,
    });
    expect(
      await refusal(
        create([
          {sampleValue: {value: 'ok'}, synonyms: [{value: ''}]},
          {sampleValue: {value: 'b'}},
          {sampleValue: {value: 'c'}},
        ]),
      ),
    ).toEqual({name: 'ValidationException', status: 400});
  });

  it('sample utterances on the fallback intent, and more than the 1,500-per-intent quota', async () => {
    expect(
      await refusal(
        client.send(
          new UpdateIntentCommand({
            ...base,
            intentId: 'FALLBCKINT',
            intentName: 'FallbackIntent',
            sampleUtterances: [{utterance: 'hello'}],
          }),
        ),
      ),
    ).toEqual({name: 'ValidationException', status: 400});
    const many = Array.from({length: 1501}, (_, i) => ({utterance: `hello ${i}`}));
    expect(
      await refusal(
        client.send(new CreateIntentCommand({...base, intentName: 'big', sampleUtterances: many})),
      ),
    ).toEqual({name: 'ServiceQuotaExceededException', status: 402});
  });
});
