/**
 * watsonx Assistant system entities (https://cloud.ibm.com/docs/assistant?topic=assistant-system-entities):
 * @sys-number, @sys-currency, @sys-percentage, @sys-date, @sys-time, and the older @sys-location and
 * @sys-person, and the canonical prebuilt types of the dataset model. The entity keeps its Watson name
 * (sys-date), so a Watson round trip gives the same entity back.
 */
const TO_CANONICAL: Record<string, string> = {
  'sys-number': 'number',
  'sys-currency': 'money',
  'sys-percentage': 'percentage',
  'sys-date': 'date',
  'sys-time': 'time',
  'sys-location': 'location',
  'sys-person': 'person',
};

/** The system entity written for a canonical prebuilt type; the types Watson has none for are absent. */
const FROM_CANONICAL: Record<string, string> = {
  number: 'sys-number',
  ordinal: 'sys-number',
  money: 'sys-currency',
  percentage: 'sys-percentage',
  date: 'sys-date',
  datetime: 'sys-date',
  time: 'sys-time',
  location: 'sys-location',
  geography: 'sys-location',
  person: 'sys-person',
};

export function isSystemEntityName(name: string): boolean {
  return name.startsWith('sys-');
}

export function canonicalPrebuilt(sys: string): string {
  return TO_CANONICAL[sys] ?? 'any';
}

/** The Watson system entity for a canonical prebuilt type, or undefined when Watson has none. */
export function watsonSystemEntity(prebuilt: string | undefined): string | undefined {
  return FROM_CANONICAL[prebuilt ?? 'any'];
}
