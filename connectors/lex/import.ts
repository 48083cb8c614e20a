import {
  type ConnectorContext,
  type Dataset,
  emptyDataset,
  type ImportSource,
  type Intent,
  mergeLanguages,
  SynthnluError,
} from '../../src/connector-kit.js';
import {checkedJson} from './json-text.js';
import {findLexLayout, type LexLocaleFiles} from './layout.js';
import {
  FALLBACK_SIGNATURE,
  type LexIntentModel,
  type LexSlotTypeModel,
  NONE_INTENT,
  readLocale,
} from './model.js';
import {languageOf, nameFromDescription} from './names.js';
import {
  LEX_METADATA_KEY,
  type LexBot,
  type LexBotLocale,
  type LexBotMetadata,
  type LexEntityMetadata,
  type LexIntent,
  type LexIntentMetadata,
  type LexLocaleMetadata,
  lexMeta,
  type LexSlot,
  type LexSlotType,
} from './types.js';

/** The slot type model of a SlotType.json. */
export function slotTypeModel(type: LexSlotType): LexSlotTypeModel {
  const {name, description} = nameFromDescription(type.name, type.description);
  const model: LexSlotTypeModel = {
    lexName: type.name,
    name,
    ...(description ? {description} : {}),
    values: (type.slotTypeValues ?? []).map((v) => ({
      value: v.sampleValue.value,
      synonyms: [
        ...new Set(
          (v.synonyms ?? []).map((s) => s.value).filter((s) => s.trim() !== '' && s !== v.sampleValue.value),
        ),
      ],
    })),
  };
  const setting = type.valueSelectionSetting;
  if (setting?.resolutionStrategy) model.strategy = setting.resolutionStrategy;
  if (setting?.regexFilter?.pattern) model.regex = setting.regexFilter.pattern;
  if (type.parentSlotTypeSignature) model.parent = type.parentSlotTypeSignature;
  return model;
}

/** The intent model of an Intent.json and its slots. */
export function intentModel(intent: LexIntent, slots: readonly LexSlot[]): LexIntentModel {
  const fallback = intent.parentIntentSignature === FALLBACK_SIGNATURE;
  return {
    lexName: intent.name,
    name: fallback ? NONE_INTENT : nameFromDescription(intent.name, intent.description).name,
    samples: (intent.sampleUtterances ?? []).map((s) => s.utterance),
    slots: new Map(slots.map((s) => [s.name, s.slotTypeName])),
  };
}

/** The locale a dataset holds: the only one, else en_US, else the first by name. */
export function chooseLocale(locales: readonly string[], wanted?: string): string | undefined {
  if (wanted && locales.includes(wanted)) return wanted;
  return locales.length === 1 ? locales[0] : locales.includes('en_US') ? 'en_US' : [...locales].sort()[0];
}

function noBot(path: string): SynthnluError {
  return new SynthnluError('LEX_NO_BOT', 'no Amazon Lex V2 bot here (no <bot>/Bot.json with BotLocales/)', {
    location: {file: path},
    suggestion:
      'Give the bot as Lex exports it (console: Bots > Actions > Export, format "Lex JSON"; or CreateExport), zipped or unzipped.',
  });
}

/**
 * Reads a Lex V2 JSON export (zip or folder) into the canonical model. A bot with several locales is a
 * multi-language dataset: one language per locale (languageOf: en_US → en, es_US → es, es_ES → es-ES), the
 * primary chosen by chooseLocale, each utterance tagged with its locale's language; the other locales' own
 * files (BotLocale.json, Intent.json, Slot.json, SlotType.json) are kept in metadata.lex.locales.
 */
export async function importLexBot(source: ImportSource, context: ConnectorContext): Promise<Dataset> {
  const layout = findLexLayout(source);
  if (!layout || layout.locales.size === 0) throw noBot(source.path);
  const meta: LexBotMetadata = {botFolder: layout.botFolder};
  if (layout.manifest) {
    meta.manifest = await source.readText(layout.manifest);
    checkedJson(meta.manifest, layout.manifest, 'lex-manifest.schema.json', context);
  }
  let botName = layout.botFolder;
  if (layout.botFile) {
    meta.bot = await source.readText(layout.botFile);
    botName = checkedJson<LexBot>(meta.bot, layout.botFile, 'lex-bot.schema.json', context).name;
  }
  const locale = chooseLocale([...layout.locales.keys()])!;
  meta.locale = locale;
  const files: Record<string, string> = {};
  for (const rel of layout.otherFiles) files[rel] = await source.readText(layout.root + rel);
  const others = [...layout.locales.keys()].filter((l) => l !== locale).sort();
  for (const other of others)
    for (const rel of layout.locales.get(other)!.otherFiles)
      files[rel] = await source.readText(layout.root + rel);
  const chosen = layout.locales.get(locale)!;
  for (const rel of chosen.otherFiles) files[rel] = await source.readText(layout.root + rel);
  if (Object.keys(files).length > 0) meta.files = files;

  const read = (id: string) =>
    readLexLocale(source, layout.locales.get(id)!, emptyDataset(languageOf(id), botName), context);
  const primary = await read(locale);
  if (primary.localeFile !== undefined) meta.localeFile = primary.localeFile;
  const parts = [{language: languageOf(locale), dataset: primary.dataset}];
  for (const other of others) {
    const part = await read(other);
    warnUnmatchedValues(primary.dataset, part.dataset, locale, other, context);
    (meta.locales ??= {})[other] = localeMetadata(part);
    parts.push({language: languageOf(other), dataset: part.dataset});
  }
  const dataset = mergeLanguages(parts);
  dataset.metadata = {lex: meta};
  if (primary.description) dataset.description = primary.description;
  warnings(dataset, source.path, context);
  return dataset;
}

/**
 * A list value of another locale's slot type is that language's forms of the primary locale's value with the
 * same sampleValue (as synthnlu's export writes them); a value the primary locale's slot type lacks has no
 * place in the dataset, and is named here.
 */
function warnUnmatchedValues(
  primary: Dataset,
  other: Dataset,
  primaryLocale: string,
  otherLocale: string,
  context: ConnectorContext,
): void {
  for (const entity of other.entities) {
    const own = primary.entities.find((e) => e.name === entity.name);
    const known = new Set((own?.values ?? []).map((v) => v.value));
    const lost = (entity.values ?? []).filter((v) => !known.has(v.value)).map((v) => v.value);
    if (lost.length === 0) continue;
    context.warn({
      code: 'LEX_LOCALE_VALUES_UNMATCHED',
      message: `slot type "${entity.name}" of ${otherLocale} has ${lost.length} value${lost.length === 1 ? '' : 's'} its ${primaryLocale} slot type lacks (${lost
        .slice(0, 3)
        .map((v) => `"${v}"`)
        .join(
          ', ',
        )}${lost.length > 3 ? ', ...' : ''}): left out, since another locale's values are read as the forms of the ${primaryLocale} value with the same sampleValue`,
      suggestion: `Give the ${otherLocale} values the sampleValue of their ${primaryLocale} value, with the ${otherLocale} words as synonyms.`,
    });
  }
}

/** One locale into a one-language dataset, with its BotLocale.json as exported and its description. */
async function readLexLocale(
  source: ImportSource,
  chosen: LexLocaleFiles,
  dataset: Dataset,
  context: ConnectorContext,
): Promise<{dataset: Dataset; localeFile?: string; description?: string}> {
  let localeFile: string | undefined;
  let description: string | undefined;
  if (chosen.localeFile) {
    localeFile = await source.readText(chosen.localeFile);
    const localeJson = checkedJson<LexBotLocale>(
      localeFile,
      chosen.localeFile,
      'lex-bot-locale.schema.json',
      context,
    );
    if (localeJson.description) description = localeJson.description;
  }
  const {types, typeMeta} = await readSlotTypes(source, chosen, context);
  const intents: Array<{model: LexIntentModel; intent: Intent}> = [];
  for (const [folder, files] of chosen.intents) {
    const text = await source.readText(files.file);
    const json = checkedJson<LexIntent>(text, files.file, 'lex-intent.schema.json', context);
    const slots: LexSlot[] = [];
    const slotMeta: Record<string, {folder: string; text: string}> = {};
    for (const [slotFolder, file] of files.slots) {
      const slotText = await source.readText(file);
      const slot = checkedJson<LexSlot>(slotText, file, 'lex-slot.schema.json', context);
      slots.push(slot);
      slotMeta[slot.name] = {folder: slotFolder, text: slotText};
    }
    const model = intentModel(json, slots);
    const intent: Intent = {name: model.name};
    const description = nameFromDescription(json.name, json.description).description;
    if (description && model.name !== NONE_INTENT) intent.description = description;
    const intentMeta: LexIntentMetadata = {lexName: json.name, folder, text, slots: slotMeta};
    intent.metadata = {lex: intentMeta};
    intents.push({model, intent});
  }
  const data = readLocale(
    intents.map((i) => i.model),
    types,
  );
  for (const entity of data.entities) {
    const m = typeMeta.get(entity.name);
    if (m) entity.metadata = {lex: m};
  }
  dataset.intents = intents.map((i) => i.intent);
  dataset.entities = data.entities;
  dataset.utterances = data.utterances;
  return {
    dataset,
    ...(localeFile !== undefined ? {localeFile} : {}),
    ...(description ? {description} : {}),
  };
}

/**
 * What a locale other than the primary keeps of its files, by intent and entity name; its intents and
 * entities lose their own metadata.lex, so the primary locale's files stay the only ones on the dataset's.
 */
function localeMetadata(part: {dataset: Dataset; localeFile?: string}): LexLocaleMetadata {
  const out: LexLocaleMetadata = {intents: {}, entities: {}};
  if (part.localeFile !== undefined) out.localeFile = part.localeFile;
  for (const [list, kept] of [
    [part.dataset.intents, out.intents],
    [part.dataset.entities, out.entities],
  ] as const)
    for (const item of list) {
      const own = lexMeta<LexIntentMetadata & LexEntityMetadata>(item);
      if (!own) continue;
      kept[item.name] = own;
      const {[LEX_METADATA_KEY]: _lex, ...rest} = item.metadata ?? {};
      if (Object.keys(rest).length > 0) item.metadata = rest;
      else delete item.metadata;
    }
  return out;
}

async function readSlotTypes(
  source: ImportSource,
  files: LexLocaleFiles,
  context: ConnectorContext,
): Promise<{types: LexSlotTypeModel[]; typeMeta: Map<string, LexEntityMetadata>}> {
  const types: LexSlotTypeModel[] = [];
  const typeMeta = new Map<string, LexEntityMetadata>();
  for (const [folder, file] of files.slotTypes) {
    const text = await source.readText(file);
    const json = checkedJson<LexSlotType>(text, file, 'lex-slot-type.schema.json', context);
    const model = slotTypeModel(json);
    types.push(model);
    typeMeta.set(model.name, {lexName: json.name, folder, text});
  }
  return {types, typeMeta};
}

function warnings(dataset: Dataset, path: string, context: ConnectorContext): void {
  const filled = dataset.utterances.filter((u) => u.source === 'template').length;
  if (filled > 0)
    context.warn({
      code: 'LEX_TEMPLATES_FILLED',
      severity: 'info',
      message: `${filled} utterance${filled === 1 ? '' : 's'} come from sample utterances with {slot} references, filled with the slot types' values (Lex samples name slots, they do not annotate values); an export back to lex writes the templates again`,
      file: path,
    });
  context.warn({
    code: 'LEX_NOT_TRAINING_DATA',
    message:
      'prompts, code hooks, confirmation and closing settings, conditional branching, contexts, slot elicitation and bot settings are not training data: kept for an export back to lex and left out of any other format',
    file: path,
  });
}
