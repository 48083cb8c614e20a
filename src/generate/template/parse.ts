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

/** Literal text being gathered, and the position of its first character. */
interface PendingText {
  text: string;
  start: number;
}

/**
 * A recursive-descent parser over one template: a sequence of literal text (with backslash escapes),
 * alternatives "(a|b)", optional parts "[a]", entity slots "{entity:role}" and alias references "<alias>".
 */
class TemplateParser {
  private pos = 0;
  /** No construct seen yet: the template is one fixed text. */
  plain = true;

  constructor(
    private readonly source: string,
    private readonly origin: TemplateOrigin,
  ) {}

  /** Parses until one of the stop characters (unconsumed) or the end. */
  sequence(stops: string): TemplateNode {
    const {source} = this;
    const items: TemplateNode[] = [];
    const start = this.pos;
    const pending: PendingText = {text: '', start};
    while (this.pos < source.length) {
      const ch = source[this.pos]!;
      if (stops.includes(ch)) break;
      if (ch === '\\') {
        this.escaped(pending);
        continue;
      }
      const construct = this.constructAt(ch);
      if (construct) {
        flushText(items, pending);
        this.plain = false;
        items.push(construct());
        continue;
      }
      // Only reached when the character is not a stop of the enclosing construct.
      if (ch === ')' || ch === '|' || ch === ']') this.unexpected(ch);
      if (!pending.text) pending.start = this.pos;
      pending.text += ch;
      this.pos += 1;
    }
    flushText(items, pending);
    if (items.length === 1) return items[0]!;
    return {kind: 'sequence', items, column: start + 1};
  }

  /** The parser of the construct `ch` opens here, or undefined for ordinary text ("a < b" is text). */
  private constructAt(ch: string): (() => TemplateNode) | undefined {
    switch (ch) {
      case '(':
        return () => this.choice();
      case '[':
        return () => this.optional();
      case '{':
        return () => this.slot();
      case '<': {
        const close = this.source.indexOf('>', this.pos);
        const name = close === -1 ? '' : this.source.slice(this.pos + 1, close);
        return ALIAS_NAME.test(name) ? () => this.alias(name) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A backslash and the character it makes literal. */
  private escaped(pending: PendingText): void {
    const {source} = this;
    if (this.pos + 1 >= source.length)
      this.fail('a template ends with a lone backslash', this.pos + 1, 'Write \\\\ for a backslash.');
    if (!pending.text) pending.start = this.pos;
    pending.text += source[this.pos + 1]!;
    this.pos += 2;
  }

  /** "(a|b|c)": alternatives, each a sequence. */
  private choice(): TemplateNode {
    const open = this.pos++;
    const options: TemplateNode[] = [this.sequence('|)')];
    while (this.source[this.pos] === '|') {
      this.pos += 1;
      options.push(this.sequence('|)'));
    }
    if (this.source[this.pos] !== ')')
      this.fail(
        '"(" is never closed',
        open + 1,
        'Close the alternatives with ")", or write \\( for a literal parenthesis.',
      );
    this.pos += 1;
    return {kind: 'choice', options, column: open + 1};
  }

  /** "[a]": an optional part. */
  private optional(): TemplateNode {
    const open = this.pos++;
    const item = this.sequence(']');
    if (this.source[this.pos] !== ']')
      this.fail(
        '"[" is never closed',
        open + 1,
        'Close the optional part with "]", or write \\[ for a literal bracket.',
      );
    this.pos += 1;
    return {kind: 'optional', item, column: open + 1};
  }

  /** "{entity}" or "{entity:role}": an entity slot. */
  private slot(): TemplateNode {
    const {source} = this;
    const open = this.pos;
    const close = source.indexOf('}', this.pos);
    if (close === -1)
      this.fail('"{" is never closed', open + 1, 'Write {entity_name}, or \\{ for a literal brace.');
    const inner = source.slice(this.pos + 1, close);
    const [entity, role, extra] = inner.split(':').map((s) => s.trim());
    if (!entity || /[{}()[\]<>|\s]/.test(entity) || extra !== undefined || role === '')
      this.fail(`"{${inner}}" is not an entity slot`, open + 1, 'Write {entity} or {entity:role}.');
    this.pos = close + 1;
    return {kind: 'slot', entity, ...(role ? {role} : {}), column: open + 1};
  }

  /** "<alias>": a reference to one of the spec's aliases. */
  private alias(name: string): TemplateNode {
    const node: TemplateNode = {kind: 'alias', name, column: this.pos + 1};
    this.pos += name.length + 2;
    return node;
  }

  private unexpected(ch: string): never {
    return this.fail(
      `unexpected "${ch}"`,
      this.pos + 1,
      ch === '|'
        ? 'Alternatives go inside parentheses: (a|b).'
        : `Remove it, or write \\${ch} for the character itself.`,
    );
  }

  private fail(message: string, column: number, suggestion: string): never {
    return syntaxError(message, column, this.origin, suggestion);
  }
}

/** Ends the literal text gathered so far as a text node, when there is any. */
function flushText(items: TemplateNode[], pending: PendingText): void {
  if (pending.text) items.push({kind: 'text', text: pending.text, column: pending.start + 1});
  pending.text = '';
}

export function parseTemplate(source: string, origin: TemplateOrigin = {}): ParsedTemplate {
  const parser = new TemplateParser(source, origin);
  const root = parser.sequence('');
  return {source, root, plain: parser.plain};
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
