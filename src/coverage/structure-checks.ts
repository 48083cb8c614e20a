/**
 * Structure checks: intents with too few or no examples, heavy class imbalance, and what a target platform
 * rejects (utterances over its length limit, intent and entity names it does not accept).
 */
import {appendAll} from '../model/append.js';
import type {PlatformLimits} from '../connector.js';
import type {Dataset} from '../model/dataset.js';
import {intentNames} from '../model/dataset.js';
import type {Finding} from './types.js';

export interface StructureOptions {
  /** Fewer examples than this in an intent is a warning. */
  minExamples: number;
  /** Largest intent / smallest non-empty intent above this ratio is a warning. */
  maxImbalanceRatio: number;
  platform?: {id: string; limits: PlatformLimits};
}

export function checkStructure(dataset: Dataset, options: StructureOptions): Finding[] {
  const findings: Finding[] = [];
  const counts = new Map<string, number>(intentNames(dataset).map((name) => [name, 0]));
  for (const u of dataset.utterances) counts.set(u.intent, (counts.get(u.intent) ?? 0) + 1);
  const limits = options.platform?.limits;
  const platformMin = limits?.minUtterancesPerIntent;

  for (const [intent, count] of counts) {
    const declared = dataset.intents.findIndex((i) => i.name === intent);
    const path = declared >= 0 ? `intents[${declared}]` : undefined;
    if (count === 0) {
      findings.push({
        group: 'structure',
        severity: 'error',
        code: 'COVERAGE_EMPTY_INTENT',
        intents: [intent],
        utterances: [],
        message: `intent "${intent}" has no training examples`,
        suggestion: `Add at least ${Math.max(options.minExamples, platformMin ?? 0)} example utterances to "${intent}", or remove the intent.`,
        ...(path ? {path} : {}),
      });
      continue;
    }
    if (platformMin !== undefined && count < platformMin) {
      findings.push({
        group: 'structure',
        severity: 'error',
        code: 'COVERAGE_BELOW_PLATFORM_MINIMUM',
        intents: [intent],
        utterances: [],
        score: count,
        message: `intent "${intent}" has ${count} example${count === 1 ? '' : 's'}; ${options.platform!.id} needs at least ${platformMin}`,
        suggestion: `Add ${platformMin - count} more varied utterances to "${intent}" (synthnlu generate can expand a few seeds).`,
        ...(path ? {path} : {}),
      });
    } else if (count < options.minExamples) {
      findings.push({
        group: 'structure',
        severity: 'warning',
        code: 'COVERAGE_FEW_EXAMPLES',
        intents: [intent],
        utterances: [],
        score: count,
        message: `intent "${intent}" has only ${count} example${count === 1 ? '' : 's'} (fewer than ${options.minExamples})`,
        suggestion: `Add ${options.minExamples - count} more varied utterances to "${intent}", or lower --min-examples.`,
        ...(path ? {path} : {}),
      });
    }
  }

  const nonEmpty = [...counts].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  if (nonEmpty.length >= 2) {
    const [largest, largestCount] = nonEmpty[0]!;
    const [smallest, smallestCount] = nonEmpty[nonEmpty.length - 1]!;
    const ratio = largestCount / smallestCount;
    if (ratio > options.maxImbalanceRatio) {
      findings.push({
        group: 'structure',
        severity: 'warning',
        code: 'COVERAGE_CLASS_IMBALANCE',
        intents: [largest, smallest],
        utterances: [],
        score: Math.round(ratio * 10) / 10,
        message: `heavy class imbalance: "${largest}" has ${largestCount} examples, "${smallest}" only ${smallestCount} (${ratio.toFixed(1)}×)`,
        suggestion: `Balance the intents: add examples to the small ones or trim the large ones (ratio above ${options.maxImbalanceRatio} biases the classifier toward "${largest}").`,
      });
    }
  }

  if (limits) appendAll(findings, checkPlatformLimits(dataset, options.platform!.id, limits));
  return findings;
}

function checkPlatformLimits(dataset: Dataset, platform: string, limits: PlatformLimits): Finding[] {
  const findings: Finding[] = [];
  if (limits.maxUtteranceLength !== undefined) {
    const max = limits.maxUtteranceLength;
    dataset.utterances.forEach((u, index) => {
      if (u.text.length <= max) return;
      findings.push({
        group: 'structure',
        severity: 'error',
        code: 'COVERAGE_UTTERANCE_TOO_LONG',
        intents: [u.intent],
        utterances: [u.text],
        score: u.text.length,
        path: `utterances[${index}].text`,
        message: `utterance of ${u.text.length} characters in "${u.intent}" is over ${platform}'s limit of ${max}`,
        suggestion: `Shorten it to at most ${max} characters or split it into separate utterances.`,
      });
    });
  }
  const namePattern = limits.intentNamePattern ? new RegExp(limits.intentNamePattern, 'u') : undefined;
  intentNames(dataset).forEach((name) => {
    const index = dataset.intents.findIndex((i) => i.name === name);
    const problem =
      limits.maxIntentNameLength !== undefined && name.length > limits.maxIntentNameLength
        ? `is ${name.length} characters, over ${platform}'s limit of ${limits.maxIntentNameLength}`
        : namePattern && !namePattern.test(name)
          ? `does not match ${platform}'s allowed names (/${limits.intentNamePattern}/)`
          : undefined;
    if (!problem) return;
    findings.push({
      group: 'structure',
      severity: 'error',
      code: 'COVERAGE_INVALID_INTENT_NAME',
      intents: [name],
      utterances: [],
      ...(index >= 0 ? {path: `intents[${index}].name`} : {}),
      message: `intent name "${name}" ${problem}`,
      suggestion: `Rename the intent to something ${platform} accepts (letters, digits, "_" and "-" are safest).`,
    });
  });
  const entityPattern = limits.entityNamePattern ? new RegExp(limits.entityNamePattern, 'u') : undefined;
  dataset.entities.forEach((entity, index) => {
    if (entity.kind === 'prebuilt') return;
    const problem =
      limits.maxEntityNameLength !== undefined && entity.name.length > limits.maxEntityNameLength
        ? `is ${entity.name.length} characters, over ${platform}'s limit of ${limits.maxEntityNameLength}`
        : entityPattern && !entityPattern.test(entity.name)
          ? `does not match ${platform}'s allowed names (/${limits.entityNamePattern}/)`
          : undefined;
    if (!problem) return;
    findings.push({
      group: 'structure',
      severity: 'error',
      code: 'COVERAGE_INVALID_ENTITY_NAME',
      intents: [],
      utterances: [],
      path: `entities[${index}].name`,
      message: `entity name "${entity.name}" ${problem}`,
      suggestion: `Rename the entity to something ${platform} accepts.`,
    });
  });
  return findings;
}
