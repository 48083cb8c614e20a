import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';
import {renderErrorCodes} from '../../scripts/error-codes-doc.js';
import {ERROR_CODE_FAMILIES, ERROR_CODES, SCHEMA_PROBLEMS} from '../../src/error-codes.js';
import {ROOT} from '../helpers/cli.js';

/** Upper-case words joined by underscores: the shape of every code (and of env variables, enum values...). */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * Strings of that shape in the source that are not synthnlu's codes, by what they are. A new one is either a
 * code (add it to src/error-codes.ts) or belongs here with its reason.
 */
const NOT_CODES: Record<string, readonly string[]> = {
  'environment variables': [
    'AWS_PROFILE',
    'AWS_REGION',
    'AZURE_CONVERSATIONS_ENDPOINT',
    'AZURE_CONVERSATIONS_KEY',
    'AZURE_CONVERSATIONS_PROJECT_NAME',
    'AZURE_OPENAI_API_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'LEX_BOT',
    'OPENAI_API_KEY',
    'RASA_TOKEN',
  ],
  "platforms' own enum values and codes": [
    'AUTO_EXPANSION_MODE_DEFAULT',
    'AUTO_EXPANSION_MODE_UNSPECIFIED',
    'BOT_LOCALE',
    'CUSTOM_VOCABULARY',
    'DIALOGFLOW_CX',
    'INTENT_VIEW_FULL',
    'JSON_PACKAGE',
    'KIND_LIST',
    'KIND_MAP',
    'KIND_REGEXP',
    'KIND_UNSPECIFIED',
    'MODEL_TYPE_STANDARD',
    'NO_ADC_FOUND',
    'ORIGINAL_VALUE',
    'TOP_RESOLUTION',
  ],
  "Node's and libraries' error codes": [
    'DUPLICATE_KEY',
    'EAI_AGAIN',
    'ERR_BUFFER_TOO_LARGE',
    'ERR_CANCELED',
    'ERR_SOCKET_CONNECTION_TIMEOUT',
    'ERR_STRING_TOO_LONG',
  ],
  'a code compared with, made by a family': ['DIALOGFLOW_CX_GRPC_9'],
};

/** What a template literal that ends a code (`${prefix}_NO_CREDENTIALS`) makes, by its literal tail. */
const TEMPLATE_TAILS: Record<string, readonly string[]> = {
  _TOO_DEEP: ['JSON_TOO_DEEP', 'YAML_TOO_DEEP'],
  _NO_CREDENTIALS: ['<PLATFORM>_NO_CREDENTIALS'],
  _: ['<PREFIX>_UNKNOWN_KEY', '<PLATFORM>_GRPC_<n>'],
  GRPC_: ['<PLATFORM>_GRPC_<n>'],
  _BAD_JSON: ['LUIS_BAD_JSON', 'CLU_BAD_JSON'],
  _INVALID: ['LUIS_INVALID', 'CLU_INVALID'],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated') sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

interface Found {
  literals: Map<string, string>;
  templateTails: Map<string, string>;
}

/** Every code-shaped string literal, and every literal tail of a template that builds one, with a place. */
function scan(): Found {
  const literals = new Map<string, string>();
  const templateTails = new Map<string, string>();
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'connectors'))]) {
    if (file.endsWith('error-codes.ts')) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (
        (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
        CODE_SHAPE.test(node.text)
      )
        literals.set(node.text, literals.get(node.text) ?? where(node));
      if (ts.isTemplateExpression(node)) {
        const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
        for (const part of parts.slice(1))
          if (/^_?[A-Z][A-Z0-9_]*$|^_$/.test(part) && !/[a-z]/.test(part))
            templateTails.set(part, templateTails.get(part) ?? where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return {literals, templateTails};
}

const found = scan();
const notCodes = new Set(Object.values(NOT_CODES).flat());
const schemaProblems = new Set<string>(SCHEMA_PROBLEMS);

describe('the error-code catalog (src/error-codes.ts)', () => {
  it('reads the source: hundreds of codes, in the core and in connectors', () => {
    expect(found.literals.size).toBeGreaterThan(300);
    expect(found.literals.get('SPEC_EXAMPLE_IN_TWO_INTENTS')).toMatch(/^src\//);
    expect(found.literals.get('LEX_BUILD_FAILED')).toMatch(/^connectors\//);
  });

  it('holds every code the source reports', () => {
    const missing = [...found.literals]
      .filter(([code]) => !(code in ERROR_CODES) && !notCodes.has(code) && !schemaProblems.has(code))
      .map(([code, where]) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it('knows what every template that builds a code makes', () => {
    const unknown = [...found.templateTails]
      .filter(([tail]) => !(tail in TEMPLATE_TAILS))
      .map(([tail, where]) => `…${tail}… (${where})`);
    expect(unknown).toEqual([]);
    const made = Object.values(TEMPLATE_TAILS).flat();
    expect(made.filter((code) => !(code in ERROR_CODES) && !(code in ERROR_CODE_FAMILIES))).toEqual([]);
  });

  it('holds no code the source no longer reports', () => {
    const madeByTemplates = new Set(Object.values(TEMPLATE_TAILS).flat());
    const stale = Object.keys(ERROR_CODES).filter(
      (code) => !found.literals.has(code) && !madeByTemplates.has(code),
    );
    expect(stale).toEqual([]);
  });

  it('gives every code a kind, an exit code for errors and a meaning of one line', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      // A meaning says what happened in words, not only the message's blanks ("…: …").
      expect(entry.meaning.match(/[a-z]{2,}/gi)?.length ?? 0, code).toBeGreaterThanOrEqual(4);
      expect(entry.meaning, code).not.toContain('\n');
      if (entry.kind === 'error') expect([1, 2], code).toContain('exit' in entry ? entry.exit : undefined);
    }
  });

  it('is listed in docs/error-codes.md as `npm run docs:errors` writes it', () => {
    const page = readFileSync(join(ROOT, 'docs/error-codes.md'), 'utf8');
    expect(page).toBe(renderErrorCodes());
    expect(page).toContain('| `LEX_BUILD_FAILED` | error, exit 1 |');
  });
});
