/**
 * CLU and Lex write a dataset in several languages as one multi-language project / bot (issue 30 item 2):
 * a CLU project with `multilingual: true`, a language per utterance and a synonyms entry per language; a Lex
 * bot with one BotLocales/<locale>/ folder per language. Each reads back with every utterance in its language.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {afterAll, describe, expect, it} from 'vitest';
import {createConnectorContext} from '../../src/convert/context.js';
import {exportToPath} from '../../src/convert/export.js';
import {importFromPath} from '../../src/convert/import.js';
import {openImportSource} from '../../src/convert/source.js';
import {SynthnluError} from '../../src/errors.js';
import {generateDataset} from '../../src/generate/index.js';
import {loadSpec} from '../../src/library-load.js';
import type {Dataset} from '../../src/model/dataset.js';
import {datasetInLanguage} from '../../src/model/languages.js';
import {registry} from '../../src/registry.js';
import {validateAgainstSchema} from '../../src/schema/validate.js';
import {ROOT, SHARED, tempDir} from '../helpers/cli.js';
import {memorySource} from '../helpers/memory-source.js';
import {rmSync} from 'node:fs';

const dir = tempDir('synthnlu-multi-language-native-');
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Per language (primary subtag), the sorted texts. */
function textsByLanguage(dataset: Dataset): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const u of dataset.utterances) (out[primary(u.language ?? dataset.language)] ??= []).push(u.text);
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** Per language, per intent, how many utterances. */
function countsByLanguage(dataset: Dataset): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const u of dataset.utterances) {
    const byIntent = (out[primary(u.language ?? dataset.language)] ??= {});
    byIntent[u.intent] = (byIntent[u.intent] ?? 0) + 1;
  }
  return out;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const {spec} = await loadSpec(join(ROOT, 'examples/multilingual.yaml'));
const {dataset} = await generateDataset(spec, {seed: 1, perIntent: 8});
const checking = (d: Dataset) =>
  d.entities.find((e) => e.name === 'account')?.values?.find((v) => v.value === 'checking');

describe('CLU: one multilingual project', () => {
  const out = join(dir, 'project.json');

  it('writes one file: multilingual, the primary language, a language per utterance and per synonyms entry', async () => {
    const summary = await exportToPath(dataset, 'clu', out, {});
    expect(summary.files).toEqual([out]);
    expect(summary.warnings.map((w) => w.code)).not.toContain('EXPORT_ONE_FILE_PER_LANGUAGE');
    expect(summary.utterances).toBe(dataset.utterances.length);
    const project = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateAgainstSchema('clu-project.schema.json', project)).toEqual([]);
    expect(project.metadata).toMatchObject({multilingual: true, language: 'en-us'});
    const languages = project.assets.utterances.map((u: {language: string}) => u.language);
    expect(languages.filter((l: string) => l === 'en-us')).toHaveLength(
      dataset.utterances.filter((u) => u.language === 'en').length,
    );
    expect(languages.filter((l: string) => l === 'es')).toHaveLength(
      dataset.utterances.filter((u) => u.language === 'es').length,
    );
    const account = project.assets.entities.find((e: {category: string}) => e.category === 'account');
    expect(account.list.sublists.find((s: {listKey: string}) => s.listKey === 'checking').synonyms).toEqual([
      {language: 'en-us', values: ['checking', 'checking account', 'current account']},
      {language: 'es', values: ['cuenta corriente', 'cuenta nómina']},
    ]);
  });

  it('reads every utterance back in its language, the counts per language and the synonyms per language', async () => {
    const back = (await importFromPath(out)).dataset;
    expect(back.languages?.map(primary)).toEqual(['en', 'es']);
    expect(back.utterances.every((u) => u.language !== undefined)).toBe(true);
    expect(textsByLanguage(back)).toEqual(textsByLanguage(dataset));
    expect(countsByLanguage(back)).toEqual(countsByLanguage(dataset));
    expect(checking(back)).toEqual({
      value: 'checking',
      synonyms: ['checking account', 'current account'],
      synonymsByLanguage: {es: ['cuenta corriente', 'cuenta nómina']},
    });
  });

  it('writes the imported project again unchanged', async () => {
    const back = (await importFromPath(out)).dataset;
    const again = join(dir, 'again.json');
    await exportToPath(back, 'clu', again, {});
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('keeps a one-language project as it was: multilingual as imported, no languages list', async () => {
    const english = datasetInLanguage(dataset, 'en');
    const one = join(dir, 'one.json');
    await exportToPath(english, 'clu', one, {});
    const project = JSON.parse(readFileSync(one, 'utf8'));
    expect(project.metadata.multilingual).toBe(false);
    const back = (await importFromPath(one)).dataset;
    expect(back.languages).toBeUndefined();
    expect(back.utterances.some((u) => u.language !== undefined)).toBe(false);
  });
});

describe('Lex: one bot, one locale per language', () => {
  const out = join(dir, 'bot');

  it('writes BotLocales/en_US and BotLocales/es_US, each with its own utterances and list forms', async () => {
    // Lex has no test split: --test-as-train, so every utterance is in the bot.
    const summary = await exportToPath(dataset, 'lex', out, {testAsTrain: true});
    expect(summary.warnings.map((w) => w.code)).not.toContain('EXPORT_ONE_FILE_PER_LANGUAGE');
    const files = filesUnder(out).map((f) => relative(out, f));
    const locales = new Set(files.flatMap((f) => /BotLocales\/([^/]+)\//.exec(f)?.[1] ?? []));
    expect([...locales].sort()).toEqual(['en_US', 'es_US']);
    const botFolder = files.find((f) => f.endsWith('/Bot.json'))!.split('/')[0]!;
    // Every file against our Lex schemas (schemas/lex-*.schema.json), by its place in the export.
    const schemaOf: Array<[RegExp, string]> = [
      [/^Manifest\.json$/, 'lex-manifest.schema.json'],
      [/^[^/]+\/Bot\.json$/, 'lex-bot.schema.json'],
      [/\/BotLocale\.json$/, 'lex-bot-locale.schema.json'],
      [/\/Slots\/[^/]+\/Slot\.json$/, 'lex-slot.schema.json'],
      [/\/Intents\/[^/]+\/Intent\.json$/, 'lex-intent.schema.json'],
      [/\/SlotType\.json$/, 'lex-slot-type.schema.json'],
    ];
    for (const f of files) {
      const schema = schemaOf.find(([re]) => re.test(f))![1];
      expect(validateAgainstSchema(schema, JSON.parse(readFileSync(join(out, f), 'utf8'))), f).toEqual([]);
    }
    for (const locale of locales) {
      const localeFile = JSON.parse(
        readFileSync(join(out, botFolder, 'BotLocales', locale, 'BotLocale.json'), 'utf8'),
      );
      expect(localeFile.identifier).toBe(locale);
    }
    const samples = (locale: string) =>
      files
        .filter(
          (f) => f.startsWith(`${botFolder}/BotLocales/${locale}/Intents/`) && f.endsWith('Intent.json'),
        )
        .flatMap((f) =>
          (JSON.parse(readFileSync(join(out, f), 'utf8')).sampleUtterances ?? []).map(
            (s: {utterance: string}) => s.utterance,
          ),
        );
    expect(samples('es_US')).toContain('cuál es mi saldo');
    expect(samples('en_US')).not.toContain('cuál es mi saldo');
    expect(samples('en_US')).toContain("what's my balance");
    const account = (locale: string) =>
      JSON.parse(
        readFileSync(
          join(out, botFolder, 'BotLocales', locale, 'SlotTypes', 'account', 'SlotType.json'),
          'utf8',
        ),
      );
    expect(account('es_US').slotTypeValues[0]).toEqual({
      sampleValue: {value: 'checking'},
      synonyms: [{value: 'cuenta corriente'}, {value: 'cuenta nómina'}],
    });
    expect(account('en_US').slotTypeValues[0].synonyms).toEqual([
      {value: 'checking account'},
      {value: 'current account'},
    ]);
  });

  it('reads every utterance back in its language, the counts per language and the synonyms per language', async () => {
    const back = (await importFromPath(out)).dataset;
    expect(back.languages).toEqual(['en', 'es']);
    expect(back.utterances.every((u) => u.language !== undefined)).toBe(true);
    expect(textsByLanguage(back)).toEqual(textsByLanguage(dataset));
    expect(countsByLanguage(back)).toEqual(countsByLanguage(dataset));
    expect(checking(back)?.synonymsByLanguage).toEqual({es: ['cuenta corriente', 'cuenta nómina']});
    expect(checking(back)?.synonyms).toEqual(['checking account', 'current account']);
  });

  it('checks Lex quotas per locale: 1,500 samples per intent in each locale, not in both together', async () => {
    const many = (language: string, n: number) =>
      Array.from({length: n}, (_, i) => ({text: `${language} sample ${i}`, intent: 'greet', language}));
    const big: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      languages: ['en', 'es'],
      intents: [{name: 'greet'}],
      entities: [],
      utterances: [...many('en', 1000), ...many('es', 1000)],
    };
    await expect(exportToPath(big, 'lex', join(dir, 'big'), {})).resolves.toMatchObject({utterances: 2000});
    big.utterances.push(...many('es', 501).map((u) => ({...u, text: `${u.text} more`})));
    const refused = await exportToPath(big, 'lex', join(dir, 'big2'), {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SynthnluError);
    expect((refused as SynthnluError).message).toContain('lex (es) allows 1500');
  });

  it('names the values of another locale its primary locale lacks, instead of losing them silently', async () => {
    const lex = registry.format('lex').format;
    const {files} = await lex.exportDataset(dataset, createConnectorContext(), {});
    const map = Object.fromEntries(files.map((f) => [f.path, String(f.content)]));
    const path = Object.keys(map).find((p) => p.endsWith('/es_US/SlotTypes/account/SlotType.json'))!;
    const type = JSON.parse(map[path]!);
    type.slotTypeValues.push({sampleValue: {value: 'cuenta joven'}, synonyms: null});
    map[path] = JSON.stringify(type);
    const context = createConnectorContext();
    const back = await lex.importDataset(memorySource(map, {kind: 'folder', path: 'bot'}), context);
    const warning = context.warnings.find((w) => w.code === 'LEX_LOCALE_VALUES_UNMATCHED');
    expect(warning?.message).toContain('"cuenta joven"');
    expect(checking(back.dataset)?.synonymsByLanguage?.es).toEqual(['cuenta corriente', 'cuenta nómina']);
  });

  it('refuses two languages that are one Lex locale', async () => {
    const twice: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'es',
      languages: ['es', 'es-US'],
      intents: [{name: 'greet'}],
      entities: [],
      utterances: [
        {text: 'hola', intent: 'greet', language: 'es'},
        {text: 'buenas', intent: 'greet', language: 'es-US'},
      ],
    };
    const error = await exportToPath(twice, 'lex', join(dir, 'twice'), {}).catch((e: unknown) => e);
    expect((error as SynthnluError).code).toBe('LEX_LOCALE_TWICE');
  });
});

const ACME = join(SHARED, 'fixtures', 'lex-v2', 'acme-lexbot-en-es');

describe('the real two-locale Lex bot (acme-lexbot-en-es)', () => {
  it('imports both locales: en_US as en, es_US as es, every utterance tagged with its language', async () => {
    const {dataset: acme, warnings} = await importFromPath(ACME);
    expect(acme.language).toBe('en');
    expect(acme.languages).toEqual(['en', 'es']);
    expect(warnings.map((w) => w.code)).not.toContain('LEX_OTHER_LOCALES');
    const byLanguage = (language: string) =>
      acme.utterances
        .filter((u) => u.language === language)
        .map((u) => `${u.intent}: ${u.text}`)
        .sort();
    expect(byLanguage('en')).toEqual(['Finance: finance', 'Sales: sales']);
    expect(byLanguage('es')).toEqual(['Finance: finance', 'Sales: sales']);
    expect(acme.utterances.every((u) => u.language === 'en' || u.language === 'es')).toBe(true);
  });

  it('writes the bot back file for file, byte for byte, both locales', async () => {
    const source = await openImportSource(ACME);
    const context = createConnectorContext();
    const lex = registry.format('lex').format;
    const {dataset: acme} = await lex.importDataset(source, context);
    const {files} = await lex.exportDataset(acme, createConnectorContext(), {});
    const written = files.map((f) => f.path).sort();
    const original = source
      .list()
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(written).toEqual(original);
    for (const f of files) expect(f.content, f.path).toBe(await source.readText(f.path));
  });

  it('writes a new Spanish utterance into es_US only', async () => {
    const lex = registry.format('lex').format;
    const {dataset: acme} = await importFromPath(ACME);
    acme.utterances.push({text: 'quiero pagar una factura', intent: 'Finance', language: 'es'});
    const {files} = await lex.exportDataset(acme, createConnectorContext(), {});
    const samples = (locale: string) =>
      JSON.parse(
        String(
          files.find((f) => f.path === `acme-lexbot/BotLocales/${locale}/Intents/Finance/Intent.json`)!
            .content,
        ),
      ).sampleUtterances.map((s: {utterance: string}) => s.utterance);
    expect(samples('es_US')).toEqual(['finance', 'quiero pagar una factura']);
    expect(samples('en_US')).toEqual(['finance']);
  });
});

/**
 * The JSON Schemas of the AWS Solutions Library IVR migration project (../shared/.../_schemas-ivr-migration)
 * are a guide only: they disagree with real exports in places (../shared/README.md). The ones that fit real
 * exports (the manifest; the bot locale, whose `version` they do not list and whose `voiceSettings` they do
 * not allow to be null, as a text-only locale has it) check what the export writes.
 */
describe('the Lex files against the published schemas that fit', () => {
  const schemas = join(SHARED, 'fixtures', 'lex-v2', '_schemas-ivr-migration');
  const ajv = new Ajv2020({strict: false, allErrors: true});
  const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(schemas, name), 'utf8')));
  /** A BotLocale.json without what the published schema does not know: `version`, a null `voiceSettings`. */
  const known = (text: string) => {
    const {version: _version, ...json} = JSON.parse(text);
    if (json.voiceSettings === null) delete json.voiceSettings;
    return json;
  };

  it('the real two-locale export fits them (the check is fair)', () => {
    const manifest = schema('manifest.schema.json');
    const locale = schema('botLocale.schema.json');
    expect(manifest(JSON.parse(readFileSync(join(ACME, 'Manifest.json'), 'utf8')))).toBe(true);
    for (const id of ['en_US', 'es_US']) {
      const json = known(readFileSync(join(ACME, 'acme-lexbot', 'BotLocales', id, 'BotLocale.json'), 'utf8'));
      expect(locale(json), JSON.stringify(locale.errors)).toBe(true);
    }
  });

  it('the two-language export fits them', async () => {
    const out = join(dir, 'checked');
    await exportToPath(dataset, 'lex', out, {});
    const manifest = schema('manifest.schema.json');
    const locale = schema('botLocale.schema.json');
    expect(manifest(JSON.parse(readFileSync(join(out, 'Manifest.json'), 'utf8')))).toBe(true);
    const localeFiles = filesUnder(out).filter((f) => f.endsWith('BotLocale.json'));
    expect(localeFiles).toHaveLength(2);
    for (const file of localeFiles) {
      expect(locale(known(readFileSync(file, 'utf8'))), JSON.stringify(locale.errors)).toBe(true);
    }
  });
});
