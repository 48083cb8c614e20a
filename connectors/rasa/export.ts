import {parse, stringify} from 'yaml';
import {
  type ConnectorContext,
  type ExportOptions,
  type OutputFile,
  intentNames,
  type Dataset,
  type Utterance,
} from '../../src/connector-kit.js';
import {formatAnnotatedExample} from './annotation.js';
import type {RasaEntityAnnotation} from './training-data.js';
import type {RasaDomain} from './generated/rasa-domain.js';

export const RASA_VERSION = '3.1';
/** The first line of every file synthnlu writes for Rasa: how the next run knows it may replace it. */
const RASA_HEADER =
  '# Written by synthnlu. Rasa training data (https://rasa.com/docs/rasa/training-data-format)\n';

/** `domain` adds a domain.yml fragment beside nlu.yml. */
export type RasaExportOptions = ExportOptions;

/** A YAML scalar: plain when it reads back as the same string, double-quoted otherwise. */
function scalar(value: string): string {
  const plain =
    /^[A-Za-z_][\w\-./ ]*$/.test(value) &&
    !/ $/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

// Characters a YAML literal block cannot hold or reads as a line break; each is one UTF-16 unit, so a space
// in its place keeps every offset.
const NOT_IN_BLOCK =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what YAML blocks cannot hold
  /[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function blockSafe(text: string, context: ConnectorContext): string {
  const safe = text.replace(NOT_IN_BLOCK, ' ');
  if (safe !== text) {
    context.warn({
      code: 'RASA_TEXT_CHANGED',
      message:
        'rasa examples are lines of a YAML block: line breaks and control characters were replaced by spaces',
    });
  }
  return safe;
}

/** One example line: text made block-safe and trimmed (Rasa trims), spans moved with it. */
function exampleLine(u: Utterance, context: ConnectorContext, rewrittenTexts: string[]): string | undefined {
  const safe = blockSafe(u.text, context);
  const lead = safe.length - safe.trimStart().length;
  const text = safe.trim();
  if (text.length === 0) return undefined;
  if (lead > 0 || text.length !== safe.length) {
    context.warn({
      code: 'RASA_TEXT_TRIMMED',
      message: 'rasa trims examples: leading and trailing spaces were removed',
    });
  }
  const spans: RasaEntityAnnotation[] = [];
  for (const span of u.entities ?? []) {
    const start = span.start - lead;
    const end = Math.min(span.end - lead, text.length);
    if (start < 0 || end <= start) continue;
    const a: RasaEntityAnnotation = {entity: span.entity, start, end};
    if (span.value !== undefined && span.value !== text.slice(start, end)) a.value = span.value;
    if (span.role !== undefined) a.role = span.role;
    if (span.group !== undefined) a.group = span.group;
    spans.push(a);
    if ((span.children?.length ?? 0) > 0) {
      context.warn({
        code: 'RASA_NESTED_DROPPED',
        message: 'rasa cannot carry nested entity labels; children are left out',
      });
    }
  }
  const {line, dropped, rewritten} = formatAnnotatedExample(text, spans);
  if (dropped > 0) {
    context.warn({
      code: 'RASA_OVERLAP_DROPPED',
      message: 'rasa annotations cannot overlap; overlapping annotations are left out',
    });
  }
  if (rewritten) rewrittenTexts.push(text);
  return line;
}

function block(kind: string, name: string, items: readonly string[], context: ConnectorContext): string {
  const safe = items.map((i) => blockSafe(i, context));
  const trimmed = safe.filter((i) => i.trim() !== i);
  if (trimmed.length > 0) {
    context.warn({
      code: 'RASA_ITEMS_TRIMMED',
      message: `rasa ${kind} items are trimmed lines: ${kind} "${name}" loses the surrounding spaces of ${trimmed
        .slice(0, 3)
        .map((t) => JSON.stringify(t))
        .join(', ')}${trimmed.length > 3 ? ', …' : ''}`,
    });
  }
  const lines = safe.map((i) => i.trim()).filter((i) => i.length > 0);
  return `- ${kind}: ${scalar(name)}\n  examples: |\n${lines.map((l) => `    - ${l}\n`).join('')}`;
}

function indent(text: string, by: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** Synonym blocks: list entity values with their synonyms, and stand-alone blocks kept from a Rasa import. */
export function synonymBlocks(dataset: Dataset): {
  synonyms: Map<string, string[]>;
  loose: Array<{value: string; synonyms: string[]}>;
} {
  const synonyms = new Map<string, string[]>();
  const addSynonyms = (value: string, list: readonly string[]): void => {
    const merged = [...new Set([...(synonyms.get(value) ?? []), ...list.filter((s) => s !== value)])];
    if (merged.length > 0) synonyms.set(value, merged);
  };
  for (const entity of dataset.entities) {
    if (entity.kind === 'list') for (const v of entity.values ?? []) addSynonyms(v.value, v.synonyms ?? []);
  }
  const loose =
    (dataset.metadata?.rasa as {synonyms?: Array<{value: string; synonyms: string[]}>} | undefined)
      ?.synonyms ?? [];
  return {synonyms, loose};
}

/** Lookup tables: list entities (all values and synonyms) and phrase lists. */
export function lookupTables(dataset: Dataset): Array<{name: string; elements: string[]}> {
  const out: Array<{name: string; elements: string[]}> = [];
  for (const entity of dataset.entities) {
    if (entity.kind !== 'list' || (entity.values?.length ?? 0) === 0) continue;
    out.push({
      name: entity.name,
      elements: [...new Set(entity.values!.flatMap((v) => [v.value, ...(v.synonyms ?? [])]))],
    });
  }
  for (const list of dataset.phraseLists ?? [])
    if (list.phrases.length > 0) out.push({name: list.name, elements: list.phrases});
  return out;
}

/** Warnings every Rasa export shares, whatever the file syntax. */
export function warnRasaLosses(dataset: Dataset, context: ConnectorContext): void {
  const {synonyms, loose} = synonymBlocks(dataset);
  warnSynonymConflicts(dataset, synonyms, loose, context);
  const annotated = new Set(dataset.utterances.flatMap((u) => (u.entities ?? []).map((s) => s.entity)));
  const unannotated = dataset.entities.filter((e) => !annotated.has(e.name) && e.kind !== 'prebuilt');
  if (unannotated.length > 0) {
    context.warn({
      code: 'RASA_UNANNOTATED_ENTITIES',
      message: `Rasa knows an entity only from annotated examples: ${unannotated.length} entit${unannotated.length === 1 ? 'y' : 'ies'} no example annotates (${unannotated
        .slice(0, 5)
        .map((e) => `"${e.name}"`)
        .join(
          ', ',
        )}${unannotated.length > 5 ? ', …' : ''}) ${unannotated.length === 1 ? 'is' : 'are'} written as lookup/regex features only and read back as such`,
      suggestion: 'Annotate the entity in a few examples, or add it to domain.yml (--domain).',
    });
  }
  if (dataset.entities.some((e) => e.kind === 'prebuilt')) {
    context.warn({
      code: 'RASA_PREBUILT_AS_LEARNED',
      message:
        'rasa has no system entities in training data (use Duckling or spaCy in config.yml): prebuilt entities are written as ordinary annotations',
    });
  }
}

/** Writes nlu.yml (and a domain.yml fragment when asked). */
export function exportRasa(
  dataset: Dataset,
  context: ConnectorContext,
  options: RasaExportOptions,
): OutputFile[] {
  const out: string[] = [`${RASA_HEADER}version: "${RASA_VERSION}"\n\nnlu:\n`];
  const names = intentNames(dataset);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  const byIntent = new Map<string, Utterance[]>(names.map((n) => [n, []]));
  const rewritten: string[] = [];
  const empty: string[] = [];
  for (const u of dataset.utterances) byIntent.get(u.intent)!.push(u);
  for (const name of names) {
    const utterances = byIntent.get(name)!;
    if (!utterances.some((u) => u.text.trim().length > 0)) {
      // Rasa trains nothing from an intent without examples (a Dialogflow agent's Default Welcome and
      // Fallback intents have none): an `examples: ""` block would only disagree with the counts.
      empty.push(name);
      continue;
    }
    const intentMeta = (declared.get(name)?.metadata?.rasa as {metadata?: unknown} | undefined)?.metadata;
    let text = `- intent: ${scalar(name)}\n`;
    if (intentMeta !== undefined) text += `  metadata:\n${indent(stringify(intentMeta), '    ')}\n`;
    if (
      utterances.some((u) => (u.metadata?.rasa as {metadata?: unknown} | undefined)?.metadata !== undefined)
    ) {
      // Examples with their own metadata need Rasa's list form: [{text, metadata}].
      text += '  examples:\n';
      for (const u of utterances) {
        const line = exampleLine(u, context, rewritten);
        if (line === undefined) continue;
        const meta = (u.metadata?.rasa as {metadata?: unknown} | undefined)?.metadata;
        text += `  - text: |\n      ${line}\n`;
        if (meta !== undefined) text += `    metadata:\n${indent(stringify(meta), '      ')}\n`;
      }
    } else {
      const lines = utterances
        .map((u) => exampleLine(u, context, rewritten))
        .filter((l): l is string => l !== undefined);
      text +=
        lines.length > 0 ? `  examples: |\n${lines.map((l) => `    - ${l}\n`).join('')}` : '  examples: ""\n';
    }
    out.push(text);
  }

  if (empty.length > 0) {
    context.warn({
      // Said once in the export's summary ("left out … without examples"); kept in --json.
      severity: 'info',
      code: 'RASA_EMPTY_INTENTS_LEFT_OUT',
      message: `rasa trains no intent without examples: ${empty.length} intent${empty.length === 1 ? '' : 's'} with none ${empty.length === 1 ? 'is' : 'are'} not written to nlu.yml: ${empty.map((n) => `"${n}"`).join(', ')}`,
      suggestion: options.domain
        ? 'They stay in domain.yml; add examples to train them.'
        : 'Add examples to train them (with --domain they are still declared in domain.yml).',
    });
  }
  if (rewritten.length > 0) {
    context.warn({
      code: 'RASA_BRACKETS_REWRITTEN',
      message: `Rasa has no escape for brackets that read as entity markup: "[" and "]" were written as "(" and ")" in ${rewritten.length} example${rewritten.length === 1 ? '' : 's'}: ${rewritten
        .slice(0, 3)
        .map((t) => JSON.stringify(t))
        .join(', ')}${rewritten.length > 3 ? ', …' : ''}`,
      suggestion: 'Rephrase these examples without square brackets if the rewrite changes their meaning.',
    });
  }
  const {synonyms, loose} = synonymBlocks(dataset);
  warnRasaLosses(dataset, context);
  for (const [value, list] of synonyms) out.push(block('synonym', value, list, context));
  // Synonym blocks read from Rasa that belong to no list entity go back as they were.
  for (const s of loose) out.push(block('synonym', s.value, s.synonyms, context));
  for (const entity of dataset.entities) {
    if (entity.kind === 'regex' && (entity.patterns?.length ?? 0) > 0)
      out.push(block('regex', entity.name, entity.patterns!, context));
  }
  for (const table of lookupTables(dataset)) out.push(block('lookup', table.name, table.elements, context));
  const content = out.join('\n');
  // Read back what was written, so the core checks the document Rasa will see against the schema.
  const files: OutputFile[] = [
    {path: 'nlu.yml', content, schema: 'rasa-nlu.schema.json', json: parse(content) as unknown},
  ];
  if (options.domain) files.push(domainFile(dataset, names));
  return files;
}

export function domainFile(dataset: Dataset, intents: string[]): OutputFile {
  const roles = new Map<string, {roles: Set<string>; groups: Set<string>}>();
  const entityNames = [...dataset.entities.map((e) => e.name)];
  for (const u of dataset.utterances) {
    for (const span of u.entities ?? []) {
      if (!entityNames.includes(span.entity)) entityNames.push(span.entity);
      let r = roles.get(span.entity);
      if (!r) roles.set(span.entity, (r = {roles: new Set(), groups: new Set()}));
      if (span.role) r.roles.add(span.role);
      if (span.group) r.groups.add(span.group);
    }
  }
  for (const entity of dataset.entities)
    for (const role of entity.roles ?? []) roles.get(entity.name)?.roles.add(role);
  const entities = entityNames.map((name) => {
    const r = roles.get(name);
    if (!r || (r.roles.size === 0 && r.groups.size === 0)) return name;
    return {
      [name]: {
        ...(r.roles.size > 0 ? {roles: [...r.roles]} : {}),
        ...(r.groups.size > 0 ? {groups: [...r.groups]} : {}),
      },
    };
  });
  const domain: RasaDomain = {version: RASA_VERSION, intents, entities};
  return {
    path: 'domain.yml',
    content: `${RASA_HEADER}${stringify(domain)}`,
    json: domain,
    schema: 'rasa-domain.schema.json',
  };
}

/**
 * Rasa's synonym mapper is one lower-cased dictionary for the whole bot, filled from synonym blocks and from
 * annotated values (`[NYC]{"entity": "city", "value": "New York"}`): a text mapped to two values keeps only
 * the last one Rasa reads, whatever entity it belongs to.
 */
function warnSynonymConflicts(
  dataset: Dataset,
  synonyms: Map<string, string[]>,
  loose: ReadonlyArray<{value: string; synonyms: string[]}>,
  context: ConnectorContext,
): void {
  const valuesOf = new Map<string, Set<string>>();
  const add = (text: string, value: string): void => {
    // Rasa reads items trimmed and looks synonyms up lower-cased.
    const key = text.trim().toLowerCase();
    if (key === value.trim().toLowerCase()) return;
    let set = valuesOf.get(key);
    if (!set) valuesOf.set(key, (set = new Set()));
    set.add(value);
  };
  for (const [value, list] of synonyms) for (const text of list) add(text, value);
  for (const s of loose) for (const text of s.synonyms) add(text, s.value);
  for (const u of dataset.utterances)
    for (const span of u.entities ?? [])
      if (span.value !== undefined) add(u.text.slice(span.start, span.end), span.value);
  for (const [text, values] of valuesOf) {
    if (values.size < 2) continue;
    const list = [...values];
    context.warn({
      code: 'RASA_SYNONYM_CONFLICT',
      message: `Rasa maps each synonym to one value: "${text}" is a synonym of both ${list
        .map((v) => `"${v}"`)
        .join(' and ')}; Rasa keeps only the last one it reads`,
      suggestion: 'Keep the synonym under one value only.',
    });
  }
}
