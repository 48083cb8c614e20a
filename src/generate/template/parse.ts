/**
 * The template grammar used inside spec examples and alias entries:
 *   (a|b|c)        alternatives, chosen uniformly (weights come from aliases and entity values)
 *   [x]            optional part, kept half of the time
 *   {entity}       an entity slot, {entity:role} with a role
 *   <alias>        a reference to a named alias
 *   \x             x taken literally (to write ( ) [ ] { } < > | \ as text)
 * Parsing produces an AST whose nodes keep their column, so errors point at the character at fault.
 */
import {SynthnluError, type SourceLocation} from '../../errors.js';

export type TemplateNode =
  | {kind: 'text'; text: string; column: number}
  | {kind: 'sequence'; items: TemplateNode[]; column: number}
  | {kind: 'choice'; options: TemplateNode[]; column: number}
  | {kind: 'optional'; item: TemplateNode; column: number}
  | {kind: 'slot'; entity: string; role?: string; column: number}
  | {kind: 'alias'; name: string; column: number};

export interface ParsedTemplate {
  source: string;
  root: TemplateNode;
  /** True when the template has no syntax at all: it is a seed sentence, kept as written. */
  plain: boolean;
}

const ALIAS_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Where a template came from, for error messages (file and JSON path of the example). */
export type TemplateOrigin = SourceLocation;

function syntaxError(message: string, column: number, origin: TemplateOrigin, suggestion?: string): never {
  // The column is 1-based inside the template string; the path says which example it is.
  const path = origin.path ? `${origin.path}, column ${column}` : `column ${column}`;
  throw new SynthnluError('TEMPLATE_SYNTAX', message, {
    location: {...origin, path},
    ...(suggestion ? {suggestion} : {}),
  });
}

export function parseTemplate(source: string, origin: TemplateOrigin = {}): ParsedTemplate {
  let pos = 0;
  let plain = true;

  // Parses until one of the stop characters (unconsumed) or the end.
  const parseSequence = (stops: string): TemplateNode => {
    const items: TemplateNode[] = [];
    const start = pos;
    let text = '';
    let textStart = pos;
    const flush = () => {
      if (text) items.push({kind: 'text', text, column: textStart + 1});
      text = '';
      textStart = pos;
    };
    while (pos < source.length) {
      const ch = source[pos]!;
      if (stops.includes(ch)) break;
      if (ch === '\\') {
        if (pos + 1 >= source.length)
          syntaxError(
            'a template ends with a lone backslash',
            pos + 1,
            origin,
            'Write \\\\ for a backslash.',
          );
        if (!text) textStart = pos;
        text += source[pos + 1]!;
        pos += 2;
        continue;
      }
      if (ch === '(') {
        flush();
        plain = false;
        const open = pos++;
        const options: TemplateNode[] = [parseSequence('|)')];
        while (source[pos] === '|') {
          pos += 1;
          options.push(parseSequence('|)'));
        }
        if (source[pos] !== ')')
          syntaxError(
            '"(" is never closed',
            open + 1,
            origin,
            'Close the alternatives with ")", or write \\( for a literal parenthesis.',
          );
        pos += 1;
        items.push({kind: 'choice', options, column: open + 1});
        textStart = pos;
        continue;
      }
      if (ch === '[') {
        flush();
        plain = false;
        const open = pos++;
        const item = parseSequence(']');
        if (source[pos] !== ']')
          syntaxError(
            '"[" is never closed',
            open + 1,
            origin,
            'Close the optional part with "]", or write \\[ for a literal bracket.',
          );
        pos += 1;
        items.push({kind: 'optional', item, column: open + 1});
        textStart = pos;
        continue;
      }
      if (ch === '{') {
        flush();
        plain = false;
        const open = pos;
        const close = source.indexOf('}', pos);
        if (close === -1)
          syntaxError(
            '"{" is never closed',
            open + 1,
            origin,
            'Write {entity_name}, or \\{ for a literal brace.',
          );
        const inner = source.slice(pos + 1, close);
        const [entity, role, extra] = inner.split(':').map((s) => s.trim());
        if (!entity || /[{}()[\]<>|\s]/.test(entity) || extra !== undefined || role === '')
          syntaxError(
            `"{${inner}}" is not an entity slot`,
            open + 1,
            origin,
            'Write {entity} or {entity:role}.',
          );
        items.push({kind: 'slot', entity, ...(role ? {role} : {}), column: open + 1});
        pos = close + 1;
        textStart = pos;
        continue;
      }
      if (ch === '<') {
        const close = source.indexOf('>', pos);
        const name = close === -1 ? '' : source.slice(pos + 1, close);
        if (ALIAS_NAME.test(name)) {
          flush();
          plain = false;
          items.push({kind: 'alias', name, column: pos + 1});
          pos = close + 1;
          textStart = pos;
          continue;
        }
        // "<" that is not an alias reference ("a < b") is ordinary text.
      }
      if (ch === ')' || ch === '|' || ch === ']') {
        // Only reached when the character is not a stop of the enclosing construct.
        syntaxError(
          `unexpected "${ch}"`,
          pos + 1,
          origin,
          ch === '|'
            ? 'Alternatives go inside parentheses: (a|b).'
            : `Remove it, or write \\${ch} for the character itself.`,
        );
      }
      if (!text) textStart = pos;
      text += ch;
      pos += 1;
    }
    flush();
    if (items.length === 1) return items[0]!;
    return {kind: 'sequence', items, column: start + 1};
  };

  const root = parseSequence('');
  return {source, root, plain};
}

/** Entity and alias names a template refers to, with their columns (for checks that do not expand). */
export function templateReferences(node: TemplateNode): {
  entities: {name: string; role?: string; column: number}[];
  aliases: {name: string; column: number}[];
} {
  const entities: {name: string; role?: string; column: number}[] = [];
  const aliases: {name: string; column: number}[] = [];
  const visit = (n: TemplateNode) => {
    switch (n.kind) {
      case 'slot':
        entities.push({name: n.entity, ...(n.role ? {role: n.role} : {}), column: n.column});
        break;
      case 'alias':
        aliases.push({name: n.name, column: n.column});
        break;
      case 'sequence':
        n.items.forEach(visit);
        break;
      case 'choice':
        n.options.forEach(visit);
        break;
      case 'optional':
        visit(n.item);
        break;
      case 'text':
        break;
    }
  };
  visit(node);
  return {entities, aliases};
}

/** Escapes text so that it is read back literally by parseTemplate. */
export function escapeTemplateText(text: string): string {
  return text.replace(/[\\()[\]{}<>|]/g, '\\$&');
}
