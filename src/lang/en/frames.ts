/**
 * English sentence frames per family, modelled on the Bitext customer-support corpus (TAGS.md and train.csv):
 * `{vp}` is the core verb phrase in base form, `{ving}` its gerund, `{np}` a noun-phrase core, `{wh}` a question
 * core, `{core}` any core. Frames keep the user as the subject where possible so the request's meaning holds.
 */
export const BASIC_FRAMES = [
  '{vp}',
  'I want to {vp}',
  'I need to {vp}',
  'I have to {vp}',
  "I'm trying to {vp}",
  'help me {vp}',
  'I need help {ving}',
  'I need some help to {vp}',
  "I'd like to {vp}",
  'I need help with {ving}',
  "I'm hoping to {vp}",
  'I am looking to {vp}',
  '{np}',
  'I want {np}',
  'I need {np}',
  "I'm looking for {np}",
  'tell me {ewh}',
  'I want to know {ewh}',
];

export const INTERROGATIVE_FRAMES = [
  'can you {vp}?',
  'can I {vp}?',
  'how do I {vp}?',
  'how can I {vp}?',
  'where can I {vp}?',
  'is it possible to {vp}?',
  'is there a way to {vp}?',
  'can you help me {vp}?',
  'what do I have to do to {vp}?',
  'how to {vp}?',
  'how could I {vp}?',
  'where do I {vp}?',
  "what's the best way to {vp}?",
  'could I {vp}?',
  'can you show me how to {vp}?',
  'can I get {np}?',
  'can you tell me {ewh}?',
  'do you know {ewh}?',
];

export const COORDINATED_FRAMES = [
  'I want to {vp}, can you help me?',
  'I need to {vp}, how do I do it?',
  '{vp} how do i do it',
  "I'd like to {vp}, is that possible?",
  'I have a question, how can I {vp}?',
  'hi, I need to {vp}, what should I do?',
  "I need to {vp} and I don't know how",
  '{vp} and let me know when it is done',
  "I'm looking for {np}, can you help me?",
  'I need {np}, is that possible?',
  'I have a question: {wh}?',
  'quick question, {wh}?',
  '{st}, can you help me?',
  '{st}, what should I do?',
  'hi, {st}. can you help?',
  "I can't {nvp}, can you help me?",
  "I'm trying to {nvp} but it doesn't work",
];

/**
 * Negation keeps the intent only in problem reports ("I can't log in" stays a login problem), so these frames
 * only re-word a seed that already reports one ({nvp}: what the user cannot do). Requests are never negated
 * ("I can't order two pizzas" would be a complaint).
 */
export const NEGATION_FRAMES = [
  "I can't {nvp}",
  "I'm unable to {nvp}",
  'I cannot {nvp}, help me',
  "I couldn't {nvp}",
  "I haven't been able to {nvp}",
  "why can't I {nvp}?",
  "I'm not able to {nvp}",
  "it won't let me {nvp}",
];

export const POLITE_FRAMES = [
  'could you {vp}, please?',
  'could you please {vp}?',
  'I would like to {vp}',
  'may I {vp}?',
  'please {vp}',
  'could you help me {vp}?',
  "I'd appreciate it if you could {vp}",
  '{vp}, please',
  'would you be so kind as to {vp}?',
  'I would be grateful if you could help me {vp}',
  'could I have {np}, please?',
  'I would like {np}, please',
  'may I have {np}?',
  'could you please tell me {ewh}?',
  "I'd like to {vp}, please",
  'would it be possible to {vp}?',
  'please help me {vp}',
  'would you mind telling me {ewh}?',
];

export const COLLOQUIAL_FRAMES = [
  'wanna {vp}',
  'gotta {vp}',
  'need to {vp}',
  'can u {vp}',
  'lemme {vp}',
  'help me {vp} pls',
  'yo {vp}',
  'i wanna {vp} asap',
  'gimme {np}',
  'need {np}',
  'so {wh}',
  '{wh} tho',
  "can't {nvp}",
  'cant {nvp} help',
  'tryna {vp}',
  'need help {ving} pls',
  'how do i {vp}??',
];

export const OFFENSIVE_FRAMES = [
  'I want to {vp} for god sake',
  'just {vp} damn it',
  'what the hell, I need to {vp}',
  'I need {np}, dammit',
  'what the hell, {wh}?',
  "{core}, it's bloody annoying",
];
