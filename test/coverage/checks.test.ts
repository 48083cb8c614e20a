import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  runCoverage,
  DEFAULT_COVERAGE_OPTIONS,
  type CoverageReport,
  type Finding,
} from '../../src/coverage/index.js';
import {checkConflicts, DEFAULT_CONFLICT_OPTIONS} from '../../src/coverage/conflict-checks.js';
import {checkEntities} from '../../src/coverage/entity-checks.js';
import {checkStructure} from '../../src/coverage/structure-checks.js';
import type {PlatformLimits} from '../../src/connector.js';
import type {Dataset} from '../../src/model/dataset.js';
import {registry} from '../../src/registry.js';
import {ROOT} from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/coverage');
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Dataset;
const luis = registry.connectors().find((c) => c.id === 'botframework')!;

async function checksOnly(
  dataset: Dataset,
  platform?: {id: string; limits: PlatformLimits},
): Promise<CoverageReport> {
  return runCoverage(dataset, {
    ...DEFAULT_COVERAGE_OPTIONS,
    input: 'fixture',
    model: false,
    ...(platform ? {platform} : {}),
  });
}

function expectFinding(findings: Finding[], code: string, match: Partial<Finding> = {}): Finding {
  const found = findings.find(
    (f) =>
      f.code === code &&
      Object.entries(match).every(
        ([key, value]) => JSON.stringify(f[key as keyof Finding]) === JSON.stringify(value),
      ),
  );
  expect(
    found,
    `${code} ${JSON.stringify(match)} in ${findings.map((f) => f.code).join(', ')}`,
  ).toBeDefined();
  expect(found!.message.length).toBeGreaterThan(10);
  expect(found!.suggestion).toBeTruthy();
  return found!;
}

describe('planted-problem corpus', () => {
  it('the clean dataset reports no errors and no warnings, also against every platform', async () => {
    for (const connector of registry.connectors()) {
      const report = await checksOnly(load('clean'), {id: connector.id, limits: connector.limits});
      expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    }
    const report = await checksOnly(load('clean'));
    expect(report.counts).toEqual({error: 0, warning: 0, info: 0});
    expect(report.entityCoverage).toEqual([
      {entity: 'city', kind: 'list', annotations: 24, intents: 2, valuesCovered: 6, valuesTotal: 6},
    ]);
  });

  it('structure: empty intent, few examples, imbalance, too long, invalid name', async () => {
    const {findings} = await checksOnly(load('structure'), {id: 'luis', limits: luis.limits});
    expectFinding(findings, 'COVERAGE_EMPTY_INTENT', {
      intents: ['goodbye'],
      severity: 'error',
      path: 'intents[3]',
    });
    expectFinding(findings, 'COVERAGE_FEW_EXAMPLES', {intents: ['thanks'], score: 3});
    expectFinding(findings, 'COVERAGE_CLASS_IMBALANCE', {intents: ['cancel_order', 'thanks']});
    const long = expectFinding(findings, 'COVERAGE_UTTERANCE_TOO_LONG', {
      intents: ['greet'],
      severity: 'error',
    });
    expect(long.message).toContain('500');
    expectFinding(findings, 'COVERAGE_INVALID_INTENT_NAME', {
      intents: ['order/status'],
      path: 'intents[4].name',
    });
    // Without a platform, platform rules are not applied.
    const plain = await (await checksOnly(load('structure'))).findings.map((f) => f.code);
    expect(plain).not.toContain('COVERAGE_UTTERANCE_TOO_LONG');
    expect(plain).not.toContain('COVERAGE_INVALID_INTENT_NAME');
  });

  it("structure: the platform's own minimum examples is an error", async () => {
    const limits = {...luis.limits, minUtterancesPerIntent: 5};
    const {findings} = await checksOnly(load('structure'), {id: 'strict', limits});
    const below = expectFinding(findings, 'COVERAGE_BELOW_PLATFORM_MINIMUM', {
      intents: ['thanks'],
      severity: 'error',
    });
    expect(below.message).toContain('strict needs at least 5');
  });

  it('entities: unused entity, unused value and synonym, unannotated mention, bad span, synonym conflict', async () => {
    const {findings, entityCoverage} = await checksOnly(load('entities'));
    expectFinding(findings, 'COVERAGE_ENTITY_UNUSED', {path: 'entities[1]'});
    expectFinding(findings, 'COVERAGE_LIST_VALUE_UNUSED', {path: 'entities[0].values[2]'});
    expectFinding(findings, 'COVERAGE_SYNONYM_UNUSED', {path: 'entities[0].values[0].synonyms'});
    const bare = expectFinding(findings, 'COVERAGE_ENTITY_UNANNOTATED', {
      utterances: ['make that large and quick'],
    });
    expect(bare.message).toContain('"large"');
    expectFinding(findings, 'COVERAGE_SPAN_MISMATCH', {
      severity: 'error',
      utterances: ['send a small pizza now'],
    });
    const conflict = expectFinding(findings, 'COVERAGE_SYNONYM_CONFLICT', {severity: 'error'});
    expect(conflict.message).toContain('"little"');
    expect(entityCoverage.find((e) => e.entity === 'size')).toMatchObject({valuesCovered: 2, valuesTotal: 3});
    expect(entityCoverage.find((e) => e.entity === 'topping')).toMatchObject({annotations: 0});
  });

  it('entities: spans outside the text or naming an undefined entity (datasets built in memory)', () => {
    const dataset = load('clean');
    dataset.utterances[0] = {text: 'hello', intent: 'greet', entities: [{entity: 'city', start: 2, end: 40}]};
    dataset.utterances[1] = {
      text: 'hi there',
      intent: 'greet',
      entities: [{entity: 'planet', start: 3, end: 8}],
    };
    const {findings} = checkEntities(dataset);
    expectFinding(findings, 'COVERAGE_SPAN_MISMATCH', {path: 'utterances[0].entities[0]'});
    expectFinding(findings, 'COVERAGE_UNDEFINED_ENTITY', {path: 'utterances[1].entities[0]'});
  });

  it('conflicts: duplicate across intents, near-duplicate with its similarity, confusable pair', async () => {
    const {findings} = await checksOnly(load('conflicts'));
    const duplicate = expectFinding(findings, 'COVERAGE_DUPLICATE_ACROSS_INTENTS', {
      intents: ['refund', 'cancel_order'],
      severity: 'error',
    });
    expect(duplicate.utterances).toEqual(['refund my purchase', 'Refund my purchase!']);
    const near = expectFinding(findings, 'COVERAGE_NEAR_DUPLICATE', {intents: ['book_flight', 'refund']});
    expect(near.score).toBeGreaterThan(0.8);
    expect(near.utterances).toContain('i want to book a flight to paris tomorow morning');
    expectFinding(findings, 'COVERAGE_CONFUSABLE_INTENTS', {
      intents: ['billing_question', 'invoice_question'],
    });
    // Only the planted pair is confusable.
    expect(findings.filter((f) => f.code === 'COVERAGE_CONFUSABLE_INTENTS')).toHaveLength(1);
    // Worst first: the error leads.
    expect(findings[0]!.severity).toBe('error');
  });
});

describe('checks at scale', () => {
  it('finds a near-duplicate planted among 10,000 utterances over 100 intents, without all-pairs work', () => {
    const utterances: Dataset['utterances'] = [];
    for (let i = 0; i < 10_000; i++) {
      const intent = i % 100;
      utterances.push({
        text: `word${intent} action${intent} item${i} at place${i % 37} code ${i * 7919}`,
        intent: `i${intent}`,
      });
    }
    utterances.push({text: 'please transfer two hundred dollars to my savings account', intent: 'i1'});
    utterances.push({text: 'please transfer two hundred dollar to my savings account', intent: 'i2'});
    const dataset: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [],
      entities: [],
      utterances,
    };
    const started = performance.now();
    const {findings} = checkConflicts(dataset, DEFAULT_CONFLICT_OPTIONS);
    expect(performance.now() - started).toBeLessThan(20_000); // a sanity bound, not a benchmark
    const near = findings.filter((f) => f.code === 'COVERAGE_NEAR_DUPLICATE');
    expect(near.map((f) => f.intents)).toEqual([['i1', 'i2']]);
  });

  it('the class-imbalance ratio threshold is respected', () => {
    const dataset = load('clean');
    expect(checkStructure(dataset, {minExamples: 1, maxImbalanceRatio: 1}).map((f) => f.code)).toEqual([]);
    dataset.utterances.push({text: 'hello again friend', intent: 'greet'});
    expect(checkStructure(dataset, {minExamples: 1, maxImbalanceRatio: 1}).map((f) => f.code)).toEqual([
      'COVERAGE_CLASS_IMBALANCE',
    ]);
  });
});
