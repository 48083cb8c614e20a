/** Brazilian Portuguese lead-ins and cues for the clause analysis (src/lang/shared/lead-in-clause.ts). */
import type {ClauseGrammar} from '../shared/lead-in-clause.js';

/** Words in -ar/-er/-ir/-or that are not infinitives (lugar, celular...), where a lead-in may precede a noun. */
const NOT_INFINITIVES = new Set(
  'lugar mar bar par celular militar familiar popular particular titular auxiliar similar regular escolar ' +
    'solar colar altar jantar almoçar mulher colher talher prazer poder dever ser qualquer menor maior melhor ' +
    'pior cor dor calor valor favor amor senhor motor setor doutor erro interior exterior superior inferior ' +
    'primeiro elevador computador ar'.split(' '),
);
const INFINITIVE = /^(?:[a-záéíóúâêôãõçü]+(?:ar|er|ir|ír|or|ôr)(?:-(?:me|se|lo|la|los|las|nos))?)$/;

export function isPortugueseInfinitive(word: string): boolean {
  return !NOT_INFINITIVES.has(word.replace(/-.*$/, '')) && INFINITIVE.test(word);
}

/** Words a statement or report starts with: determiners, pronouns, adverbs of time, common finite verbs. */
const STATEMENT_OPENERS = new Set(
  (
    'o a os as um uma uns umas meu minha meus minhas seu sua seus suas este esta esse essa nosso nossa eu me ' +
    'se nos já não nunca também ontem hoje desde faz há tem tenho temos estou estamos está estão tô tá fui ' +
    'fomos era é são acho parece ainda sem depois antes quando minha'
  ).split(' '),
);
/** Finite verbs a statement has; a phrase without one is a noun phrase. */
const FINITE =
  /^(?:é|são|está|estão|tá|tô|há|tem|têm|tenho|temos|funciona|funcionam|chega|chegam|consigo|pode|podemos|sai|aparece|aparecem|continua|diz|vai|vão|vejo|quero|preciso|faz|estou|estamos|era|foi|foram|fica|ficou|falta|faltam|sei|come|dorme|[\p{L}]+(?:ado|ada|ido|ida|aram|eram|iram|ou|eu|iu|ei|amos|ava|avam|ia|iam))$/u;
/** Orders: an object pronoun before a verb in -a/-e ("me manda", "me passa"), or a common bare imperative. */
const IMPERATIVE =
  /^(?:cancela|cancele|manda|mande|envia|envie|passa|passe|reserva|reserve|troca|muda|liga|ligue|diz|fala|mostra|tira|bota|coloca|faz)$/u;

function classifyPortuguese(words: readonly string[]): 'st' | 'imp' | 'other' {
  const [first = '', second = ''] = words;
  if (
    IMPERATIVE.test(first) ||
    (first === 'me' && (IMPERATIVE.test(second) || /^(?:diz|dá|ajuda)$/.test(second)))
  )
    return 'imp';
  const hasVerb = words.some((w) => FINITE.test(w)) || words.includes('não');
  if (hasVerb && (STATEMENT_OPENERS.has(first) || FINITE.test(first))) return 'st';
  return 'other';
}

export const PORTUGUESE_GRAMMAR: ClauseGrammar = {
  greeting: /^(?:oi|olá|ola|opa|e aí|bom dia|boa tarde|boa noite|com licença)[,!.]?\s+/,
  leadIns: {
    vp: [
      'quero',
      'queria',
      'eu quero',
      'eu queria',
      'preciso',
      'eu preciso',
      'gostaria de',
      'eu gostaria de',
      'tenho que',
      'eu tenho que',
      'posso',
      'eu posso',
      'dá para',
      'dá pra',
      'tem como',
      'é possível',
      'seria possível',
      'me ajuda a',
      'vocês podem me ajudar a',
      'pode me ajudar a',
      'estou tentando',
      'tô tentando',
    ],
    bvp: ['você pode', 'vocês podem', 'você poderia', 'vocês poderiam', 'poderia', 'poderiam'],
    nvp: ['não consigo', 'eu não consigo', 'não estou conseguindo', 'não tô conseguindo', 'não posso'],
    np: ['quero', 'queria', 'preciso de', 'eu preciso de', 'gostaria de', 'estou procurando', 'procuro'],
    eq: [
      'quero saber',
      'queria saber',
      'gostaria de saber',
      'preciso saber',
      'eu queria saber',
      'você sabe',
      'vocês sabem',
      'pode me dizer',
      'você pode me dizer',
      'vocês podem me dizer',
      'me diz',
    ],
  },
  isInfinitive: isPortugueseInfinitive,
  permissionLeadIns: ['posso', 'eu posso', 'dá para', 'dá pra', 'tem como', 'é possível', 'seria possível'],
  classify: classifyPortuguese,
  notNounPhrase: new Set(['que', 'saber', 'ajuda']),
  // Only a frame that addresses "vocês" drops the seed's own: "pode me dizer se têm" leaves "têm" subjectless.
  repeatedAddress: {
    frame: /(?<![\p{L}])(?:vocês|sabem|podem|poderiam)(?![\p{L}])/iu,
    core: /^(?:vocês|você)\s+/i,
  },
  proclitics: new Set(['me', 'nos', 'te', 'se', 'lhe']),
  questionWord:
    /^(?:o que|que|qual|quais|quando|onde|aonde|como|quanto|quanta|quantos|quantas|quem|por que|pra que|para que|(?:a|de|em|com|para|pra|até|desde|por) (?:que|qual|quais|onde|quando|quanto|quantos|quantas|quem))(?![\p{L}])/u,
  ifWord: 'se',
  notEmbeddable: /^(?:cadê|né|e aí|e o|e a)(?![\p{L}])/u,
  problem:
    /(?<![\p{L}])(?:não|nunca|nada|nenhum|nenhuma|problema|erro|falha|quebrado|quebrada|errado|errada|ainda não|de novo|duas vezes|perdi|sem|cobraram|cobrado)(?![\p{L}])/u,
  informalCore: /(?<![\p{L}])(?:tu|teu|tua|teus|tuas|contigo|tá|tô|cê)(?![\p{L}])/u,
  formalCore: /(?<![\p{L}])(?:o senhor|a senhora|os senhores|as senhoras)(?![\p{L}])/u,
  invertedMarks: false,
};
