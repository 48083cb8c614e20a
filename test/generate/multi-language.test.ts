import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {inspectSpecText, loadSpec} from '../../src/library-load.js';
import {checkDataset} from '../../src/model/check-dataset.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/multilingual.yaml');

describe('a spec in several languages', () => {
  it('generates every language, each utterance carrying its language and drawn from its own examples', async () => {
    const {spec} = await loadSpec(EXAMPLE);
    const {dataset, report} = await generateDataset(spec, {seed: 1});
    expect(dataset.language).toBe('en');
    expect(dataset.languages).toEqual(['en', 'es']);
    const en = dataset.utterances.filter((u) => u.language === 'en');
    const es = dataset.utterances.filter((u) => u.language === 'es');
    expect(en.length + es.length).toBe(dataset.utterances.length);
    expect(new Set(es.map((u) => u.intent))).toEqual(new Set(dataset.intents.map((i) => i.name)));
    // Spanish utterances come from Spanish seeds and templates only.
    const esSeeds = new Set(spec.intents.flatMap((i) => (i.examples as Record<string, string[]>).es!));
    for (const u of es) expect(esSeeds.has(u.origin ?? u.text)).toBe(true);
    // A list slot in Spanish says the Spanish synonyms, never the English key, and keeps the canonical value.
    const accounts = es.flatMap((u) =>
      (u.entities ?? []).filter((s) => s.entity === 'account').map((s) => ({u, s})),
    );
    expect(accounts.length).toBeGreaterThan(0);
    for (const {u, s} of accounts) {
      expect(['cuenta corriente', 'cuenta nómina', 'cuenta de ahorros', 'libreta de ahorros']).toContain(
        u.text.slice(s.start, s.end),
      );
      expect(['checking', 'savings']).toContain(s.value);
    }
    const account = dataset.entities.find((e) => e.name === 'account')!;
    expect(account.values![0]).toEqual({
      value: 'checking',
      synonyms: ['checking account', 'current account'],
      synonymsByLanguage: {es: ['cuenta corriente', 'cuenta nómina']},
    });
    expect(report.languages?.map((l) => l.language)).toEqual(['en', 'es']);
    expect(report.intents.filter((i) => i.language === 'es')).toHaveLength(4);
    expect(report.produced).toBe(dataset.utterances.length);
    expect(checkDataset(dataset).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves a one-language spec as it was: no languages, no language on utterances', async () => {
    const {spec} = await loadSpec(join(ROOT, 'examples/bike-shop.yaml'));
    const {dataset} = await generateDataset(spec, {seed: 1, perIntent: 5});
    expect(dataset.languages).toBeUndefined();
    expect(dataset.utterances.some((u) => 'language' in u)).toBe(false);
  });

  it('generates an intent only in the languages it has examples in, and says so', async () => {
    const text = [
      'languages: [en, es]',
      'intents:',
      '  - name: greet',
      '    examples: {en: [hello there], es: [hola]}',
      '  - name: bye',
      '    examples: [goodbye]',
    ].join('\n');
    const inspection = await inspectSpecText(text, 'two.yaml');
    expect(inspection.diagnostics).toMatchObject([
      {severity: 'warning', code: 'SPEC_INTENT_MISSING_LANGUAGE', path: 'intents[1].examples', line: 6},
    ]);
    const {dataset} = await generateDataset(inspection.value!, {seed: 1, perIntent: 2});
    expect(dataset.utterances.filter((u) => u.intent === 'bye').map((u) => u.language)).toEqual(['en', 'en']);
  });

  it('reports a language the spec does not declare, and rule findings at their place in the language map', async () => {
    const unknown = await inspectSpecText(
      ['languages: [en, es]', 'intents:', '  - name: greet', '    examples: {en: [hi], se: [hola]}'].join(
        '\n',
      ),
      'bad.yaml',
    );
    expect(unknown.diagnostics).toMatchObject([
      {
        code: 'SPEC_UNKNOWN_LANGUAGE',
        path: 'intents[0].examples.se',
        line: 4,
        suggestion: 'Did you mean es?',
      },
    ]);
    const noLanguages = await inspectSpecText(
      ['intents:', '  - name: greet', '    examples: {en: [hi], es: [hola]}'].join('\n'),
      'bad.yaml',
    );
    expect(noLanguages.diagnostics.map((d) => d.code)).toEqual(['SPEC_LANGUAGES_MISSING']);
    const conflict = await inspectSpecText(
      [
        'language: es',
        'languages: [en, es]',
        'intents:',
        '  - name: greet',
        '    examples: {en: [hi], es: [hola]}',
      ].join('\n'),
      'bad.yaml',
    );
    expect(conflict.diagnostics.map((d) => d.code)).toEqual(['SPEC_LANGUAGE_CONFLICT']);
    const badRef = await inspectSpecText(
      [
        'languages: [en, es]',
        'intents:',
        '  - name: greet',
        '    examples:',
        '      en: [hi]',
        '      es:',
        '        - hola',
        '        - hola {nombre}',
      ].join('\n'),
      'bad.yaml',
    );
    expect(badRef.diagnostics).toMatchObject([{path: 'intents[0].examples.es[1]', line: 8}]);
  });

  it('refuses a dataset utterance in a language the dataset does not hold', () => {
    const findings = checkDataset({
      format: 'synthnlu-dataset/1',
      language: 'en',
      languages: ['en', 'es'],
      intents: [{name: 'greet'}],
      entities: [],
      utterances: [
        {text: 'hello', intent: 'greet', language: 'en'},
        {text: 'hello', intent: 'greet', language: 'es'},
        {text: 'bonjour', intent: 'greet', language: 'fr'},
      ],
    });
    expect(findings.map((d) => d.code)).toEqual(['DATASET_UNKNOWN_LANGUAGE']);
  });
});
