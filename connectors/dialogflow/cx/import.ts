import {
  type ConnectorContext,
  type ImportSource,
  SynthnluError,
  emptyDataset,
  defaultLanguageFirst,
  otherLanguagesOf,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Intent,
  type Utterance,
} from '../../../src/connector-kit.js';
import {blobExportError, isCxBlobExport} from './blob.js';
import {findCxLayout, type CxLayout, type CxResourceFiles} from './layout.js';
import {cxMeta} from './metadata.js';
import {linkEntityLanguageForms} from '../shared/languages.js';
import {parseCxJson, readCxJson} from './read-json.js';
import {canonicalPrebuilt} from './system-entities.js';
import type {
  CxAgent,
  CxAgentMetadata,
  CxEntitiesFile,
  CxEntity,
  CxEntityMetadata,
  CxEntityType,
  CxExcludedPhrasesFile,
  CxIntent,
  CxIntentMetadata,
  CxParameter,
  CxTrainingPhrase,
  CxTrainingPhrasesFile,
  CxUtteranceMetadata,
} from './types.js';

/** Reads a Dialogflow CX agent package (export zip or folder) into the canonical model. */
export async function importCxAgent(source: ImportSource, context: ConnectorContext): Promise<Dataset> {
  if (await isCxBlobExport(source)) throw blobExportError(source.path);
  const layout = findCxLayout(source);
  if (!layout || (layout.intents.length === 0 && layout.entityTypes.length === 0)) {
    throw new SynthnluError(
      'DIALOGFLOW_CX_NO_AGENT',
      'no Dialogflow CX agent here (no intents/<name>/<name>.json or entityTypes/<name>/<name>.json)',
      {
        location: {file: source.path},
        suggestion:
          'Give the JSON package export of the agent (console: Agent settings > Export, data format "JSON package"), zipped or unzipped.',
      },
    );
  }
  const agentText = layout.agentFile ? await source.readText(layout.agentFile) : undefined;
  const agent = agentText === undefined ? undefined : parseCxJson(agentText, layout.agentFile!);
  if (agent !== undefined) failOnSchema(context, 'dialogflow-cx-agent.schema.json', agent, layout.agentFile!);
  const defaultLanguage = (agent as CxAgent | undefined)?.defaultLanguageCode;
  const language = defaultLanguage || mostCommonLanguage(layout) || 'en';
  const name = source.path
    .replace(/[/\\]+$/, '')
    .replace(/^.*[/\\]/, '')
    .replace(/\.zip$/i, '');
  const dataset = emptyDataset(language, name || undefined);
  // A multi-language agent: trainingPhrases/<lang>.json and entities/<lang>.json per language.
  const found = [...layout.intents, ...layout.entityTypes].flatMap((files) =>
    ['trainingPhrases', 'entities'].flatMap((sub) => [...(files.byLanguage.get(sub)?.keys() ?? [])]),
  );
  const others = otherLanguagesOf(found, language, (agent as CxAgent | undefined)?.supportedLanguageCodes);
  if (others.length > 0) dataset.languages = [language, ...others];
  const agentMeta: CxAgentMetadata = {};
  if (agentText !== undefined) agentMeta.agent = agentText;
  if (layout.otherFiles.length > 0) {
    agentMeta.files = {};
    for (const rel of layout.otherFiles) agentMeta.files[rel] = await source.readText(layout.root + rel);
    warnNotTrainingData(layout.otherFiles, context, source.path);
  }
  if (Object.keys(agentMeta).length > 0) dataset.metadata = {dialogflowCx: agentMeta};

  const custom = new Map<string, Entity>();
  for (const files of layout.entityTypes) {
    const entity = await readEntityType(source, files, language, context);
    linkEntityLanguageForms(
      entity,
      cxMeta<CxEntityMetadata>(entity)?.otherLanguages,
      others,
      context,
      source.path,
      {
        code: 'DIALOGFLOW_CX_LANGUAGE_ENTRIES_KEPT',
        noun: 'entity type',
        formatId: 'dialogflow-cx',
      },
    );
    custom.set(entity.name, entity);
    dataset.entities.push(entity);
  }
  const resolver = new ParameterResolver(dataset, custom);
  for (const files of layout.intents) {
    const intentFile = await readCxJson<CxIntent>(
      source,
      files.file,
      'dialogflow-cx-intent.schema.json',
      context,
    );
    const intent: Intent = {name: intentFile.displayName};
    if (intentFile.description) intent.description = intentFile.description;
    const meta: CxIntentMetadata = {intent: intentFile, folder: files.folder};
    const parameters = new Map((intentFile.parameters ?? []).map((p) => [p.id, p]));
    for (const [lang, file] of defaultLanguageFirst(files.byLanguage.get('trainingPhrases'), language)) {
      const {trainingPhrases} = await readCxJson<CxTrainingPhrasesFile>(
        source,
        file,
        'dialogflow-cx-training-phrases.schema.json',
        context,
      );
      // A multi-language agent: every utterance says its language, the default one's too.
      const primary = sameLanguage(lang, language);
      const tag = others.length > 0 ? (primary ? language : lang) : undefined;
      for (const phrase of trainingPhrases) {
        const utterance = utteranceFrom(phrase, intent.name, tag, parameters, resolver, context, file);
        if (utterance) dataset.utterances.push(utterance);
      }
    }
    intent.metadata = {dialogflowCx: meta};
    dataset.intents.push(intent);
  }
  warnCxOnlySettings(dataset, context, source.path);
  return dataset;
}

function failOnSchema(context: ConnectorContext, schema: string, value: unknown, file: string): void {
  const errors = context.validate(schema, value, file).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new SynthnluError(errors[0]!.code, errors[0]!.message, {
      diagnostics: errors,
      location: {file, ...(errors[0]!.path ? {path: errors[0]!.path} : {})},
    });
  }
}

/** The one warning that names what is not training data: kept for CX, absent from any other format. */
function warnNotTrainingData(files: readonly string[], context: ConnectorContext, path: string): void {
  const counts = new Map<string, number>();
  for (const file of files) {
    const parts = file.split('/');
    const nested = parts.find((p) => p === 'pages' || p === 'transitionRouteGroups');
    const kind = nested ?? (parts.length > 1 ? parts[0]! : file);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const listed = [...counts]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${kind} (${n} file${n === 1 ? '' : 's'})`)
    .join(', ');
  context.warn({
    code: 'DIALOGFLOW_CX_NOT_TRAINING_DATA',
    message: `not training data, kept untouched for an export back to dialogflow-cx and left out of any other format: ${listed}`,
    file: path,
  });
}

/**
 * The one warning that names what only CX carries among the training data itself (the rest of the agent has
 * its own warning): kept in metadata for an export back to CX, absent from any other format.
 */
function warnCxOnlySettings(dataset: Dataset, context: ConnectorContext, path: string): void {
  const found: string[] = [];
  const listed = (what: string, names: string[]): void => {
    if (names.length === 0) return;
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
    found.push(`${what} (${shown})`);
  };
  const entityMeta = dataset.entities.map((e) => ({name: e.name, meta: cxMeta<CxEntityMetadata>(e)}));
  const intentMeta = dataset.intents.map((i) => ({
    name: i.name,
    intent: cxMeta<CxIntentMetadata>(i)?.intent,
  }));
  const withPhrases = new Set(dataset.utterances.map((u) => u.intent));
  listed(
    'negative examples: training phrases of fallback intents, which other formats would read as an intent',
    intentMeta.filter((i) => i.intent?.isFallback && withPhrases.has(i.name)).map((i) => i.name),
  );
  listed(
    'excluded phrases of entity types',
    entityMeta.filter((e) => e.meta?.excludedPhrases).map((e) => e.name),
  );
  listed(
    'entries of entity types with automatic expansion or KIND_LIST (free-form elsewhere)',
    entityMeta
      .filter(
        (e) =>
          e.meta?.entities &&
          (e.meta.entityType?.autoExpansionMode || e.meta.entityType?.kind === 'KIND_LIST'),
      )
      .map((e) => e.name),
  );
  listed(
    'redaction of entity types',
    entityMeta.filter((e) => e.meta?.entityType?.redact).map((e) => e.name),
  );
  listed(
    'redaction of parameters',
    intentMeta.flatMap((i) =>
      (i.intent?.parameters ?? []).filter((p) => p.redact).map((p) => `${i.name}.${p.id}`),
    ),
  );
  listed(
    'intent labels',
    intentMeta.filter((i) => i.intent?.labels !== undefined).map((i) => i.name),
  );
  listed(
    'intent priorities',
    intentMeta
      .filter((i) => i.intent?.priority !== undefined && i.intent.priority !== 500000)
      .map((i) => i.name),
  );
  if (found.length === 0) return;
  context.warn({
    code: 'DIALOGFLOW_CX_ONLY_SETTINGS',
    message: `only dialogflow-cx carries these, kept for an export back to it and left out of any other format: ${found.join('; ')}`,
    file: path,
  });
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function mostCommonLanguage(layout: CxLayout): string | undefined {
  const counts = new Map<string, number>();
  for (const files of [...layout.intents, ...layout.entityTypes])
    for (const byLang of files.byLanguage.values())
      for (const lang of byLang.keys()) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function readEntityType(
  source: ImportSource,
  files: CxResourceFiles,
  language: string,
  context: ConnectorContext,
): Promise<Entity> {
  const type = await readCxJson<CxEntityType>(
    source,
    files.file,
    'dialogflow-cx-entity-type.schema.json',
    context,
  );
  const meta: CxEntityMetadata = {entityType: type, folder: files.folder};
  let entries: CxEntity[] = [];
  for (const [lang, file] of files.byLanguage.get('entities') ?? []) {
    const {entities} = await readCxJson<CxEntitiesFile>(
      source,
      file,
      'dialogflow-cx-entities.schema.json',
      context,
    );
    if (sameLanguage(lang, language)) entries = entities;
    else (meta.otherLanguages ??= {})[lang] = entities;
  }
  for (const [lang, file] of files.byLanguage.get('excludedPhrases') ?? []) {
    const {excludedPhrases} = await readCxJson<CxExcludedPhrasesFile>(
      source,
      file,
      'dialogflow-cx-excluded-phrases.schema.json',
      context,
    );
    (meta.excludedPhrases ??= {})[lang] = excludedPhrases;
  }
  const name = type.displayName;
  let entity: Entity;
  if (type.kind === 'KIND_REGEXP') {
    entity = {name, kind: 'regex', patterns: entries.map((e) => e.value)};
  } else if (type.kind === 'KIND_LIST') {
    // List entity types hold entries that map to no canonical value, often references to other types
    // ("@sys.number @unit"): free-form for the model, kept verbatim for CX.
    entity = {name, kind: 'ml'};
  } else if (type.autoExpansionMode === 'AUTO_EXPANSION_MODE_DEFAULT') {
    // Automatic expansion matches values beyond the entries: free-form, as Dialogflow ES's automated expansion.
    entity = {name, kind: 'ml'};
  } else {
    entity = {
      name,
      kind: 'list',
      values: entries.map((entry) => {
        const synonyms = [
          ...new Set((entry.synonyms ?? []).filter((s) => s !== entry.value && s.length > 0)),
        ];
        return synonyms.length > 0 ? {value: entry.value, synonyms} : {value: entry.value};
      }),
    };
    if (type.enableFuzzyExtraction !== undefined) entity.fuzzy = type.enableFuzzyExtraction;
  }
  if (entries.length > 0) meta.entities = entries;
  entity.metadata = {dialogflowCx: meta};
  return entity;
}

/** Turns an annotated part's parameter into the canonical entity (and role) of its span. */
class ParameterResolver {
  readonly #prebuilt = new Map<string, Entity>();
  /** By language ("" for the default one): each entity's lower-cased form -> value. */
  readonly #values = new Map<string, Map<string, Map<string, string>>>();

  constructor(
    private readonly dataset: Dataset,
    private readonly custom: Map<string, Entity>,
  ) {}

  /** What each entity's forms mean in a language: list values' forms, and free-form KIND_MAP entries. */
  #valuesIn(language: string | undefined): Map<string, Map<string, string>> {
    const key = language === undefined || sameLanguage(language, this.dataset.language) ? '' : language;
    const known = this.#values.get(key);
    if (known) return known;
    const maps = new Map<string, Map<string, string>>();
    for (const entity of this.custom.values()) {
      const meta = cxMeta<CxEntityMetadata>(entity);
      // Free-form entities keep their entries in metadata: they still say what a surface form means.
      const entries =
        entity.kind === 'list'
          ? (entity.values ?? []).map((v) => ({
              value: v.value,
              synonyms: key === '' ? v.synonyms : v.synonymsByLanguage?.[key],
            }))
          : meta?.entityType?.kind === 'KIND_MAP'
            ? ((key === '' ? meta.entities : meta.otherLanguages?.[key]) ?? [])
            : [];
      const map = new Map<string, string>();
      for (const v of entries)
        for (const form of [v.value, ...(v.synonyms ?? [])])
          if (!map.has(form.toLowerCase())) map.set(form.toLowerCase(), v.value);
      if (map.size > 0) maps.set(entity.name, map);
    }
    this.#values.set(key, maps);
    return maps;
  }

  resolve(parameter: CxParameter): {entity: string; role?: string} {
    const type = parameter.entityType.replace(/^@/, '');
    if (!type.startsWith('sys.')) {
      if (!this.custom.has(type)) {
        // A type the package does not define (a prebuilt component's, or a partial export): free-form.
        const entity: Entity = {name: type, kind: 'ml'};
        this.custom.set(type, entity);
        this.dataset.entities.push(entity);
      }
      return parameter.id !== type ? {entity: type, role: parameter.id} : {entity: type};
    }
    const fits = (n: string): boolean =>
      !this.custom.has(n) &&
      (!this.#prebuilt.has(n) || cxMeta<CxEntityMetadata>(this.#prebuilt.get(n)!)?.sys === type);
    // Parameter ids become entity names (departure-month); a clash with another type keeps the id as a role.
    const short = type.slice(4);
    const name = fits(parameter.id) ? parameter.id : fits(short) ? short : `sys-${short}`;
    if (!this.#prebuilt.has(name)) {
      const entity: Entity = {name, kind: 'prebuilt', prebuilt: canonicalPrebuilt(type)};
      const meta: CxEntityMetadata = {sys: type};
      entity.metadata = {dialogflowCx: meta};
      this.#prebuilt.set(name, entity);
      this.dataset.entities.push(entity);
    }
    return name === parameter.id ? {entity: name} : {entity: name, role: parameter.id};
  }

  /** The canonical value a list entity gives this surface form, when it differs from the text. */
  valueOf(entity: string, surface: string, language: string | undefined): string | undefined {
    const value = this.#valuesIn(language).get(entity)?.get(surface.toLowerCase());
    return value !== undefined && value !== surface ? value : undefined;
  }
}

/** Joins the parts; annotated parts become spans at their UTF-16 offsets in the joined text. */
function utteranceFrom(
  phrase: CxTrainingPhrase,
  intent: string,
  language: string | undefined,
  parameters: Map<string, CxParameter>,
  resolver: ParameterResolver,
  context: ConnectorContext,
  file: string,
): Utterance | undefined {
  let text = '';
  const spans: EntitySpan[] = [];
  const meta: CxUtteranceMetadata = {};
  let previousPlain = false;
  for (const part of phrase.parts) {
    const start = text.length;
    text += part.text;
    const end = text.length;
    if (part.auto) (meta.auto ??= []).push([start, end]);
    const plain = !part.parameterId || end === start;
    if (plain && previousPlain && start > 0) (meta.breaks ??= []).push(start);
    previousPlain = plain;
    if (plain) continue;
    const parameter =
      parameters.get(part.parameterId!) ?? undeclared(part.parameterId!, intent, context, file);
    const {entity, role} = resolver.resolve(parameter);
    const span: EntitySpan = {entity, start, end};
    const value = resolver.valueOf(entity, part.text, language);
    if (value !== undefined) span.value = value;
    if (role) span.role = role;
    spans.push(span);
  }
  if (text.length === 0) return undefined;
  if (phrase.id !== undefined) meta.id = phrase.id;
  if (phrase.repeatCount !== undefined && phrase.repeatCount !== 1) meta.repeatCount = phrase.repeatCount;
  const utterance: Utterance = {text, intent, ...(language ? {language} : {}), source: 'imported'};
  if (spans.length > 0) utterance.entities = spans;
  if (Object.keys(meta).length > 0) utterance.metadata = {dialogflowCx: meta};
  return utterance;
}

function undeclared(id: string, intent: string, context: ConnectorContext, file: string): CxParameter {
  context.warn({
    code: 'DIALOGFLOW_CX_UNDECLARED_PARAMETER',
    message: `intent "${intent}" annotates parts with parameter "${id}", which its intent file does not declare; read as a free-form entity`,
    file,
  });
  return {id, entityType: `@${id}`};
}
