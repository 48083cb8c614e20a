/** What `generate` tells a person: the per-intent table and the quality notes (stdout), the shortfalls (stderr). */
import type {GenerationReport, IntentReport} from '../generate/pipeline.js';
import type {GenerateResult} from '../generate/to-file.js';
import {TOP_ADDED_SETS} from '../generate/variety.js';
import {dryRunLines, providerSummaryLines} from '../llm/summary.js';

function formatTags(tags: IntentReport['tags']): string {
  const entries = Object.entries(tags);
  return entries.length ? entries.map(([tag, n]) => `${tag}:${n}`).join(' ') : '-';
}

/** The summary on stdout: the dry run's prompts and estimate, or the table of what was written. */
export function generateSummaryLines(result: GenerateResult): string[] {
  if (result.dryRun) return dryRunLines(result.dryRun);
  const width = Math.max(6, ...result.intents.map((i) => i.intent.length));
  return [
    `${'intent'.padEnd(width)}  count  short  train  test  tags`,
    ...result.intents.map(
      (i) =>
        `${i.intent.padEnd(width)}  ${String(i.produced).padStart(5)}  ${String(i.shortfall).padStart(5)}  ${String(i.train).padStart(5)}  ${String(i.test).padStart(4)}  ${formatTags(i.tags)}`,
    ),
    `wrote ${result.produced} utterances to ${result.out} (seed ${result.seed})`,
    ...qualityLines(result),
    ...(result.provider ? providerSummaryLines(result.provider) : []),
  ];
}

/** Warnings for stderr: families the language lacks, intents short of their count, variants dropped. */
export function generateWarningLines(result: GenerateResult): string[] {
  if (result.dryRun) return [];
  const unknown = [...new Set(result.intents.flatMap((i) => i.unknownFamilies ?? []))];
  const lines = unknown.length
    ? [`warning: the ${result.language} language pack has no variation family for ${unknown.join(', ')}`]
    : [];
  for (const i of result.intents) {
    if (i.shortfall > 0)
      lines.push(
        `warning: ${i.intent}: ${i.shortfall} short of ${i.requested} (${i.reason ?? 'no new utterances'})${i.moreSeeds ? `; about ${i.moreSeeds} more plain seed${i.moreSeeds === 1 ? '' : 's'} would reach it` : ''}`,
      );
    if (i.rejectedVariants)
      lines.push(
        `warning: ${i.intent}: ${i.rejectedVariants} variants dropped (a family broke an entity span)`,
      );
  }
  const short = result.intents.filter((i) => i.moreSeeds);
  if (short.length) lines.push(...shortfallAdvice(result, short));
  return lines;
}

/** The ways to reach the count: seeds, families the mix leaves out, an LLM provider. */
function shortfallAdvice(result: GenerateResult, short: IntentReport[]): string[] {
  const used = new Set(Object.keys(result.autoMix?.mix ?? {}));
  const unused = (result.autoMix?.families ?? []).filter((f) => !used.has(f.family)).map((f) => f.family);
  return [
    `to reach the count: add plain seeds to the ${short.length} short intent${short.length === 1 ? '' : 's'} (the most needed: ${Math.max(...short.map((i) => i.moreSeeds!))})`,
    ...(result.autoMix
      ? [
          `  or name a mix (defaults.variations) with more families${unused.length ? `, e.g. ${unused.join(', ')} (auto left them out)` : ''}`,
        ]
      : []),
    '  or generate part of the count with a model: --provider openai | azure (see synthnlu generate --help)',
  ];
}

/** The auto mix (each family's measured effect, the mix chosen) and the label filter's drops, for people. */
export function qualityLines(report: GenerationReport): string[] {
  return [...autoMixLines(report.autoMix), ...droppedLines(report), ...varietyLines(report.variety)];
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Per intent: the share of generated utterances with a new content word, and what the top added sets cover. */
export function varietyLines(variety: GenerationReport['variety']): string[] {
  if (!variety || variety.generated === 0) return [];
  const width = Math.max(6, ...variety.intents.map((i) => i.intent.length));
  return [
    `variety: ${percent(variety.newContentShare)} of ${variety.generated} generated utterances bring a new content word; the ${TOP_ADDED_SETS} most common sets of added words cover ${percent(variety.topAddedSetsShare)}`,
    ...(variety.wrapperWords.length
      ? [
          `  wrapper words (added across many intents, not counted as new): ${variety.wrapperWords.join(', ')}`,
        ]
      : []),
    `  ${'intent'.padEnd(width)}  generated  new words  top ${TOP_ADDED_SETS} sets`,
    ...variety.intents.map(
      (i) =>
        `  ${i.intent.padEnd(width)}  ${String(i.generated).padStart(9)}  ${percent(i.newContentShare).padStart(9)}  ${percent(i.topAddedSetsShare).padStart(11)}`,
    ),
  ];
}

function autoMixLines(auto: GenerationReport['autoMix']): string[] {
  if (!auto) return [];
  if (auto.unmeasured) return [`variations: auto: ${auto.unmeasured}`];
  const chosen = Object.entries(auto.mix);
  return [
    `variations: auto, measured on ${auto.heldOut} held-out seeds (${auto.folds} folds, ${auto.trialIntents} intents; seeds alone ${auto.baselineAccuracy}%):`,
    ...auto.families.map(
      (f) =>
        `  ${f.family.padEnd(14)} ${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(2)} ± ${f.error.toFixed(2)} points  ${f.kept ? 'kept' : 'dropped'}${f.stoppedEarly ? ' (a loss on the first fold: not measured further)' : ''}`,
    ),
    ...(auto.threshold ? [`  ${auto.threshold}`] : []),
    ...(auto.trials
      ? [
          `  ${auto.trials.run} trials (a classifier trained with one mix on one fold)${auto.trials.reused ? `, ${auto.trials.reused} of them known already (an earlier run, kept in .synthnlu/auto-mix, or the same trial twice): not trained again` : ''}`,
        ]
      : []),
    ...(auto.fallback ? [`  ${auto.fallback}`] : []),
    chosen.length
      ? `  mix chosen: ${chosen.map(([name, share]) => `${name} ${share}`).join(', ')} (together ${auto.mixEffect >= 0 ? '+' : ''}${auto.mixEffect} points)`
      : '  mix chosen: none (no family helped on the held-out seeds: seeds and templates only)',
  ];
}

function droppedLines(report: GenerationReport): string[] {
  const dropped = report.intents.filter((i) => i.dropped);
  if (!report.filter && !dropped.length) return [];
  const total = (key: 'otherIntent' | 'lowConfidence' | 'familyShare') =>
    dropped.reduce((n, i) => n + i.dropped![key], 0);
  return [
    `dropped: ${total('otherIntent')} read as another intent, ${total('lowConfidence')} low confidence (label filter ${report.filter ? 'on' : 'off'}), ${total('familyShare')} over a family's share`,
    ...dropped.map((i) => {
      const d = i.dropped!;
      return `  ${i.intent}: other intent ${d.otherIntent}, low confidence ${d.lowConfidence}, over share ${d.familyShare}; by family ${formatTags(d.byFamily)}`;
    }),
  ];
}
