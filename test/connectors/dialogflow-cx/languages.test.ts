/** A multi-language Dialogflow CX agent (issue 30): trainingPhrases/<lang>.json and entities/<lang>.json per language. */
import {registry} from '../../../src/registry.js';
import {describe, expect, it} from 'vitest';
import {dialogflowCxAgentFormat} from '../../../connectors/dialogflow/cx/format.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import {validateOutputFiles} from '../../../src/convert/write-output.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {
  bilingualDataset,
  expectBilingualRoundTrip,
  exportThroughCore,
  exportWith,
  fileJson,
  formsOf,
  importWith,
  linesByLanguage,
} from '../../helpers/bilingual-dataset.js';

const format = dialogflowCxAgentFormat;
describe('dialogflow-cx: an agent in several languages', () => {
  it('writes one agent: supportedLanguageCodes, and a training phrase and entities file per language', async () => {
    const files = await exportWith(format, bilingualDataset());
    expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
    const agent = fileJson(files, 'agent.json') as Record<string, unknown>;
    expect(agent).toMatchObject({defaultLanguageCode: 'en', supportedLanguageCodes: ['es']});
    // The API's order: the other languages right after the default one.
    expect(Object.keys(agent).slice(0, 3)).toEqual([
      'displayName',
      'defaultLanguageCode',
      'supportedLanguageCodes',
    ]);
    const paths = files.map((f) => f.path);
    expect(paths).toContain('intents/transfer/trainingPhrases/en.json');
    expect(paths).toContain('intents/thanks/trainingPhrases/en.json');
    expect(paths).not.toContain('intents/thanks/trainingPhrases/es.json');
    const es = fileJson(files, 'intents/transfer/trainingPhrases/es.json') as {
      trainingPhrases: Array<{parts: Array<{text: string; parameterId?: string}>; languageCode: string}>;
    };
    expect(es.trainingPhrases.map((p) => p.languageCode)).toEqual(['es', 'es']);
    expect(es.trainingPhrases[1]!.parts).toEqual([
      {text: 'transfiere '},
      {text: '300', parameterId: 'amount'},
      {text: ' euros a mi '},
      {text: 'cuenta corriente', parameterId: 'account'},
    ]);
    expect(fileJson(files, 'entityTypes/account/entities/es.json')).toEqual({
      entities: [
        {value: 'checking', synonyms: ['cuenta corriente', 'cuenta nómina'], languageCode: 'es'},
        {value: 'savings', synonyms: ['cuenta de ahorros'], languageCode: 'es'},
      ],
    });
    expect(fileJson(files, 'entityTypes/payee/entities/es.json')).toEqual({
      entities: [{value: 'Lucía', synonyms: ['Lucía'], languageCode: 'es'}],
    });
    // Parameters are common to all languages: one intent file.
    const intent = fileJson(files, 'intents/transfer/transfer.json') as {parameters: Array<{id: string}>};
    expect(intent.parameters.map((p) => p.id)).toEqual(['amount', 'payee', 'account']);
  });

  it('reads every language back, each utterance tagged with its language, and writes the same files again', async () => {
    const {back, codes} = await expectBilingualRoundTrip(format);
    expect(codes).not.toContain('DIALOGFLOW_CX_LANGUAGE_ENTRIES_KEPT');
    // A Spanish form resolves to its reference value, as the English one does.
    const spanish = back.utterances.find((u) => u.text.includes('cuenta corriente'))!;
    expect(spanish.entities?.find((s) => s.entity === 'account')?.value).toBe('checking');
  });

  it('an imported agent keeps its agent.json bytes, and its other-language entries it cannot link', async () => {
    const agentText =
      '{\n  "defaultLanguageCode": "en",\n  "supportedLanguageCodes": [ "fr" ],\n  "timeZone": "Europe/Paris"\n}\n';
    const files = {
      'agent.json': agentText,
      'entityTypes/size/size.json': JSON.stringify({name: 'e1', displayName: 'size', kind: 'KIND_MAP'}),
      'entityTypes/size/entities/en.json': JSON.stringify({
        entities: [{value: 'small', synonyms: ['small', 'little'], languageCode: 'en'}],
      }),
      'entityTypes/size/entities/fr.json': JSON.stringify({
        entities: [
          {value: 'small', synonyms: ['petit', 'petite'], languageCode: 'fr'},
          {value: 'moyen', synonyms: ['moyen'], languageCode: 'fr'},
        ],
      }),
      'intents/order/order.json': JSON.stringify({
        name: 'i1',
        displayName: 'order',
        parameters: [{id: 'size', entityType: '@size'}],
        priority: 500000,
      }),
      'intents/order/trainingPhrases/en.json': JSON.stringify({
        trainingPhrases: [
          {
            parts: [{text: 'a '}, {text: 'little', parameterId: 'size'}, {text: ' one'}],
            repeatCount: 1,
            languageCode: 'en',
          },
        ],
      }),
      'intents/order/trainingPhrases/fr.json': JSON.stringify({
        trainingPhrases: [
          {
            parts: [{text: 'une '}, {text: 'petite', parameterId: 'size'}],
            repeatCount: 1,
            languageCode: 'fr',
          },
        ],
      }),
    };
    const context = createConnectorContext();
    const dataset = await importWith(format, files, context);
    expect(dataset.languages).toEqual(['en', 'fr']);
    expect(dataset.utterances.map((u) => [u.language, u.text, u.entities?.[0]?.value])).toEqual([
      ['en', 'a little one', 'small'],
      ['fr', 'une petite', 'small'],
    ]);
    expect(formsOf(dataset, 'size')).toEqual([['small', {fr: ['petit', 'petite']}]]);
    expect(context.warnings.find((w) => w.code === 'DIALOGFLOW_CX_LANGUAGE_ENTRIES_KEPT')?.message).toContain(
      '"moyen" (fr)',
    );
    const out = await exportWith(format, dataset);
    expect(out.find((f) => f.path === 'agent.json')!.content).toBe(agentText);
    expect(fileJson(out, 'entityTypes/size/entities/fr.json')).toEqual(
      JSON.parse(files['entityTypes/size/entities/fr.json']),
    );
    // Spanish added: the agent's languages follow, its other settings kept.
    const withSpanish: Dataset = {
      ...dataset,
      languages: ['en', 'fr', 'es'],
      utterances: [...dataset.utterances, {text: 'una pequeña', intent: 'order', language: 'es'}],
    };
    const more = await exportWith(format, withSpanish);
    expect(fileJson(more, 'agent.json')).toEqual({
      defaultLanguageCode: 'en',
      supportedLanguageCodes: ['fr', 'es'],
      timeZone: 'Europe/Paris',
    });
    expect(more.map((f) => f.path)).toContain('intents/order/trainingPhrases/es.json');
  });

  it('is a multi-language format: the export writes one agent for every language, not a file per language', async () => {
    const {written, codes, back} = await exportThroughCore('dialogflow-cx');
    expect(written).toEqual(['agent.zip']);
    expect(codes).not.toContain('EXPORT_ONE_FILE_PER_LANGUAGE');
    expect(linesByLanguage(back)).toEqual(linesByLanguage(bilingualDataset()));
  });
});
