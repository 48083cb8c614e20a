/** A multi-language Dialogflow ES agent (issue 30): one agent, a usersays and an entries file per language. */
import {registry} from '../../../src/registry.js';
import {describe, expect, it} from 'vitest';
import {dialogflowAgentFormat} from '../../../connectors/dialogflow/es/format.js';
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

const format = dialogflowAgentFormat;
describe('dialogflow: an agent in several languages', () => {
  it('writes one agent: supportedLanguages, and usersays and entries files for every language', async () => {
    const files = await exportWith(format, bilingualDataset());
    expect(validateOutputFiles(files, registry.schemas)).toEqual([]);
    expect(fileJson(files, 'agent.json')).toMatchObject({language: 'en', supportedLanguages: ['es']});
    const paths = files.map((f) => f.path);
    // As real multi-language exports: the default language has its own files too, with the same naming.
    for (const intent of ['check_balance', 'transfer'])
      for (const lang of ['en', 'es']) expect(paths).toContain(`intents/${intent}_usersays_${lang}.json`);
    // No Spanish examples, no Spanish file.
    expect(paths).toContain('intents/thanks_usersays_en.json');
    expect(paths).not.toContain('intents/thanks_usersays_es.json');
    const texts = (path: string) =>
      (fileJson(files, path) as Array<{data: Array<{text: string}>}>).map((p) =>
        p.data.map((d) => d.text).join(''),
      );
    expect(texts('intents/check_balance_usersays_es.json')).toEqual([
      'cuál es mi saldo',
      'cuánto hay en mi cuenta de ahorros',
    ]);
    expect(texts('intents/check_balance_usersays_en.json')).toEqual([
      "what's my balance",
      'how much is in my checking account',
    ]);
    // Spanish entries keep the reference value (the parameter value) with the Spanish forms only.
    expect(fileJson(files, 'entities/account_entries_es.json')).toEqual([
      {value: 'checking', synonyms: ['cuenta corriente', 'cuenta nómina']},
      {value: 'savings', synonyms: ['cuenta de ahorros']},
    ]);
    expect(fileJson(files, 'entities/account_entries_en.json')).toEqual([
      {value: 'checking', synonyms: ['checking', 'checking account']},
      {value: 'savings', synonyms: ['savings', 'savings account']},
    ]);
    expect(fileJson(files, 'entities/amount_entries_es.json')).toEqual([
      {value: '[1-9][0-9]{1,3}', synonyms: ['[1-9][0-9]{1,3}']},
    ]);
    // A free-form entity lists the values each language's annotations hold.
    expect(fileJson(files, 'entities/payee_entries_en.json')).toEqual([{value: 'Anna', synonyms: ['Anna']}]);
    expect(fileJson(files, 'entities/payee_entries_es.json')).toEqual([
      {value: 'Lucía', synonyms: ['Lucía']},
    ]);
    // One entity type file and one intent file each: the rest is common to all languages.
    expect(paths.filter((p) => p.startsWith('entities/account'))).toHaveLength(3);
    expect(paths.filter((p) => /^intents\/transfer(_usersays_\w+)?\.json$/.test(p))).toHaveLength(3);
  });

  it('reads every language back, each utterance tagged with its language, and writes the same files again', async () => {
    const {codes} = await expectBilingualRoundTrip(format);
    expect(codes).not.toContain('DIALOGFLOW_LANGUAGE_ENTRIES_KEPT');
  });

  it('reads a multi-language console export: phrases tagged "lang", entries under values of their own', async () => {
    // The shape of a real two-language ES export (agent.json lists the other languages; each language has its
    // own files; older exports tag each phrase with "lang"; translated entries may use values of their own).
    const phrase = (lang: string, ...data: Array<Record<string, unknown>>) => ({
      id: `${lang}-${String(data[0]!['text'])}`,
      data,
      isTemplate: false,
      count: 0,
      lang,
      updated: 0,
    });
    const agent = {
      'agent.json': JSON.stringify({language: 'en', supportedLanguages: ['es'], mlMinConfidence: 0.3}),
      'package.json': JSON.stringify({version: '1.0.0'}),
      'intents/hi.json': JSON.stringify({name: 'hi', auto: true, responses: [{parameters: []}]}),
      'intents/hi_usersays_en.json': JSON.stringify([
        phrase(
          'en',
          {text: 'show me ', userDefined: false},
          {text: 'chinese', meta: '@cuisine', alias: 'cuisine'},
        ),
        phrase('en', {text: 'hello', userDefined: false}),
      ]),
      'intents/hi_usersays_es.json': JSON.stringify([
        phrase(
          'es',
          {text: 'muéstrame los restaurantes ', userDefined: false},
          {text: 'chinos', meta: '@cuisine', alias: 'cuisine', userDefined: true},
        ),
        phrase('es', {text: 'hola', userDefined: false}),
        phrase('es', {text: 'buenas', userDefined: false}),
      ]),
      'entities/cuisine.json': JSON.stringify({
        name: 'cuisine',
        isOverridable: true,
        isEnum: false,
        isRegexp: false,
        automatedExpansion: false,
      }),
      'entities/cuisine_entries_en.json': JSON.stringify([
        {value: 'chinese', synonyms: ['chinese', 'china']},
      ]),
      'entities/cuisine_entries_es.json': JSON.stringify([
        {value: 'chinese', synonyms: ['chinese', 'chino', 'chinos']},
        {value: 'mexicano', synonyms: ['mexicano', 'méxico']},
      ]),
    };
    const context = createConnectorContext();
    const dataset = await importWith(format, agent, context);
    expect(dataset.languages).toEqual(['en', 'es']);
    expect(dataset.utterances.map((u) => [u.language, u.text])).toEqual([
      ['en', 'show me chinese'],
      ['en', 'hello'],
      ['es', 'muéstrame los restaurantes chinos'],
      ['es', 'hola'],
      ['es', 'buenas'],
    ]);
    expect(dataset.utterances[2]!.entities).toEqual([{entity: 'cuisine', start: 27, end: 33}]);
    expect(formsOf(dataset, 'cuisine')).toEqual([['chinese', {es: ['chino', 'chinos']}]]);
    const kept = context.warnings.find((w) => w.code === 'DIALOGFLOW_LANGUAGE_ENTRIES_KEPT');
    expect(kept?.message).toContain('"mexicano" (es)');
    // Back to Dialogflow: the Spanish entries as they were (the value the model cannot hold included).
    const files = await exportWith(format, dataset);
    expect(fileJson(files, 'entities/cuisine_entries_es.json')).toEqual(
      JSON.parse(agent['entities/cuisine_entries_es.json']),
    );
    expect(fileJson(files, 'agent.json')).toEqual(JSON.parse(agent['agent.json']));
    const es = fileJson(files, 'intents/hi_usersays_es.json') as Array<{id: string; data: unknown[]}>;
    expect(es.map((p) => p.id)).toEqual(['es-muéstrame los restaurantes ', 'es-hola', 'es-buenas']);
    // A changed Spanish form is written from the dataset; the value it cannot hold still goes back.
    dataset.entities[0]!.values![0]!.synonymsByLanguage = {es: ['comida china']};
    const changed = await exportWith(format, dataset);
    expect(fileJson(changed, 'entities/cuisine_entries_es.json')).toEqual([
      {value: 'chinese', synonyms: ['comida china']},
      {value: 'mexicano', synonyms: ['mexicano', 'méxico']},
    ]);
  });

  it('writes other languages as Dialogflow spells them (pt-BR as pt-br), with a warning', async () => {
    const dataset: Dataset = {
      ...bilingualDataset(),
      languages: ['en', 'pt-BR'],
      utterances: [
        {text: 'hello', intent: 'thanks', language: 'en'},
        {text: 'obrigado', intent: 'thanks', language: 'pt-BR'},
      ],
    };
    const context = createConnectorContext();
    const files = await exportWith(format, dataset, context);
    expect(fileJson(files, 'agent.json')).toMatchObject({language: 'en', supportedLanguages: ['pt-br']});
    expect(files.map((f) => f.path)).toContain('intents/thanks_usersays_pt-br.json');
    expect(context.warnings.find((w) => w.code === 'DIALOGFLOW_LANGUAGE_CODE')?.message).toContain(
      '"pt-BR" is written as "pt-br"',
    );
    const back = await importWith(format, files);
    expect(back.utterances.map((u) => [u.language, u.text])).toEqual([
      ['en', 'hello'],
      ['pt-br', 'obrigado'],
    ]);
  });

  it('is a multi-language format: the export writes one agent for every language, not a file per language', async () => {
    const {written, codes, back} = await exportThroughCore('dialogflow');
    expect(written).toEqual(['agent.zip']);
    expect(codes).not.toContain('EXPORT_ONE_FILE_PER_LANGUAGE');
    expect(linesByLanguage(back)).toEqual(linesByLanguage(bilingualDataset()));
  });
});
