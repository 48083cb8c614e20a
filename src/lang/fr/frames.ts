/**
 * French sentence frames per family, as people write to a service chat: vous and tu forms, neutral ones that
 * address no one. `{vp}` is an infinitive phrase with its clitics ("annuler ma leçon", "m'inscrire"), `{nvp}`
 * what the user cannot do, positive ("venir lundi"), `{np}` a noun phrase, `{wh}` a question, `{st}` a
 * statement. Elision and contraction at the frame's edge are made after filling ("j'ai besoin de annuler" ->
 * "j'ai besoin d'annuler").
 */
export const BASIC_FRAMES = [
  '{vp}',
  'je voudrais {vp}',
  "j'aimerais {vp}",
  'je veux {vp}',
  'je souhaite {vp}',
  "j'ai besoin de {vp}",
  'je dois {vp}',
  '{np}',
  'je voudrais {np}',
  "j'aimerais {np}",
  "j'ai besoin de {np}",
  'je ne peux pas {nvp}',
  'malheureusement, je ne peux pas {nvp}',
  "j'ai un problème : {st}",
  '{st}',
];

export const INTERROGATIVE_FRAMES = [
  'est-ce que je peux {vp} ?',
  'je peux {vp} ?',
  'puis-je {vp} ?',
  'est-il possible de {vp} ?',
  'pouvez-vous {vp} ?',
  'pourriez-vous {vp} ?',
  'est-ce que vous pouvez {vp} ?',
  'tu peux {vp} ?',
  'est-ce que tu peux {vp} ?',
  'comment puis-je {vp} ?',
  'comment faire pour {vp} ?',
  'comment est-ce que je peux {vp} ?',
  'pouvez-vous me dire comment {vp} ?',
  'tu peux me dire comment {vp} ?',
  'où puis-je {vp} ?',
  'où est-ce que je peux {vp} ?',
  'est-ce que je pourrais avoir {np} ?',
  'je peux avoir {np} ?',
  'vous auriez {np} ?',
  '{wh} ?',
  'bonjour, {wh} ?',
  'pouvez-vous me dire {ewh} ?',
  'tu peux me dire {ewh} ?',
  'tu sais {ewh} ?',
  'je voudrais savoir {ewh}',
  '{st}, que puis-je faire ?',
  "{st}, qu'est-ce que je dois faire ?",
  "{st}. Pouvez-vous m'aider ?",
  "{st}, tu peux m'aider ?",
];

export const COORDINATED_FRAMES = [
  "je voudrais {vp}, c'est possible ?",
  "je voudrais {vp}, pouvez-vous m'aider ?",
  "j'aimerais {vp}, tu peux m'aider ?",
  "bonjour, j'aimerais {vp}",
  'bonjour, je voudrais {vp}',
  'je dois {vp}, comment je fais ?',
  "{vp}, c'est possible ?",
  'bonjour, pouvez-vous {vp} ?',
  'salut, tu peux {vp} ?',
  "je voudrais {vp}, merci d'avance",
  "bonjour, j'aurais besoin de {np}",
  "j'ai une question : {wh} ?",
  'petite question : {wh} ?',
  'bonjour, {wh} ?',
  "{wh} ? merci d'avance",
  "{st}, pouvez-vous m'aider ?",
  "{st}, tu peux m'aider ?",
  'bonjour, {st}',
  'bonjour, {st}. Que puis-je faire ?',
  "{st} et j'ai besoin d'aide",
  "{st}, qu'est-ce que je peux faire ?",
  'bonjour, je ne peux pas {nvp}',
  'je ne peux pas {nvp}, que dois-je faire ?',
];

/**
 * Negation keeps the intent only where the seed already says what the user cannot do ({nvp}); a request is
 * never negated.
 */
export const NEGATION_FRAMES = [
  'je ne peux pas {nvp}',
  'malheureusement, je ne peux pas {nvp}',
  'impossible de {nvp}',
  'désolé, je ne peux pas {nvp}',
];

export const POLITE_FRAMES = [
  "pourriez-vous {vp}, s'il vous plaît ?",
  "pouvez-vous {vp}, s'il vous plaît ?",
  "est-ce que tu pourrais {vp}, s'il te plaît ?",
  'je souhaiterais {vp}',
  "j'aimerais {vp}, si possible",
  'serait-il possible de {vp} ?',
  'bonjour, je souhaiterais {vp}',
  'pourriez-vous me dire comment {vp} ?',
  "je voudrais {np}, s'il vous plaît",
  'pourrais-je avoir {np} ?',
  'bonjour, je souhaiterais {np}',
  'excusez-moi, {wh} ?',
  'bonjour, pourriez-vous me dire {ewh} ?',
  'pourriez-vous me dire {ewh} ?',
  "j'aimerais savoir {ewh}",
  "{st}. Pourriez-vous m'aider, s'il vous plaît ?",
  "bonjour, {st}. Pourriez-vous m'aider ?",
  'excusez-moi de vous déranger, mais {st}',
  'je suis désolé, mais je ne peux pas {nvp}',
];

export const COLLOQUIAL_FRAMES = [
  'je veux {vp}',
  'tu peux {vp} ?',
  'salut, je peux {vp} ?',
  'comment on fait pour {vp} ?',
  'besoin de {np}',
  'salut, {wh} ?',
  'petite question, {wh} ?',
  'au fait, {wh} ?',
  'salut, {st}',
  '{st}, je fais comment ?',
  '{st}, on fait quoi ?',
  'je peux pas {nvp}',
  'peux pas {nvp}',
];
