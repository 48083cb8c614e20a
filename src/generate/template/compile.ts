/**
 * Turns parsed templates into sampling closures, once per spec. Sampling appends text and entity spans to a
 * reusable buffer, so one expansion is a handful of string appends and Rng calls: no AST walk, no lookups by
 * name, no allocation beyond the output itself.
 */
import {SynthnluError} from '../../errors.js';
import type {EntitySpan} from '../../model/dataset.js';
import type {EntitySpec, Spec, WeightedText} from '../../spec/spec.js';
import {entityValueSource, weightedPicker, type EntityValueSource} from '../entities/values.js';
import type {Rng} from '../rng.js';
import type {AnnotatedText} from '../variation/types.js';
import {spanAt} from '../variation/edit.js';
import {parseTemplate, type ParsedTemplate, type TemplateNode} from './parse.js';

/** The buffer a sampler writes into. */
export interface Expansion {
  text: string;
  entities: EntitySpan[];
  /**
   * Where one piece of the expansion meets another (before and after each alias, choice, optional part and
   * slot): the places where "a"/"an" written in one piece may need to agree with a word from another. Literal
   * text of the spec has none inside it. Reset by every compiled template's sample.
   */
  joints?: number[];
}

/** Marks a joint at the buffer's end. */
function joint(out: Expansion): void {
  (out.joints ??= []).push(out.text.length);
}

export type Sampler = (rng: Rng, out: Expansion) => void;

export interface CompiledTemplate {
  source: string;
  plain: boolean;
  sample: Sampler;
  /** Distinct outputs it can produce, as an upper bound (Infinity with pattern or system entities). */
  capacity: number;
  /** Distinct wordings ignoring entity values: how much sentence variety it really has. */
  shapes: number;
}

interface Compiled {
  sample: Sampler;
  capacity: number;
  shapes: number;
}

const OPTIONAL_PROBABILITY = 0.5;

function textOf(item: WeightedText): string {
  return typeof item === 'string' ? item : item.text;
}

function weightOf(item: WeightedText): number {
  return typeof item === 'string' ? 1 : (item.weight ?? 1);
}

/** Compiles the aliases and entities of a spec; templates are compiled against it on demand. */
export class TemplateCompiler {
  private readonly aliasCache = new Map<string, Compiled>();
  private readonly aliasesInProgress: string[] = [];
  private readonly entityCache = new Map<string, Compiled>();
  private readonly entities: Map<string, EntitySpec>;

  constructor(
    private readonly spec: Spec,
    private readonly file?: string,
  ) {
    this.entities = new Map((spec.entities ?? []).map((e) => [e.name, e]));
  }

  compile(source: string, path: string): CompiledTemplate {
    const parsed = parseTemplate(source, {...(this.file ? {file: this.file} : {}), path});
    const compiled = this.compileNode(parsed.root, path);
    const inner = compiled.sample;
    // The buffer is reused from one expansion to the next: joints of the last one must not carry over.
    const sample: Sampler = (rng, out) => {
      if (out.joints) out.joints = undefined;
      inner(rng, out);
    };
    return {source, plain: parsed.plain, ...compiled, sample};
  }

  parse(source: string, path: string): ParsedTemplate {
    return parseTemplate(source, {...(this.file ? {file: this.file} : {}), path});
  }

  private error(code: string, message: string, path: string, suggestion?: string): never {
    throw new SynthnluError(code, message, {
      location: {...(this.file ? {file: this.file} : {}), path},
      ...(suggestion ? {suggestion} : {}),
    });
  }

  private compileNode(node: TemplateNode, path: string): Compiled {
    switch (node.kind) {
      case 'text': {
        const text = node.text;
        return {
          capacity: 1,
          shapes: 1,
          sample: (_rng, out) => {
            out.text += text;
          },
        };
      }
      case 'sequence': {
        const parts = node.items.map((item) => this.compileNode(item, path));
        const samplers = parts.map((p) => p.sample);
        const count = samplers.length;
        return {
          capacity: parts.reduce((n, p) => n * p.capacity, 1),
          shapes: parts.reduce((n, p) => n * p.shapes, 1),
          sample: (rng, out) => {
            for (let i = 0; i < count; i++) samplers[i]!(rng, out);
          },
        };
      }
      case 'choice': {
        const parts = node.options.map((option) => this.compileNode(option, path));
        const samplers = parts.map((p) => p.sample);
        return {
          capacity: parts.reduce((n, p) => n + p.capacity, 0),
          shapes: parts.reduce((n, p) => n + p.shapes, 0),
          sample: (rng, out) => {
            joint(out);
            samplers[rng.int(samplers.length)]!(rng, out);
            joint(out);
          },
        };
      }
      case 'optional': {
        const inner = this.compileNode(node.item, path);
        const sample = inner.sample;
        return {
          capacity: inner.capacity + 1,
          shapes: inner.shapes + 1,
          sample: (rng, out) => {
            joint(out);
            if (rng.next() < OPTIONAL_PROBABILITY) sample(rng, out);
            joint(out);
          },
        };
      }
      case 'alias':
        return this.alias(node.name, path);
      case 'slot':
        return this.slot(node.entity, node.role, path);
    }
  }

  private alias(name: string, path: string): Compiled {
    const cached = this.aliasCache.get(name);
    if (cached) return cached;
    const entries = this.spec.aliases?.[name];
    if (!entries)
      this.error(
        'SPEC_UNKNOWN_ALIAS',
        `<${name}> refers to an alias that is not defined`,
        path,
        `Add "${name}" under aliases.`,
      );
    if (this.aliasesInProgress.includes(name)) {
      const cycle = [...this.aliasesInProgress.slice(this.aliasesInProgress.indexOf(name)), name];
      this.error(
        'SPEC_ALIAS_CYCLE',
        `aliases refer to each other in a circle: ${cycle.map((n) => `<${n}>`).join(' -> ')}`,
        `aliases.${cycle[0]}`,
        'Break the cycle: an alias cannot (directly or indirectly) contain itself.',
      );
    }
    this.aliasesInProgress.push(name);
    const compiled = entries.map((entry, i) => ({
      ...this.compileNode(this.parse(textOf(entry), `aliases.${name}[${i}]`).root, `aliases.${name}[${i}]`),
      weight: weightOf(entry),
    }));
    this.aliasesInProgress.pop();
    const pick = weightedPicker(compiled, (c) => c.weight);
    const only = compiled.length === 1 ? compiled[0]!.sample : undefined;
    const result: Compiled = {
      capacity: compiled.reduce((n, c) => n + c.capacity, 0),
      shapes: compiled.reduce((n, c) => n + c.shapes, 0),
      sample: (rng, out) => {
        joint(out);
        if (only) only(rng, out);
        else pick(rng).sample(rng, out);
        joint(out);
      },
    };
    this.aliasCache.set(name, result);
    return result;
  }

  private entitySource(entity: EntitySpec, path: string): EntityValueSource {
    if (entity.templates && (entity.type === 'list' || entity.type === 'ml'))
      return this.templatedValues(entity, path);
    try {
      return entityValueSource(entity);
    } catch (error) {
      if (error instanceof SynthnluError)
        this.error(error.code, error.message.replace(/^.*?: /, ''), path, error.suggestion);
      throw error;
    }
  }

  /**
   * Values that are templates themselves (Chatito slots), expanded into a scratch buffer (inner spans are
   * dropped: a slot is one span). A {value, synonyms} entry fills the slot from its synonyms and annotates
   * the value as the canonical one (Chatito: an alias alone in a slot sentence is a synonym of its name).
   */
  private templatedValues(entity: EntitySpec, path: string): EntityValueSource {
    const values = (entity.values ?? []).map((v, i) => {
      const at = `entities.${entity.name}.values[${i}]`;
      const compile = (text: string) => this.compileNode(this.parse(text, at).root, path);
      if (typeof v === 'string') return {forms: [compile(v)], weight: 1, canonical: undefined};
      const synonyms = v.synonyms ?? [];
      return {
        forms: synonyms.length ? synonyms.map(compile) : [compile(v.value)],
        weight: v.weight ?? 1,
        canonical: synonyms.length ? v.value : undefined,
      };
    });
    if (values.length === 0)
      this.error('GENERATE_ENTITY_WITHOUT_VALUES', `entity "${entity.name}" has no values`, path);
    const pick = weightedPicker(values, (v) => v.weight);
    const scratch: Expansion = {text: '', entities: []};
    return {
      capacity: values.reduce((n, v) => n + v.forms.reduce((m, f) => m + f.capacity, 0), 0),
      draw(rng) {
        const value = pick(rng);
        const form = value.forms.length === 1 ? value.forms[0]! : value.forms[rng.int(value.forms.length)]!;
        scratch.text = '';
        scratch.entities.length = 0;
        scratch.joints = undefined;
        form.sample(rng, scratch);
        const text = collapseSpaces(scratch.text);
        return value.canonical !== undefined && value.canonical !== text
          ? {text, value: value.canonical}
          : {text};
      },
    };
  }

  private slot(name: string, role: string | undefined, path: string): Compiled {
    const key = `${name}\u0000${role ?? ''}`;
    const cached = this.entityCache.get(key);
    if (cached) return cached;
    const entity = this.entities.get(name);
    if (!entity)
      this.error(
        'SPEC_UNKNOWN_ENTITY',
        `{${name}} refers to an entity that is not defined`,
        path,
        `Add an entity named "${name}" under entities.`,
      );
    const label = entity.annotateAs ?? entity.name;
    const source = this.entitySource(entity, path);
    const draw = source.draw;
    const sample: Sampler = (rng, out) => {
      const value = draw(rng);
      joint(out);
      const start = out.text.length;
      out.text += value.text;
      joint(out);
      const span: EntitySpan = {entity: label, start, end: out.text.length};
      if (value.value !== undefined) span.value = value.value;
      if (role) span.role = role;
      out.entities.push(span);
    };
    const result = {capacity: source.capacity, shapes: 1, sample};
    this.entityCache.set(key, result);
    return result;
  }
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Space, tab, line feed, carriage return: the characters tidying collapses. */
function isTidiedSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function spanHasEdgeSpace(text: string, span: EntitySpan): boolean {
  return span.end > span.start && (/\s/.test(text[span.start]!) || /\s/.test(text[span.end - 1]!));
}

const UNTIDY = /\s\s|^\s|\s$|[\t\n\r]/;

/**
 * No UNTIDY match: no two whitespace characters in a row, none at either end, no tab or line break. Scanned by
 * character code for ASCII (every expansion is checked, and most are tidy); the regex decides past ASCII.
 */
function isTidy(text: string): boolean {
  const length = text.length;
  let previousSpace = true;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127) return !UNTIDY.test(text);
    if (code === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (code >= 9 && code <= 13) {
      // A tab or line break is untidy anywhere; \v and \f only as space next to space or at an end.
      if (code !== 11 && code !== 12) return false;
      if (previousSpace) return false;
      previousSpace = true;
    } else previousSpace = false;
  }
  return !previousSpace || length === 0;
}

/**
 * Collapses runs of whitespace and trims the ends (an omitted [optional] leaves two spaces), moving the spans
 * with the text. Spans lose surrounding spaces too so that they always cover exactly the entity's words.
 */
export function tidyExpansion(expansion: Expansion): AnnotatedText {
  const {text, entities, joints} = expansion;
  // Already tidy: hand over the buffer's spans (callers give every expansion a fresh entities array).
  if (isTidy(text) && entities.every((e) => !spanHasEdgeSpace(text, e)))
    return joints?.length ? {text, entities, joints: [...joints]} : {text, entities};
  // map[i] = position of source index i in the tidy text (only needed to move spans and joints).
  const length = text.length;
  const map = entities.length > 0 || joints?.length ? new Int32Array(length + 1) : undefined;
  let out = '';
  let pendingSpace = false;
  let i = 0;
  while (i < length) {
    if (isTidiedSpace(text.charCodeAt(i))) {
      if (map) map[i] = out.length;
      if (out.length > 0) pendingSpace = true;
      i++;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    // A run of other characters is copied in one slice, not a character at a time.
    const start = i;
    const offset = out.length - start;
    while (i < length && !isTidiedSpace(text.charCodeAt(i))) {
      if (map) map[i] = i + offset;
      i++;
    }
    out += text.slice(start, i);
  }
  if (!map) return {text: out, entities};
  map[length] = out.length;
  const moved = joints?.length ? {joints: joints.map((at) => map[at]!)} : {};
  const spans = entities.map((e) => {
    let start = e.start;
    let end = e.end;
    // Shrink the span past whitespace at its edges before mapping.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    const mappedStart = start < text.length ? map[start]! : out.length;
    const mappedEnd = end > start ? map[end - 1]! + 1 : mappedStart;
    return spanAt(e, mappedStart, mappedEnd);
  });
  return {text: out, entities: spans, ...moved};
}
