/**
 * Prebuilt (system) entity names: LUIS and Azure CLU spell them differently from each other and from the
 * canonical names in schemas/dataset.schema.json (Entity.prebuilt). Unknown platform names map to a lowercased
 * canonical name, and the platform spelling is kept in metadata by the callers so a round trip is lossless.
 */

/** LUIS prebuilt names (https://learn.microsoft.com/azure/ai-services/luis/luis-reference-prebuilt-entities). */
const LUIS_TO_CANONICAL: Record<string, string> = {
  number: 'number',
  ordinal: 'ordinal',
  ordinalV2: 'ordinal',
  datetimeV2: 'datetime',
  datetime: 'datetime',
  email: 'email',
  url: 'url',
  phonenumber: 'phone',
  money: 'money',
  percentage: 'percentage',
  temperature: 'temperature',
  age: 'age',
  dimension: 'dimension',
  personName: 'person',
  geographyV2: 'geography',
  keyPhrase: 'keyphrase',
};

/** Canonical types that have no exact LUIS twin, mapped to the nearest one. */
const CANONICAL_TO_LUIS: Record<string, string> = {
  number: 'number',
  ordinal: 'ordinal',
  date: 'datetimeV2',
  time: 'datetimeV2',
  datetime: 'datetimeV2',
  duration: 'datetimeV2',
  email: 'email',
  url: 'url',
  phone: 'phonenumber',
  money: 'money',
  percentage: 'percentage',
  temperature: 'temperature',
  age: 'age',
  dimension: 'dimension',
  person: 'personName',
  location: 'geographyV2',
  geography: 'geographyV2',
  keyphrase: 'keyPhrase',
};

/** CLU prebuilt component categories (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/prebuilt-component-reference). */
const CLU_TO_CANONICAL: Record<string, string> = {
  'Quantity.Number': 'number',
  'Quantity.Ordinal': 'ordinal',
  DateTime: 'datetime',
  'Quantity.Dimension': 'dimension',
  'Quantity.Age': 'age',
  'Quantity.Currency': 'money',
  'Quantity.Percentage': 'percentage',
  'Quantity.Temperature': 'temperature',
  Email: 'email',
  URL: 'url',
  'Phone Number': 'phone',
  'Person.Name': 'person',
  'Geography.Location': 'location',
};

const CANONICAL_TO_CLU: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CLU_TO_CANONICAL).map(([clu, canonical]) => [canonical, clu])),
  date: 'DateTime',
  time: 'DateTime',
  duration: 'DateTime',
  geography: 'Geography.Location',
};

/** A canonical name for any platform name: known ones mapped, others lowercased into the allowed alphabet. */
function fallbackCanonical(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^[^a-z]+/, '');
  return cleaned || 'any';
}

export function luisPrebuiltToCanonical(name: string): string {
  return LUIS_TO_CANONICAL[name] ?? fallbackCanonical(name);
}

/** The LUIS prebuilt name for a canonical type, or undefined when LUIS has none. */
export function canonicalToLuisPrebuilt(canonical: string): string | undefined {
  return CANONICAL_TO_LUIS[canonical];
}

export function isLuisPrebuiltName(name: string): boolean {
  return name in LUIS_TO_CANONICAL;
}

export function cluPrebuiltToCanonical(category: string): string {
  return CLU_TO_CANONICAL[category] ?? fallbackCanonical(category);
}

export function canonicalToCluPrebuilt(canonical: string): string | undefined {
  return CANONICAL_TO_CLU[canonical];
}

/**
 * Prebuilt types the platform folds into a broader one (LUIS and CLU have one date-time type for date, time,
 * datetime and duration): the entity keeps its name and labels, but reads back as the broader type.
 */
export function warnMergedPrebuilts(
  entities: ReadonlyArray<{name: string; kind: string; prebuilt?: string}>,
  context: {warn(d: {code: string; message: string}): void},
  platform: 'LUIS' | 'CLU',
): void {
  const [toPlatform, fromPlatform] =
    platform === 'LUIS'
      ? [canonicalToLuisPrebuilt, luisPrebuiltToCanonical]
      : [canonicalToCluPrebuilt, cluPrebuiltToCanonical];
  const merged: string[] = [];
  for (const e of entities) {
    if (e.kind !== 'prebuilt' || !e.prebuilt) continue;
    const written = toPlatform(e.prebuilt);
    if (written && fromPlatform(written) !== e.prebuilt)
      merged.push(`"${e.name}" (${e.prebuilt} -> ${written})`);
  }
  if (merged.length === 0) return;
  context.warn({
    code: 'EXPORT_PREBUILT_MERGED',
    message: `${platform} has no separate prebuilt type for ${merged.join(', ')}: these read back as ${fromPlatform(toPlatform('date') ?? '')}`,
  });
}
