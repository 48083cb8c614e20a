/**
 * Spanish sentence frames per family. Slots: {vp} an infinitive phrase the user does, {bvp} one the bot is
 * asked to do, {nvp} what the user cannot do, {np} a noun phrase the user wants, {q} a question's words (the
 * frame writes ¿?), {eq} the same question embedded (with "si" for a yes/no question), {st} a statement.
 * {imp} an order, {x} a statement, an order or a phrase the analysis cannot tell (greetings only).
 * Flags: [n] need or obligation (not for a seed that asks whether it may), [p] only a problem report, [f] usted (not for a seed in tú), [t] tú (not for a seed in usted).
 * The business is addressed as "ustedes" where no register is chosen: that is neutral in Spain and America.
 */
export const BASIC_FRAMES = [
  'quiero {vp}',
  '[n]necesito {vp}',
  'me gustaría {vp}',
  'quisiera {vp}',
  'quería {vp}',
  '[n]tengo que {vp}',
  '[n]necesito ayuda para {vp}',
  'busco la forma de {vp}',
  'quiero {np}',
  'necesito {np}',
  'quería {np}',
  '¿{q}?',
  'quiero saber {eq}',
  'me gustaría saber {eq}',
  'quería saber {eq}',
  'necesito saber {eq}',
  '[p]resulta que {st}',
  '[p]tengo un problema: {st}',
];

export const INTERROGATIVE_FRAMES = [
  '¿puedo {vp}?',
  '¿cómo puedo {vp}?',
  '¿cómo hago para {vp}?',
  '¿es posible {vp}?',
  '[t]¿me ayudas a {vp}?',
  '¿me pueden ayudar a {vp}?',
  '¿hay alguna forma de {vp}?',
  '¿qué tengo que hacer para {vp}?',
  '[t]¿puedes {bvp}?',
  '[t]¿podrías {bvp}?',
  '¿pueden {bvp}?',
  '¿podrían {bvp}?',
  '¿puedo pedir {np}?',
  '[t]¿me puedes decir {eq}?',
  '¿me pueden decir {eq}?',
  '[t]¿sabes {eq}?',
  '¿saben {eq}?',
  '¿me podrían decir {eq}?',
  '[p]{st}, ¿qué hago?',
  '[p]{st}, ¿qué puedo hacer?',
  '{st}, ¿me pueden ayudar?',
  '¿por qué no puedo {nvp}?',
  '¿qué hago si no puedo {nvp}?',
];

export const COORDINATED_FRAMES = [
  'quiero {vp}, ¿me pueden ayudar?',
  '[n]necesito {vp}, ¿cómo lo hago?',
  'hola, quería {vp}, ¿es posible?',
  'tengo una duda, ¿cómo puedo {vp}?',
  'quiero {vp} y no sé cómo',
  '[n]necesito {vp}, ¿qué pasos tengo que seguir?',
  'hola, me gustaría {vp}',
  'buenas, quería {vp}',
  'quiero {vp}, gracias de antemano',
  'hola, ¿pueden {bvp}?',
  'buenas, ¿podrían {bvp}, por favor?',
  'hola, quería {np}',
  'tengo una duda: ¿{q}?',
  'una pregunta, ¿{q}?',
  'hola, ¿{q}?',
  'buenas, ¿{q}?',
  '¿{q}? Gracias de antemano',
  'disculpen la molestia, ¿{q}?',
  'hola, {st}, ¿me pueden ayudar?',
  '[p]{st}, ¿qué puedo hacer?',
  '[p]{st} y necesito ayuda',
  '[p]hola, {st}, ¿qué opciones tengo?',
  '{st}, ¿alguien me puede ayudar?',
  'hola, buenas, {x}',
  'hola, {x}',
  'buenas, {x}',
  'no puedo {nvp}, ¿me pueden ayudar?',
  'no consigo {nvp}, ¿qué hago?',
  'intento {nvp} pero no me deja',
];

/**
 * Negation keeps the intent only in a seed that already reports what the user cannot do ({nvp}): requests are
 * never negated ("no puedo reservar dos mesas" would be a complaint).
 */
export const NEGATION_FRAMES = [
  'no puedo {nvp}',
  'no consigo {nvp}',
  'no logro {nvp}',
  'no me deja {nvp}',
  '¿por qué no puedo {nvp}?',
  'me es imposible {nvp}',
  'no hay manera de {nvp}',
];

export const POLITE_FRAMES = [
  '[f]¿me podría ayudar a {vp}?',
  'me gustaría {vp}, por favor',
  'quisiera {vp}, por favor',
  '¿sería posible {vp}?',
  'buenos días, quisiera {vp}',
  '[f]¿sería tan amable de ayudarme a {vp}?',
  '[f]le agradecería que me ayudara a {vp}',
  '[f]disculpe, ¿es posible {vp}?',
  '[f]¿podría {bvp}, por favor?',
  '¿podrían {bvp}, por favor?',
  '[f]¿sería tan amable de {bvp}?',
  'por favor, ¿pueden {bvp}?',
  'quisiera {np}, por favor',
  'me gustaría {np}, por favor',
  '[f]disculpe, ¿{q}?',
  'buenos días, ¿{q}?',
  '[f]¿me podría decir {eq}?',
  '¿me podrían decir {eq}, por favor?',
  'quisiera saber {eq}, por favor',
  '[f]perdone la molestia, ¿{q}?',
  'buenas tardes, me gustaría saber {eq}',
  '[f]disculpe, {st}',
  'buenos días, {x}',
  '{imp}, por favor',
  'por favor, {imp}',
  '{st}, ¿podrían ayudarme, por favor?',
  '[f]perdone la molestia, pero {st}',
  'siento molestar, pero {st}',
  '[f]disculpe, no consigo {nvp}',
  'buenos días, no puedo {nvp}, ¿me podrían ayudar?',
];

export const COLLOQUIAL_FRAMES = [
  'quiero {vp} porfa',
  '[t]¿me ayudas a {vp}?',
  '[t]oye, quiero {vp}',
  'a ver, quiero {vp}',
  '¿cómo hago para {vp}?',
  '[t]necesito {vp}, ¿me echas una mano?',
  '[t]oye, ¿puedes {bvp}?',
  '[t]¿me haces el favor de {bvp}?',
  '[t]oye, quiero {np}',
  'necesito {np} porfa',
  '[t]oye, ¿{q}?',
  'una cosa, ¿{q}?',
  'a ver, ¿{q}?',
  '[t]oye, {x}',
  '{imp} porfa',
  '[p]{st}, ¿qué hago?',
  '[p]{st}, ayuda porfa',
  '[p]uf, {st}',
  'no puedo {nvp}, ¿qué hago?',
  'no hay manera de {nvp}',
];

export const OFFENSIVE_FRAMES = [
  '[p]{st}, ¡qué desastre!',
  '[p]{st}, ¡ya está bien!',
  'no puedo {nvp}, ¡qué desastre!',
  'quiero {vp} de una vez',
  '¿{q}? Es que nadie contesta',
];
