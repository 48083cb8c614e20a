/** Entities that labels use but the dataset never declares (e.g. a JSONL file without a header). */
import type {Dataset, Entity, EntitySpan} from '../../src/connector-kit.js';

/**
 * The dataset's entities plus a free-form (ml) entity for every label name not declared: LUIS and CLU both
 * refuse labels of unknown entities. Children of nested labels are declared by their parent ML entity, so only
 * top-level names count, unless the format is `flat` (CLU labels every child as a category of its own).
 */
export function withUndeclaredEntities(
  dataset: Dataset,
  utterances: Dataset['utterances'],
  options: {flat?: boolean} = {},
): Entity[] {
  const declared = new Set(dataset.entities.map((e) => e.name));
  const extra: Entity[] = [];
  const visit = (spans: EntitySpan[] | undefined, nested: boolean): void => {
    for (const s of spans ?? []) {
      if ((options.flat || !nested) && !declared.has(s.entity)) {
        declared.add(s.entity);
        extra.push({name: s.entity, kind: 'ml'});
      }
      visit(s.children, true);
    }
  };
  for (const u of utterances) visit(u.entities, false);
  return extra.length > 0 ? [...dataset.entities, ...extra] : dataset.entities;
}
