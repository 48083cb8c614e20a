import type {PlatformLimits} from '../connector.js';
import type {Dataset, EntitySpan} from '../model/dataset.js';

/**
 * What every connector must carry through an export/import round trip, restricted to what the platform
 * supports: intents, utterance texts with their intent, entity spans (entity, offsets, canonical value,
 * role where supported) and list entities with their values and synonyms.
 */
export interface Projection {
  intents: string[];
  utterances: string[];
  listEntities: string[];
}

export function project(dataset: Dataset, supports?: PlatformLimits['supports']): Projection {
  const canonicalOf = new Map<string, Map<string, string>>();
  for (const entity of dataset.entities) {
    if (entity.kind !== 'list') continue;
    const map = new Map<string, string>();
    for (const v of entity.values ?? []) {
      map.set(v.value.toLowerCase(), v.value);
      for (const s of v.synonyms ?? []) map.set(s.toLowerCase(), v.value);
    }
    canonicalOf.set(entity.name, map);
  }
  const spanKey = (text: string, span: EntitySpan): string => {
    const surface = text.slice(span.start, span.end);
    const value = span.value ?? canonicalOf.get(span.entity)?.get(surface.toLowerCase()) ?? surface;
    const role = supports?.roles && span.role ? `:${span.role}` : '';
    return `${span.entity}${role}@${span.start}-${span.end}=${value}`;
  };
  const utterances = dataset.utterances.map((u) => {
    const spans = [...(u.entities ?? [])]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((s) => spanKey(u.text, s));
    const split = supports?.split ? `\t${u.split ?? 'train'}` : '';
    return `${u.intent}\t${u.text}\t${spans.join(' ')}${split}`;
  });
  const listEntities = dataset.entities
    .filter((e) => e.kind === 'list')
    .map(
      (e) =>
        `${e.name}: ${(e.values ?? [])
          .map(
            (v) =>
              `${v.value}[${[...(v.synonyms ?? [])]
                .filter((s) => s !== v.value)
                .sort()
                .join('|')}]`,
          )
          .sort()
          .join(', ')}`,
    );
  return {
    intents: [...new Set(dataset.utterances.map((u) => u.intent))].sort(),
    utterances: [...new Set(utterances)].sort(),
    listEntities: listEntities.sort(),
  };
}
