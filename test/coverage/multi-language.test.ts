import {describe, expect, it} from 'vitest';
import {DEFAULT_COVERAGE_OPTIONS, runCoverage} from '../../src/coverage/index.js';
import type {Dataset, Utterance} from '../../src/model/dataset.js';
import {renderTerminalSummary} from '../../src/report/terminal.js';

const many = (intent: string, language: string, words: string[], n: number): Utterance[] =>
  Array.from({length: n}, (_, i) => ({
    text: `${words[i % words.length]} ${words[(i + 1) % words.length]} ${i}`,
    intent,
    language,
  }));

const dataset: Dataset = {
  format: 'synthnlu-dataset/1',
  language: 'en',
  languages: ['en', 'es'],
  intents: [{name: 'balance'}, {name: 'transfer'}, {name: 'block_card'}],
  entities: [],
  utterances: [
    ...many('balance', 'en', ['balance', 'money', 'account', 'how much'], 12),
    ...many('transfer', 'en', ['send', 'transfer', 'pay', 'move'], 12),
    ...many('block_card', 'en', ['lost', 'card', 'stolen', 'block'], 12),
    ...many('balance', 'es', ['saldo', 'dinero', 'cuenta', 'cuánto'], 12),
    ...many('transfer', 'es', ['envía', 'transferir', 'paga', 'mover'], 3),
  ],
};

describe('coverage of a dataset in several languages', () => {
  it('checks and estimates each language on its own, and finds intents missing or thin in a language', async () => {
    const report = await runCoverage(dataset, {...DEFAULT_COVERAGE_OPTIONS, input: 'bank.json', folds: 3});
    expect(report.dataset.languages).toEqual(['en', 'es']);
    expect(report.languages?.map((l) => [l.language, l.utterances])).toEqual([
      ['en', 36],
      ['es', 15],
    ]);
    // Each language's own estimate: its test utterances are its own.
    const en = report.languages![0]!.model!;
    expect(en.trainSize + en.testSize).toBeLessThanOrEqual(36 * 3);
    expect(report.languages?.[1]?.model?.perIntent.map((i) => i.intent).sort()).toEqual([
      'balance',
      'transfer',
    ]);
    const gaps = report.findings.filter((f) => f.code.startsWith('LANGUAGE_'));
    expect(gaps.map((f) => [f.code, f.intents[0], f.language])).toEqual([
      ['LANGUAGE_FEW_EXAMPLES', 'transfer', 'es'],
      ['LANGUAGE_MISSING_INTENT', 'block_card', 'es'],
    ]);
    expect(gaps[1]!.message).toBe(
      'intent "block_card" has 12 examples in en and none in es: the es bot cannot recognise it',
    );
    expect(
      report.findings
        .filter((f) => f.language === 'es' && !f.code.startsWith('LANGUAGE_'))
        .every((f) => f.message.startsWith('[es] ')),
    ).toBe(true);
    expect(renderTerminalSummary(report).join('\n')).toMatch(/^ {2}es: 15 utterances, /m);
  });

  it('fails a --fail-on warning gate on a language gap', async () => {
    const report = await runCoverage(dataset, {
      ...DEFAULT_COVERAGE_OPTIONS,
      input: 'bank.json',
      model: false,
      failOn: 'warning',
    });
    expect(report.passed).toBe(false);
  });
});
