/**
 * Dialogflow ES system entities (@sys.*): the mappings both editions share are in ../shared/system-entities.ts;
 * here is what ES has of its own: the list of its system types, which a console restore checks.
 */
import {canonicalSystemType, systemTypeFor} from '../shared/system-entities.js';

export {isSystemType} from '../shared/system-entities.js';

/** "sys.geo-city" → "location"; unknown system types keep their own name ("sys.music-artist" → "music-artist"). */
export function canonicalPrebuilt(sysType: string): string {
  // ES maps no system type of its own: sys.date-period, say, stays "date-period" (CX reads it as "datetime").
  return canonicalSystemType(sysType);
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
  const sys = systemTypeFor(prebuilt);
  return DIALOGFLOW_SYSTEM_TYPES.has(sys) ? sys : undefined;
}
