/** Readers for Rasa's three training data formats, into one RasaTrainingData. */
import {isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode} from 'yaml';
import {
  type ConnectorContext,
  failOnErrors,
  SynthnluError,
  type Diagnostic,
  checkJsonStructure,
  checkYamlDepth,
  lineColumnAt,
} from '../../src/connector-kit.js';
import {AnnotationError, parseAnnotatedExample} from './annotation.js';
import type {RasaLegacyJson} from './generated/rasa-legacy-json.js';
import type {RasaNluFile} from './generated/rasa-nlu.js';
import {emptyTrainingData, type RasaEntityAnnotation, type RasaTrainingData} from './training-data.js';

function annotationError(file: string, line: number | undefined, error: unknown): SynthnluError {
  return new SynthnluError('RASA_BAD_ANNOTATION', (error as Error).message, {
    location: {file, ...(line === undefined ? {} : {line})},
    suggestion: 'Annotations look like [text](entity) or [text]{"entity": "name", "value": "canonical"}.',
  });
}

/** "[red car](thing" with no closing parenthesis: Rasa reads it as plain text, and so do we, but say so. */
const UNREAD_MARKUP = /\[[^\]]+\][({]/;

function parseExample(text: string, file: string, line: number | undefined, context: ConnectorContext) {
  let parsed;
  try {
    parsed = parseAnnotatedExample(text);
  } catch (error) {
    if (error instanceof AnnotationError) throw annotationError(file, line, error);
    throw error;
  }
  if (UNREAD_MARKUP.test(parsed.text))
    context.warn({
      code: 'RASA_UNREAD_MARKUP',
      message: `"${parsed.text}" looks like entity markup that is not closed; Rasa reads it as plain text, and so does synthnlu`,
      file,
      ...(line === undefined ? {} : {line}),
      suggestion: 'Close the annotation as [text](entity), or remove the brackets.',
    });
  return parsed;
}

/** "- item" lines of a YAML literal block; with the 1-based line of each item when the block's line is known. */
function blockItems(block: unknown, firstLine: number | undefined): Array<{item: string; line?: number}> {
  if (typeof block !== 'string') return [];
  const out: Array<{item: string; line?: number}> = [];
  for (const [index, raw] of block.split('\n').entries()) {
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const item = trimmed.startsWith('-') ? trimmed.slice(1).trim() : trimmed;
    if (item.length === 0) continue;
    out.push(firstLine === undefined ? {item} : {item, line: firstLine + index});
  }
  return out;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

export function looksLikeRasaYaml(text: string): boolean {
  return /^nlu\s*:/m.test(text);
}

/** Rasa 2.x/3.x YAML: `nlu:` with intent, synonym, regex and lookup blocks. */
export function readRasaYaml(
  text: string,
  file: string,
  context: ConnectorContext,
  into = emptyTrainingData(),
): RasaTrainingData {
  checkYamlDepth(text, file);
  const lineCounter = new LineCounter();
  // A key twice in one mapping (two `nlu:` keys) is refused: YAML keeps only the last, dropping the first block.
  const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false});
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const {line, col} = lineCounter.linePos(error.pos[0]);
    const duplicate = error.code === 'DUPLICATE_KEY';
    const key = duplicate ? /^\s*("?)([^:\n]*?)\1\s*:/.exec(text.slice(error.pos[0]))?.[2] : undefined;
    throw new SynthnluError(
      duplicate ? 'RASA_DUPLICATE_KEY' : 'RASA_BAD_YAML',
      duplicate
        ? `the key ${key ? `"${key}" ` : ''}appears twice in one mapping: YAML would keep only the last one and silently drop the first`
        : `not valid YAML: ${error.message.split('\n')[0]}`,
      {
        location: {file, line, column: col},
        suggestion: duplicate
          ? `Merge the two ${key ? `"${key}:" ` : ''}entries into one (e.g. one nlu: list holding every block).`
          : 'Check the indentation and quoting around this line.',
      },
    );
  }
  const value = doc.toJS({maxAliasCount: 100}) as unknown;
  const problems: Diagnostic[] = context.validate('rasa-nlu.schema.json', value ?? {}, file);
  // Point schema problems at their line: the validator knows the JSON path, the YAML document knows where it is.
  for (const problem of problems) {
    if (problem.line !== undefined || !problem.path) continue;
    const segments = problem.path.match(/[^.[\]]+/g) ?? [];
    const node = doc.getIn(
      segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      true,
    ) as YamlNode | undefined;
    if (node?.range) {
      const {line, col} = lineCounter.linePos(node.range[0]);
      problem.line = line;
      problem.column = col;
    }
  }
  failOnErrors(problems);
  const data = into;
  const root = value as RasaNluFile | null;
  if (root?.version !== undefined) data.version ??= str(root.version);
  const nluNode = doc.get('nlu', true);
  const blocks = root?.nlu ?? [];
  for (const [index, block] of blocks.entries()) {
    const blockNode = isSeq(nluNode) ? nluNode.items[index] : undefined;
    const examplesNode = isMap(blockNode)
      ? (blockNode.get('examples', true) as YamlNode | undefined)
      : undefined;
    // A literal block's content starts on the line after "examples: |".
    const firstLine =
      examplesNode?.range && typeof block.examples === 'string'
        ? lineCounter.linePos(examplesNode.range[0]).line + 1
        : undefined;
    if ('intent' in block) {
      const intent = str(block.intent);
      if (!data.intents.includes(intent)) data.intents.push(intent);
      if (block.metadata !== undefined) data.intentMetadata.set(intent, block.metadata);
      const examples = block.examples;
      if (Array.isArray(examples)) {
        for (const example of examples) {
          const parsed = parseExample(str(example.text).trim(), file, undefined, context);
          if (parsed.text.length === 0) continue;
          data.examples.push({
            intent,
            ...parsed,
            ...(example.metadata === undefined ? {} : {metadata: example.metadata}),
          });
        }
      } else {
        for (const {item, line} of blockItems(examples, firstLine)) {
          const parsed = parseExample(item, file, line, context);
          if (parsed.text.length > 0) data.examples.push({intent, ...parsed});
        }
      }
    } else if ('synonym' in block) {
      data.synonyms.push({
        value: str(block.synonym),
        synonyms: blockItems(block.examples, firstLine).map((i) => i.item),
      });
    } else if ('regex' in block) {
      data.regexes.push({
        name: str(block.regex),
        patterns: blockItems(block.examples, firstLine).map((i) => i.item),
      });
    } else if ('lookup' in block) {
      data.lookups.push({
        name: str(block.lookup),
        elements: blockItems(block.examples, firstLine).map((i) => i.item),
      });
    }
  }
  return data;
}

/** Python indexes strings by code point; JavaScript (and the dataset) by UTF-16 code unit. */
export function codePointToUtf16(text: string, codePoint: number): number {
  let units = 0;
  let points = 0;
  while (points < codePoint && units < text.length) {
    const c = text.codePointAt(units)!;
    units += c > 0xffff ? 2 : 1;
    points += 1;
  }
  return units + Math.max(0, codePoint - points);
}

export function looksLikeRasaJson(text: string): boolean {
  return /"rasa_nlu_data"\s*:/.test(text);
}

/** Rasa 1.x JSON (`rasa_nlu_data`). */
export function readRasaJson(
  text: string,
  file: string,
  context: ConnectorContext,
  into = emptyTrainingData(),
): RasaTrainingData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    throw new SynthnluError('RASA_BAD_JSON', `not valid JSON: ${(error as Error).message}`, {
      location: {file, ...(at ? lineColumnAt(text, Number(at[1])) : {})},
    });
  }
  checkJsonStructure(text, file);
  failOnErrors(context.validate('rasa-legacy-json.schema.json', value, file));
  const nlu = (value as RasaLegacyJson).rasa_nlu_data;
  const data = into;
  const examples = [
    ...(nlu.common_examples ?? []),
    ...(nlu.intent_examples ?? []),
    ...(nlu.entity_examples ?? []),
  ];
  let unlabelled = 0;
  for (const [index, example] of examples.entries()) {
    if (!example.intent) {
      unlabelled += 1;
      continue;
    }
    if (!data.intents.includes(example.intent)) data.intents.push(example.intent);
    const entities: RasaEntityAnnotation[] = [];
    for (const [e, entity] of (example.entities ?? []).entries()) {
      const start = codePointToUtf16(example.text, entity.start);
      const end = codePointToUtf16(example.text, entity.end);
      if (end <= start || end > example.text.length) {
        throw new SynthnluError(
          'RASA_BAD_OFFSETS',
          `entity offsets ${entity.start}-${entity.end} are outside the example text`,
          {
            location: {file, path: `rasa_nlu_data.examples[${index}].entities[${e}]`},
            suggestion: 'start/end are character indices into "text", end exclusive.',
          },
        );
      }
      const annotation: RasaEntityAnnotation = {entity: entity.entity, start, end};
      const surface = example.text.slice(start, end);
      if (entity.value !== undefined && entity.value !== null && String(entity.value) !== surface)
        annotation.value = String(entity.value);
      if (entity.role) annotation.role = entity.role;
      if (entity.group) annotation.group = entity.group;
      entities.push(annotation);
    }
    if (example.text.length === 0) continue;
    data.examples.push({
      intent: example.intent,
      text: example.text,
      entities,
      ...(example.metadata === undefined ? {} : {metadata: example.metadata}),
    });
  }
  if (unlabelled > 0) {
    context.warn({
      code: 'RASA_EXAMPLE_WITHOUT_INTENT',
      message: `${unlabelled} example${unlabelled === 1 ? '' : 's'} without an intent left out`,
      file,
    });
  }
  data.synonyms.push(
    ...(nlu.entity_synonyms ?? []).map((s) => ({value: s.value, synonyms: [...s.synonyms]})),
  );
  for (const regex of nlu.regex_features ?? []) {
    const existing = data.regexes.find((r) => r.name === regex.name);
    if (existing) existing.patterns.push(regex.pattern);
    else data.regexes.push({name: regex.name, patterns: [regex.pattern]});
  }
  for (const lookup of nlu.lookup_tables ?? []) {
    // A file of elements (a path in "elements", or Rasa 1.x "file_path"): warned about and skipped later.
    if (Array.isArray(lookup.elements))
      data.lookups.push({name: lookup.name, elements: [...lookup.elements]});
    else data.lookupFiles.push({name: lookup.name, path: lookup.elements ?? lookup.file_path ?? ''});
  }
  return data;
}

export function looksLikeRasaMarkdown(text: string): boolean {
  return /^##?\s*(intent|synonym|regex|lookup)\s*:/m.test(text);
}

/** Rasa 1.x Markdown: `## intent:name`, `## synonym:value`, `## regex:name`, `## lookup:name` sections of "- " items. */
export function readRasaMarkdown(
  text: string,
  file: string,
  context: ConnectorContext,
  into = emptyTrainingData(),
): RasaTrainingData {
  const data = into;
  let section: {kind: string; name: string; items: string[]} | undefined;
  const lookupPaths: Array<{name: string; path: string}> = [];
  const flush = (): void => {
    if (!section) return;
    if (section.kind === 'synonym') data.synonyms.push({value: section.name, synonyms: section.items});
    else if (section.kind === 'regex') data.regexes.push({name: section.name, patterns: section.items});
    else if (section.kind === 'lookup') data.lookups.push({name: section.name, elements: section.items});
  };
  const lines = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, '')).split(/\r?\n/);
  const singleHash: number[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    // Rasa's MarkdownReader: a header is `##\s*(.+?):(.+)` found anywhere in the line; every other line that is
    // not a "- item" is ignored and the current section goes on.
    const header = /##\s*(.+?):(.+)/.exec(line);
    if (header) {
      flush();
      const kind = header[1]!.trim();
      section = ['intent', 'synonym', 'regex', 'lookup'].includes(kind)
        ? {kind, name: header[2]!.trim(), items: []}
        : undefined;
      if (section?.kind === 'intent' && !data.intents.includes(section.name)) data.intents.push(section.name);
      continue;
    }
    if (/^#\s*(intent|synonym|regex|lookup)\s*:/.test(line)) singleHash.push(index + 1);
    if (!section || line.length === 0 || line.startsWith('#')) continue;
    if (!/^[-*+]\s/.test(line)) {
      // A lookup section may name a file of elements instead of listing them.
      if (section.kind === 'lookup' && section.items.length === 0)
        lookupPaths.push({name: section.name, path: line});
      continue;
    }
    const item = line.slice(1).trim();
    if (section.kind === 'intent') {
      const parsed = parseExample(item, file, index + 1, context);
      if (parsed.text.length > 0) data.examples.push({intent: section.name, ...parsed});
    } else section.items.push(item);
  }
  if (singleHash.length > 0) {
    context.warn({
      code: 'RASA_MARKDOWN_SINGLE_HASH',
      message: `line${singleHash.length === 1 ? '' : 's'} ${singleHash.slice(0, 5).join(', ')}: Rasa reads a section only after "##"; a "# intent:..." line is not a header, so (as in Rasa) the examples below it belong to the section before it, or to none`,
      file,
      line: singleHash[0]!,
      suggestion: 'Write the header as "## intent:name".',
    });
  }
  flush();
  data.lookupFiles.push(...lookupPaths);
  if (data.intents.length === 0) {
    context.warn({code: 'RASA_NO_INTENTS', message: 'no "## intent:" sections found', file});
  }
  return data;
}
