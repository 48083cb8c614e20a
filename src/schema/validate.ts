import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv';
import addFormatsModule from 'ajv-formats';
import type {Diagnostic} from '../errors.js';
import {schemasDir} from '../io/package-root.js';
import {formatPath, segmentsFromPointer, type PathSegment} from './json-path.js';
import {closestMatch} from './suggest.js';

// ajv-formats is CommonJS; under Node16 resolution its callable is on .default.
const addFormats = (addFormatsModule as unknown as {default: (ajv: Ajv) => Ajv}).default;

/** Finds where a JSON path is in the source text; `key` asks for the key itself (for unknown keys). */
export type Locator = (
  path: readonly PathSegment[],
  options?: {key?: boolean},
) => {line: number; column: number} | undefined;

/** A JSON Schema (draft-07) as a plain object, as a connector hands it over. */
export type JsonSchemaObject = Readonly<Record<string, unknown>>;

/** The core's own schemas, read from schemas/; every platform schema comes from its connector instead. */
const CORE_SCHEMA_FILES = ['dataset.schema.json', 'spec.schema.json'];

/** The core's schemas, read once from schemas/ (they never change; every set starts with them). */
let coreSchemaObjects: ReadonlyMap<string, JsonSchemaObject> | undefined;
function coreSchemas(): ReadonlyMap<string, JsonSchemaObject> {
  return (coreSchemaObjects ??= new Map(
    CORE_SCHEMA_FILES.map((file) => [
      file,
      JSON.parse(readFileSync(join(schemasDir(), file), 'utf8')) as JsonSchemaObject,
    ]),
  ));
}

/** The options every validator is compiled with, at run time or ahead of time (src/schema/precompile.ts). */
const AJV_OPTIONS = {allErrors: true, verbose: true, strict: true, allowUnionTypes: true} as const;

function newAjv(
  schemas: Iterable<[string, JsonSchemaObject]>,
  extra: Partial<ConstructorParameters<typeof Ajv>[0]> = {},
): Ajv {
  const instance = new Ajv({...AJV_OPTIONS, ...extra});
  addFormats(instance);
  for (const [name, schema] of schemas) instance.addSchema(schema as object, schemaId(name, schema));
  return instance;
}

function schemaId(name: string, schema: JsonSchemaObject): string {
  return typeof schema.$id === 'string' ? schema.$id : name;
}

/** An ajv instance holding the core's schemas only, with options added (precompile.ts passes `code: {source: true}`). */
export function coreSchemaRegistry(extra: Partial<ConstructorParameters<typeof Ajv>[0]> = {}): Ajv {
  return newAjv(coreSchemas(), extra);
}

/**
 * The core validators `npm run build` compiled ahead of time, by the refs callers use (the export names of
 * core-validators.cjs). Compiling the dataset schema took about 55 ms of every command that reads a dataset.
 */
export const PRECOMPILED_REFS: Readonly<Record<string, string>> = {
  'dataset.schema.json': 'dataset',
  'dataset.schema.json#/definitions/Utterance': 'datasetUtterance',
  'spec.schema.json': 'spec',
};
/** The file build writes beside this module in dist/ (absent when running from src: then ajv compiles). */
export const PRECOMPILED_FILE = 'core-validators.cjs';

type PrecompiledModule = Record<string, ValidateFunction>;
/** Loaded on first use; null when the file is absent. */
let precompiled: PrecompiledModule | null | undefined;

function precompiledValidator(ref: string): ValidateFunction | undefined {
  const name = PRECOMPILED_REFS[ref];
  if (name === undefined) return undefined;
  if (precompiled === undefined) {
    try {
      precompiled = createRequire(import.meta.url)(`./${PRECOMPILED_FILE}`) as PrecompiledModule;
    } catch {
      precompiled = null;
    }
  }
  return precompiled?.[name];
}

/**
 * The schemas one registry knows by name: the core's, then those its connectors hand over (Connector.schemas).
 * Each ConnectorRegistry owns one, so two registries in a process never see each other's schemas; ajv compiles
 * a set's schemas on its first validation.
 */
export class SchemaSet {
  readonly #byName = new Map<string, JsonSchemaObject>(coreSchemas());
  readonly #compiled = new Map<string, ValidateFunction>();
  #ajv: Ajv | undefined;

  /**
   * Makes a schema known under `name` (the name connectors give `context.validate` and `OutputFile.schema`).
   * Registering the same schema twice is harmless; another schema under a taken name is refused, so two
   * connectors cannot silently validate against each other's rules.
   */
  register(name: string, schema: JsonSchemaObject): void {
    if (!this.accepts(name, schema))
      throw new Error(`synthnlu: a different schema is already registered as ${name}`);
    if (this.#byName.has(name)) return;
    this.#byName.set(name, schema);
    this.#ajv?.addSchema(schema as object, schemaId(name, schema));
  }

  /** Whether `schema` may be registered as `name`: the name is free or holds the same schema. */
  accepts(name: string, schema: JsonSchemaObject): boolean {
    const known = this.#byName.get(name);
    return known === undefined || known === schema || JSON.stringify(known) === JSON.stringify(schema);
  }

  /** The names of the schemas: the core's, then those registered. */
  names(): string[] {
    return [...this.#byName.keys()];
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** The schema object registered under a name. */
  schema(name: string): JsonSchemaObject {
    const schema = this.#byName.get(name);
    if (!schema) throw new Error(`synthnlu: no schema named ${name} is registered`);
    return schema;
  }

  /** The key ajv knows `file` or `file#fragment` by (the schema's $id, else its name). */
  ajvKey(ref: string): string {
    const [file, fragment] = ref.split('#') as [string, string | undefined];
    const schema = this.#byName.get(file);
    if (!schema)
      throw new Error(
        `synthnlu: no schema named ${file} is registered (a connector hands its schemas over in Connector.schemas)`,
      );
    const id = schemaId(file, schema);
    return fragment ? `${id}#${fragment}` : id;
  }

  /**
   * A compiled validator for `file` (e.g. "dataset.schema.json") or a fragment of it
   * ("dataset.schema.json#/definitions/Utterance"). The core's come precompiled when the build wrote them.
   */
  validator(ref: string): ValidateFunction {
    const cached = this.#compiled.get(ref);
    if (cached) return cached;
    const fn = precompiledValidator(ref) ?? this.#compile(ref);
    this.#compiled.set(ref, fn);
    return fn;
  }

  #compile(ref: string): ValidateFunction {
    const key = this.ajvKey(ref);
    this.#ajv ??= newAjv(this.#byName);
    const fn = this.#ajv.getSchema(key);
    if (!fn) throw new Error(`synthnlu: cannot resolve schema ${ref}`);
    return fn;
  }

  /** Validates `value` against a schema and returns plain-English diagnostics (empty when valid). */
  validate(ref: string, value: unknown, options: ValidateOptions = {}): Diagnostic[] {
    return diagnose(this.validator(ref), value, options);
  }
}

/**
 * The library's default set: the core's schemas and those given to registerSchema, and the set of the default
 * registry (src/registry.ts), so a library user validating a built-in platform file needs no registry. Commands
 * validate against the schemas of the registry they built instead.
 */
export const librarySchemas = new SchemaSet();

/** Registers a schema in the library's default set (see SchemaSet.register). */
export function registerSchema(name: string, schema: JsonSchemaObject): void {
  librarySchemas.register(name, schema);
}

/** The names of the schemas in the library's default set. */
export function schemaFiles(): string[] {
  return librarySchemas.names();
}

/** The schema object registered under a name in the library's default set. */
export function schemaFor(file: string): object {
  return librarySchemas.schema(file);
}

/** The ajv key of a ref in the library's default set (precompile.ts names the core refs with it). */
export function ajvKeyFor(ref: string): string {
  return librarySchemas.ajvKey(ref);
}

/** A compiled validator from the library's default set (see SchemaSet.validator). */
export function validatorFor(ref: string): ValidateFunction {
  return librarySchemas.validator(ref);
}

export interface ValidateOptions {
  file?: string;
  locate?: Locator;
  /** Prefix for paths when validating a fragment (e.g. one JSONL line). */
  pathPrefix?: PathSegment[];
  /** Diagnostic code prefix: SPEC, DATASET, LUIS... */
  codePrefix?: string;
  /** Stop after this many diagnostics (a broken 100,000-line file would otherwise print 100,000). */
  maxDiagnostics?: number;
}

/**
 * Validates `value` against a schema and returns plain-English diagnostics (empty when valid). The schema is
 * looked up in `options.schemas` (a registry's set), else in the library's default set.
 */
export function validateAgainstSchema(
  ref: string,
  value: unknown,
  options: ValidateOptions & {schemas?: SchemaSet} = {},
): Diagnostic[] {
  return (options.schemas ?? librarySchemas).validate(ref, value, options);
}

function diagnose(validate: ValidateFunction, value: unknown, options: ValidateOptions): Diagnostic[] {
  if (validate(value)) return [];
  const errors = dropMissingKeysExplainedByTypos(
    simplifyErrors(validate.errors ?? [], (validate as {schema?: unknown}).schema),
  );
  const out: Diagnostic[] = [];
  for (const error of errors) {
    out.push(describeError(error, options));
    if (options.maxDiagnostics !== undefined && out.length >= options.maxDiagnostics) break;
  }
  return out;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A branch of a oneOf as written, or the definition its local `$ref` names (#/definitions/X). */
function resolveBranch(branch: unknown, root: unknown): {schema: unknown; refPath?: string} {
  const ref = (branch as {$ref?: unknown}).$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return {schema: branch};
  let target: unknown = root;
  for (const key of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[key];
  return target === undefined ? {schema: branch} : {schema: target, refPath: ref};
}

function branchAccepts(branch: unknown, value: unknown): boolean {
  const type = (branch as {type?: string | string[]}).type;
  if (type === undefined) return true;
  const actual = typeOf(value);
  const types = Array.isArray(type) ? type : [type];
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/**
 * Ajv reports every failed branch of a oneOf; people want the errors of the branch that fits the value's
 * type (an object with an unknown key should say "unknown key", not "must be a string"). A branch given as a
 * `$ref` is judged by the definition it names, whose errors ajv reports under that definition's path.
 */
function simplifyErrors(errors: ErrorObject[], root?: unknown): ErrorObject[] {
  let result = errors;
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const branches = (
      (error.parentSchema as {oneOf?: unknown[]; anyOf?: unknown[]})[error.keyword] ?? []
    ).map((b) => resolveBranch(b, root));
    const fitting = branches.findIndex((b) => branchAccepts(b.schema, error.data));
    const under = (e: ErrorObject, index: number) =>
      e.schemaPath.startsWith(`${error.schemaPath}/${index}/`) ||
      (branches[index]?.refPath !== undefined &&
        e.schemaPath.startsWith(`${branches[index].refPath}/`) &&
        e.instancePath.startsWith(error.instancePath));
    const inside = (e: ErrorObject) => branches.some((_, index) => under(e, index));
    const fromFitting = (e: ErrorObject) => fitting >= 0 && under(e, fitting);
    const fittingErrors =
      fitting >= 0
        ? result.filter(
            (e) => fromFitting(e) && !(e.keyword === 'type' && e.instancePath === error.instancePath),
          )
        : [];
    if (fittingErrors.length > 0) {
      result = result.filter((e) => e !== error && (!inside(e) || fromFitting(e)));
    } else {
      result = result.filter((e) => !inside(e));
    }
    // A definition referenced from several places is compiled on its own, and its errors carry paths from its
    // own root: they cannot be told by path. When the value's type fits a branch, a type error at the value
    // itself came from another branch, and an error inside the value says more than "matches no branch".
    if (fitting >= 0) {
      result = result.filter((e) => !(e.keyword === 'type' && e.instancePath === error.instancePath));
      if (result.some((e) => e.instancePath.startsWith(`${error.instancePath}/`)))
        result = result.filter((e) => e !== error);
    }
  }
  // propertyNames failures come with a nested error on the same name; keep one, with the names the nested enum
  // allows (the schema may hold that enum behind a $ref, out of the propertyNames error's own parentSchema).
  for (const error of result) {
    if (error.keyword !== 'propertyNames') continue;
    const nested = result.find(
      (e) => e.keyword === 'enum' && e.propertyName !== undefined && e.instancePath === error.instancePath,
    );
    if (nested) error.params = {...error.params, allowedValues: nested.params.allowedValues as unknown};
  }
  result = result.filter(
    (e) =>
      !(
        e.propertyName !== undefined &&
        e.keyword !== 'propertyNames' &&
        result.some((p) => p.keyword === 'propertyNames' && p.instancePath === e.instancePath)
      ),
  );
  return result;
}

/** "unknown key exmaples" already says what "missing key examples" would: report the typo once. */
function dropMissingKeysExplainedByTypos(errors: ErrorObject[]): ErrorObject[] {
  const typoTargets = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((e.parentSchema as {properties?: object}).properties ?? {});
    const match = closestMatch(String(e.params.additionalProperty), allowed);
    if (match) typoTargets.add(`${e.instancePath}\u0000${match}`);
  }
  return errors.filter(
    (e) =>
      !(
        e.keyword === 'required' &&
        typoTargets.has(`${e.instancePath}\u0000${String(e.params.missingProperty)}`)
      ),
  );
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The parts of the failing schema the messages quote. */
interface ParentSchema {
  properties?: Record<string, unknown>;
  description?: string;
  enum?: unknown[];
  propertyNames?: {enum?: string[]};
}

/** One Ajv error in plain English: its code (after the prefix), message, suggestion, and the key it is about. */
interface ErrorText {
  code: string;
  message: string;
  suggestion?: string;
  /** The error is about this key of the object at the error's path (an unknown or misnamed key). */
  key?: string;
}

type Describer = (error: ErrorObject, params: Record<string, unknown>, parent: ParentSchema) => ErrorText;

const outOfRange: Describer = (error, params) => ({
  code: 'OUT_OF_RANGE',
  message: `must be ${String(params.comparison)} ${String(params.limit)}, found ${JSON.stringify(error.data)}`,
});

const notOneOfTheForms: Describer = (_error, _params, parent) => ({
  code: 'WRONG_TYPE',
  message: `must be ${parent.description ? parent.description.replace(/\.$/, '') : 'one of the allowed forms'}`,
});

/** How each Ajv keyword's error reads; a keyword not listed says Ajv's own message, as SCHEMA. */
const DESCRIBERS = new Map<string, Describer>([
  [
    'additionalProperties',
    (_error, params, parent) => {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {}).filter((k) => k !== '$schema');
      const match = closestMatch(key, allowed);
      return {
        code: 'UNKNOWN_KEY',
        key,
        message: `unknown key "${key}"${match ? ` (did you mean "${match}"?)` : ''}`,
        suggestion: match ? `Rename "${key}" to "${match}".` : `Allowed keys here: ${allowed.join(', ')}.`,
      };
    },
  ],
  [
    'required',
    (_error, params) => ({
      code: 'MISSING_KEY',
      message: `missing required key "${String(params.missingProperty)}"`,
      suggestion: `Add "${String(params.missingProperty)}".`,
    }),
  ],
  [
    'type',
    (error, params) => ({
      code: 'WRONG_TYPE',
      message: `must be ${article(String(params.type).replace(',', ' or '))}, found ${article(typeOf(error.data))}`,
    }),
  ],
  [
    'enum',
    (error, params) => {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const match = typeof error.data === 'string' ? closestMatch(error.data, allowed) : undefined;
      return {
        code: 'NOT_ALLOWED',
        message: `${JSON.stringify(error.data)} is not allowed${match ? ` (did you mean "${match}"?)` : ''}; use one of: ${allowed.join(', ')}`,
        ...(match ? {suggestion: `Use "${match}".`} : {}),
      };
    },
  ],
  [
    'propertyNames',
    (_error, params, parent) => {
      const key = String(params.propertyName);
      const allowed =
        (params.allowedValues as unknown[] | undefined)?.map(String) ?? parent.propertyNames?.enum;
      const match = allowed ? closestMatch(key, allowed) : undefined;
      return {
        code: 'UNKNOWN_KEY',
        key,
        message: `"${key}" is not a valid name here${match ? ` (did you mean "${match}"?)` : ''}${allowed ? `; use one of: ${allowed.join(', ')}` : ''}`,
        ...(match ? {suggestion: `Rename "${key}" to "${match}".`} : {}),
      };
    },
  ],
  [
    'const',
    (_error, params) => ({code: 'NOT_ALLOWED', message: `must be ${JSON.stringify(params.allowedValue)}`}),
  ],
  [
    'minItems',
    (_error, params) => ({
      code: 'EMPTY',
      message: params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} items`,
    }),
  ],
  [
    'minLength',
    (_error, params) => ({
      code: 'EMPTY',
      message:
        params.limit === 1
          ? 'must not be an empty string'
          : `must be at least ${String(params.limit)} characters`,
    }),
  ],
  ['minimum', outOfRange],
  ['maximum', outOfRange],
  ['exclusiveMinimum', outOfRange],
  ['exclusiveMaximum', outOfRange],
  [
    'pattern',
    (error, params, parent) => ({
      code: 'BAD_FORMAT',
      message: `${JSON.stringify(error.data)} does not match the expected form${parent.description ? ` (${parent.description})` : ` ${String(params.pattern)}`}`,
    }),
  ],
  ['oneOf', notOneOfTheForms],
  ['anyOf', notOneOfTheForms],
  [
    'uniqueItems',
    (_error, params) => ({
      code: 'DUPLICATE',
      message: `must not repeat items (items ${String(params.j)} and ${String(params.i)} are the same)`,
    }),
  ],
]);

function describeError(error: ErrorObject, options: ValidateOptions): Diagnostic {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as ParentSchema;
  const text = DESCRIBERS.get(error.keyword)?.(error, params, parent) ?? {
    code: 'SCHEMA',
    message: error.message ?? 'is not valid',
  };
  const base = [...(options.pathPrefix ?? []), ...segmentsFromPointer(error.instancePath)];
  const locateKey = text.key !== undefined;
  const segments = text.key === undefined ? base : [...base, text.key];
  const path = formatPath(segments);
  const where =
    options.locate?.(segments, {key: locateKey}) ?? (locateKey ? options.locate?.(base) : undefined);
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: `${options.codePrefix ?? 'SCHEMA'}_${text.code}`,
    message: text.message,
  };
  if (options.file) diagnostic.file = options.file;
  if (where) {
    diagnostic.line = where.line;
    diagnostic.column = where.column;
  }
  if (path) diagnostic.path = path;
  if (text.suggestion) diagnostic.suggestion = text.suggestion;
  return diagnostic;
}
