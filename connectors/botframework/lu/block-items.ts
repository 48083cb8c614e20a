/** `- item` lines: what one means depends on the block it is under, one handler per block kind. */
import type {LuisChildEntity} from '../luis/types.js';
import {PATTERN_REFERABLE, type LuAppBuilder} from './app-builder.js';
import type {Block} from './blocks.js';
import {definitionParts} from './definitions.js';
import {LuLabelError, parseUtteranceLine} from './utterance.js';

type ItemHandler<K extends Block['kind']> = (
  builder: LuAppBuilder,
  block: Extract<Block, {kind: K}>,
  item: string,
  indent: number,
) => void;

const ignored = () => {};

/** An example utterance (with labels) or, when it references `{entity}` without a value, a pattern. */
const intentItem: ItemHandler<'intent'> = (builder, block, item) => {
  let parsed;
  try {
    parsed = parseUtteranceLine(item);
  } catch (error) {
    if (error instanceof LuLabelError)
      builder.fail(error.message, 'Close every { with }, or escape literal braces as \\{ \\}.');
    throw error;
  }
  if (parsed.isPattern) {
    builder.app.patterns!.push({pattern: item.replace(/\{@/g, '{'), intent: block.name});
    for (const ref of item.matchAll(/\{@?([^{}=:]+)(?::([^{}=]+))?\}/g)) {
      const name = ref[1]!.trim();
      if (!builder.defines(name, PATTERN_REFERABLE)) builder.pendingPatternAny.add(name);
    }
  } else if (parsed.text.length > 0) {
    builder.app.utterances.push({text: parsed.text, intent: block.name, entities: parsed.labels});
  }
};

/** `- canonical: synonym, synonym` opens a sub-list; a deeper `- synonym` adds to it. */
const listItem: ItemHandler<'list'> = (builder, block, item, indent) => {
  const canonical = /^(.*?)\s*:\s*(.*)$/.exec(item);
  if (!block.legacy && canonical && (!block.canonical || indent < 8)) {
    block.canonical = canonical[1]!.trim();
    const sub = {canonicalForm: block.canonical, list: [] as string[]};
    builder.closedList(block.name).subLists.push(sub);
    if (canonical[2])
      sub.list.push(
        ...canonical[2]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
  } else if (block.canonical) {
    const list = builder.closedList(block.name);
    list.subLists[list.subLists.length - 1]!.list.push(item);
  }
};

const phraseListItem: ItemHandler<'phraselist'> = (builder, block, item) => {
  const pl = builder.app.phraselists!.find((p) => p.name === block.name)!;
  pl.words = pl.words ? `${pl.words},${item}` : item;
};

/** `- @ type name`: a child entity, nested under the closest less-indented one. */
const mlChildItem: ItemHandler<'ml'> = (_builder, block, item, indent) => {
  const child = /^@\s*(\S+)\s+(.*)$/.exec(item);
  if (!child) return;
  const parts = definitionParts(child[2]!);
  const type = child[1]!;
  const features = ['ml', 'simple'].includes(type.toLowerCase())
    ? parts.features
    : [{modelName: type, isRequired: true}, ...parts.features];
  const node: LuisChildEntity = {name: parts.name, instanceOf: null, children: [], features};
  while (block.stack.length > 1 && indent <= block.stack[block.stack.length - 1]!.indent) block.stack.pop();
  block.stack[block.stack.length - 1]!.children.push(node);
  block.stack.push({indent, children: node.children!});
};

const ITEM_HANDLERS: {[K in Block['kind']]: ItemHandler<K>} = {
  intent: intentItem,
  list: listItem,
  phraselist: phraseListItem,
  ml: mlChildItem,
  skip: ignored,
  none: ignored,
};

export function readItem(builder: LuAppBuilder, block: Block, item: string, indent: number): void {
  (ITEM_HANDLERS[block.kind] as ItemHandler<Block['kind']>)(builder, block, item, indent);
}
