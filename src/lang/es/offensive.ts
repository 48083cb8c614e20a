/**
 * W offensive (off unless a spec asks for it): an expletive adjective between a determiner and its noun ("mi
 * maldito pedido", "la maldita reserva"), agreeing in gender and number through RosaeNLG's spanish-adjectives,
 * or an angry frame.
 */
import {agreeAdjective} from 'spanish-adjectives';
import {applyEdits} from '../../generate/variation/edit.js';
import {wordTokens} from '../../generate/variation/tokens.js';
import type {VariationFamily} from '../../generate/variation/types.js';
import {leadInFrameFamily} from '../shared/lead-in-clause.js';
import {spanishNounForm} from './agreement.js';
import {OFFENSIVE_FRAMES} from './frames.js';
import {SPANISH_GRAMMAR} from './grammar.js';

const DETERMINERS = new Set([
  'mi',
  'mis',
  'el',
  'la',
  'los',
  'las',
  'este',
  'esta',
  'estos',
  'estas',
  'su',
  'sus',
  'tu',
  'tus',
]);
const EXPLETIVES = ['maldito', 'dichoso', 'puñetero'];
const frames = leadInFrameFamily('W', 'offensive', OFFENSIVE_FRAMES, SPANISH_GRAMMAR);

export const spanishOffensive: VariationFamily = {
  tag: 'W',
  name: 'offensive',
  offByDefault: true,
  apply(input, context) {
    const {rng} = context;
    const tokens = wordTokens(input);
    const slots = tokens.flatMap((t, i) => {
      const noun = tokens[i + 1];
      if (t.inEntity || !DETERMINERS.has(t.lower) || !noun || noun.inEntity) return [];
      const form = spanishNounForm(noun.lower);
      return form === undefined ? [] : [{at: t.end, form}];
    });
    if (slots.length > 0 && rng.chance(0.75)) {
      const {at, form} = rng.pick(slots);
      const adjective = agreeAdjective(
        rng.pick(EXPLETIVES),
        form % 2 === 1 ? 'F' : 'M',
        form >= 2 ? 'P' : 'S',
        true,
      );
      const result = applyEdits(input, [{start: at, end: at, replacement: ` ${adjective}`}]);
      if (result) return result;
    }
    return frames.apply(input, context);
  },
};
