import type {PlatformLimits} from '../connector.js';
import type {Diagnostic} from '../errors.js';
import {utterancesByIntent, type Dataset} from '../model/dataset.js';

const MAX_LISTED = 20;

/**
 * What a platform would reject: too many intents or utterances, utterances over the length limit, names it
 * does not accept. Errors (export refuses) for hard limits; the recommended minimum is a warning.
 */
export function checkPlatformLimits(
  dataset: Dataset,
  limits: PlatformLimits,
  platform: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = utterancesByIntent(dataset);
  if (limits.maxIntents !== undefined && groups.size > limits.maxIntents) {
    out.push({
      severity: 'error',
      code: 'LIMIT_TOO_MANY_INTENTS',
      message: `${platform} allows at most ${limits.maxIntents} intents; the dataset has ${groups.size}`,
      suggestion: 'Merge related intents or split the bot.',
    });
  }
  if (limits.maxUtterancesTotal !== undefined && dataset.utterances.length > limits.maxUtterancesTotal) {
    out.push({
      severity: 'error',
      code: 'LIMIT_TOO_MANY_UTTERANCES',
      message: `${platform} allows at most ${limits.maxUtterancesTotal} utterances; the dataset has ${dataset.utterances.length}`,
      suggestion: 'Generate fewer per intent (--per-intent) or export only the train split (--split train).',
    });
  }
  if (limits.maxEntities !== undefined && dataset.entities.length > limits.maxEntities) {
    out.push({
      severity: 'error',
      code: 'LIMIT_TOO_MANY_ENTITIES',
      message: `${platform} allows at most ${limits.maxEntities} entities; the dataset has ${dataset.entities.length}`,
    });
  }
  const namePattern = limits.intentNamePattern ? new RegExp(limits.intentNamePattern, 'u') : undefined;
  let badNames = 0;
  for (const [intent, utterances] of groups) {
    if (limits.maxUtterancesPerIntent !== undefined && utterances.length > limits.maxUtterancesPerIntent) {
      out.push({
        severity: 'error',
        code: 'LIMIT_TOO_MANY_INTENT_UTTERANCES',
        message: `intent "${intent}" has ${utterances.length} utterances; ${platform} allows ${limits.maxUtterancesPerIntent}`,
      });
    }
    if (limits.minUtterancesPerIntent !== undefined && utterances.length < limits.minUtterancesPerIntent) {
      out.push({
        severity: 'warning',
        code: 'LIMIT_TOO_FEW_INTENT_UTTERANCES',
        message: `intent "${intent}" has ${utterances.length} utterance${utterances.length === 1 ? '' : 's'}; ${platform} recommends at least ${limits.minUtterancesPerIntent}`,
        suggestion: 'Add examples or generate more for this intent.',
      });
    }
    const tooLong = limits.maxIntentNameLength !== undefined && intent.length > limits.maxIntentNameLength;
    if ((namePattern && !namePattern.test(intent)) || tooLong) {
      badNames += 1;
      if (badNames <= MAX_LISTED) {
        out.push({
          severity: 'error',
          code: 'LIMIT_BAD_INTENT_NAME',
          message: `${platform} does not accept the intent name "${intent}"${tooLong ? ` (over ${limits.maxIntentNameLength} characters)` : ''}`,
          suggestion: 'Rename the intent (letters, digits, _ and - are safe everywhere).',
        });
      }
    }
  }
  if (limits.maxUtteranceLength !== undefined) {
    const max = limits.maxUtteranceLength;
    const long = dataset.utterances.filter((u) => u.text.length > max);
    for (const u of long.slice(0, MAX_LISTED)) {
      out.push({
        severity: 'error',
        code: 'LIMIT_UTTERANCE_TOO_LONG',
        message: `utterance of intent "${u.intent}" is ${u.text.length} characters; ${platform} allows ${max}: "${u.text.slice(0, 60)}…"`,
        suggestion: 'Shorten or split it.',
      });
    }
    if (long.length > MAX_LISTED) {
      out.push({
        severity: 'error',
        code: 'LIMIT_UTTERANCE_TOO_LONG',
        message: `… and ${long.length - MAX_LISTED} more utterances over ${max} characters`,
      });
    }
  }
  return out;
}

/** One warning per feature the dataset uses that the target format cannot carry. */
export function unsupportedFeatureWarnings(
  dataset: Dataset,
  supports: PlatformLimits['supports'],
  format: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const uses = {
    variationTags: dataset.utterances.some((u) => (u.tags?.length ?? 0) > 0),
    roles: dataset.utterances.some((u) => u.entities?.some((e) => e.role !== undefined)),
    // The split is decided by the export itself (left out or --test-as-train), and said there, once.
    split: false,
    nestedEntities: dataset.utterances.some((u) => u.entities?.some((e) => (e.children?.length ?? 0) > 0)),
    regexEntities: dataset.entities.some((e) => e.kind === 'regex'),
    patterns: (dataset.patterns?.length ?? 0) > 0,
    phraseLists: (dataset.phraseLists?.length ?? 0) > 0,
    responses: dataset.intents.some((i) => (i.responses?.length ?? 0) > 0),
    groups: dataset.utterances.some((u) => u.entities?.some((e) => e.group !== undefined)),
  };
  const words: Record<keyof typeof uses, string> = {
    variationTags: 'variation tags',
    roles: 'entity roles',
    split: 'the train/test split',
    nestedEntities: 'nested entity labels (children)',
    regexEntities: 'regex entities (exported as free-form entities)',
    patterns: 'patterns',
    phraseLists: 'phrase lists',
    responses: 'intent responses',
    groups: 'entity groups (Rasa "group" on annotations)',
  };
  for (const key of Object.keys(uses) as Array<keyof typeof uses>) {
    if (uses[key] && !supports[key]) {
      out.push({
        severity: 'warning',
        code: 'EXPORT_DROPS_FEATURE',
        message: `${format} cannot carry ${words[key]}; they are not in the exported files`,
      });
    }
  }
  return out;
}

function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return value !== undefined && value !== null && value !== '' && value !== false && value !== 0;
}

/**
 * Platform data the canonical model has no place for lives in metadata namespaced by the format that read it
 * (Dialogflow contexts and events, Rasa stand-alone synonyms, LUIS features...). A format that does not read
 * a namespace drops it: one warning per namespace, naming what it held.
 */
export function foreignMetadataWarnings(
  dataset: Dataset,
  readable: readonly string[],
  format: string,
): Diagnostic[] {
  const found = new Map<string, Set<string>>();
  const visit = (metadata: Record<string, unknown> | undefined): void => {
    for (const [namespace, value] of Object.entries(metadata ?? {})) {
      if (readable.includes(namespace) || typeof value !== 'object' || value === null) continue;
      const names = found.get(namespace) ?? new Set<string>();
      for (const [key, inner] of Object.entries(value)) {
        if (!nonEmpty(inner)) continue;
        const nested =
          typeof inner === 'object' && !Array.isArray(inner) && inner !== null
            ? Object.entries(inner as Record<string, unknown>).filter(
                ([, v]) => nonEmpty(v) && typeof v === 'object',
              )
            : [];
        if (nested.length > 0) for (const [sub] of nested) names.add(`${key}.${sub}`);
        else names.add(key);
      }
      if (names.size > 0) found.set(namespace, names);
    }
  };
  visit(dataset.metadata);
  for (const i of dataset.intents) visit(i.metadata);
  for (const e of dataset.entities) visit(e.metadata);
  for (const u of dataset.utterances) visit(u.metadata);
  return [...found].map(([namespace, names]) => {
    const list = [...names];
    return {
      severity: 'warning' as const,
      code: 'EXPORT_DROPS_PLATFORM_DATA',
      message: `${format} cannot carry what only ${namespace} reads (${list.slice(0, 8).join(', ')}${list.length > 8 ? ', …' : ''}); it is not in the exported files`,
    };
  });
}
