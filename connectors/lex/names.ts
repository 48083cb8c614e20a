/**
 * Lex V2 names, built-in slot types and locales. Intent, slot and slot type names match
 * ^([0-9a-zA-Z][_-]?){1,100}$ (Lex V2 API reference: CreateIntent intentName, CreateSlot slotName,
 * CreateSlotType slotTypeName; https://docs.aws.amazon.com/lexv2/latest/APIReference/API_CreateIntent.html).
 */
export const LEX_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;
export const LEX_NAME_SOURCE = LEX_NAME.source;

/** A name Lex accepts for `name`: runs of other characters become one "_", cut to 100 characters. */
export function lexSafeName(name: string): string {
  let out = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^0-9a-zA-Z_-]+/g, '_')
    .replace(/[_-]{2,}/g, (run) => run[0]!)
    .replace(/^[_-]+/, '');
  if (out === '') out = 'x';
  return out.slice(0, 100);
}

/** Gives each name a distinct Lex name (Lex compares names case-insensitively within a locale). */
export function lexNames(names: readonly string[], taken: Set<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const base = LEX_NAME.test(name) ? name : lexSafeName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 95)}${n}`;
    taken.add(candidate.toLowerCase());
    out.set(name, candidate);
  }
  return out;
}

/**
 * Where a dataset name that Lex cannot take travels: in the resource's description, "<name>" alone or
 * "<name>: <description>", read back when it gives the Lex name again.
 */
export function describeWithName(
  original: string,
  lexName: string,
  description: string | undefined,
): string | undefined {
  if (original === lexName) return description === undefined ? undefined : clip(description);
  if (original.length > LEX_MAX_DESCRIPTION) return description === undefined ? undefined : clip(description);
  return description ? clip(`${original}: ${description}`) : original;
}

/** Lex descriptions hold at most 200 characters (CreateIntent, CreateSlotType, CreateBot description). */
export const LEX_MAX_DESCRIPTION = 200;

export function clip(text: string): string {
  return text.length <= LEX_MAX_DESCRIPTION ? text : `${text.slice(0, LEX_MAX_DESCRIPTION - 1)}…`;
}

function isNameFor(candidate: string, lexName: string): boolean {
  if (candidate === lexName) return false;
  const safe = lexSafeName(candidate);
  if (safe === lexName) return true;
  const stem = safe.slice(0, 95);
  return lexName.startsWith(stem) && /^\d+$/.test(lexName.slice(stem.length));
}

export function nameFromDescription(
  lexName: string,
  description: string | null | undefined,
): {name: string; description?: string} {
  if (!description) return {name: lexName};
  if (isNameFor(description, lexName)) return {name: description};
  const colon = description.indexOf(': ');
  if (colon > 0 && isNameFor(description.slice(0, colon), lexName))
    return {name: description.slice(0, colon), description: description.slice(colon + 2)};
  return {name: lexName, description};
}

/** AMAZON.* built-in slot types (https://docs.aws.amazon.com/lexv2/latest/dg/built-in-slots.html) → canonical prebuilt. */
const BUILTIN_TO_CANONICAL: Record<string, string> = {
  'AMAZON.AlphaNumeric': 'any',
  'AMAZON.City': 'location',
  'AMAZON.Confirmation': 'any',
  'AMAZON.Country': 'geography',
  'AMAZON.Currency': 'money',
  'AMAZON.Date': 'date',
  'AMAZON.Duration': 'duration',
  'AMAZON.EmailAddress': 'email',
  'AMAZON.FirstName': 'person',
  'AMAZON.LastName': 'person',
  'AMAZON.Number': 'number',
  'AMAZON.Percentage': 'percentage',
  'AMAZON.PhoneNumber': 'phone',
  'AMAZON.State': 'geography',
  'AMAZON.StreetName': 'location',
  'AMAZON.Time': 'time',
  'AMAZON.UKPostalCode': 'any',
  'AMAZON.FreeFormInput': 'any',
};

const CANONICAL_TO_BUILTIN: Record<string, string> = {
  number: 'AMAZON.Number',
  ordinal: 'AMAZON.Number',
  date: 'AMAZON.Date',
  time: 'AMAZON.Time',
  datetime: 'AMAZON.Date',
  duration: 'AMAZON.Duration',
  email: 'AMAZON.EmailAddress',
  url: 'AMAZON.AlphaNumeric',
  phone: 'AMAZON.PhoneNumber',
  money: 'AMAZON.Currency',
  percentage: 'AMAZON.Percentage',
  temperature: 'AMAZON.Number',
  age: 'AMAZON.Number',
  dimension: 'AMAZON.Number',
  person: 'AMAZON.FirstName',
  location: 'AMAZON.City',
  geography: 'AMAZON.Country',
  any: 'AMAZON.AlphaNumeric',
};

export function canonicalOfBuiltin(type: string): string {
  return BUILTIN_TO_CANONICAL[type] ?? 'any';
}

export function builtinOfCanonical(prebuilt: string | undefined): string {
  return CANONICAL_TO_BUILTIN[prebuilt ?? 'any'] ?? 'AMAZON.AlphaNumeric';
}

export function isBuiltin(slotType: string): boolean {
  return slotType.startsWith('AMAZON.');
}

/** Example values a template's built-in slot is filled with (the type recognises them). */
const BUILTIN_EXAMPLES: Record<string, string[]> = {
  'AMAZON.AlphaNumeric': ['A12345', 'B67890', 'C24680'],
  'AMAZON.City': ['Seattle', 'London', 'Chicago'],
  'AMAZON.Confirmation': ['yes', 'no', 'maybe'],
  'AMAZON.Country': ['France', 'Canada', 'Japan'],
  'AMAZON.Currency': ['10 dollars', '5 euros', '20 pounds'],
  'AMAZON.Date': ['tomorrow', 'next Monday', 'June 3rd'],
  'AMAZON.Duration': ['two hours', 'ten minutes', 'three days'],
  'AMAZON.EmailAddress': ['jane@example.com', 'sam@example.org', 'lee@example.net'],
  'AMAZON.FirstName': ['Jane', 'Carlos', 'Priya'],
  'AMAZON.LastName': ['Smith', 'Garcia', 'Patel'],
  'AMAZON.Number': ['2', '5', '10'],
  'AMAZON.Percentage': ['10 percent', '50%', '25 percent'],
  'AMAZON.PhoneNumber': ['555 0100', '555 0199', '555 0123'],
  'AMAZON.State': ['Texas', 'Ohio', 'Oregon'],
  'AMAZON.StreetName': ['Main Street', 'Oak Avenue', 'Pine Road'],
  'AMAZON.Time': ['3 pm', 'noon', '9:30 am'],
  'AMAZON.UKPostalCode': ['SW1A 1AA', 'EC1A 1BB', 'W1A 0AX'],
  'AMAZON.FreeFormInput': ['something else', 'anything', 'whatever'],
};

export function builtinExamples(type: string): string[] {
  return BUILTIN_EXAMPLES[type] ?? BUILTIN_EXAMPLES['AMAZON.AlphaNumeric']!;
}

/** Lex V2 locales (https://docs.aws.amazon.com/lexv2/latest/dg/how-languages.html), by language. */
const LOCALES = [
  'en_US',
  'en_GB',
  'en_AU',
  'en_IN',
  'en_IE',
  'en_ZA',
  'en_NZ',
  'es_US',
  'es_ES',
  'es_419',
  'fr_FR',
  'fr_CA',
  'de_DE',
  'de_AT',
  'it_IT',
  'ja_JP',
  'ko_KR',
  'pt_BR',
  'pt_PT',
  'zh_CN',
  'ca_ES',
  'nl_NL',
  'sv_SE',
  'da_DK',
  'fi_FI',
  'no_NO',
  'pl_PL',
  'ar_AE',
  'hi_IN',
  'cy_GB',
  'yue_HK',
];

/** The Lex locale of a dataset language: en → en_US, en-GB → en_GB, es → es_US, pt → pt_BR. */
export function localeOf(language: string): string {
  const [lang = 'en', region] = language.replace('_', '-').split('-');
  if (region) {
    const exact = `${lang.toLowerCase()}_${region.toUpperCase()}`;
    if (LOCALES.includes(exact)) return exact;
  }
  return LOCALES.find((l) => l.startsWith(`${lang.toLowerCase()}_`)) ?? 'en_US';
}

/** The dataset language of a Lex locale: en_US → en (the common case keeps plain codes), en_GB → en-GB. */
export function languageOf(locale: string): string {
  const [lang = 'en', region = ''] = locale.split('_');
  return localeOf(lang) === locale ? lang : `${lang}-${region}`;
}
