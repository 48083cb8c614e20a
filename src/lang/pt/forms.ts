/** Brazilian chat forms (Q) and written abbreviations (E), as people type them. */
import {abbreviationSwaps, phraseSwaps} from '../shared/phrase-swaps.js';

/** Standard phrase -> chat forms. */
export const PORTUGUESE_CHAT = phraseSwaps([
  ['você', ['vc']],
  ['vocês', ['vcs']],
  ['porque', ['pq']],
  ['por que', ['pq']],
  ['também', ['tb', 'tbm']],
  ['não', ['n', 'ñ']],
  ['que', ['q']],
  ['por favor', ['pfv', 'pf', 'pfvr']],
  ['obrigado', ['obg', 'vlw']],
  ['obrigada', ['obg']],
  ['beleza', ['blz']],
  ['hoje', ['hj']],
  ['para', ['pra']],
  ['para o', ['pro']],
  ['para a', ['pra']],
  ['para os', ['pros']],
  ['para as', ['pras']],
  ['está', ['tá']],
  ['estou', ['tô']],
  ['quando', ['qnd', 'qdo']],
  ['tudo', ['td']],
  ['mesmo', ['msm']],
  ['muito', ['mt', 'mto']],
  ['tudo bem', ['td bem', 'tdb']],
  ['mensagem', ['msg']],
]);

/** Long form, short form, and whether a seed's short form is also written out (info -> informação). */
const ABBREVIATIONS: Array<[string, string, boolean?]> = [
  ['informação', 'info', true],
  ['número', 'nº'],
  ['telefone', 'tel.', true],
  ['mensagem', 'msg', true],
  ['você', 'vc'],
  ['vocês', 'vcs'],
  ['porque', 'pq'],
  ['também', 'tb'],
  ['por favor', 'pfv'],
  ['obrigado', 'obg'],
  ['hoje', 'hj'],
  ['quando', 'qnd'],
  ['minutos', 'min'],
  ['quilômetros', 'km'],
  ['aproximadamente', 'aprox.', true],
  ['departamento', 'depto.', true],
  ['fim de semana', 'fds', true],
  ['whatsapp', 'zap', true],
];

export const PORTUGUESE_ABBREVIATIONS = abbreviationSwaps(ABBREVIATIONS);
