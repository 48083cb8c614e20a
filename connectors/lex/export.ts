import {createHash} from 'node:crypto';
import {
  type ConnectorContext,
  type Dataset,
  emptyDataset,
  type Entity,
  type EntitySpan,
  type ExportOptions,
  intentNames,
  type OutputFile,
  project,
  type Utterance,
  datasetInLanguage,
  datasetLanguages,
  ExitCode,
  SynthnluError,
} from '../../src/connector-kit.js';
import {intentModel, slotTypeModel} from './import.js';
import {keptOrWritten, parseLexJson} from './json-text.js';
import {FALLBACK_SIGNATURE, type LexIntentModel, NONE_INTENT, readLocale} from './model.js';
import {LEX_MAX_SAMPLES_PER_INTENT, LEX_MAX_UTTERANCE_LENGTH} from './limits.js';
import {
  builtinOfCanonical,
  clip,
  describeWithName,
  languageOf,
  lexNames,
  lexSafeName,
  localeOf,
} from './names.js';
import {
  LEX_METADATA_KEY,
  type LexBot,
  type LexBotLocale,
  type LexBotMetadata,
  type LexEntityMetadata,
  type LexIntent,
  type LexIntentMetadata,
  lexMeta,
  type LexSlot,
  type LexSlotPriority,
  type LexSlotType,
  type LexSlotTypeValue,
  type LexUtteranceMetadata,
} from './types.js';

export const MANIFEST = {metaData: {schemaVersion: '1', fileFormat: 'LexJson', resourceType: 'BOT'}};

/** A Lex-style resource id (10 upper-case letters and digits) derived from names: the same dataset, the same bytes. */
export function stableId(...parts: string[]): string {
  const digest = createHash('sha1').update(parts.join('\u0000')).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...digest.subarray(0, 10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Everything an export writes for one locale, before it becomes files (push uses the same). */
export interface LexLocaleExport {
  botName: string;
  botFolder: string;
  locale: string;
  /** Intents in order, with their JSON, their slots' JSON and the original texts. */
  intents: Array<{
    name: string;
    json: LexIntent;
    original?: string;
    folder: string;
    slots: Array<{json: LexSlot; original?: string; folder: string}>;
  }>;
  slotTypes: Array<{name: string; json: LexSlotType; original?: string; folder: string}>;
}

function spansOf(u: Utterance): EntitySpan[] {
  const sorted = [...(u.entities ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntitySpan[] = [];
  let last = 0;
  for (const span of sorted) {
    if (span.start < last || span.end <= span.start || span.end > u.text.length) continue;
    out.push(span);
    last = span.end;
  }
  return out;
}

const noBraces = (text: string): string => text.replace(/[{}]/g, '');

/**
 * A folder name kept in metadata, when it is one plain path segment; else the Lex name. Metadata comes with the
 * dataset, from anyone: it never makes a file land outside the bot's folders.
 */
function safeFolder(kept: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what folder names must not hold
  return kept !== undefined && kept !== '.' && kept !== '..' && /^[^/\\\u0000-\u001f:]+$/.test(kept)
    ? kept
    : fallback;
}

/** Builds the locale's intents and slot types from the dataset, keeping every stored file's other settings. */
export function buildLocale(dataset: Dataset, options: ExportOptions = {}): LexLocaleExport {
  const meta = lexMeta<LexBotMetadata>(dataset);
  const storedLocale = meta?.locale;
  const locale =
    storedLocale &&
    languageOf(storedLocale).split('-')[0] === dataset.language.split('-')[0] &&
    localeOf(dataset.language) === localeOf(languageOf(storedLocale))
      ? storedLocale
      : localeOf(dataset.language);
  const storedBot = meta?.bot ? (parseLexJson(meta.bot, 'Bot.json') as LexBot) : undefined;
  const botName = storedBot?.name ?? lexSafeName(options.name ?? dataset.name ?? 'synthnlu-bot');
  const botFolder = safeFolder(meta?.botFolder, botName);
  const entities = new Map(dataset.entities.map((e) => [e.name, e]));

  // Slot types: custom entities, named as stored or made Lex-safe.
  const custom = dataset.entities.filter((e) => e.kind !== 'prebuilt');
  for (const u of dataset.utterances)
    for (const s of u.entities ?? [])
      if (!entities.has(s.entity)) {
        const entity: Entity = {name: s.entity, kind: 'ml'};
        entities.set(s.entity, entity);
        custom.push(entity);
      }
  const taken = new Set<string>();
  for (const e of custom) {
    const stored = lexMeta<LexEntityMetadata>(e)?.lexName;
    if (stored) taken.add(stored.toLowerCase());
  }
  const fresh = lexNames(
    custom.filter((e) => !lexMeta<LexEntityMetadata>(e)?.lexName).map((e) => e.name),
    taken,
  );
  const typeName = new Map(
    custom.map((e) => [e.name, lexMeta<LexEntityMetadata>(e)?.lexName ?? fresh.get(e.name)!]),
  );

  const slotTypeOf = (span: EntitySpan): string => {
    const entity = entities.get(span.entity)!;
    if (entity.kind === 'prebuilt')
      return lexMeta<LexEntityMetadata>(entity)?.slotType ?? builtinOfCanonical(entity.prebuilt);
    return typeName.get(entity.name)!;
  };
  const slotBase = (span: EntitySpan): string => {
    const entity = entities.get(span.entity)!;
    if (span.role) return span.role;
    if (entity.kind === 'prebuilt') return lexMeta<LexEntityMetadata>(entity)?.slot ?? entity.name;
    return typeName.get(entity.name)!;
  };

  const byIntent = new Map<string, Utterance[]>();
  for (const u of dataset.utterances)
    (byIntent.get(u.intent) ?? byIntent.set(u.intent, []).get(u.intent)!).push(u);
  const declared = new Map(dataset.intents.map((i) => [i.name, i]));
  const names = intentNames(dataset);
  if (!names.includes(NONE_INTENT)) names.push(NONE_INTENT);
  const intentTaken = new Set<string>(['fallbackintent']);
  for (const n of names) {
    const stored = declared.get(n) ? lexMeta<LexIntentMetadata>(declared.get(n)!)?.lexName : undefined;
    if (stored && n !== NONE_INTENT) intentTaken.add(stored.toLowerCase());
  }
  const freshIntents = lexNames(
    names.filter(
      (n) => n !== NONE_INTENT && !(declared.get(n) && lexMeta<LexIntentMetadata>(declared.get(n)!)?.lexName),
    ),
    intentTaken,
  );

  const usedValues = new Map<string, Map<string, Set<string>>>();
  const out: LexLocaleExport = {botName, botFolder, locale, intents: [], slotTypes: []};
  for (const name of names) {
    const intent = declared.get(name) ?? {name};
    const im = lexMeta<LexIntentMetadata>(intent);
    const stored = im?.text ? (parseLexJson(im.text, `${name}/Intent.json`) as LexIntent) : undefined;
    const isNone = name === NONE_INTENT;
    const lexName = isNone ? (stored?.name ?? 'FallbackIntent') : (im?.lexName ?? freshIntents.get(name)!);
    const slots = new Map<string, string>();
    for (const [slotName, s] of Object.entries(im?.slots ?? {}))
      slots.set(slotName, (parseLexJson(s.text, `${s.folder}/Slot.json`) as LexSlot).slotTypeName);
    const samples: string[] = [];
    const companions = new Set<string>();
    const seen = new Set<string>();
    const add = (sample: string): void => {
      if (sample.trim() === '' || seen.has(sample)) return;
      seen.add(sample);
      samples.push(sample);
    };
    for (const u of isNone ? [] : (byIntent.get(name) ?? [])) {
      const spans = spansOf(u);
      if (spans.length === 0) {
        add(noBraces(u.text));
        continue;
      }
      let template = '';
      let at = 0;
      const inThis = new Set<string>();
      for (const span of spans) {
        const type = slotTypeOf(span);
        const base = lexSafeName(slotBase(span));
        let slot = base;
        for (let n = 2; inThis.has(slot) || (slots.has(slot) && slots.get(slot) !== type); n++)
          slot = `${base}${n}`;
        inThis.add(slot);
        slots.set(slot, type);
        template += `${noBraces(u.text.slice(at, span.start))}{${slot}}`;
        at = span.end;
        const entity = entities.get(span.entity)!;
        if (entity.kind === 'ml') {
          const surface = u.text.slice(span.start, span.end);
          const value = span.value ?? surface;
          const byValue =
            usedValues.get(entity.name) ?? usedValues.set(entity.name, new Map()).get(entity.name)!;
          const set = byValue.get(value) ?? byValue.set(value, new Set()).get(value)!;
          if (surface !== value) set.add(surface);
        }
      }
      template += noBraces(u.text.slice(at));
      // A template longer than a sample may be (slot names longer than the values) is not written.
      if (template.length > LEX_MAX_UTTERANCE_LENGTH) continue;
      add(template);
      if (lexMeta<LexUtteranceMetadata>(u)?.template !== template) {
        const literal = noBraces(u.text);
        if (!seen.has(literal)) companions.add(literal);
        add(literal);
      }
    }
    // Over Lex's 1,500 samples per intent, the literal companions go first (latest first): their templates stay,
    // and the one warning names the utterances that then come back filled from the slot types instead.
    for (let i = samples.length - 1; i >= 0 && samples.length > LEX_MAX_SAMPLES_PER_INTENT; i--)
      if (companions.has(samples[i]!)) samples.splice(i, 1);
    const json: LexIntent = stored
      ? {...stored, name: lexName}
      : isNone
        ? {
            name: lexName,
            identifier: 'FALLBCKINT',
            description: 'Default intent when no other intent matches',
            parentIntentSignature: FALLBACK_SIGNATURE,
            sampleUtterances: null,
            slotPriorities: [],
          }
        : {
            name: lexName,
            identifier: stableId('intent', name),
            description: null,
            parentIntentSignature: null,
            sampleUtterances: [],
            slotPriorities: [],
          };
    if (!isNone) {
      const description = describeWithName(name, lexName, intent.description);
      if (description !== undefined || stored?.description) json.description = description ?? null;
      const before = (stored?.sampleUtterances ?? []).map((s) => s.utterance);
      // The same samples in another order keep the stored order (the importer reads them in any order alike).
      const same = new Set(before);
      if (!(
        before.length === samples.length &&
        same.size === samples.length &&
        samples.every((s) => same.has(s))
      ))
        json.sampleUtterances = samples.map((utterance) => ({utterance}));
    }
    const slotJson: LexEncodedSlot[] = [];
    const priorities: LexSlotPriority[] = [...(stored?.slotPriorities ?? [])];
    let top = Math.max(0, ...priorities.map((p) => p.priority));
    for (const [slotName, type] of slots) {
      const kept = im?.slots?.[slotName];
      const before = kept ? (parseLexJson(kept.text, `${kept.folder}/Slot.json`) as LexSlot) : undefined;
      const slot: LexSlot = before
        ? {...before, slotTypeName: type}
        : {
            name: slotName,
            identifier: stableId('slot', name, slotName),
            description: null,
            slotTypeName: type,
            valueElicitationSetting: {
              slotConstraint: 'Optional',
              promptSpecification: {
                messageGroupsList: [{message: {plainTextMessage: {value: `What is the ${slotName}?`}}}],
                maxRetries: 2,
                allowInterrupt: true,
              },
            },
          };
      if (!priorities.some((p) => (p.slotName ?? p.slotId) === slotName))
        priorities.push({priority: ++top, slotName});
      slotJson.push({
        json: slot,
        ...(kept ? {original: kept.text, folder: safeFolder(kept.folder, slotName)} : {folder: slotName}),
      });
    }
    json.slotPriorities = priorities;
    out.intents.push({
      name,
      json,
      ...(im?.text !== undefined ? {original: im.text} : {}),
      folder: safeFolder(im?.folder, lexName),
      slots: slotJson,
    });
  }

  for (const entity of custom) {
    const lexName = typeName.get(entity.name)!;
    const em = lexMeta<LexEntityMetadata>(entity);
    const stored = em?.text
      ? (parseLexJson(em.text, `${entity.name}/SlotType.json`) as LexSlotType)
      : undefined;
    const json = slotTypeJson(entity, lexName, stored, usedValues.get(entity.name));
    if (!json) continue;
    out.slotTypes.push({
      name: entity.name,
      json,
      ...(em?.text !== undefined ? {original: em.text} : {}),
      folder: safeFolder(em?.folder, lexName),
    });
  }
  return out;
}

type LexEncodedSlot = LexLocaleExport['intents'][number]['slots'][number];

function sameValues(
  stored: LexSlotTypeValue[] | null | undefined,
  values: Array<{value: string; synonyms: string[]}>,
): boolean {
  const model = slotTypeModel({name: 'x', slotTypeValues: stored ?? []}).values;
  if (model.length !== values.length) return false;
  return model.every((v, i) => {
    const w = values[i]!;
    const a = new Set(v.synonyms);
    const b = new Set(w.synonyms.filter((s) => s !== w.value && s.trim() !== ''));
    return v.value === w.value && a.size === b.size && [...a].every((s) => b.has(s));
  });
}

function slotTypeJson(
  entity: Entity,
  lexName: string,
  stored: LexSlotType | undefined,
  used: Map<string, Set<string>> | undefined,
): LexSlotType | undefined {
  const json: LexSlotType = stored
    ? {...stored, name: lexName}
    : {
        name: lexName,
        identifier: stableId('slotType', entity.name),
        description: null,
        slotTypeValues: null,
        parentSlotTypeSignature: null,
        valueSelectionSetting: null,
      };
  const description = describeWithName(entity.name, lexName, entity.description);
  if (description !== undefined || stored?.description) json.description = description ?? null;
  const strategyOf = (wanted: 'ORIGINAL_VALUE' | 'TOP_RESOLUTION') => {
    const storedStrategy = stored?.valueSelectionSetting?.resolutionStrategy;
    return storedStrategy && storedStrategy.toUpperCase().replace('_', '') === wanted.replace('_', '')
      ? storedStrategy
      : wanted;
  };
  if (entity.kind === 'regex') {
    const pattern = (entity.patterns ?? []).join('|');
    json.parentSlotTypeSignature = stored?.parentSlotTypeSignature ?? 'AMAZON.AlphaNumeric';
    json.valueSelectionSetting = {
      ...(stored?.valueSelectionSetting ?? {}),
      resolutionStrategy: strategyOf('ORIGINAL_VALUE'),
      regexFilter: {pattern},
    };
    return json;
  }
  let values: Array<{value: string; synonyms: string[]}>;
  if (entity.kind === 'list')
    values = (entity.values ?? [])
      .filter((v) => v.value.trim() !== '')
      .map((v) => ({value: v.value, synonyms: v.synonyms ?? []}));
  else {
    values = slotTypeModel({name: 'x', slotTypeValues: stored?.slotTypeValues ?? []}).values;
    for (const [value, surfaces] of used ?? []) {
      let entry = values.find((v) => v.value === value);
      if (!entry) values.push((entry = {value, synonyms: []}));
      for (const s of surfaces) if (!entry.synonyms.includes(s)) entry.synonyms.push(s);
    }
  }
  if (!sameValues(stored?.slotTypeValues, values))
    json.slotTypeValues = values.map((v) => {
      const synonyms = [...new Set(v.synonyms.filter((s) => s !== v.value && s.trim() !== ''))];
      return {
        sampleValue: {value: v.value},
        synonyms: synonyms.length > 0 ? synonyms.map((value) => ({value})) : null,
      };
    });
  const hasValues = (json.slotTypeValues ?? []).length > 0;
  if (!hasValues && !json.parentSlotTypeSignature) return undefined;
  const wanted = entity.kind === 'list' ? 'TOP_RESOLUTION' : 'ORIGINAL_VALUE';
  const storedStrategy = stored?.valueSelectionSetting?.resolutionStrategy;
  if (!storedStrategy || storedStrategy.toUpperCase().replace('_', '') !== wanted.replace('_', ''))
    json.valueSelectionSetting = {...(stored?.valueSelectionSetting ?? {}), resolutionStrategy: wanted};
  if (json.valueSelectionSetting && !('regexFilter' in json.valueSelectionSetting))
    json.valueSelectionSetting.regexFilter = null;
  return json;
}

/** What Lex would give back for this export, read with the importer's own rules. */
export function readBack(built: LexLocaleExport): ReturnType<typeof readLocale> {
  const intents: LexIntentModel[] = built.intents.map((i) =>
    intentModel(
      i.json,
      i.slots.map((s) => s.json),
    ),
  );
  return readLocale(
    intents,
    built.slotTypes.map((t) => slotTypeModel(t.json)),
  );
}

function canon(dataset: {entities: Entity[]}): (u: Utterance) => string {
  const lists = new Map<string, Map<string, string>>();
  for (const e of dataset.entities) {
    if (e.kind !== 'list') continue;
    const map = new Map<string, string>();
    for (const v of e.values ?? [])
      for (const f of [v.value, ...(v.synonyms ?? [])]) map.set(f.toLowerCase(), v.value);
    lists.set(e.name, map);
  }
  return (u) =>
    `${u.intent}\t${u.text}\t${[...(u.entities ?? [])]
      .sort((a, b) => a.start - b.start)
      .map((s) => {
        const surface = u.text.slice(s.start, s.end);
        const value = s.value ?? lists.get(s.entity)?.get(surface.toLowerCase()) ?? surface;
        return `${s.entity}${s.role ? `:${s.role}` : ''}@${s.start}-${s.end}=${value}`;
      })
      .join(' ')}`;
}

/** The one warning that says what Lex would give back differently from the dataset (empty when nothing). */
function warnDifferences(dataset: Dataset, built: LexLocaleExport, context: ConnectorContext): void {
  const back = readBack(built);
  const keyBefore = canon(dataset);
  const keyAfter = canon(back);
  const remaining = new Map<string, number>();
  for (const u of back.utterances) remaining.set(keyAfter(u), (remaining.get(keyAfter(u)) ?? 0) + 1);
  const changed: string[] = [];
  for (const u of dataset.utterances) {
    const k = keyBefore(u);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else
      changed.push(
        u.intent === NONE_INTENT
          ? `"${u.text}" (${NONE_INTENT}: Lex's fallback intent has no sample utterances)`
          : `"${u.text}" (${u.intent})`,
      );
  }
  const added = [...remaining.values()].reduce((a, b) => a + b, 0);
  const listsOf = (entities: Entity[]) => project({...emptyDataset(), entities}).listEntities;
  const listsAfter = new Set(listsOf(back.entities));
  const lists = listsOf(dataset.entities).filter((l) => !listsAfter.has(l));
  if (changed.length === 0 && added === 0 && lists.length === 0) return;
  const parts: string[] = [];
  if (changed.length > 0)
    parts.push(
      `${changed.length} utterance${changed.length === 1 ? '' : 's'} back differently or not at all (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', ...' : ''})`,
    );
  if (added > 0) parts.push(`${added} extra utterance${added === 1 ? '' : 's'} filled from templates`);
  if (lists.length > 0)
    parts.push(
      `list entities changed: ${lists
        .slice(0, 3)
        .map((l) => l.slice(0, 60))
        .join('; ')}`,
    );
  context.warn({
    code: 'LEX_SLOT_TEMPLATES',
    message: `lex sample utterances name slots ({Slot}) instead of annotating values, and the fallback intent takes none; read back, this bot gives ${parts.join('; ')}`,
    suggestion:
      'Annotations become {Slot} references with their values in the slot type; overlapping, nested and None-intent examples, and several slots of one built-in type, do not survive.',
  });
}

/**
 * One language of a multi-language dataset as the one-language dataset its locale is built from: the locale
 * the dataset was read from (metadata.lex.locales) with that locale's own files on its intents and entities.
 */
function localeDataset(dataset: Dataset, language: string, primary: boolean): Dataset {
  const part = datasetInLanguage(dataset, language);
  if (primary) return part;
  const meta = lexMeta<LexBotMetadata>(dataset);
  const stored = Object.entries(meta?.locales ?? {}).find(([id]) => languageOf(id) === language);
  const [locale, kept] = stored ?? [localeOf(language), {intents: {}, entities: {}}];
  const {localeFile: _localeFile, locale: _locale, locales: _locales, ...botMeta} = meta ?? {};
  const own = <T extends {name: string; metadata?: Record<string, unknown>}>(
    item: T,
    files: Record<string, unknown>,
  ): T => {
    const {[LEX_METADATA_KEY]: _lex, ...rest} = item.metadata ?? {};
    const lex = Object.hasOwn(files, item.name) ? files[item.name] : undefined;
    const {metadata: _metadata, ...plain} = item;
    const metadata = {...rest, ...(lex ? {[LEX_METADATA_KEY]: lex} : {})};
    return (Object.keys(metadata).length > 0 ? {...plain, metadata} : plain) as T;
  };
  return {
    ...part,
    intents: part.intents.map((i) => own(i, kept.intents)),
    entities: part.entities.map((e) => own(e, kept.entities)),
    metadata: {
      ...part.metadata,
      [LEX_METADATA_KEY]: {
        ...botMeta,
        locale,
        ...(kept.localeFile !== undefined ? {localeFile: kept.localeFile} : {}),
      },
    },
  };
}

/** The locale's BotLocale.json, as stored when it is the same locale, else a new one. */
function botLocaleFile(
  built: LexLocaleExport,
  stored: string | undefined,
): {json: LexBotLocale; original?: string} {
  const storedLocale = stored ? (parseLexJson(stored, 'BotLocale.json') as LexBotLocale) : undefined;
  if (storedLocale?.identifier === built.locale)
    return {json: storedLocale, ...(stored ? {original: stored} : {})};
  return {
    json: {
      name: built.locale,
      identifier: built.locale,
      version: null,
      description: null,
      voiceSettings: null,
      nluConfidenceThreshold: 0.4,
    },
  };
}

/**
 * Writes a Lex V2 JSON export (Manifest.json, <bot>/Bot.json, BotLocales/<locale>/...). A dataset in several
 * languages is one bot with one locale per language (localeOf: en → en_US, es → es_US, de → de_DE, fr → fr_FR,
 * pt-BR → pt_BR; a region the dataset names is kept, es-ES → es_ES), each built from that language's utterances
 * and list forms alone, as Lex builds and limits each locale on its own.
 */
export function exportLexBot(
  dataset: Dataset,
  context: ConnectorContext,
  options: ExportOptions,
): OutputFile[] {
  const meta = lexMeta<LexBotMetadata>(dataset);
  const languages = datasetLanguages(dataset);
  const locales =
    languages.length === 1
      ? [{dataset, built: buildLocale(dataset, options)}]
      : languages.map((language, i) => {
          const part = localeDataset(dataset, language, i === 0);
          return {dataset: part, built: buildLocale(part, options)};
        });
  const twice = locales.find((l, i) => locales.findIndex((m) => m.built.locale === l.built.locale) !== i);
  if (twice)
    throw new SynthnluError(
      'LEX_LOCALE_TWICE',
      `the languages ${languages.filter((l) => localeOf(l) === twice.built.locale).join(' and ')} are both Lex's ${twice.built.locale}: a bot has one locale per language`,
      {
        exitCode: ExitCode.badInput,
        suggestion: 'Keep one of them (--language), or name the regions apart (es-ES and es-US).',
      },
    );
  for (const {dataset: part, built} of locales) warnDifferences(part, built, context);
  const primary = locales[0]!.built;
  const files: OutputFile[] = [];
  const file = (path: string, schema: string | undefined, json: unknown, original?: string): void => {
    files.push({path, ...(schema ? {schema} : {}), json, content: keptOrWritten(json, original)});
  };
  file(
    'Manifest.json',
    'lex-manifest.schema.json',
    meta?.manifest ? parseLexJson(meta.manifest, 'Manifest.json') : MANIFEST,
    meta?.manifest,
  );
  const bot: LexBot = meta?.bot
    ? (parseLexJson(meta.bot, 'Bot.json') as LexBot)
    : {
        name: primary.botName,
        version: 'DRAFT',
        description: dataset.description === undefined ? null : clip(dataset.description),
        identifier: stableId('bot', primary.botName),
        dataPrivacy: {childDirected: false},
        idleSessionTTLInSeconds: 300,
      };
  const prefixes = locales.map(({built}) => `${primary.botFolder}/BotLocales/${built.locale}`);
  file(`${primary.botFolder}/Bot.json`, 'lex-bot.schema.json', bot, meta?.bot);
  for (const [path, text] of Object.entries(meta?.files ?? {})) {
    const segments = path.split('/');
    const safe =
      !path.includes('\\') &&
      segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/^[A-Za-z]:/.test(s)) &&
      !prefixes.some((prefix) => path.startsWith(`${prefix}/`)) &&
      path !== 'Manifest.json';
    if (safe) files.push({path, content: text});
    else
      context.warn({
        code: 'LEX_UNSAFE_PATH',
        message: `metadata.lex.files holds "${path.slice(0, 80)}", which is not a file of a Lex export beside the data; it is not written`,
      });
  }
  for (const [i, {dataset: part, built}] of locales.entries()) {
    const prefix = prefixes[i]!;
    const locale = botLocaleFile(built, lexMeta<LexBotMetadata>(part)?.localeFile);
    file(`${prefix}/BotLocale.json`, 'lex-bot-locale.schema.json', locale.json, locale.original);
    for (const intent of built.intents) {
      const folder = `${prefix}/Intents/${intent.folder}`;
      file(`${folder}/Intent.json`, 'lex-intent.schema.json', intent.json, intent.original);
      for (const slot of intent.slots)
        file(`${folder}/Slots/${slot.folder}/Slot.json`, 'lex-slot.schema.json', slot.json, slot.original);
    }
    for (const type of built.slotTypes)
      file(
        `${prefix}/SlotTypes/${type.folder}/SlotType.json`,
        'lex-slot-type.schema.json',
        type.json,
        type.original,
      );
  }
  return files;
}
