/**
 * Lists the functions longer than a limit (default 60 lines) in src/ and connectors/, longest first.
 * Usage: npx tsx scripts/long-functions.ts [--limit 60] [--under 100] [dir...]
 * A function's length counts from its first line to its last, nested functions included (so a long function
 * split into inner helpers still counts whole: the split has to move the helpers out).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import ts from 'typescript';

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.d\.ts$/.test(entry) ? [path] : [];
  });
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & {name?: ts.Node};
  if (named.name) return named.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

function longFunctions(file: string, limit: number): LongFunction[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({file, line: start + 1, name: functionName(node, source), lines});
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const limit = option('--limit', 60);
const over = option('--over', 100);
const dirs = args.length ? args : ['src', 'connectors'];
const all = dirs
  .flatMap((dir) => sourceFiles(dir))
  .flatMap((file) => longFunctions(file, limit))
  .sort((a, b) => b.lines - a.lines);
for (const f of all)
  console.log(`${String(f.lines).padStart(4)}  ${relative('.', f.file)}:${f.line}  ${f.name}`);
console.log(
  `${all.length} functions over ${limit} lines, ${all.filter((f) => f.lines > over).length} over ${over}`,
);
