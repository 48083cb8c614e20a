/** Spanish chat forms (Q) and written abbreviations (E), as people type them. */
import {abbreviationSwaps, phraseSwaps} from '../shared/phrase-swaps.js';

/** Standard phrase -> chat forms. */
export const SPANISH_CHAT = phraseSwaps([
  ['por favor', ['porfa', 'xfa', 'porfis']],
  ['que', ['q', 'k']],
  ['qué', ['q']],
  ['porque', ['xq', 'pq']],
  ['por qué', ['xq', 'pq', 'por q']],
  ['también', ['tb', 'tmb']],
  ['gracias', ['grax']],
  ['de acuerdo', ['ok', 'vale']],
  ['mensaje', ['msj']],
  ['fin de semana', ['finde']],
  ['bueno', ['bno']],
]);

/** Long form, short form, and whether a seed's short form is also written out (info -> información). */
const ABBREVIATIONS: Array<[string, string, boolean?]> = [
  ['información', 'info', true],
  ['número', 'nº'],
  ['número', 'núm.'],
  ['teléfono', 'tel.', true],
  ['mensaje', 'msj', true],
  ['por favor', 'xfa'],
  ['porque', 'pq'],
  ['también', 'tb'],
  ['que', 'q'],
  ['fin de semana', 'finde', true],
  ['aproximadamente', 'aprox.', true],
  ['código postal', 'CP'],
  ['usted', 'Ud.', true],
  ['ustedes', 'Uds.', true],
  ['departamento', 'depto.', true],
  ['minutos', 'min'],
  ['kilómetros', 'km'],
  ['de acuerdo', 'ok'],
  ['por ejemplo', 'p. ej.', true],
];

export const SPANISH_ABBREVIATIONS = abbreviationSwaps(ABBREVIATIONS);
