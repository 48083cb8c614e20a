/**
 * What watsonx Assistant accepts as names and languages (v1 API, CreateIntent and CreateEntity:
 * https://cloud.ibm.com/apidocs/assistant-v1#createintent, #createentity; languages:
 * https://cloud.ibm.com/docs/assistant?topic=assistant-language-support). A name it refuses is renamed,
 * and every rename is one warning with the mapping, never a silent rewrite.
 */
import type {ConnectorContext} from '../../src/connector-kit.js';

/** Intent names: Unicode letters and digits, _, - and .; not only dots; not sys-; at most 128 characters. */
const INTENT_NAME = /^(?!sys-)(?=.*[^.])[\p{L}\p{N}\p{M}_.-]{1,128}$/u;
/** Entity names: Unicode letters and digits, _ and -; at most 64 characters (sys- only for system entities). */
const ENTITY_NAME = /^(?!sys-)[\p{L}\p{N}\p{M}_-]{1,64}$/u;

interface NameRule {
  pattern: RegExp;
  max: number;
  /** What a character outside the rule becomes, and the prefix that frees a name from sys-. */
  strip: RegExp;
  fallback: string;
}

const INTENT: NameRule = {
  pattern: INTENT_NAME,
  max: 128,
  strip: /[^\p{L}\p{N}\p{M}_.-]+/gu,
  fallback: 'intent',
};
const ENTITY: NameRule = {
  pattern: ENTITY_NAME,
  max: 64,
  strip: /[^\p{L}\p{N}\p{M}_-]+/gu,
  fallback: 'entity',
};

/** Renames names a rule refuses (keeping the names it accepts), each new name unique among all of them. */
function renameAll(names: readonly string[], rule: NameRule): Map<string, string> {
  const taken = new Set(names.filter((n) => rule.pattern.test(n)).map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  for (const name of names) {
    if (rule.pattern.test(name) || out.has(name)) continue;
    let base = name.replace(rule.strip, '_').replace(/^_+|_+$/g, '');
    if (base.startsWith('sys-')) base = `x_${base}`;
    if (!rule.pattern.test(base.slice(0, rule.max))) base = rule.fallback;
    base = base.slice(0, rule.max);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`;
      candidate = `${base.slice(0, rule.max - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    out.set(name, candidate);
  }
  return out;
}

function listed(mapping: Map<string, string>): string {
  const pairs = [...mapping].map(([from, to]) => `"${from}" -> "${to}"`);
  return `${pairs.slice(0, 8).join(', ')}${pairs.length > 8 ? `, and ${pairs.length - 8} more` : ''}`;
}

export function intentNameMap(names: readonly string[], context: ConnectorContext): Map<string, string> {
  const renamed = renameAll(names, INTENT);
  if (renamed.size > 0)
    context.warn({
      code: 'WATSON_INTENT_RENAMED',
      message: `watson intent names use Unicode letters, digits, "_", "-" and "." only (at most 128, not starting with sys-); renamed ${listed(renamed)}`,
      suggestion: 'Rename these intents in the dataset to choose the names yourself.',
    });
  return renamed;
}

export function entityNameMap(names: readonly string[], context: ConnectorContext): Map<string, string> {
  const renamed = renameAll(names, ENTITY);
  if (renamed.size > 0)
    context.warn({
      code: 'WATSON_ENTITY_RENAMED',
      message: `watson entity names use Unicode letters, digits, "_" and "-" only (at most 64, sys- is for system entities); renamed ${listed(renamed)}`,
      suggestion: 'Rename these entities in the dataset to choose the names yourself.',
    });
  return renamed;
}

/** The languages a dialog skill can have (xx is the universal language model). */
const LANGUAGES = new Set([
  'ar',
  'cs',
  'de',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'ko',
  'nl',
  'pt-br',
  'zh-cn',
  'zh-tw',
  'xx',
]);

/** The skill language for a dataset language: en-US is en, pt is pt-br, zh-Hant is zh-tw; others xx. */
export function watsonLanguage(language: string, context: ConnectorContext): string {
  const lower = language.toLowerCase().replace(/_/g, '-');
  if (LANGUAGES.has(lower)) return lower;
  const root = lower.split('-')[0]!;
  if (root === 'pt') return 'pt-br';
  if (root === 'zh') return /-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  if (LANGUAGES.has(root)) return root;
  context.warn({
    code: 'WATSON_LANGUAGE_UNIVERSAL',
    message: `watson has no language model for "${language}"; the skill is written with the universal language model (xx)`,
  });
  return 'xx';
}
