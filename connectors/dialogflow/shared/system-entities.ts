/**
 * The system entities (@sys.*) both Dialogflow editions have, and the canonical prebuilt types of the dataset
 * model they map to (ES: https://cloud.google.com/dialogflow/es/docs/reference/system-entities, CX:
 * https://cloud.google.com/dialogflow/cx/docs/reference/system-entities). Several types map to one canonical
 * type (given-name and person are both "person"); the importers keep the exact @sys type in the entity's
 * metadata, so a round trip gives the same type back. An edition's own mappings are passed as `own`.
 */
const TO_CANONICAL: Readonly<Record<string, string>> = {
  'sys.number': 'number',
  'sys.number-integer': 'number',
  'sys.cardinal': 'number',
  'sys.ordinal': 'ordinal',
  'sys.date': 'date',
  'sys.date-time': 'datetime',
  'sys.time': 'time',
  'sys.duration': 'duration',
  'sys.email': 'email',
  'sys.url': 'url',
  'sys.phone-number': 'phone',
  'sys.unit-currency': 'money',
  'sys.percentage': 'percentage',
  'sys.temperature': 'temperature',
  'sys.age': 'age',
  'sys.unit-length': 'dimension',
  'sys.person': 'person',
  'sys.given-name': 'person',
  'sys.last-name': 'person',
  'sys.location': 'location',
  'sys.geo-city': 'location',
  'sys.address': 'location',
  'sys.geo-country': 'geography',
  'sys.geo-state': 'geography',
  'sys.any': 'any',
};

/** The @sys type written for a canonical prebuilt type (the first, most general, Dialogflow type). */
const FROM_CANONICAL: Readonly<Record<string, string>> = {
  number: 'sys.number',
  ordinal: 'sys.ordinal',
  date: 'sys.date',
  datetime: 'sys.date-time',
  time: 'sys.time',
  duration: 'sys.duration',
  email: 'sys.email',
  url: 'sys.url',
  phone: 'sys.phone-number',
  money: 'sys.unit-currency',
  percentage: 'sys.percentage',
  temperature: 'sys.temperature',
  age: 'sys.age',
  dimension: 'sys.unit-length',
  person: 'sys.person',
  location: 'sys.location',
  geography: 'sys.geo-country',
  any: 'sys.any',
};

/**
 * "sys.geo-city" → "location"; an edition's own mapping (`own`) first; unknown system types keep their own
 * name ("sys.music-artist" → "music-artist").
 */
export function canonicalSystemType(sysType: string, own: Readonly<Record<string, string>> = {}): string {
  return own[sysType] ?? TO_CANONICAL[sysType] ?? sysType.replace(/^sys\./, '').toLowerCase();
}

/** "datetime" → "sys.date-time"; names without a mapping become "sys.<name>" (whether the edition has it or not). */
export function systemTypeFor(prebuilt: string): string {
  return FROM_CANONICAL[prebuilt] ?? `sys.${prebuilt}`;
}

export function isSystemType(entityType: string): boolean {
  return entityType.startsWith('sys.');
}
