/**
 * Shallow clause analysis for German seeds. German puts the finite verb second in a main clause and last in a
 * subordinate one, and keeps an infinitive at the end: "ich möchte | meine Bestellung stornieren" has the core
 * "meine Bestellung stornieren", which any modal frame takes as it is ("können Sie meine Bestellung
 * stornieren?"), and "wann findet der Kurs statt" becomes "..., wann der Kurs stattfindet" when a frame embeds
 * it. Nouns keep their capital wherever a frame moves them.
 */
import type {TextEdit} from '../../generate/variation/edit.js';
import type {WordToken} from '../../generate/variation/tokens.js';
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
import {isInfinitive, isNoun, nounGender} from './morphology.js';

type LeadIn = FrameLeadIn;

const USER_LEADS = [
  'ich möchte gerne',
  'ich möchte gern',
  'ich möchte',
  'ich würde gerne',
  'ich würde gern',
  'ich will',
  'ich wollte',
  'ich muss',
  'ich müsste',
];
const LEAD_INS: LeadIn[] = [
  ...USER_LEADS.map((lead): LeadIn => ({lead, kind: 'vp-or-np', userActs: true})),
  // "ich suche einen Geldautomaten" is no wish for one ("ich hätte gern ..."): no frame fits it.
  {lead: 'ich suche', kind: 'none' as const, userActs: true},
  ...['ich hätte gerne', 'ich hätte gern', 'ich brauche', 'ich benötige'].map((lead): LeadIn => ({
    lead,
    kind: 'np',
    userActs: true,
  })),
  ...[
    'können sie bitte',
    'können sie',
    'könnten sie bitte',
    'könnten sie',
    'würden sie bitte',
    'würden sie',
  ].map((lead): LeadIn => ({lead, kind: 'vp', register: 'formal', userActs: false})),
  ...['kannst du bitte', 'kannst du', 'könntest du bitte', 'könntest du', 'würdest du'].map(
    (lead): LeadIn => ({lead, kind: 'vp', register: 'informal', userActs: false}),
  ),
  ...['kann ich', 'könnte ich', 'darf ich', 'kann man'].map((lead): LeadIn => ({
    lead,
    kind: 'vp',
    userActs: true,
  })),
  ...['wie kann ich', 'wie könnte ich', 'wie kann man'].map((lead): LeadIn => ({
    lead,
    kind: 'vp',
    userActs: true,
    asks: 'how',
  })),
  ...['wo kann ich', 'wo kann man'].map((lead): LeadIn => ({
    lead,
    kind: 'vp',
    userActs: true,
    asks: 'where',
  })),
  ...['ich kann', 'ich konnte'].map((lead): LeadIn => ({lead, kind: 'nvp', userActs: true})),
].sort((a, b) => b.lead.length - a.lead.length);

const WH_WORDS = new Set(
  'wann wo wie was warum wieso weshalb wer wen wem welche welcher welches welchen welchem woher wohin womit wofür worüber'.split(
    ' ',
  ),
);
/** Words after "wie" that belong to the question phrase: "wie viel", "wie lange", "wie teuer". */
const WIE_PHRASE = new Set('viel viele lange oft teuer spät früh weit alt groß schnell'.split(' '));
/** Finite verbs that open a yes/no question ("haben Sie eine Preisliste", "gibt es Parkplätze"). */
const QUESTION_VERBS = new Set(
  (
    'habe hat haben habt hast ist sind bist seid gibt gilt kostet kosten kann kannst können könnt darf dürfen ' +
    'muss müssen brauche brauchen bieten bietet macht machen geht nehmt nehmen'
  ).split(' '),
);
/** Finite verbs that never take a separable particle at the end of the clause. */
const AUXILIARIES = new Set(
  (
    'ist sind bist seid war waren hat haben habe hast habt wird werden kann können kannst könnt muss müssen ' +
    'darf dürfen soll sollen will wollen'
  ).split(' '),
);
/** Separable particles: "wann findet der Kurs statt" -> "wann der Kurs stattfindet". */
const PARTICLES = new Set(
  'an ab auf aus ein mit vor zu zurück statt fest los weg nach her hin bei durch'.split(' '),
);
/** Verbs whose action the bot (the business) can do for the user: "können Sie meine Fahrstunde absagen?". */
const SERVICE_VERBS = new Set(
  (
    'stornieren absagen buchen reservieren ändern verschieben schicken senden zuschicken zurücksetzen anmelden ' +
    'abmelden kündigen erstatten zurückerstatten eintragen austragen prüfen überprüfen umbuchen bestätigen ' +
    'löschen vereinbaren zurückrufen'
  ).split(' '),
);
const SUBJECTS = new Set(
  (
    'ich es wir man er sie mein meine meinen unser unsere der die das ein eine kein keine dieser diese dieses ' +
    'jemand niemand nichts alles'
  ).split(' '),
);
const PREPOSITIONS = new Set(
  'für zu zum zur mit am im von vom bei beim nach auf in an über um aus ohne'.split(' '),
);
const NEGATIONS = /^(?:nicht|kein|keine|keinen|keinem|keiner|nie|nichts)$/;

/** Words a German sentence keeps capitalised anywhere: nouns, and the formal Sie. */
export function keepsCapital(word: string): boolean {
  if (/^(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)$/.test(word)) return true;
  return !FUNCTION_WORDS.has(word.toLowerCase()) && isNoun(word);
}

/** German function words (keyword mode drops them; none is a noun). */
export const FUNCTION_WORDS = new Set(
  (
    'ich du er sie es wir ihr mir mich dir dich uns euch ihnen man mein meine meinen meinem meiner meines dein ' +
    'deine deinen deinem deiner ihre ihren ihrem ihrer ihres unser unsere unseren der die das den dem des ein eine ' +
    'einen einem einer eines möchte möchten würde würden gern gerne will wollte muss müsste kann könnte können ' +
    'könnten kannst könntest darf hätte brauche suche benötige bräuchte bitte mal noch doch denn ja also hallo hi hey guten tag morgen ' +
    'abend danke vielen dank'
  ).split(' '),
);

function registerOf(text: string): Register | undefined {
  if (/\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem)\b/.test(text)) return 'formal';
  if (/\b(?:du|dir|dich|dein\w*|kannst|könntest|hast|weißt|würdest)\b/i.test(text)) return 'informal';
  return undefined;
}

function analyze(input: AnnotatedText): FrameClause | undefined {
  const tokens = wordTokens(input);
  if (tokens.length === 0) return undefined;
  const coreEnd = coreEndOf(input.text);
  const capitalized = /^\p{Lu}/u.test(input.text) && !keepsCapital(tokens[0]!.text);
  const base = {coreEnd, register: registerOf(input.text), capitalized, serviceVerb: false, botOnly: false};
  const lead = matchLeadIn(tokens, LEAD_INS);
  if (lead?.entry.kind === 'none') return undefined;
  if (lead && tokens.length > lead.used) {
    const core = tokens.slice(lead.used).filter((t) => t.end <= coreEnd);
    const last = core[core.length - 1];
    const endsInVerb =
      last !== undefined && !last.inEntity && isInfinitive(last.lower) && last.text === last.lower;
    let kind: CoreKind | undefined;
    const {entry} = lead;
    // A noun phrase ends in its noun ("eine Rückerstattung für den Mantel"), not in "zurück" or "bitte".
    const nounLast = last !== undefined && (last.inEntity || /^[\p{Lu}\p{N}]/u.test(last.text));
    if (entry.kind === 'nvp')
      kind = core.some((t) => NEGATIONS.test(t.lower)) && endsInVerb ? 'nvp' : undefined;
    else if (entry.kind === 'np') kind = nounLast ? 'np' : undefined;
    else if (entry.kind === 'vp') kind = endsInVerb ? 'vp' : undefined;
    else kind = endsInVerb ? 'vp' : nounLast ? 'np' : undefined;
    if (kind && core.length > 0) {
      const forUser = core.some((t) => /^(?:mir|mich)$/.test(t.lower));
      return {
        ...base,
        kind,
        coreStart: core[0]!.start,
        userActs: entry.userActs,
        asks: entry.asks,
        // "können Sie meine Fahrstunde absagen?" asks a service; "können Sie eine Fahrstunde buchen?" (no
        // "meine", "mir") asks the staff to take one themselves (a blind review's reject).
        serviceVerb:
          kind === 'vp' &&
          SERVICE_VERBS.has(last!.lower) &&
          core.some((t) => /^(?:mein\w*|mir|mich)$/.test(t.lower)),
        botOnly: !entry.userActs && forUser,
        register: base.register ?? entry.register,
      };
    }
    // A lead-in whose rest is neither ("ich hätte gern mein Geld zurück"): no frame is known to fit it.
    return undefined;
  }
  const first = tokens[0]!;
  const last = tokens.filter((t) => t.end <= coreEnd).at(-1)!;
  // A bare noun phrase with its article: "der Termin für die Prüfung" (keyword strings such as "Kontostand
  // Girokonto" are left alone: "ich hätte gern Kontostand Girokonto" is no sentence).
  const nounPhrase =
    !/\?\s*$/.test(input.text) &&
    /^(?:der|die|das|ein|eine|einen|mein|meine|meinen|kein|keine)$/.test(first.lower) &&
    /^\p{Lu}/u.test(last.text) &&
    !FUNCTION_WORDS.has(last.lower) &&
    tokens.every(
      (t) =>
        t.inEntity ||
        /^[\p{Lu}\p{N}]/u.test(t.text) ||
        FUNCTION_WORDS.has(t.lower) ||
        PREPOSITIONS.has(t.lower),
    );
  if (nounPhrase) return {...base, kind: 'np', coreStart: 0, userActs: true};
  const question =
    /\?\s*$/.test(input.text) ||
    WH_WORDS.has(first.lower) ||
    (QUESTION_VERBS.has(first.lower) && tokens.length > 2);
  if (question) return {...base, kind: 'wh', coreStart: 0, userActs: true};
  // A statement starts with its subject ("mein Fahrlehrer ist nicht gekommen", "ich habe zweimal bezahlt");
  // an imperative ("zeig mir meinen Kontostand", "bitte sperren Sie meine Karte") is no report: no frame fits.
  if (!SUBJECTS.has(first.lower) && !(first.inEntity || keepsCapital(first.text))) return undefined;
  // ... and has a verb: "Kontostand Girokonto" is a keyword string.
  if (
    !tokens.some((t) => /^\p{Ll}/u.test(t.text) && !FUNCTION_WORDS.has(t.lower) && !PREPOSITIONS.has(t.lower))
  )
    return undefined;
  return {...base, kind: 'st', coreStart: 0, userActs: true};
}

/**
 * The edits that put a direct question in subordinate order for "..., {ewh}": the finite verb goes to the end
 * (joined to a separable particle there), a yes/no question gets "ob". Undefined when the question has no clear
 * finite verb.
 */
function subordinate(tokens: readonly WordToken[], coreEnd: number): TextEdit[] | undefined {
  const core = tokens.filter((t) => t.end <= coreEnd);
  const first = core[0];
  if (!first || first.inEntity) return undefined;
  let whLength = 0;
  if (WH_WORDS.has(first.lower)) {
    whLength = 1;
    if (first.lower === 'wie' && core[1] && WIE_PHRASE.has(core[1].lower)) whLength = 2;
    if (/^welch/.test(first.lower) && core[1] && /^\p{Lu}/u.test(core[1].text)) whLength = 2;
  }
  const verb = core[whLength];
  if (!verb || verb.inEntity || (!QUESTION_VERBS.has(verb.lower) && !/(?:t|en)$/.test(verb.lower)))
    return undefined;
  if (/^\p{Lu}/u.test(verb.text) && whLength > 0) return undefined;
  const rest = core.slice(whLength + 1);
  if (rest.length === 0) return undefined;
  const last = rest[rest.length - 1]!;
  const edits: TextEdit[] = [];
  const next = rest[0]!;
  edits.push({start: verb.start, end: next.start, replacement: whLength === 0 ? 'ob ' : ''});
  if (whLength > 0) edits.push(...lowerFirstEdit(first, keepsCapital));
  if (!last.inEntity && PARTICLES.has(last.lower) && !AUXILIARIES.has(verb.lower) && rest.length > 1) {
    edits.push({start: last.start, end: last.end, replacement: last.lower + verb.lower});
  } else {
    edits.push({start: last.end, end: last.end, replacement: ` ${verb.lower}`});
  }
  return edits;
}

/** A masculine noun phrase in the nominative, put in the accusative an np frame needs ("der Termin" -> "den"). */
function accusative(tokens: readonly WordToken[]): TextEdit[] | undefined {
  const [det, noun] = tokens;
  if (!det || det.inEntity) return [];
  const forms: Record<string, string> = {
    der: 'den',
    ein: 'einen',
    kein: 'keinen',
    mein: 'meinen',
    dein: 'deinen',
    ihr: 'ihren',
    unser: 'unseren',
  };
  const accusativeForm = forms[det.lower];
  if (!accusativeForm)
    return /^(?:die|das|eine|meine|keine|deine|den|einen|meinen)$/.test(det.lower) ||
      /^\p{Lu}/u.test(det.text)
      ? []
      : undefined;
  if (!noun || !/^\p{Lu}/u.test(noun.text)) return undefined;
  const gender = nounGender(noun.text);
  if (gender === undefined) return undefined;
  if (gender !== 'M') return det.lower === 'der' ? undefined : [];
  const replacement =
    det.text === det.lower
      ? accusativeForm
      : accusativeForm.charAt(0).toUpperCase() + accusativeForm.slice(1);
  return [{start: det.start, end: det.end, replacement}];
}

export const german: FrameLanguage = {
  analyze: cachedAnalysis(analyze),
  frameRegister: registerOf,
  asksBot: (frame) => /\b(?:Sie|du)\b[^{,]*\{vp\}/.test(frame),
  frameAsks(frame) {
    if (/\bwie (?:kann|könnte) (?:ich|man)\b|\bwie ich\b|\bwie man\b/.test(frame)) return 'how';
    if (/\bwo (?:kann|könnte) (?:ich|man)\b|\bwo ich\b/.test(frame)) return 'where';
    return undefined;
  },
  coreEdits(input, clause, frame, slot) {
    const tokens = wordTokens(input).filter((t) => t.start >= clause.coreStart && t.end <= clause.coreEnd);
    const first = tokens[0];
    // "weißt du, ob du Infos zu meiner Sendung hast?": a question about the bot is not embedded in another.
    if (/\b(?:Sie|du)\b[^{]*\{ewh\}/.test(frame) && tokens.some((t) => /^(?:du|Sie)$/.test(t.text)))
      return undefined;
    // "kann man meine Bestellung stornieren": "man" does not own "meine".
    if (/\bman\b/.test(frame) && tokens.some((t) => /^(?:mein\w*|mich|mir)$/.test(t.lower))) return undefined;
    if (slot === 'ewh') return subordinate(tokens, clause.coreEnd);
    // An unstressed pronoun comes before "bitte", "gerne": "könntest du mich bitte ... anmelden", never
    // "könntest du bitte mich ... anmelden" (a blind review's reject). Such a frame does not fit.
    if (
      /\b(?:bitte|gerne?|mal) \{vp\}/.test(frame) &&
      first &&
      /^(?:mich|mir|dich|dir|uns|sich|es|ihn|ihm)$/.test(first.lower)
    )
      return undefined;
    // The seed's own "bitte" ("können Sie meine Bestellung bitte stornieren") goes: the frame says it or not.
    const please = tokens.filter((t) => t.lower === 'bitte' && !t.inEntity);
    if (please.length > 0 && !(slot === 'vp' && german.asksBot(frame) && !/\bbitte\b/.test(frame))) {
      const edits = please.map((t) => ({
        start: t.start,
        end: Math.min(t.end + 1, clause.coreEnd),
        replacement: '',
      }));
      return [...(clause.coreStart === 0 ? lowerFirstEdit(first, keepsCapital) : []), ...edits];
    }
    const lower = clause.coreStart === 0 ? lowerFirstEdit(first, keepsCapital) : [];
    // A bare noun phrase (a search query) goes after a verb that takes the accusative in every np frame.
    if (slot === 'np' && clause.coreStart === 0) {
      const edits = accusative(tokens);
      return edits && (edits.length > 0 ? edits : lower);
    }
    // "ich möchte {vp}" after a seed that asked the bot ("können Sie meinen Termin stornieren"): fine as is.
    void frame;
    return lower;
  },
};
