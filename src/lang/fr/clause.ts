/**
 * Shallow clause analysis for French seeds: a lead-in ("je voudrais", "pouvez-vous", "comment puis-je",
 * "j'ai besoin de") followed by an infinitive phrase (with its clitics: "m'inscrire aux cours") or a noun
 * phrase; a failure or absence ("je ne peux pas | venir lundi", "je n'arrive pas à | me connecter"); a question;
 * or a statement. Frames are joined to cores with French elision and contraction (j'aimerais, d'annuler, du).
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import type {AnnotatedText} from '../../generate/variation/types.js';
import {
  cachedAnalysis,
  coreEndOf,
  lowerFirstEdit,
  matchLeadIn,
  wordTokens,
  type CoreKind,
  type FrameClause,
  type FrameLeadIn,
  type FrameLanguage,
  type Register,
} from '../shared/frame-families.js';
import {elide, isInfinitive} from './morphology.js';

type LeadIn = FrameLeadIn;

const leads = (kind: LeadIn['kind'], words: string[], extra: Partial<LeadIn> = {}): LeadIn[] =>
  words.map((lead) => ({lead, kind, userActs: true, ...extra}));

const LEAD_INS: LeadIn[] = [
  ...leads('vp-or-np', [
    'je voudrais',
    "j'aimerais",
    'je veux',
    'je souhaite',
    'je souhaiterais',
    "j'ai besoin",
  ]),
  // "je cherche un distributeur" is no wish for one ("je voudrais ..."): no frame fits it.
  ...leads('none', ['je cherche']),
  ...leads('vp', [
    'je dois',
    'je vais',
    'est-ce que je peux',
    'est-ce que je pourrais',
    'je peux',
    'puis-je',
    'je pourrais',
    'est-il possible de',
    "est-ce qu'il est possible de",
  ]),
  ...leads('vp', ['pouvez-vous', 'pourriez-vous', 'vous pouvez', 'est-ce que vous pouvez', 'vous pourriez'], {
    register: 'formal',
    userActs: false,
  }),
  ...leads('vp', ['tu peux', 'peux-tu', 'est-ce que tu peux', 'tu pourrais'], {
    register: 'informal',
    userActs: false,
  }),
  ...leads('vp', ['comment puis-je', 'comment je peux', 'comment faire pour', 'comment est-ce que je peux'], {
    asks: 'how',
  }),
  ...leads('vp', ['où puis-je', 'où est-ce que je peux', 'où je peux'], {asks: 'where'}),
  ...leads('nvp', [
    "je n'arrive pas à",
    'je ne peux pas',
    'je ne parviens pas à',
    'impossible de',
    'je ne peux plus',
    "je n'arrive plus à",
  ]),
].sort((a, b) => b.lead.length - a.lead.length);

const WH_WORDS = new Set(
  "quand où comment combien quel quelle quels quelles pourquoi qu'est-ce est-ce qui que quoi".split(' '),
);
/** Questions in statement order that a chat writes without "?": "vous avez une grille tarifaire". */
const QUESTION_STARTS =
  /^(?:vous avez|avez-vous|tu as|as-tu|y a-t-il|il y a|vous faites|faites-vous|vous acceptez|c'est combien|c'est quand|à quelle)\b/i;
/** Verbs whose action the bot (the business) can do for the user: "pouvez-vous annuler ma leçon ?". */
const SERVICE_VERBS = new Set(
  (
    'annuler réserver modifier changer déplacer décaler envoyer inscrire désinscrire réinitialiser rembourser ' +
    'vérifier résilier confirmer supprimer reporter fixer rappeler'
  ).split(' '),
);
const SUBJECTS = new Set(
  (
    "je j' il elle on nous ils elles mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs le la l' " +
    "les un une des ce cet cette ces ça c' cela personne rien quelqu'un"
  ).split(' '),
);
const CLITIC = /^(?:me|te|se|le|la|les|lui|leur|y|en|nous|vous|[mtsl]['’])/i;

/** French function words (keyword mode drops them). */
export const FUNCTION_WORDS = new Set(
  (
    "je j' tu il elle on nous vous ils me m' te t' se s' moi toi le la l' les un une des ce cet " +
    'cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs voudrais aimerais veux souhaite ' +
    'cherche dois vais voudrait ' +
    'souhaiterais voudrait pouvez pourriez peux pourrais puis-je pouvez-vous pourriez-vous peux-tu dois est-ce ' +
    "que qu' est-ce-que j'aimerais j'ai ai besoin s'il plaît svp stp bonjour salut merci d'un d'une svp"
  ).split(' '),
);

function registerOf(text: string): Register | undefined {
  if (/(?<![\p{L}])(?:vous|votre|vos|excusez|dites)(?![\p{L}])|svp/iu.test(text)) return 'formal';
  if (/(?<![\p{L}])(?:tu|te|toi|ton|ta|tes|dis-moi|t['’])(?![\p{L}])|-tu\b|stp/iu.test(text))
    return 'informal';
  return undefined;
}

/** Whether the words from `at` start an infinitive phrase ("annuler", "m'inscrire", "me le renvoyer"). */
function startsInfinitive(words: readonly string[]): boolean {
  for (const word of words.slice(0, 3)) {
    const bare = word.replace(/^[mtsl]['’]/i, '');
    if (isInfinitive(bare.toLowerCase())) return true;
    if (!CLITIC.test(word)) return false;
  }
  return false;
}

function analyze(input: AnnotatedText): FrameClause | undefined {
  const tokens = wordTokens(input);
  if (tokens.length === 0) return undefined;
  const coreEnd = coreEndOf(input.text);
  const capitalized = /^\p{Lu}/u.test(input.text);
  const base = {coreEnd, register: registerOf(input.text), capitalized, serviceVerb: false, botOnly: false};
  const lead = matchLeadIn(tokens, LEAD_INS);
  if (lead?.entry.kind === 'none') return undefined;
  if (lead) {
    let core = tokens.slice(lead.used).filter((t) => t.end <= coreEnd);
    let coreStart = core[0]?.start;
    // "j'ai besoin de réserver", "j'ai besoin d'un créneau": the preposition is the frame's.
    if (lead.entry.lead === "j'ai besoin") {
      const de = core[0];
      if (!de || de.inEntity) return undefined;
      if (de.lower === 'de') core = core.slice(1);
      else if (/^d['’]/.test(de.lower)) coreStart = de.start + 2;
      else return undefined;
      coreStart = de.lower === 'de' ? core[0]?.start : coreStart;
    }
    const words = core.map((t) => (t.start < coreStart! ? input.text.slice(coreStart, t.end) : t.text));
    if (
      coreStart !== undefined &&
      words.length > 0 &&
      !core.some((t) => t.inEntity && t.start < coreStart!)
    ) {
      const verbal = !core[0]!.inEntity && startsInfinitive(words);
      const {entry} = lead;
      let kind: CoreKind | undefined;
      if (entry.kind === 'vp-or-np') kind = verbal ? 'vp' : 'np';
      else kind = verbal && entry.kind !== 'none' ? entry.kind : undefined;
      // "du", "des" after "j'ai besoin" are de + article: other frames would need the article back.
      if (kind === 'np' && /^(?:du|des|de)$/i.test(words[0]!)) kind = undefined;
      if (kind) {
        const verb = words.map((w) => w.replace(/^[mtsl]['’]/i, '').toLowerCase()).find(isInfinitive);
        return {
          ...base,
          kind,
          coreStart,
          userActs: entry.userActs,
          asks: entry.asks,
          // "pouvez-vous annuler ma leçon ?" asks a service; without "ma", "me" it asks the staff to do it for
          // themselves.
          serviceVerb:
            kind === 'vp' &&
            verb !== undefined &&
            SERVICE_VERBS.has(verb) &&
            words.some((w) => /^(?:mon|ma|mes|me|moi|m['’].*)$/i.test(w)),
          // "pouvez-vous me rappeler", "... un virement pour moi": the user cannot do it to themselves.
          botOnly: !entry.userActs && words.some((w) => /^(?:me|moi|m['’].*)$/i.test(w)),
          register: base.register ?? entry.register,
        };
      }
    }
    // A lead-in whose rest is neither: no frame is known to fit it.
    return undefined;
  }
  const first = tokens[0]!;
  const question = /\?\s*$/.test(input.text) || WH_WORDS.has(first.lower) || QUESTION_STARTS.test(input.text);
  if (question) return {...base, kind: 'wh', coreStart: 0, userActs: true};
  // A statement starts with its subject ("mon moniteur n'est pas venu", "on m'a volé ma carte"); an imperative
  // ("montre-moi mon solde") or a bare noun phrase ("solde compte courant") is no report: no frame fits.
  if (!first.inEntity && !SUBJECTS.has(first.lower.replace(/(?<=['’]).*$/, ''))) return undefined;
  return {...base, kind: 'st', coreStart: 0, userActs: true};
}

/** Question words an indirect question keeps in place: "pourriez-vous me dire où est mon colis ?". */
const EMBEDDABLE_WH = new Set('où quand comment combien quel quelle quels quelles pourquoi'.split(' '));
/** Subjects that open a yes/no question in statement order: "vous avez ..." -> "si vous avez ...". */
const STATEMENT_ORDER = new Set('vous tu il on c'.split(' '));

/**
 * A question as an indirect one for "..., {ewh}": a wh-question in plain order stays as it is, a yes/no
 * question in statement order takes "si" (elided before il: "s'il y a"). Inverted ("acceptez-vous") and
 * "est-ce que" questions would need rewording: undefined.
 */
function embedQuestion(input: AnnotatedText, clause: FrameClause): TextEdit[] | undefined {
  const tokens = wordTokens(input).filter((t) => t.start >= clause.coreStart && t.end <= clause.coreEnd);
  const first = tokens[0];
  if (!first || first.inEntity) return undefined;
  if (tokens.some((t) => /-(?:vous|tu|ils?|elles?|on|je|nous)$|^est-ce$|^qu['’]est-ce$/.test(t.lower)))
    return undefined;
  const lower = lowerFirstEdit(first, (word) => /^\p{Lu}{2,}/u.test(word));
  if (EMBEDDABLE_WH.has(first.lower)) return lower;
  const subject = first.lower.replace(/['’].*$/, '');
  if (STATEMENT_ORDER.has(subject) && tokens.length > 2)
    return [
      ...lower.map((e) => ({...e, replacement: `si ${e.replacement}`})),
      ...(lower.length === 0 ? [{start: first.start, end: first.start, replacement: 'si '}] : []),
    ];
  return undefined;
}

export const french: FrameLanguage = {
  analyze: cachedAnalysis(analyze),
  frameRegister: registerOf,
  asksBot: (frame) => /(?:\b(?:vous|tu)|-vous|-tu)\b[^{,]*\{vp\}/.test(frame),
  frameAsks(frame) {
    if (/\bcomment\b/.test(frame)) return 'how';
    if (/(?<![\p{L}])où(?![\p{L}])/u.test(frame)) return 'where';
    return undefined;
  },
  coreEdits(input, clause, _frame, slot) {
    const first = wordTokens(input).find((t) => t.start >= clause.coreStart);
    if (slot === 'ewh') return embedQuestion(input, clause);
    // A seed's first word moves into the frame: "Mon moniteur ..." -> "bonjour, mon moniteur ...".
    return clause.coreStart === 0 ? lowerFirstEdit(first, (word) => /^\p{Lu}{2,}/u.test(word)) : [];
  },
  finish: elide,
};
