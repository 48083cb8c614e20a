/**
 * Issue 29 item 3: intents written only as templates ({slots}, <aliases>) are measured through one expansion
 * of each template with the spec's own values; an intent with nothing to test on is "not measured" with a
 * finding, never an F1 of 0, in every report (--json, terminal, HTML, JUnit).
 */
import {describe, expect, it} from 'vitest';
import {DEFAULT_COVERAGE_OPTIONS, runCoverage} from '../../src/coverage/index.js';
import {generateDataset} from '../../src/generate/index.js';
import type {Dataset} from '../../src/model/dataset.js';
import {renderHtml} from '../../src/report/html.js';
import {renderJunit} from '../../src/report/junit.js';
import {renderTerminalSummary} from '../../src/report/terminal.js';
import type {Spec} from '../../src/spec/spec.js';

const spec: Spec = {
  language: 'en',
  defaults: {count: 30},
  aliases: {appointment: ['appointment', 'booking', 'slot']},
  entities: [
    {name: 'treatment', type: 'list', values: ['check-up', 'cleaning', 'root canal', 'whitening']},
    {name: 'day', type: 'list', values: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']},
  ],
  intents: [
    {
      name: 'book',
      examples: [
        "I'd like to book a {treatment} on {day}",
        'can I get an <appointment> for a {treatment}',
        'book me in for {day}',
      ],
    },
    {
      name: 'cancel',
      examples: [
        'cancel my <appointment> on {day}',
        'please cancel the {treatment}',
        'drop my <appointment>',
      ],
    },
    {name: 'greet', examples: ['hi', 'hello there', 'good morning', 'hey']},
    {
      name: 'hours',
      examples: ['when are you open', 'what are your opening hours', 'are you open on saturday'],
    },
  ],
};

async function dataset(): Promise<Dataset> {
  const {dataset: d} = await generateDataset(spec, {seed: 1});
  // An intent of only generated text that names no origin: nothing the user wrote to test on.
  for (const text of ['where do I park', 'is there parking nearby', 'can I park outside'])
    d.utterances.push({text, intent: 'parking', source: 'generated', tags: ['P']});
  d.intents = [...(d.intents ?? []), {name: 'parking'}];
  return d;
}

const options = {...DEFAULT_COVERAGE_OPTIONS, input: 'data.jsonl', folds: 3, failOn: 'none' as const};

describe('coverage of intents written as templates', () => {
  it('measures template-only intents through one expansion per template with the spec values', async () => {
    const report = await runCoverage(await dataset(), options);
    const m = report.model!;
    const measured = new Map(m.perIntent.map((r) => [r.intent, r]));
    // Three templates each in book and cancel: one stand-in apiece.
    expect(measured.get('book')!.support).toBe(3);
    expect(measured.get('cancel')!.support).toBe(3);
    expect(m.basis.templateStandIns).toBe(6);
    expect(m.testSize).toBe(6 + 4 + 3);
    // The stand-ins are expansions with the spec's values, not the templates' syntax.
    for (const pair of m.mostConfused) for (const x of pair.examples) expect(x.text).not.toMatch(/[{}<>]/);
    expect(m.perIntent.every((r) => r.support > 0)).toBe(true);
  });

  it('lists an intent with nothing to test on as not measured, with a finding, never F1 0', async () => {
    const report = await runCoverage(await dataset(), options);
    const m = report.model!;
    expect(m.notMeasured).toEqual(['parking']);
    expect(m.perIntent.map((r) => r.intent)).not.toContain('parking');
    const finding = report.findings.find((f) => f.code === 'COVERAGE_INTENT_NOT_MEASURED');
    expect(finding).toMatchObject({severity: 'warning', intents: ['parking']});
    expect(finding!.message).toContain('not measured');
    expect(finding!.suggestion).toContain('--test-set');
    expect(report.findings.some((f) => f.code === 'COVERAGE_WEAK_INTENT' && f.intents[0] === 'parking')).toBe(
      false,
    );

    const terminal = renderTerminalSummary(report).join('\n');
    expect(terminal).toContain('not measured (nothing to test on): parking');
    expect(terminal).not.toMatch(/parking F1/);
    const weakest = /weakest intents: (.*)/.exec(terminal)?.[1] ?? '';
    expect(weakest).not.toContain('F1 1.00');

    const html = renderHtml(report);
    expect(html).toMatch(/<p id="not-measured">[^<]*<span class="not-measured" data-intent="parking">/);
    expect(html).not.toMatch(/data-intent="parking" data-f1=/);
    expect(html).not.toMatch(/<tr data-intent="parking">/);

    const xml = renderJunit(report);
    expect(xml).toContain('COVERAGE_INTENT_NOT_MEASURED [parking]');
    expect(xml).not.toContain('f1 [parking]');
    expect(xml).toContain('f1 [book]');
  });
});
