import type {PlatformLimits} from '../connector.js';
import type {Dataset, EntitySpan, Utterance} from '../model/dataset.js';

export type Feature = keyof PlatformLimits['supports'];

const sorted = (items: string[]): string[] => [...items].sort();
const spanKey = (span: EntitySpan): string => `${span.entity}@${span.start}-${span.end}`;
const spansOf = (dataset: Dataset): Array<{utterance: Utterance; span: EntitySpan}> =>
  dataset.utterances.flatMap((utterance) => (utterance.entities ?? []).map((span) => ({utterance, span})));

/**
 * For every `supports` flag: what of a dataset the flag is about, as comparable lines. A format that declares
 * the flag must give the same lines back after an export and an import; the sample dataset must have some.
 * Typed as a Record over the flags, so a new flag cannot be added without saying how it is checked.
 */
export const FEATURE_VIEWS: Record<Feature, (dataset: Dataset) => string[]> = {
  variationTags: (d) =>
    sorted(d.utterances.filter((u) => u.tags?.length).map((u) => `${u.text}\t${sorted(u.tags!).join(',')}`)),
  roles: (d) =>
    sorted(
      spansOf(d).flatMap(({utterance, span}) =>
        span.role ? [`${utterance.text}\t${spanKey(span)}:${span.role}`] : [],
      ),
    ),
  split: (d) => sorted(d.utterances.filter((u) => u.split === 'test').map((u) => u.text)),
  nestedEntities: (d) =>
    sorted(
      spansOf(d).flatMap(({utterance, span}) =>
        span.children?.length
          ? [`${utterance.text}\t${spanKey(span)} > ${sorted(span.children.map(spanKey)).join(' ')}`]
          : [],
      ),
    ),
  regexEntities: (d) =>
    sorted(
      d.entities
        .filter((e) => e.kind === 'regex')
        .map((e) => `${e.name}=${sorted(e.patterns ?? []).join(' | ')}`),
    ),
  patterns: (d) => sorted((d.patterns ?? []).map((p) => `${p.intent}\t${p.pattern}`)),
  phraseLists: (d) => sorted((d.phraseLists ?? []).map((p) => `${p.name}=${sorted(p.phrases).join('|')}`)),
  responses: (d) =>
    sorted(d.intents.filter((i) => i.responses?.length).map((i) => `${i.name}=${i.responses!.join('|')}`)),
  groups: (d) =>
    sorted(
      spansOf(d).flatMap(({utterance, span}) =>
        span.group ? [`${utterance.text}\t${spanKey(span)}#${span.group}`] : [],
      ),
    ),
};

export const FEATURES = Object.keys(FEATURE_VIEWS) as Feature[];
