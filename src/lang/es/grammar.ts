/** Spanish lead-ins and cues for the clause analysis (src/lang/shared/lead-in-clause.ts). */
import type {ClauseGrammar} from '../shared/lead-in-clause.js';

/** Words in -ar/-er/-ir that are not infinitives (lugar, mujer...), where a lead-in may precede a noun. */
const NOT_INFINITIVES = new Set(
  'lugar hogar mar bar par collar militar familiar popular particular titular celular auxiliar similar ' +
    'regular escolar solar alquiler taller mujer ayer cualquier menor mayor mejor peor color dolor calor ' +
    'valor favor amor señor motor sector doctor error interior exterior superior inferior primer tercer ' +
    'suspir elixir nadir faquir emir tapir zafir'.split(' '),
);
const INFINITIVE =
  /^(?:ir(?:me|te|se|nos)?|[a-záéíóúñü]+(?:ar|er|ir|ír)(?:me|te|se|lo|la|le|los|las|les|nos|melo|mela|selo|sela)?)$/;

export function isSpanishInfinitive(word: string): boolean {
  return !NOT_INFINITIVES.has(word) && INFINITIVE.test(word);
}

/** Words a statement or report starts with: determiners, pronouns, adverbs of time, common finite verbs. */
const STATEMENT_OPENERS = new Set(
  (
    'el la los las lo un una unos unas mi mis tu tus su sus este esta estos estas ese esa esos esas nuestro ' +
    'nuestra nuestros nuestras yo me se nos le les ya no nunca también tampoco ayer hoy anoche anteayer desde ' +
    'hace hay había he ha han hemos tengo tenemos estoy estamos llevo llevamos sigo acabo acabamos fui fuimos ' +
    'era es son creo parece todavía aún sin al después antes cuando'
  ).split(' '),
);
/** Finite verbs a statement has (or a participle: "he olvidado"); a phrase without one is a noun phrase. */
const FINITE =
  /^(?:es|son|está|están|hay|ha|han|he|hemos|tengo|tiene|tienen|tenemos|funciona|funcionan|llega|llegan|puedo|puede|podemos|sale|salen|aparece|aparecen|sigue|siguen|dice|dicen|va|van|veo|quiero|necesito|hace|estoy|estamos|era|fue|fueron|queda|quedan|falta|faltan|sé|come|bebe|duerme|tose|cojea|vomita|sangra|[\p{L}]+(?:ado|ada|ido|ida|aron|ieron|amos|aba|aban|ía|ían))$/u;
/** Orders: a verb with an object pronoun attached (resérvame, dígame, mándenme) or a common bare imperative. */
const IMPERATIVE =
  /^(?:[\p{L}]*[áéíóú][\p{L}]*(?:me|nos|le|les|lo|la|los|las|melo|mela|noslo)|dime|dame|danos|pon|ponme|haz|hazme|di|dile|ten|ven|cancela|anula|reserva|envía|manda|cambia|quita|busca|llama|llámame|activa|desactiva|borra|mira)$/u;

function classifySpanish(words: readonly string[]): 'st' | 'imp' | 'other' {
  const first = words[0] ?? '';
  if (IMPERATIVE.test(first)) return 'imp';
  const hasVerb = words.some((w) => FINITE.test(w) || /[éó]$/.test(w)) || words.includes('no');
  if (hasVerb && (STATEMENT_OPENERS.has(first) || FINITE.test(first) || /[éó]$/.test(first))) return 'st';
  return 'other';
}

export const SPANISH_GRAMMAR: ClauseGrammar = {
  greeting:
    /^(?:hola|buenas|buenos días|buenos dias|buenas tardes|buenas noches|hey|oye|disculpe|disculpa|perdón|perdon)[,!.]?\s+/,
  leadIns: {
    vp: [
      'quiero',
      'quisiera',
      'quería',
      'necesito',
      'me gustaría',
      'me gustaria',
      'tengo que',
      'necesito poder',
      'puedo',
      'se puede',
      'es posible',
      'sería posible',
      'me ayudas a',
      'me ayudan a',
      'me puedes ayudar a',
      'me pueden ayudar a',
      'me podría ayudar a',
      'me podrían ayudar a',
      'ayúdame a',
      'ayúdenme a',
      'deseo',
      'busco',
    ],
    bvp: ['puedes', 'podrías', 'pueden', 'podrían', 'podría usted'],
    nvp: ['no puedo', 'no consigo', 'no logro', 'no me deja', 'no me dejan'],
    np: ['quiero', 'quisiera', 'necesito', 'busco', 'me gustaría', 'me gustaria'],
    eq: [
      'quiero saber',
      'quisiera saber',
      'quería saber',
      'me gustaría saber',
      'necesito saber',
      'me puedes decir',
      'me pueden decir',
      'me podría decir',
      'me podrían decir',
      'sabes',
      'saben',
      'dime',
    ],
  },
  isInfinitive: isSpanishInfinitive,
  classify: classifySpanish,
  notNounPhrase: new Set(['que', 'saber', 'ayuda']),
  questionWord:
    /^(?:qué|que|cuál|cuáles|cual|cuando|cuándo|dónde|donde|adónde|cómo|como|cuánto|cuánta|cuántos|cuántas|cuanto|quién|quiénes|por qué|(?:a|de|en|con|para|hasta|desde|por) (?:qué|que|cuál|cuáles|dónde|donde|cuándo|cuánto|cuántos|cuántas|quién|quiénes))(?![\p{L}])/u,
  ifWord: 'si',
  problem:
    /(?<![\p{L}])(?:no|nunca|nada|ningún|ninguna|problema|error|falla|fallo|roto|rota|mal|todavía no|aún no|sigue|otra vez|dos veces|equivocad[oa]s?|perdí|perdido|perdida|cobraron|cobrado|sin)(?![\p{L}])/u,
  informalCore:
    /(?<![\p{L}])(?:tú|tu|tus|te|ti|contigo|tienes|puedes|sabes|haces|quieres|eres|estás|vas|oye|mira|dime|ayúdame)(?![\p{L}])/u,
  // "su horario" addresses usted or ustedes: "¿me puedes decir cuál es su horario?" mixes registers.
  formalCore: /(?<![\p{L}])(?:usted|ustedes|podría usted|disculpe|perdone|dígame|su|sus)(?![\p{L}])/u,
  permissionLeadIns: ['puedo', 'se puede', 'es posible', 'sería posible'],
  invertedMarks: true,
};
