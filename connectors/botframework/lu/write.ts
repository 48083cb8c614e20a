/** LUIS app (as built by luis/from-dataset) -> .lu text in the current (@-definition) syntax bf-lu reads. */
import type {ConnectorContext} from '../../../src/connector-kit.js';
import type {LuisApp, LuisChildEntity, LuisEntityLabel, LuisFeature} from '../luis/types.js';
import {nestable, writeUtteranceLine} from './utterance.js';

/** Names with spaces or syntax characters are quoted in definitions. */
function defName(name: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(name) ? name : `"${name}"`;
}

function rolesClause(roles: string[] | undefined): string {
  return roles && roles.length > 0 ? ` hasRoles ${roles.map(defName).join(', ')}` : '';
}

function featuresClause(features: LuisFeature[] | undefined): string {
  const names = (features ?? [])
    .map((f) => {
      const name = f.modelName ?? f.featureName;
      return name ? `${defName(name)}${f.isRequired ? '*' : ''}` : undefined;
    })
    .filter((n): n is string => n !== undefined);
  if (names.length === 0) return '';
  return names.length === 1 ? ` usesFeature ${names[0]}` : ` usesFeatures ${names.join(',')}`;
}

function childLines(children: LuisChildEntity[], indent: string): string[] {
  return children.flatMap((child) => {
    const typed = child.features?.find((f) => f.isRequired && f.modelName);
    const others = child.features?.filter((f) => f !== typed);
    const type = typed ? defName(typed.modelName!) : 'ml';
    return [
      `${indent}- @ ${type} ${defName(child.name)}${featuresClause(others)}`,
      ...childLines(child.children ?? [], `${indent}    `),
    ];
  });
}

/** A single-line app property value bf-lu reads back. */
function infoLine(key: string, value: string | undefined): string[] {
  return value && !/[\r\n]/.test(value) ? [`> !# @app.${key} = ${value}`] : [];
}

/**
 * A .lu utterance is one line and bf-lu trims it: line breaks become spaces (same length, offsets unchanged)
 * and surrounding whitespace is removed, shifting the labels with the text.
 */
function oneLine(
  text: string,
  labels: LuisEntityLabel[],
): {text: string; labels: LuisEntityLabel[]; changed: boolean} {
  const flat = text.replace(/[\r\n]/g, ' ');
  const trimmed = flat.trim();
  if (trimmed === text) return {text, labels, changed: false};
  const shift = flat.length - flat.trimStart().length;
  const move = (l: LuisEntityLabel): LuisEntityLabel => ({
    ...l,
    startPos: l.startPos - shift,
    endPos: l.endPos - shift,
    ...(l.children ? {children: l.children.map(move)} : {}),
  });
  return {text: trimmed, labels: shift === 0 ? labels : labels.map(move), changed: true};
}

export function luisAppToLu(app: LuisApp, context: ConnectorContext): string {
  const lines: string[] = [
    '> Written by synthnlu. Bot Framework .lu (https://learn.microsoft.com/azure/bot-service/file-format/bot-builder-lu-file-format)',
    ...infoLine('name', app.name),
    ...infoLine('culture', app.culture),
    '',
  ];
  const byIntent = new Map<string, LuisApp['utterances']>(app.intents.map((i) => [i.name, []]));
  for (const u of app.utterances) {
    const group = byIntent.get(u.intent);
    if (group) group.push(u);
    else byIntent.set(u.intent, [u]);
  }
  const patternsByIntent = new Map<string, string[]>();
  for (const p of app.patterns ?? []) {
    const list = patternsByIntent.get(p.intent) ?? [];
    list.push(p.pattern);
    patternsByIntent.set(p.intent, list);
  }
  let dropped = 0;
  let reshaped = 0;
  for (const [intent, utterances] of byIntent) {
    lines.push(`# ${intent}`);
    for (const u of utterances) {
      const {text, labels, changed} = oneLine(u.text, u.entities ?? []);
      if (changed) reshaped += 1;
      const {kept, dropped: lost} = nestable(labels, 0, text.length);
      dropped += lost;
      lines.push(`- ${writeUtteranceLine(text, kept)}`);
    }
    for (const pattern of patternsByIntent.get(intent) ?? []) lines.push(`- ${pattern}`);
    const features = app.intents.find((i) => i.name === intent)?.features;
    if (features?.length) lines.push('', `@ intent ${defName(intent)}${featuresClause(features)}`);
    lines.push('');
  }
  if (reshaped > 0) {
    context.warn({
      code: 'EXPORT_LU_TEXT_CHANGED',
      message: `.lu utterances are single trimmed lines: ${reshaped} utterance${reshaped === 1 ? ' was' : 's were'} trimmed or had line breaks replaced by spaces`,
    });
  }
  if (dropped > 0) {
    context.warn({
      code: 'EXPORT_DROPS_FEATURE',
      message: `.lu labels must nest: ${dropped} overlapping label${dropped === 1 ? ' was' : 's were'} left out`,
    });
  }

  for (const e of app.entities ?? []) {
    const typed = (e.children?.length ?? 0) === 0 && e.features?.length === 1 && e.features[0]!.isRequired;
    lines.push(`@ ml ${defName(e.name)}${rolesClause(e.roles)}${featuresClause(e.features)}`);
    if (!typed) lines.push(...childLines(e.children ?? [], '    '));
  }
  for (const p of app.prebuiltEntities ?? []) lines.push(`@ prebuilt ${p.name}${rolesClause(p.roles)}`);
  const trimmedItems: string[] = [];
  const item = (text: string): string => {
    if (text.trim() !== text) trimmedItems.push(JSON.stringify(text));
    return text.trim();
  };
  for (const list of app.closedLists ?? []) {
    lines.push(`@ list ${defName(list.name)}${rolesClause(list.roles)} =`);
    for (const sub of list.subLists) {
      lines.push(`    - ${item(sub.canonicalForm)} :`);
      for (const synonym of sub.list) lines.push(`        - ${item(synonym)}`);
    }
  }
  if (trimmedItems.length > 0) {
    context.warn({
      code: 'EXPORT_LU_LIST_TRIMMED',
      message: `.lu list items are trimmed lines: ${trimmedItems.length} list value${trimmedItems.length === 1 ? '' : 's'} or synonym${trimmedItems.length === 1 ? '' : 's'} lost surrounding spaces (${trimmedItems.slice(0, 3).join(', ')}${trimmedItems.length > 3 ? ', …' : ''})`,
    });
  }
  for (const r of app.regex_entities ?? [])
    lines.push(`@ regex ${defName(r.name)}${rolesClause(r.roles)} = /${r.regexPattern}/`);
  for (const c of app.composites ?? []) {
    const children = c.children.map((child) => (typeof child === 'string' ? child : child.name));
    lines.push(`@ composite ${defName(c.name)}${rolesClause(c.roles)} = [${children.join(', ')}]`);
  }
  for (const p of app.patternAnyEntities ?? [])
    lines.push(`@ patternany ${defName(p.name)}${rolesClause(p.roles)}`);
  for (const p of app.phraselists ?? []) {
    lines.push(`@ phraselist ${defName(p.name)}${p.mode ? '(interchangeable)' : ''} =`, `    - ${p.words}`);
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
