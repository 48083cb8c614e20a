/**
 * The gates that decide whether a coverage run passes, as a list of rules: each one returns its result, or
 * nothing when its flag was not given. The order is the order the verdict names them in.
 */
import {intentNames, type Dataset} from '../model/dataset.js';
import type {CoverageOptions} from './index.js';
import type {CoverageReport, GateResult, ModelEstimate} from './types.js';

export interface GateInput {
  dataset: Dataset;
  options: CoverageOptions;
  counts: CoverageReport['counts'];
  model: ModelEstimate | undefined;
  baseline: CoverageReport['baseline'] | undefined;
}

type Gate = (input: GateInput) => GateResult | undefined;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first five, then "...". */
const firstFive = <T>(items: T[], show: (item: T) => string) =>
  `${items.slice(0, 5).map(show).join(', ')}${items.length > 5 ? ', ...' : ''}`;

const minAccuracy: Gate = ({options, model}) => {
  if (options.minAccuracy === undefined) return undefined;
  const threshold = options.minAccuracy;
  return {
    gate: 'min-accuracy',
    passed: model !== undefined && model.accuracy >= threshold,
    message: !model
      ? 'no model estimate to check --min-accuracy against'
      : `accuracy ${model.accuracy.toFixed(3)} ${model.accuracy >= threshold ? '≥' : '<'} ${threshold}`,
  };
};

const minF1: Gate = ({options, model}) => {
  if (options.minF1 === undefined) return undefined;
  const threshold = options.minF1;
  const below = model ? model.perIntent.filter((m) => m.support > 0 && m.f1 < threshold) : [];
  return {
    gate: 'min-f1',
    passed: model !== undefined && below.length === 0,
    message: !model
      ? 'no model estimate to check --min-f1 against'
      : below.length === 0
        ? `every intent has F1 ≥ ${threshold}`
        : `${plural(below.length, 'intent')} below F1 ${threshold}: ${firstFive(below, (m) => `${m.intent} (${m.f1.toFixed(2)})`)}`,
  };
};

/** The example count is always checked (a warning finding); it fails the run only when --min-examples was given. */
const minExamples: Gate = ({dataset, options}) => {
  if (!options.gateMinExamples) return undefined;
  const sizes = new Map(intentNames(dataset).map((name) => [name, 0]));
  for (const u of dataset.utterances) sizes.set(u.intent, (sizes.get(u.intent) ?? 0) + 1);
  const small = [...sizes].filter(([, n]) => n < options.minExamples);
  return {
    gate: 'min-examples',
    passed: small.length === 0,
    message:
      small.length === 0
        ? `every intent has at least ${options.minExamples} examples`
        : `${plural(small.length, 'intent')} with fewer than ${options.minExamples} examples: ${firstFive(small, ([name, n]) => `${name} (${n})`)}`,
  };
};

const failOn: Gate = ({options, counts}) => {
  if (!options.failOn || options.failOn === 'none') return undefined;
  const failing = options.failOn === 'warning' ? counts.error + counts.warning : counts.error;
  return {
    gate: 'fail-on',
    passed: failing === 0,
    message:
      options.failOn === 'warning'
        ? `${plural(failing, 'error')} or warning${failing === 1 ? '' : 's'}`
        : plural(failing, 'error'),
  };
};

const maxF1Drop: Gate = ({options, baseline}) => {
  if (!baseline) return undefined;
  return {
    gate: 'max-f1-drop',
    passed: baseline.regressions.length === 0,
    message:
      baseline.regressions.length === 0
        ? `no intent's F1 dropped by more than ${options.maxF1Drop}`
        : `F1 dropped by more than ${options.maxF1Drop} for ${baseline.regressions.join(', ')}`,
  };
};

export const COVERAGE_GATES: Gate[] = [minAccuracy, minF1, minExamples, failOn, maxF1Drop];

export function runGates(input: GateInput): GateResult[] {
  return COVERAGE_GATES.flatMap((gate) => gate(input) ?? []);
}
