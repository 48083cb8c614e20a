/**
 * Translates a parsed Chatito document into a synthnlu spec with the same semantics: aliases become aliases,
 * slots become entities whose values are templates (annotated under the slot's name, whatever the
 * variation), each intent draws from one weighted alias of its sentences, and training/testing become the
 * intent's count and split. No variation families run (Chatito users get exactly their grammar).
 */
import {SynthnluError} from '../../errors.js';
import {TemplateCompiler} from '../../generate/template/compile.js';
import {escapeTemplateText} from '../../generate/template/parse.js';
import type {EntitySpec, IntentSpec, Spec, WeightedText} from '../spec.js';
import type {ChatitoDefinition, ChatitoDocument, ChatitoSentence} from './parse.js';

/** Chatito intents without training/testing generate every combination; this caps "every". */
export const MAX_EXHAUSTIVE = 100_000;

function safeName(prefix: string, index: number, name: string): string {
  return `${prefix}${index}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function entityLabel(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** Percentages claim their share; sentences without an operator split what is left evenly. */
function sentenceWeights(sentences: ChatitoSentence[]): number[] {
  const claimed = sentences.reduce((n, s) => n + (s.percent ?? 0), 0);
  const open = sentences.filter((s) => s.percent === undefined).length;
  if (claimed > 100.0001)
    throw new SynthnluError(
      'CHATITO_PROBABILITY',
      `the probabilities add up to ${claimed}%, more than 100%`,
      {
        location: {file: sentences[0]!.file, line: sentences[0]!.line},
      },
    );
  const rest = open > 0 ? Math.max(100 - claimed, 0) / open : 0;
  const anyPercent = sentences.some((s) => s.percent !== undefined);
  return sentences.map((s) => {
    if (s.percent !== undefined) return s.percent;
    if (anyPercent) return Math.max(rest, 1e-6);
    return s.weight ?? 1;
  });
}

export function chatitoToSpec(document: ChatitoDocument): Spec {
  const defs = document.definitions;
  const aliasNames = new Map<string, string>();
  defs.filter((d) => d.kind === 'alias').forEach((d, i) => aliasNames.set(d.name, safeName('a', i, d.name)));
  // One spec entity per slot definition (variation); a reference without a variation may use any of them.
  const slotDefs = defs.filter((d) => d.kind === 'slot');
  const slotEntity = new Map<ChatitoDefinition, string>();
  slotDefs.forEach((d, i) =>
    slotEntity.set(d, safeName('s', i, `${d.name}${d.variation ? `_${d.variation}` : ''}`)),
  );
  const anyVariation = new Map<string, string>();

  const template = (sentence: ChatitoSentence): string =>
    sentence.tokens
      .map((token) => {
        if (token.kind === 'text') return escapeTemplateText(token.text);
        let ref: string;
        if (token.kind === 'alias') {
          const name = aliasNames.get(token.name);
          // An alias that is referenced but never defined stands for its own name (spec 2.1.3).
          ref = name ? `<${name}>` : escapeTemplateText(token.name);
        } else {
          ref = `{${slotFor(token.name, token.variation, sentence)}}`;
        }
        return token.optional ? `[${ref}]` : ref;
      })
      .join('');

  const slotFor = (name: string, variation: string | undefined, at: ChatitoSentence): string => {
    const candidates = slotDefs.filter(
      (d) => d.name === name && (variation === undefined || d.variation === variation),
    );
    if (candidates.length === 0)
      throw new SynthnluError(
        'CHATITO_UNKNOWN_SLOT',
        `@[${name}${variation ? `#${variation}` : ''}] is not defined`,
        {
          location: {file: at.file, line: at.line},
          suggestion: `Define it: a line "@[${name}${variation ? `#${variation}` : ''}]" followed by its values indented by 4 spaces.`,
        },
      );
    if (candidates.length === 1) return slotEntity.get(candidates[0]!)!;
    let combined = anyVariation.get(name);
    if (!combined) {
      combined = safeName('s', slotDefs.length + anyVariation.size, `${name}_any`);
      anyVariation.set(name, combined);
    }
    return combined;
  };

  const synonymAliases = new Set(
    defs.filter((d) => d.kind === 'alias' && d.args['synonym'] === 'true').map((d) => d.name),
  );
  const aliases: Record<string, [WeightedText, ...WeightedText[]]> = {};
  for (const d of defs.filter((x) => x.kind === 'alias')) {
    const weights = sentenceWeights(d.sentences);
    aliases[aliasNames.get(d.name)!] = d.sentences.map((s, i) => ({
      text: template(s),
      weight: weights[i]!,
    })) as [WeightedText, ...WeightedText[]];
  }

  const entities: EntitySpec[] = slotDefs.map((d) => {
    const weights = sentenceWeights(d.sentences);
    return {
      name: slotEntity.get(d)!,
      type: 'ml',
      templates: true,
      annotateAs: entityLabel(d.name),
      values: d.sentences.map((s, i) => {
        const only = s.tokens.length === 1 ? s.tokens[0]! : undefined;
        // A slot sentence that is one alias alone, where the alias says ('synonym': 'true'): its texts are
        // synonyms of the alias's name (Chatito README, "Rasa NLU" adapter; e.g. its citySearch example).
        if (only?.kind === 'alias' && !only.optional && synonymAliases.has(only.name))
          return {value: only.name, synonyms: [template(s)], weight: weights[i]!};
        return {value: template(s), weight: weights[i]!};
      }),
    };
  });
  for (const [name, entityName] of anyVariation) {
    entities.push({
      name: entityName,
      type: 'ml',
      templates: true,
      annotateAs: entityLabel(name),
      values: entities
        .filter((e) => e.annotateAs === entityLabel(name) && e.name !== entityName)
        .flatMap((e) => e.values ?? []),
    });
  }

  const intents: IntentSpec[] = [];
  for (const [i, d] of defs.filter((x) => x.kind === 'intent').entries()) {
    const aliasName = safeName('i', i, d.name);
    const weights = sentenceWeights(d.sentences);
    aliases[aliasName] = d.sentences.map((s, j) => ({text: template(s), weight: weights[j]!})) as [
      WeightedText,
      ...WeightedText[],
    ];
    const training = d.args.training === undefined ? undefined : Number(d.args.training);
    const testing = d.args.testing === undefined ? undefined : Number(d.args.testing);
    for (const [key, value] of [
      ['training', training],
      ['testing', testing],
    ] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1))
        throw new SynthnluError(
          'CHATITO_BAD_COUNT',
          `'${key}' must be a whole number >= 1, got '${d.args[key]}'`,
          {
            location: {file: d.file, line: d.line},
          },
        );
    }
    const intent: IntentSpec = {name: d.name.replace(/\s+/g, '_'), examples: [`<${aliasName}>`]};
    if (training !== undefined || testing !== undefined) {
      intent.count = (training ?? 0) + (testing ?? 0);
      intent.split = (training ?? 0) / intent.count;
    } else intent.split = 1;
    intents.push(intent);
  }
  if (intents.length === 0)
    throw new SynthnluError('CHATITO_NO_INTENTS', 'the file defines no intent', {
      location: {file: document.files[0]},
      suggestion: 'Add a %[intent_name] line followed by sentences indented by 4 spaces.',
    });
  const spec: Spec = {
    language: 'en',
    defaults: {variations: {}},
    aliases,
    entities,
    intents: intents as [IntentSpec, ...IntentSpec[]],
  };
  // Without training/testing Chatito generates every combination: count them with the compiled grammar.
  const compiler = new TemplateCompiler(spec, document.files[0]);
  for (const [i, intent] of spec.intents.entries()) {
    if (intent.count !== undefined) continue;
    const capacity = compiler.compile(intent.examples[0], `intents[${i}].examples[0]`).capacity;
    intent.count = Math.max(1, Math.min(capacity, MAX_EXHAUSTIVE));
  }
  return spec;
}
