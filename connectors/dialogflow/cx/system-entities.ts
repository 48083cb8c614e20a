/**
 * Dialogflow CX system entities (@sys.*, https://cloud.google.com/dialogflow/cx/docs/reference/system-entities)
 * and the canonical prebuilt types of the dataset model. Several CX types map to one canonical type
 * (date-period and date-time are both "datetime"); the importer keeps the exact @sys type in the entity's
 * metadata, so a CX round trip gives the same type back.
 */
const TO_CANONICAL: Record<string, string> = {
  'sys.number': 'number',
  'sys.number-integer': 'number',
  'sys.cardinal': 'number',
  'sys.ordinal': 'ordinal',
  'sys.date': 'date',
  'sys.date-time': 'datetime',
  'sys.date-period': 'datetime',
  'sys.time-period': 'datetime',
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
  'sys.address': 'location',
  'sys.geo-city': 'location',
  'sys.zip-code': 'location',
  'sys.geo-country': 'geography',
  'sys.geo-state': 'geography',
  'sys.any': 'any',
};

/** The @sys type written for a canonical prebuilt type (the most general CX type). */
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

/** "sys.date-period" → "datetime"; unknown system types keep their own name ("sys.color" → "color"). */
export function canonicalPrebuilt(sysType: string): string {
  return TO_CANONICAL[sysType] ?? sysType.replace(/^sys\./, '').toLowerCase();
}

/** "datetime" → "sys.date-time"; names without a mapping become "sys.<name>". */
export function cxSystemType(prebuilt: string): string {
  return FROM_CANONICAL[prebuilt] ?? `sys.${prebuilt}`;
}
