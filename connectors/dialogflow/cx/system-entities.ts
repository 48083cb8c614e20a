/**
 * Dialogflow CX system entities (@sys.*, https://cloud.google.com/dialogflow/cx/docs/reference/system-entities):
 * the mappings both editions share are in ../shared/system-entities.ts; CX adds its own below.
 */
import {canonicalSystemType, systemTypeFor} from '../shared/system-entities.js';

/** What CX maps that ES does not: periods are "datetime" (as date-time), a zip code is a "location". */
const CX_TO_CANONICAL: Readonly<Record<string, string>> = {
  'sys.date-period': 'datetime',
  'sys.time-period': 'datetime',
  'sys.zip-code': 'location',
};

/** "sys.date-period" → "datetime"; unknown system types keep their own name ("sys.color" → "color"). */
export function canonicalPrebuilt(sysType: string): string {
  return canonicalSystemType(sysType, CX_TO_CANONICAL);
}

/** "datetime" → "sys.date-time"; names without a mapping become "sys.<name>" (CX checks no list here). */
export function cxSystemType(prebuilt: string): string {
  return systemTypeFor(prebuilt);
}
