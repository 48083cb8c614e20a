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

/** A spec alias's alternatives: at least one. */
type Alternatives = [WeightedText, ...WeightedText[]];

/**
 * The names the spec gives Chatito's definitions, and the translation of their sentences into templates. Slot
 * references without a variation to a slot defined in several variations get a combined entity on first use.
 */
class ChatitoTranslation {
  private readonly aliasNames = new Map<string, string>();
  /** One spec entity per slot definition (variation); a reference without a variation may use any of them. */
  private readonly slotDefs: ChatitoDefinition[];
  private readonly slotEntity = new Map<ChatitoDefinition, string>();
  /** Slot name -> the combined entity of all its variations, for references that name no variation. */
  private readonly anyVariation = new Map<string, string>();
  /** Aliases whose texts are synonyms of their name when a slot sentence is the alias alone. */
  private readonly synonymAliases: Set<string>;

  constructor(private readonly defs: ChatitoDefinition[]) {
    defs
      .filter((d) => d.kind === 'alias')
      .forEach((d, i) => this.aliasNames.set(d.name, safeName('a', i, d.name)));
    this.slotDefs = defs.filter((d) => d.kind === 'slot');
    this.slotDefs.forEach((d, i) =>
      this.slotEntity.set(d, safeName('s', i, `${d.name}${d.variation ? `_${d.variation}` : ''}`)),
    );
    this.synonymAliases = new Set(
      defs.filter((d) => d.kind === 'alias' && d.args['synonym'] === 'true').map((d) => d.name),
    );
  }

  /** Every alias definition as a spec alias of weighted templates. */
  aliases(): Record<string, Alternatives> {
    const aliases: Record<string, Alternatives> = {};
    for (const d of this.defs.filter((x) => x.kind === 'alias'))
      aliases[this.aliasNames.get(d.name)!] = this.alternatives(d);
    return aliases;
  }

  /** Every slot definition as an entity of template values. */
  slotEntities(): EntitySpec[] {
    return this.slotDefs.map((d) => this.slotEntityFor(d));
  }

  /**
   * The slot entities, then the combined entities the references without a variation asked for, each with the
   * values of the entities of its label: last, once every sentence (an intent's too) has been translated.
   */
  withCombinedEntities(slotEntities: EntitySpec[]): EntitySpec[] {
    const entities = [...slotEntities];
    for (const [name, entityName] of this.anyVariation) {
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
    return entities;
  }

  /**
   * Every intent definition as an intent drawing from one alias of its sentences (added to `aliases`), its
   * training/testing as count and split.
   */
  intents(aliases: Record<string, Alternatives>): IntentSpec[] {
    return this.defs
      .filter((x) => x.kind === 'intent')
      .map((d, i) => {
        const aliasName = safeName('i', i, d.name);
        aliases[aliasName] = this.alternatives(d);
        return intentFor(d, aliasName);
      });
  }

  /** A definition's sentences as weighted templates. */
  private alternatives(d: ChatitoDefinition): Alternatives {
    const weights = sentenceWeights(d.sentences);
    return d.sentences.map((s, i) => ({text: this.template(s), weight: weights[i]!})) as Alternatives;
  }

  private slotEntityFor(d: ChatitoDefinition): EntitySpec {
    const weights = sentenceWeights(d.sentences);
    return {
      name: this.slotEntity.get(d)!,
      type: 'ml',
      templates: true,
      annotateAs: entityLabel(d.name),
      values: d.sentences.map((s, i) => {
        const only = s.tokens.length === 1 ? s.tokens[0]! : undefined;
        // A slot sentence that is one alias alone, where the alias says ('synonym': 'true'): its texts are
        // synonyms of the alias's name (Chatito README, "Rasa NLU" adapter; e.g. its citySearch example).
        if (only?.kind === 'alias' && !only.optional && this.synonymAliases.has(only.name))
          return {value: only.name, synonyms: [this.template(s)], weight: weights[i]!};
        return {value: this.template(s), weight: weights[i]!};
      }),
    };
  }

  /** A sentence as a spec template: text escaped, aliases as <alias>, slots as {entity}, optional ones in []. */
  private template(sentence: ChatitoSentence): string {
    return sentence.tokens
      .map((token) => {
        if (token.kind === 'text') return escapeTemplateText(token.text);
        let ref: string;
        if (token.kind === 'alias') {
          const name = this.aliasNames.get(token.name);
          // An alias that is referenced but never defined stands for its own name (spec 2.1.3).
          ref = name ? `<${name}>` : escapeTemplateText(token.name);
        } else {
          ref = `{${this.slotFor(token.name, token.variation, sentence)}}`;
        }
        return token.optional ? `[${ref}]` : ref;
      })
      .join('');
  }

  /** The entity a slot reference names: its one definition, or the combined entity of its variations. */
  private slotFor(name: string, variation: string | undefined, at: ChatitoSentence): string {
    const candidates = this.slotDefs.filter(
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
    if (candidates.length === 1) return this.slotEntity.get(candidates[0]!)!;
    let combined = this.anyVariation.get(name);
    if (!combined) {
      combined = safeName('s', this.slotDefs.length + this.anyVariation.size, `${name}_any`);
      this.anyVariation.set(name, combined);
    }
    return combined;
  }
}

/** A Chatito intent's training/testing arguments: whole numbers >= 1 when given. */
function trainingAndTesting(d: ChatitoDefinition): {training?: number; testing?: number} {
  const counts: {training?: number; testing?: number} = {};
  for (const key of ['training', 'testing'] as const) {
    if (d.args[key] === undefined) continue;
    const value = Number(d.args[key]);
    if (!Number.isInteger(value) || value < 1)
      throw new SynthnluError(
        'CHATITO_BAD_COUNT',
        `'${key}' must be a whole number >= 1, got '${d.args[key]}'`,
        {
          location: {file: d.file, line: d.line},
        },
      );
    counts[key] = value;
  }
  return counts;
}

/** The spec intent of a Chatito intent: training + testing is its count and training's share its split. */
function intentFor(d: ChatitoDefinition, aliasName: string): IntentSpec {
  const {training, testing} = trainingAndTesting(d);
  const intent: IntentSpec = {name: d.name.replace(/\s+/g, '_'), examples: [`<${aliasName}>`]};
  if (training !== undefined || testing !== undefined) {
    intent.count = (training ?? 0) + (testing ?? 0);
    intent.split = (training ?? 0) / intent.count;
  } else intent.split = 1;
  return intent;
}

/** Without training/testing Chatito generates every combination: counted with the compiled grammar. */
function countEveryCombination(spec: Spec, file: string | undefined): void {
  const compiler = new TemplateCompiler(spec, file);
  for (const [i, intent] of spec.intents.entries()) {
    if (intent.count !== undefined) continue;
    const capacity = compiler.compile(intent.examples[0], `intents[${i}].examples[0]`).capacity;
    intent.count = Math.max(1, Math.min(capacity, MAX_EXHAUSTIVE));
  }
}

export function chatitoToSpec(document: ChatitoDocument): Spec {
  const translation = new ChatitoTranslation(document.definitions);
  const aliases = translation.aliases();
  const slotEntities = translation.slotEntities();
  const intents = translation.intents(aliases);
  const entities = translation.withCombinedEntities(slotEntities);
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
  countEveryCombination(spec, document.files[0]);
  return spec;
}
