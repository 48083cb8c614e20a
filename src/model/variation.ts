/**
 * The variation families of Bitext's tagging scheme: each family's letter, the name specs use and the other
 * names specs accept. This list is the one definition: VARIATION_TAGS, the family lookups below and the
 * families' typed names derive from it, and scripts/generate-schema-types.ts (run by `npm run lint`) fails when
 * the enums of schemas/dataset.schema.json (VariationTag) or schemas/spec.schema.json (VariationKey) differ from it.
 */
export const VARIATION_FAMILIES = [
  {tag: 'B', name: 'basic', aliases: []},
  {tag: 'I', name: 'interrogative', aliases: []},
  {tag: 'C', name: 'coordinated', aliases: []},
  {tag: 'N', name: 'negation', aliases: []},
  {tag: 'P', name: 'polite', aliases: []},
  {tag: 'Q', name: 'colloquial', aliases: []},
  {tag: 'W', name: 'offensive', aliases: []},
  {tag: 'K', name: 'keyword', aliases: []},
  {tag: 'E', name: 'abbreviation', aliases: []},
  {tag: 'L', name: 'lexical', aliases: ['synonyms']},
  {tag: 'M', name: 'morphological', aliases: []},
  {tag: 'Z', name: 'noise', aliases: ['typos']},
] as const;

type FamilyDefinition = (typeof VARIATION_FAMILIES)[number];

/** Variation family letters, in Bitext's order (the order tags are written in). */
export type VariationTag = FamilyDefinition['tag'];
export const VARIATION_TAGS: readonly VariationTag[] = VARIATION_FAMILIES.map((f) => f.tag);

/** The name a spec uses for a family (polite, colloquial...). */
export type FamilyName = FamilyDefinition['name'];

/** Every way a spec may name a family, as the spec schema's VariationKey enum lists them: names, aliases, letters. */
export function familyKeys(): string[] {
  return [
    ...VARIATION_FAMILIES.flatMap((f) => [f.name, ...f.aliases]),
    ...VARIATION_FAMILIES.map((f) => f.tag),
  ];
}

const TAG_BY_NAME: ReadonlyMap<string, VariationTag> = new Map(
  VARIATION_FAMILIES.flatMap((f) => [f.name, ...f.aliases].map((name) => [name, f.tag])),
);

/** The letter of a family named by letter, or by name or alias in any case; undefined for others. */
export function familyTag(key: string): VariationTag | undefined {
  return VARIATION_TAGS.find((tag) => tag === key) ?? TAG_BY_NAME.get(key.toLowerCase());
}
