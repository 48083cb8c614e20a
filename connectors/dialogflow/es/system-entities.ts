/**
 * Dialogflow ES system entities (@sys.*) and the canonical prebuilt types of the dataset model. Several
 * Dialogflow types map to one canonical type (given-name and person are both "person"); importers keep the
 * exact @sys name in the entity's metadata so a Dialogflow round trip gives the same type back.
 */
const TO_CANONICAL: Record<string, string> = {
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
const FROM_CANONICAL: Record<string, string> = {
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

/** "sys.geo-city" → "location"; unknown system types keep their own name ("sys.music-artist" → "music-artist"). */
export function canonicalPrebuilt(sysType: string): string {
  return TO_CANONICAL[sysType] ?? sysType.replace(/^sys\./, '').toLowerCase();
}

/**
 * Every ES system entity (https://cloud.google.com/dialogflow/es/docs/reference/system-entities), plus
 * sys.ignore (the export's mark for a removed annotation). Anything else a console restore refuses.
 */
const DIALOGFLOW_SYSTEM_TYPES = new Set(
  [
    'date-time',
    'date',
    'date-period',
    'time',
    'time-period',
    'number',
    'cardinal',
    'ordinal',
    'number-integer',
    'number-sequence',
    'flight-number',
    'unit-area',
    'unit-currency',
    'unit-length',
    'unit-speed',
    'unit-volume',
    'unit-weight',
    'unit-information',
    'percentage',
    'temperature',
    'duration',
    'age',
    'currency-name',
    'unit-area-name',
    'unit-length-name',
    'unit-speed-name',
    'unit-volume-name',
    'unit-weight-name',
    'unit-information-name',
    'address',
    'zip-code',
    'geo-capital',
    'geo-country',
    'geo-country-code',
    'geo-city',
    'geo-state',
    'place-attraction',
    'airport',
    'location',
    'email',
    'phone-number',
    'given-name',
    'last-name',
    'person',
    'music-artist',
    'music-genre',
    'color',
    'language',
    'any',
    'url',
    'ignore',
  ].map((name) => `sys.${name}`),
);

export function isKnownSystemType(sysType: string): boolean {
  return DIALOGFLOW_SYSTEM_TYPES.has(sysType);
}

/** "location" → "sys.location"; a name Dialogflow has ("music-artist") → "sys.music-artist"; else undefined. */
export function dialogflowSystemType(prebuilt: string): string | undefined {
  const sys = FROM_CANONICAL[prebuilt] ?? `sys.${prebuilt}`;
  return DIALOGFLOW_SYSTEM_TYPES.has(sys) ? sys : undefined;
}

export function isSystemType(entityType: string): boolean {
  return entityType.startsWith('sys.');
}
