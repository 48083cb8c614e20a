import type {ImportSource} from '../../src/connector-kit.js';

/** Where a Lex JSON export's files are inside a source (zip or folder, perhaps under one more folder). */
export interface LexLayout {
  /** "" or "some/folder/": what comes before Manifest.json and the bot folder. */
  root: string;
  manifest?: string;
  /** The bot folder's name (the bot's name in exports). */
  botFolder: string;
  botFile?: string;
  locales: Map<string, LexLocaleFiles>;
  /** Every other file under the root (relative to it): kept verbatim. */
  otherFiles: string[];
}

export interface LexLocaleFiles {
  localeFile?: string;
  /** Intent folder → its Intent.json and its slots (slot folder → Slot.json). */
  intents: Map<string, {file: string; slots: Map<string, string>}>;
  /** Slot type folder → SlotType.json. */
  slotTypes: Map<string, string>;
  /** Other files of the locale (custom vocabulary...), relative to the root. */
  otherFiles: string[];
}

const BOT_FILE = /^(.*?)([^/]+)\/Bot\.json$/;
const LOCALE_FILE =
  /^BotLocales\/([^/]+)\/(?:BotLocale\.json|Intents\/([^/]+)\/(?:Intent\.json|Slots\/([^/]+)\/Slot\.json)|SlotTypes\/([^/]+)\/SlotType\.json)$/;

/** Finds a Lex V2 bot export in a source; undefined when there is none (no <bot>/Bot.json with BotLocales). */
export function findLexLayout(source: ImportSource): LexLayout | undefined {
  const files = source.list();
  let found: {root: string; bot: string} | undefined;
  for (const file of files) {
    const match = BOT_FILE.exec(file);
    if (!match) continue;
    const [, root = '', bot = ''] = match;
    if (root !== '' && !root.endsWith('/')) continue;
    if (!files.some((f) => f.startsWith(`${root}${bot}/BotLocales/`))) continue;
    if (!found || root.length < found.root.length) found = {root, bot};
  }
  if (!found) return undefined;
  const {root, bot} = found;
  const layout: LexLayout = {root, botFolder: bot, locales: new Map(), otherFiles: []};
  const locale = (id: string): LexLocaleFiles => {
    let entry = layout.locales.get(id);
    if (!entry) layout.locales.set(id, (entry = {intents: new Map(), slotTypes: new Map(), otherFiles: []}));
    return entry;
  };
  const botPrefix = `${root}${bot}/`;
  for (const file of [...files].sort()) {
    if (!file.startsWith(root)) continue;
    const rel = file.slice(root.length);
    if (rel === 'Manifest.json') {
      layout.manifest = file;
      continue;
    }
    if (file === `${botPrefix}Bot.json`) {
      layout.botFile = file;
      continue;
    }
    const inBot = file.startsWith(botPrefix) ? file.slice(botPrefix.length) : undefined;
    const match = inBot === undefined ? null : LOCALE_FILE.exec(inBot);
    if (!match) {
      const localeMatch = inBot === undefined ? null : /^BotLocales\/([^/]+)\//.exec(inBot);
      if (localeMatch) locale(localeMatch[1]!).otherFiles.push(rel);
      else layout.otherFiles.push(rel);
      continue;
    }
    const [, id, intent, slot, slotType] = match;
    const entry = locale(id!);
    if (slotType !== undefined) entry.slotTypes.set(slotType, file);
    else if (intent !== undefined) {
      let i = entry.intents.get(intent);
      if (!i) entry.intents.set(intent, (i = {file: '', slots: new Map()}));
      if (slot !== undefined) i.slots.set(slot, file);
      else i.file = file;
    } else entry.localeFile = file;
  }
  for (const entry of layout.locales.values())
    for (const [name, intent] of entry.intents) if (intent.file === '') entry.intents.delete(name);
  return layout;
}
