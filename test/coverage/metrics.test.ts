import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {computeMetrics, type ScoredPrediction} from '../../src/coverage/metrics.js';
import {compareWithBaseline} from '../../src/coverage/baseline.js';
import type {CoverageReport, ModelEstimate} from '../../src/coverage/types.js';

const p = (
  expected: string,
  predicted: string,
  score = 0.9,
  text = `${expected}->${predicted}`,
): ScoredPrediction => ({
  text,
  expected,
  predicted,
  score,
});

describe('computeMetrics', () => {
  it('matches hand-computed precision, recall, F1, averages and the confusion matrix', () => {
    // a: 3 true, 2 right, 1 predicted as b; b: 1 true, right; c: 2 true, 1 right, 1 predicted as a.
    const metrics = computeMetrics(
      [
        p('a', 'a'),
        p('a', 'a'),
        p('a', 'b', 0.8, 'x'),
        p('b', 'b'),
        p('c', 'c', 0.3, 'low'),
        p('c', 'a', 0.6, 'y'),
      ],
      ['a', 'b', 'c'],
    );
    expect(metrics.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 4);
    const a = metrics.perIntent[0]!;
    expect(a).toMatchObject({intent: 'a', precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3});
    expect(metrics.perIntent[1]).toMatchObject({precision: 0.5, recall: 1, f1: 0.6667, support: 1});
    expect(metrics.perIntent[2]).toMatchObject({precision: 1, recall: 0.5, f1: 0.6667, support: 2});
    expect(metrics.macro.f1).toBeCloseTo(0.6667, 3);
    expect(metrics.weighted.recall).toBeCloseTo(4 / 6, 3);
    expect(metrics.mostConfused.map((c) => [c.expected, c.predicted, c.count])).toEqual([
      ['a', 'b', 1],
      ['c', 'a', 1],
    ]);
    expect(metrics.lowestConfidenceCorrect[0]).toEqual({text: 'low', intent: 'c', score: 0.3});
  });

  it('property: the matrix sums to the predictions, its diagonal to the correct ones, supports to row sums', () => {
    const label = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, label, fc.double({min: 0, max: 1, noNaN: true})), {maxLength: 60}),
        (rows) => {
          const metrics = computeMetrics(
            rows.map(([e, pr, s]) => p(e, pr, s)),
            ['a', 'b', 'c', 'd'],
          );
          const total = metrics.confusion.flat().reduce((x, y) => x + y, 0);
          expect(total).toBe(rows.length);
          const diagonal = metrics.confusion.reduce((acc, row, i) => acc + row[i]!, 0);
          expect(diagonal).toBe(rows.filter(([e, pr]) => e === pr).length);
          metrics.perIntent.forEach((m, i) => {
            expect(m.support).toBe(metrics.confusion[i]!.reduce((x, y) => x + y, 0));
            expect(m.f1).toBeGreaterThanOrEqual(0);
            expect(m.f1).toBeLessThanOrEqual(1);
            // F1 lies between precision and recall (harmonic mean), up to rounding.
            if (m.precision + m.recall > 0)
              expect(m.f1).toBeLessThanOrEqual(Math.max(m.precision, m.recall) + 1e-4);
          });
          expect(metrics.mostConfused.reduce((acc, c) => acc + c.count, 0)).toBeLessThanOrEqual(
            rows.length - diagonal,
          );
        },
      ),
    );
  });
});

describe('compareWithBaseline', () => {
  const model = (f1: Record<string, number>): ModelEstimate =>
    ({
      perIntent: Object.entries(f1).map(([intent, f]) => ({
        intent,
        precision: f,
        recall: f,
        f1: f,
        support: 10,
      })),
    }) as ModelEstimate;

  it('flags every intent whose F1 dropped by more than the threshold, and only those', () => {
    const before = {model: model({a: 0.9, b: 0.9, c: 0.9, gone: 0.5})} as CoverageReport;
    const {comparison, findings} = compareWithBaseline(
      'prev.json',
      before,
      model({a: 0.84, b: 0.86, c: 0.95, added: 0.1}),
      0.05,
    );
    expect(comparison.regressions).toEqual(['a']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({code: 'COVERAGE_F1_REGRESSION', severity: 'error', intents: ['a']});
    expect(comparison.changes.map((c) => c.intent)).toEqual(['a', 'b', 'c']);
  });
});
