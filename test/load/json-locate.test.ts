import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isMap, isSeq, parseDocument, type Node as YamlNode} from 'yaml';
import {lineColumnAt, lineColumnFinder} from '../../src/io/read-text.js';
import {jsonLocator, locateJsonPath} from '../../src/load/json-locate.js';
import type {PathSegment} from '../../src/schema/json-path.js';

/** Every path into a JSON value (objects by key, arrays by index). */
function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...prefix, key]));
  return out;
}

/** The reference: the offset YAML's parser (a JSON superset) gives the same node. */
function yamlOffset(text: string, path: PathSegment[], key: boolean): number | undefined {
  let node: unknown = parseDocument(text).contents;
  let keyNode: YamlNode | undefined;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.findLast((p) => String((p.key as {value: unknown}).value) === String(segment));
      if (!pair) return undefined;
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return ((key && keyNode ? keyNode : node) as YamlNode | undefined)?.range?.[0];
}

describe('locateJsonPath', () => {
  it('finds every value and key where a full parser does, however the JSON is laid out', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = `  ${JSON.stringify(value, null, indent)}\n`;
        for (const path of pathsOf(JSON.parse(text))) {
          for (const key of [false, true]) {
            expect(locateJsonPath(text, path, {key})).toBe(yamlOffset(text, path, key));
            checked++;
          }
        }
      }),
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('returns undefined for a path the document does not have', () => {
    const text = '{"a": [1, {"b\\"c": "x]}"}], "d": {}}';
    expect(locateJsonPath(text, ['a', 1, 'b"c'])).toBe(text.indexOf('"x]}"'));
    expect(locateJsonPath(text, ['a', 2])).toBeUndefined();
    expect(locateJsonPath(text, ['d', 'e'])).toBeUndefined();
    expect(locateJsonPath(text, ['a', 'length'])).toBeUndefined();
  });
});

describe('jsonLocator', () => {
  it('answers every path, in any order, from one reused locator as a full parser does', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), fc.constantFrom(0, 2), fc.integer(), (value, indent, seed) => {
        const text = `${JSON.stringify(value, null, indent)}\n`;
        const locate = jsonLocator(text);
        const paths = pathsOf(JSON.parse(text));
        // Deepest paths first, then shuffled: cached containers must serve paths other than the one that filled them.
        const order = paths.map((path, i) => ({path, rank: (i * 2654435761 + seed) >>> 0}));
        order.sort((a, b) => b.path.length - a.path.length || a.rank - b.rank);
        for (const {path} of [...order, ...order.reverse()]) {
          for (const key of [false, true]) {
            expect(locate(path, {key})).toBe(yamlOffset(text, path, key));
            checked++;
          }
        }
        expect(locate([...paths.at(-1)!, 'absent'])).toBeUndefined();
      }),
    );
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('lineColumnFinder', () => {
  it('gives the line and column of every offset, as counting newlines before it does', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', ' ')), (parts) => {
        const text = parts.join('');
        const find = lineColumnFinder(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const before = text.slice(0, offset);
          const line = before.split('\n').length;
          const column = offset - (before.lastIndexOf('\n') + 1) + 1;
          expect(find(offset)).toEqual({line, column});
          expect(lineColumnAt(text, offset)).toEqual({line, column});
          checked++;
        }
      }),
    );
    expect(checked).toBeGreaterThan(500);
  });
});
