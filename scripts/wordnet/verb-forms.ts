/**
 * The gerund and past tense of an English verb, for the lexicon build (build-index.ts). compromise guesses both
 * from the spelling and gets common verbs wrong (snow -> "snew", crawl -> "crawl", snap -> "snaping"), so the
 * build uses data instead, with rules only where the data says nothing:
 * - irregular verbs from english-verbs-irregular (RosaeNLG's list, from Wiktionary): go -> went, swim -> swam;
 * - the consonant doubling of each verb from english-verbs-gerunds (WordNet's own exception list): snapping,
 *   preferring, panicking, but visiting and opening. Doubling depends on stress (prefer, but offer), which the
 *   spelling does not show; WordNet records it, and a verb it does not list is doubled only when it is a
 *   single-syllable consonant-vowel-consonant word (stab -> stabbed). The list spells a final -l doubled
 *   (cancelling, travelled), as the lexicon always has.
 * Both are development dependencies: only the generated lexicon ships.
 */
import {createRequire} from 'node:module';
import {regularGerund, regularPast} from '../../src/lang/en/regular-inflection.js';

export interface VerbForms {
  gerund: string;
  past: string;
}

export interface VerbFormData {
  /** base -> [[past, past participle], ...] for irregular verbs (the first pair is the common one). */
  irregular: Record<string, readonly (readonly string[])[]>;
  /** base -> gerund, for verbs whose gerund is not the base plus "ing" (doubling, -c -> -ck). */
  gerunds: Record<string, string>;
}

export function loadVerbFormData(): VerbFormData {
  const require = createRequire(import.meta.url);
  return {
    irregular: require('english-verbs-irregular/dist/verbs.json') as VerbFormData['irregular'],
    gerunds: require('english-verbs-gerunds/dist/gerunds.json') as VerbFormData['gerunds'],
  };
}

/**
 * Where the list's first past form is the rarer one (betted, slitted, stunk, relaid for relay) or a verb is
 * missing from it (smite, rend).
 */
const PAST_OVERRIDES: Record<string, string> = {
  awake: 'awoke',
  bet: 'bet',
  relay: 'relayed',
  rend: 'rent',
  shine: 'shone',
  slink: 'slunk',
  slit: 'slit',
  smite: 'smote',
  stink: 'stank',
  sweat: 'sweated',
  wet: 'wet',
};

/** Prefixes that keep the base verb's irregular past: befall -> befell, withhold -> withheld, retell -> retold. */
const PREFIXES = ['be', 'for', 'fore', 'mis', 'out', 'over', 're', 'un', 'under', 'up', 'with'];
/** Verbs that only look prefixed: behave is not be + have, belie not be + lie, relay not re + lay. */
const NOT_PREFIXED = new Set(['behave', 'belie', 'relay']);

function irregularPast(verb: string, data: VerbFormData): string | undefined {
  const listed = PAST_OVERRIDES[verb] ?? data.irregular[verb]?.[0]?.[0];
  if (listed || NOT_PREFIXED.has(verb)) return listed;
  for (const prefix of PREFIXES) {
    const base = verb.slice(prefix.length);
    if (!verb.startsWith(prefix) || base.length < 2) continue;
    const basePast = PAST_OVERRIDES[base] ?? data.irregular[base]?.[0]?.[0];
    if (basePast) return `${prefix}${basePast}`;
  }
  return undefined;
}

/**
 * The list's gerund when it has one of the shapes a gerund can take (snapping, panicking, singeing, making);
 * a few entries are spelling variants of another kind (co-ordinating, chivvying), which the rule replaces.
 */
function listedGerund(verb: string, data: VerbFormData): string | undefined {
  const listed = data.gerunds[verb];
  const shapes = [regularGerund(verb), `${verb}ing`, `${verb}${verb.at(-1)}ing`, `${verb}king`];
  return listed !== undefined && shapes.includes(listed) ? listed : undefined;
}

export function verbForms(verb: string, data: VerbFormData): VerbForms {
  const gerund = listedGerund(verb, data) ?? regularGerund(verb);
  const irregular = irregularPast(verb, data);
  if (irregular) return {gerund, past: irregular};
  // What the gerund adds before "ing" the past adds before "ed": snap-p-ing, snap-p-ed; panic-k-ing, panic-k-ed.
  const added = gerund.startsWith(verb) ? gerund.slice(verb.length, -'ing'.length) : '';
  if (/^[b-df-hj-np-tv-z]$/.test(added)) return {gerund, past: `${verb}${added}ed`};
  return {gerund, past: regularPast(verb)};
}
