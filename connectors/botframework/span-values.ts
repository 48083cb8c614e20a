import type {ConnectorContext, Dataset} from '../../src/connector-kit.js';

/**
 * LUIS and CLU labels carry offsets only: a span's normalised value (Rasa's `[asian oriental](cuisine:asian)`)
 * survives only for list entities, whose synonyms map the text back to its value. Everything else is warned.
 */
export function warnDroppedSpanValues(
  dataset: Dataset,
  utterances: Dataset['utterances'],
  context: ConnectorContext,
  platform: string,
): void {
  const kindOf = new Map(dataset.entities.map((e) => [e.name, e.kind]));
  const examples: string[] = [];
  for (const u of utterances) {
    for (const s of u.entities ?? []) {
      if (
        s.value === undefined ||
        kindOf.get(s.entity) === 'list' ||
        s.value === u.text.slice(s.start, s.end)
      )
        continue;
      examples.push(`"${u.text.slice(s.start, s.end)}" -> "${s.value}" (${s.entity})`);
    }
  }
  if (examples.length === 0) return;
  context.warn({
    code: 'EXPORT_DROPS_FEATURE',
    message: `${platform} labels carry no value: ${examples.length} normalised value${examples.length === 1 ? '' : 's'} of non-list entity spans ${examples.length === 1 ? 'is' : 'are'} not exported, e.g. ${examples.slice(0, 3).join(', ')}`,
    suggestion: 'Declare the entity as a list entity with these synonyms to keep the values.',
  });
}
