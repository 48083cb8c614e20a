/**
 * LUIS cultures and CLU project languages are region-qualified lowercase tags (en-us, fr-fr...); LUIS rejects a
 * bare "en". A dataset language without a region gets the platform's default region for that language
 * (https://learn.microsoft.com/azure/ai-services/luis/luis-language-support).
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
