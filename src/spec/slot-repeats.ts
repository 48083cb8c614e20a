/**
 * A slot value that ends (or starts) with the word the template puts after (or before) the slot writes that
 * word twice: "order two {pizza} pizzas" with the value "veggie pizza" generates "two veggie pizza pizzas".
 * Found statically from the spec's list values and synonyms, so `validate` flags it before anything is generated.
 */
import type {Diagnostic} from '../errors.js';
import type {Spec} from './spec.js';

/** Word stems equal up to a plural ending: pizza / pizzas, box / boxes. */
function sameWord(a: string, b: string): boolean {
  const stem = (w: string) => w.toLowerCase().replace(/(?:es|s)$/, '');
  return a.length > 0 && b.length > 0 && stem(a) === stem(b);
}

function listTexts(spec: Spec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entity of spec.entities ?? []) {
    if (entity.type !== 'list') continue;
    const texts = (entity.values ?? []).flatMap((v) =>
      typeof v === 'string' ? [v] : [v.value, ...(v.synonyms ?? [])],
    );
    out.set(entity.name, texts);
  }
  return out;
}

export interface SlotRepeat {
  intent: number;
  example: number;
  entity: string;
  value: string;
  word: string;
  /** The text as generated: the value and the repeated word in their order. */
  reads: string;
}

/** Every (example, slot value) pair that would repeat a word across the slot boundary. */
export function findSlotRepeats(spec: Spec): SlotRepeat[] {
  const lists = listTexts(spec);
  const found: SlotRepeat[] = [];
  const slot = /(?:([\p{L}]+)\s+)?\{([A-Za-z_][A-Za-z0-9_.-]*)(?::[A-Za-z0-9_-]+)?\}(?:\s+([\p{L}]+))?/gu;
  spec.intents.forEach((intent, i) =>
    intent.examples.forEach((example, e) => {
      for (const match of example.matchAll(slot)) {
        const [, before = '', entity = '', after = ''] = match;
        for (const value of lists.get(entity) ?? []) {
          const words = value.split(/\s+/);
          const repeat = sameWord(words.at(-1)!, after)
            ? {word: after, reads: `${value} ${after}`}
            : sameWord(words[0]!, before)
              ? {word: before, reads: `${before} ${value}`}
              : undefined;
          if (repeat) {
            found.push({intent: i, example: e, entity, value, ...repeat});
            break;
          }
        }
      }
    }),
  );
  return found;
}

export function slotRepeatDiagnostics(
  spec: Spec,
  at: (segments: Array<string | number>) => Partial<Diagnostic>,
): Diagnostic[] {
  return findSlotRepeats(spec).map((r) => ({
    severity: 'warning',
    code: 'SPEC_REPEATED_WORD_AT_SLOT',
    message: `the value "${r.value}" of {${r.entity}} repeats "${r.word}" next to the slot: generated text reads "${r.reads}"`,
    ...at(['intents', r.intent, 'examples', r.example]),
    suggestion: `Drop "${r.word}" from the template or from the entity's values, so it appears once.`,
  }));
}
