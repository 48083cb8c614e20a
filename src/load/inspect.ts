import {appendAll} from '../model/append.js';
import {ExitCode, failOnErrors, SynthnluError, type Diagnostic} from '../errors.js';
import {formatBytes, maxInputBytes} from '../io/input-limits.js';
import {readTextFile} from '../io/read-text.js';
import {checkDataset} from '../model/check-dataset.js';
import {DATASET_FORMAT, type Dataset, type Entity, type Intent, type Utterance} from '../model/dataset.js';
import {validateAgainstSchema, type Locator} from '../schema/validate.js';
import {checkSpec, checkSpecDocument} from '../spec/check-spec.js';
import {explainSchemaProblems, salvageSpec} from '../spec/schema-hints.js';
import type {SpecDocument} from '../spec/spec.js';
import type {LoadContext} from './context.js';
import {parseJson, parseStructured} from './parse-structured.js';

export type {LoadContext} from './context.js';

export type InputKind = 'spec' | 'dataset';

/** What a file holds and everything wrong with it; never throws for problems in the content. */
export interface Inspection<T> {
  kind: InputKind;
  file: string;
  /** Present when the file parsed and matched its schema (it may still break invariants). */
  value?: T;
  diagnostics: Diagnostic[];
  /** False when the file could not be read, parsed or schema-validated: bad input, exit code 2. */
  wellFormed: boolean;
}

const MAX_REPORTED = 200;

/**
 * Specs are hand-written, so anything over the spec limit is a mistake (and YAML parsing is memory hungry);
 * datasets may be large. A file that could be either gets the dataset limit for JSON, the spec limit otherwise.
 */
function maxBytesFor(file: string, what: 'spec' | 'dataset' | 'spec or dataset'): number {
  if (what === 'spec') return maxInputBytes('spec');
  if (what === 'dataset' || /\.(json|jsonl|ndjson)$/i.test(file)) return maxInputBytes('dataset');
  return maxInputBytes('spec');
}

async function readForInspection(
  file: string,
  what: 'spec' | 'dataset' | 'spec or dataset',
): Promise<{text: string} | {diagnostics: Diagnostic[]}> {
  try {
    const {text} = await readTextFile(file, {maxBytes: maxBytesFor(file, what), what});
    return {text};
  } catch (error) {
    if (error instanceof SynthnluError) return {diagnostics: error.diagnostics};
    throw error;
  }
}

function parseOrDiagnose(
  text: string,
  file: string,
): {value: unknown; locate: Locator} | {diagnostics: Diagnostic[]} {
  try {
    return parseStructured(text, file);
  } catch (error) {
    if (error instanceof SynthnluError) return {diagnostics: error.diagnostics};
    throw error;
  }
}

function isJsonl(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/**
 * What a parsed document looks like: a dataset declares its format; a spec is a mapping with intents. A
 * platform file can look like a spec (LUIS JSON has intents too), so a 'spec' answer is only a candidate:
 * LoadContext.formatClaiming asks the connectors' detect() before a file is treated as one.
 */
export function kindOfDocument(value: unknown): InputKind | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  if (typeof object.format === 'string' && object.format.startsWith('synthnlu-dataset')) return 'dataset';
  return 'intents' in object ? 'spec' : undefined;
}

/** Inspects a spec's text; `context` (the command's registry) gives the readers of spec formats. */
export async function inspectSpecText(
  text: string,
  file: string,
  context: Pick<LoadContext, 'specReaderFor'>,
): Promise<Inspection<SpecDocument>> {
  const reader = context.specReaderFor(file);
  let parsed: {value: unknown; locate?: Locator; diagnostics?: Diagnostic[]};
  if (reader) {
    try {
      parsed = await reader.read(text, file);
    } catch (error) {
      if (error instanceof SynthnluError)
        return {kind: 'spec', file, diagnostics: error.diagnostics, wellFormed: false};
      throw error;
    }
  } else {
    const result = parseOrDiagnose(text, file);
    if ('diagnostics' in result)
      return {kind: 'spec', file, diagnostics: result.diagnostics, wellFormed: false};
    parsed = result;
  }
  const diagnostics = [...(parsed.diagnostics ?? [])];
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    diagnostics.push({
      severity: 'error',
      code: 'SPEC_NOT_A_MAPPING',
      message: 'a spec must be a mapping with at least "intents:"',
      file,
      suggestion: 'Start from `synthnlu init`, or see examples/customer-support.yaml.',
    });
    return {kind: 'spec', file, diagnostics, wellFormed: false};
  }
  const schemaProblems = validateAgainstSchema('spec.schema.json', parsed.value, {
    file,
    codePrefix: 'SPEC',
    maxDiagnostics: MAX_REPORTED,
    ...(parsed.locate ? {locate: parsed.locate} : {}),
  });
  if (schemaProblems.length > 0) {
    // The rules still run on what is well-typed: fixing the schema error must not reveal a second round.
    const salvaged = salvageSpec(parsed.value);
    const rules = salvaged
      ? checkSpec(salvaged, {file, ...(parsed.locate ? {locate: parsed.locate} : {})})
      : [];
    const explained = explainSchemaProblems(schemaProblems, parsed.value);
    return {kind: 'spec', file, diagnostics: [...diagnostics, ...explained, ...rules], wellFormed: false};
  }
  const spec = parsed.value as SpecDocument;
  const ruleFindings = checkSpecDocument(spec, {file, ...(parsed.locate ? {locate: parsed.locate} : {})});
  appendAll(diagnostics, ruleFindings);
  // A template that does not parse is a syntax error (bad input), not a broken rule.
  const templatesParse = !ruleFindings.some((d) => d.code === 'TEMPLATE_SYNTAX');
  return {kind: 'spec', file, value: spec, diagnostics, wellFormed: templatesParse};
}

export async function inspectSpecFile(
  file: string,
  context: Pick<LoadContext, 'specReaderFor'>,
): Promise<Inspection<SpecDocument>> {
  const read = await readForInspection(file, 'spec');
  if ('diagnostics' in read) return {kind: 'spec', file, diagnostics: read.diagnostics, wellFormed: false};
  return inspectSpecText(read.text, file, context);
}

/** Completes a header-less dataset whose JSONL lines name intents and entities without declaring them. */
function declareImplied(dataset: Dataset): void {
  const intents = new Set(dataset.intents.map((i) => i.name));
  const entities = new Set(dataset.entities.map((e) => e.name));
  for (const u of dataset.utterances) {
    if (!intents.has(u.intent)) {
      intents.add(u.intent);
      dataset.intents.push({name: u.intent} satisfies Intent);
    }
    const visit = (spans: Utterance['entities']) => {
      for (const span of spans ?? []) {
        if (!entities.has(span.entity)) {
          entities.add(span.entity);
          dataset.entities.push({name: span.entity, kind: 'ml'} satisfies Entity);
        }
        visit(span.children);
      }
    };
    visit(u.entities);
  }
}

export function inspectDatasetJsonl(text: string, file: string): Inspection<Dataset> {
  const diagnostics: Diagnostic[] = [];
  let header: Omit<Dataset, 'utterances'> | undefined;
  const utterances: Utterance[] = [];
  const lineOf: number[] = [];
  let lineNumber = 0;
  let start = 0;
  let schemaErrors = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    lineNumber += 1;
    start = end + 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = parseJson(line, file).value;
    } catch (error) {
      const d = (error as SynthnluError).diagnostics[0]!;
      diagnostics.push({...d, line: lineNumber});
      schemaErrors += 1;
      if (schemaErrors >= MAX_REPORTED) break;
      continue;
    }
    if (value !== null && typeof value === 'object' && '$dataset' in value) {
      if (utterances.length > 0 || header) {
        diagnostics.push({
          severity: 'error',
          code: 'DATASET_MISPLACED_HEADER',
          message: 'the {"$dataset": ...} header must be the first line',
          file,
          line: lineNumber,
        });
        continue;
      }
      const candidate = {...(value.$dataset as object), utterances: []};
      const problems = validateAgainstSchema('dataset.schema.json', candidate, {
        file,
        codePrefix: 'DATASET',
        pathPrefix: ['$dataset'],
      });
      for (const p of problems) diagnostics.push({...p, line: lineNumber});
      if (problems.length === 0) header = candidate as unknown as Dataset;
      continue;
    }
    const problems = validateAgainstSchema('dataset.schema.json#/definitions/Utterance', value, {
      file,
      codePrefix: 'DATASET',
    });
    if (problems.length > 0) {
      schemaErrors += problems.length;
      for (const p of problems) diagnostics.push({...p, line: lineNumber});
      if (schemaErrors >= MAX_REPORTED) break;
      continue;
    }
    utterances.push(value as Utterance);
    lineOf.push(lineNumber);
  }
  // An empty file is a run that wrote nothing (or a wrong path), not a dataset: passing it on would let a
  // coverage gate pass and an export write an empty agent.
  if (!header && utterances.length === 0 && diagnostics.length === 0)
    diagnostics.push({
      severity: 'error',
      code: 'DATASET_EMPTY_FILE',
      message: 'the file holds no dataset: no header line and no utterance',
      file,
      suggestion: 'Generate one with `synthnlu generate spec.yaml --out data.jsonl`, or check the path.',
    });
  if (diagnostics.some((d) => d.severity === 'error'))
    return {kind: 'dataset', file, diagnostics, wellFormed: false};
  const dataset: Dataset = {
    ...(header ?? {format: DATASET_FORMAT, language: 'en', intents: [], entities: []}),
    utterances,
  } as Dataset;
  // Lines alone may name their intents and entities; a header that declares them is the list to keep to, so an
  // utterance of an intent or entity it does not declare is an error (a typo would otherwise add an intent).
  if (!header) declareImplied(dataset);
  appendAll(diagnostics, checkDataset(dataset, {file, utterancePath: (i) => ({path: [], line: lineOf[i]})}));
  return {kind: 'dataset', file, value: dataset, diagnostics, wellFormed: true};
}

export function inspectDatasetText(text: string, file: string): Inspection<Dataset> {
  if (isJsonl(file)) return inspectDatasetJsonl(text, file);
  const parsed = parseOrDiagnose(text, file);
  if ('diagnostics' in parsed)
    return {kind: 'dataset', file, diagnostics: parsed.diagnostics, wellFormed: false};
  const problems = validateAgainstSchema('dataset.schema.json', parsed.value, {
    file,
    locate: parsed.locate,
    codePrefix: 'DATASET',
    maxDiagnostics: MAX_REPORTED,
  });
  if (problems.length > 0) return {kind: 'dataset', file, diagnostics: problems, wellFormed: false};
  const dataset = parsed.value as Dataset;
  return {
    kind: 'dataset',
    file,
    value: dataset,
    diagnostics: checkDataset(dataset, {file, locate: parsed.locate}),
    wellFormed: true,
  };
}

export async function inspectDatasetFile(file: string): Promise<Inspection<Dataset>> {
  const read = await readForInspection(file, 'dataset');
  if ('diagnostics' in read) return {kind: 'dataset', file, diagnostics: read.diagnostics, wellFormed: false};
  return inspectDatasetText(read.text, file);
}

/** Inspects a spec or a dataset, deciding which from the name and content (and the registry's readers). */
export async function inspectFile(
  file: string,
  context: LoadContext,
): Promise<Inspection<SpecDocument> | Inspection<Dataset>> {
  if (isJsonl(file)) return inspectDatasetFile(file);
  if (context.specReaderFor(file)) return inspectSpecFile(file, context);
  const read = await readForInspection(file, 'spec or dataset');
  if ('diagnostics' in read) return {kind: 'spec', file, diagnostics: read.diagnostics, wellFormed: false};
  const parsed = parseOrDiagnose(read.text, file);
  if ('diagnostics' in parsed)
    return {kind: 'spec', file, diagnostics: parsed.diagnostics, wellFormed: false};
  const shape = kindOfDocument(parsed.value);
  if (shape === 'dataset') return inspectDatasetText(read.text, file);
  const claimedBy = shape === 'spec' ? await context.formatClaiming(file) : undefined;
  const kind = claimedBy ? undefined : shape;
  if (kind === 'spec' && Buffer.byteLength(read.text) > maxInputBytes('spec')) {
    const limit = maxInputBytes('spec');
    return {
      kind: 'spec',
      file,
      wellFormed: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'FILE_TOO_LARGE',
          message: `the spec is over the ${formatBytes(limit)} limit for specs`,
          file,
          suggestion:
            'Split it, or raise the limit with --max-bytes if the file is really meant to be this big.',
        },
      ],
    };
  }
  if (kind === 'spec') return inspectSpecText(read.text, file, context);
  return {
    kind: 'spec',
    file,
    wellFormed: false,
    diagnostics: [
      {
        severity: 'error',
        code: 'INPUT_UNKNOWN_KIND',
        message: claimedBy
          ? `a platform file (${claimedBy}), not a synthnlu spec or dataset`
          : 'neither a synthnlu spec (a mapping with intents: [{name, examples}]) nor a synthnlu dataset (format: synthnlu-dataset/1)',
        file,
        suggestion: claimedBy
          ? `Read it with \`synthnlu import ${file} --from ${claimedBy} --out data.json\`, then work on the dataset.`
          : `For a platform file (${context.formatIds().join(', ')}) use \`synthnlu import\`; for a new spec, \`synthnlu init\`.`,
      },
    ],
  };
}

function unwrap<T>(inspection: Inspection<T>): {value: T; warnings: Diagnostic[]} {
  if (!inspection.value) failOnErrors(inspection.diagnostics, {exitCode: ExitCode.badInput});
  failOnErrors(inspection.diagnostics, {
    exitCode: inspection.wellFormed ? ExitCode.failedCheck : ExitCode.badInput,
  });
  return {value: inspection.value!, warnings: inspection.diagnostics};
}

/** Loads a spec; throws a SynthnluError listing every problem when it is unusable. */
export async function loadSpec(
  file: string,
  context: Pick<LoadContext, 'specReaderFor'>,
): Promise<{spec: SpecDocument; warnings: Diagnostic[]}> {
  const {value, warnings} = unwrap(await inspectSpecFile(file, context));
  return {spec: value, warnings};
}

/** Loads a canonical dataset (.json or .jsonl); throws a SynthnluError listing every problem when unusable. */
export async function loadDataset(file: string): Promise<{dataset: Dataset; warnings: Diagnostic[]}> {
  const {value, warnings} = unwrap(await inspectDatasetFile(file));
  return {dataset: value, warnings};
}
