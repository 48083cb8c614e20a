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
