/** Entity matches in the Bot Framework shape: values by entity name, and `$instance` with positions. */
import type {EntityMatch, RecognizerEntities} from './types.js';

export function toRecognizerEntities(matches: readonly EntityMatch[]): RecognizerEntities {
  const entities: RecognizerEntities = {$instance: {}} as RecognizerEntities;
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.entity.localeCompare(b.entity),
  );
  for (const match of sorted) {
    // A list entity's value is already the array of canonical values, as LUIS returns it.
    (entities[match.entity] ??= []).push(match.value);
    (entities.$instance[match.entity] ??= []).push({
      startIndex: match.start,
      endIndex: match.end,
      text: match.text,
      type: match.entity,
      score: 1,
      ...(match.resolution === undefined ? {} : {resolution: match.resolution}),
    });
  }
  return entities;
}
