/**
 * LUIS cultures are region-qualified lowercase tags (en-us, fr-fr...); LUIS rejects a bare "en". A dataset
 * language without a region gets LUIS's default region for that language
 * (https://learn.microsoft.com/azure/ai-services/luis/luis-language-support). CLU uses other codes: see
 * cluLanguage below.
 */
const DEFAULT_REGION: Record<string, string> = {
  ar: 'ar-ae',
  de: 'de-de',
  en: 'en-us',
  es: 'es-es',
  fr: 'fr-fr',
  gu: 'gu-in',
  hi: 'hi-in',
  it: 'it-it',
  ja: 'ja-jp',
  ko: 'ko-kr',
  mr: 'mr-in',
  nl: 'nl-nl',
  pt: 'pt-br',
  ta: 'ta-in',
  te: 'te-in',
  tr: 'tr-tr',
  zh: 'zh-cn',
};

export function platformCulture(language: string): string {
  const lower = language.toLowerCase();
  return lower.includes('-') ? lower : (DEFAULT_REGION[lower] ?? lower);
}

/** CLU's own codes for the languages whose code is not the bare root language. */
const CLU_SPECIAL: Record<string, string> = {
  en: 'en-us',
  zh: 'zh-hans',
  'zh-cn': 'zh-hans',
  'zh-sg': 'zh-hans',
  'zh-hans': 'zh-hans',
  'zh-tw': 'zh-hant',
  'zh-hk': 'zh-hant',
  'zh-mo': 'zh-hant',
  'zh-hant': 'zh-hant',
  pt: 'pt-br',
  'pt-br': 'pt-br',
  'pt-pt': 'pt-pt',
};

/**
 * CLU project and utterance languages (https://learn.microsoft.com/azure/ai-services/language-service/conversational-language-understanding/language-support):
 * the root language (de, fr, ja, es...) except English, which takes a region (en-us, en-gb), Chinese
 * (zh-hans, zh-hant) and Portuguese (pt-br, pt-pt). A LUIS culture such as de-de becomes de.
 */
export function cluLanguage(language: string): string {
  const lower = language.toLowerCase().replace(/_/g, '-');
  const special = CLU_SPECIAL[lower];
  if (special) return special;
  const root = lower.split('-')[0]!;
  if (root === 'en') return lower;
  return CLU_SPECIAL[root] ?? root;
}
