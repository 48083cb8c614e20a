/**
 * Per-intent generation settings, resolved from (most specific first) command options, the intent, the
 * spec's defaults and built-in defaults; plus the variation mix turned into concrete families.
 */
import type {VariationTag} from '../model/dataset.js';
import type {FamilyName} from '../model/variation.js';
import type {IntentSpec, Spec, VariationMix} from '../spec/spec.js';
import type {LanguagePack, VariationFamily} from './variation/types.js';

export const DEFAULT_COUNT = 50;
export const DEFAULT_SPLIT = 0.8;
/** The out-of-scope intent (`none:`): its default size and name (CLU's None intent). */
export const DEFAULT_NONE_COUNT = 50;
export const DEFAULT_NONE_NAME = 'None';

/**
 * Used when a spec says nothing about variations. Shares are per generated utterance; several families can
 * apply to one utterance. Negation is rare because it can flip an intent's meaning.
 */
export const DEFAULT_VARIATION_MIX: Readonly<Partial<Record<FamilyName, number>>> = {
  basic: 0.15,
  interrogative: 0.2,
  coordinated: 0.05,
  negation: 0.03,
  polite: 0.25,
  colloquial: 0.2,
  keyword: 0.08,
  abbreviation: 0.1,
  lexical: 0.3,
  morphological: 0.15,
  noise: 0.12,
};

/**
 * A pack may recommend its own default mix (tuned for its families on a benchmark), as an optional
 * `recommendedMix` beside its families; packs without one get DEFAULT_VARIATION_MIX.
 */
export function packDefaultMix(pack: LanguagePack): VariationMix {
  return (pack as LanguagePack & {recommendedMix?: VariationMix}).recommendedMix ?? DEFAULT_VARIATION_MIX;
}

export interface ActiveFamily {
  family: VariationFamily;
  share: number;
}

export interface IntentSettings {
  count: number;
  split: number;
  families: ActiveFamily[];
  /** Mix entries that name no family of the language pack (reported, not fatal: packs grow over time). */
  unknownFamilies: string[];
}

export interface SettingsOverrides {
  perIntent?: number;
  split?: number;
}

/** The family a mix key or disable entry names: its name, one of its aliases, or its letter. */
export function findFamily(pack: LanguagePack, key: string): VariationFamily | undefined {
  const lower = key.toLowerCase();
  return pack.families.find(
    (f) => f.name === lower || f.tag === key || (f.aliases ?? []).some((a) => a.toLowerCase() === lower),
  );
}

export function resolveIntentSettings(
  spec: Spec,
  intent: IntentSpec,
  pack: LanguagePack,
  overrides: SettingsOverrides = {},
): IntentSettings {
  const count = overrides.perIntent ?? intent.count ?? spec.defaults?.count ?? DEFAULT_COUNT;
  const split = overrides.split ?? intent.split ?? spec.defaults?.split ?? DEFAULT_SPLIT;
  // 'auto' is resolved to a measured mix before generation (auto-mix.ts); unresolved, it means the pack's mix.
  const chosen = spec.defaults?.variations;
  const base: VariationMix = chosen === undefined || chosen === 'auto' ? packDefaultMix(pack) : chosen;
  const mix: VariationMix = {...base, ...(intent.variations ?? {})};
  const disabled = new Set<VariationFamily>();
  for (const name of [...(spec.defaults?.disable ?? []), ...(intent.disable ?? [])]) {
    const family = findFamily(pack, name);
    if (family) disabled.add(family);
  }
  const shares = new Map<VariationFamily, number>();
  const unknownFamilies: string[] = [];
  for (const [key, share] of Object.entries(mix)) {
    if (share === undefined) continue;
    const family = findFamily(pack, key);
    if (!family) {
      unknownFamilies.push(key);
      continue;
    }
    shares.set(family, share);
  }
  // Pack order, not mix order, so that the same spec always applies families in the same sequence.
  const families: ActiveFamily[] = [];
  for (const family of pack.families) {
    const share = shares.get(family);
    if (share === undefined || share <= 0 || disabled.has(family)) continue;
    // Offensive (and any other off-by-default family) only runs when the spec itself names it.
    if (family.offByDefault && !namesFamily(spec, intent, pack, family)) continue;
    families.push({family, share});
  }
  return {count, split, families, unknownFamilies};
}

function namesFamily(spec: Spec, intent: IntentSpec, pack: LanguagePack, family: VariationFamily): boolean {
  const defaults = spec.defaults?.variations;
  const keys = [
    ...Object.keys(typeof defaults === 'object' ? defaults : {}),
    ...Object.keys(intent.variations ?? {}),
  ];
  return keys.some((k) => findFamily(pack, k) === family);
}

export type TagCounts = Partial<Record<VariationTag, number>>;
