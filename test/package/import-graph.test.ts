import {dirname, join} from 'node:path';
import madge from 'madge';
import {beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

/**
 * The import graph of the source (type-only and dynamic imports included, as madge reads them). A circle
 * inside one folder is a module split in files; a circle across folders ties layers together, e.g. the kit
 * a third-party connector builds on loading every built-in connector through the registry (issue 26).
 */
let graph: Record<string, string[]>;
let circles: string[][];

beforeAll(async () => {
  // madge's TypeScript reader warns about a deprecated AST property on every type import; not ours to fix.
  process.noDeprecation = true;
  const result = await madge([join(ROOT, 'src'), join(ROOT, 'connectors')], {
    baseDir: ROOT,
    fileExtensions: ['ts'],
    tsConfig: join(ROOT, 'tsconfig.json'),
  });
  graph = result.obj();
  circles = result.circular();
}, 120_000);

/** Every file `start` loads, directly or not. */
function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph[file] ?? []));
  }
  return seen;
}

describe('import graph', () => {
  it('reads the whole source: every connector folder and the core', () => {
    const files = Object.keys(graph);
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('src/connector-kit.ts');
    expect(files).toContain('connectors/index.ts');
  });

  it('no import circle spans more than one folder', () => {
    const spanning = circles
      .filter((circle) => new Set(circle.map((file) => dirname(file))).size > 1)
      .map((circle) => circle.join(' > '));
    expect(spanning).toEqual([]);
  });

  it("the connector kit's import closure holds no built-in connector and no registry of them", () => {
    const loaded = [...closure('src/connector-kit.ts')];
    expect(loaded.length).toBeGreaterThan(20);
    expect(loaded.filter((file) => file.startsWith('connectors/') || file === 'src/registry.ts')).toEqual([]);
  });

  it('Dialogflow ES and CX load one shared module each for what they have in common (issue 26 item 6)', () => {
    const shared = [
      'system-entities',
      'spans',
      'limits',
      'layout',
      'read-json',
      'format',
      'remote/grpc-session',
      'languages',
    ].map((name) => `connectors/dialogflow/shared/${name}.ts`);
    for (const module of shared) {
      // The edition folders (es, cx) whose files import the module.
      const editions = Object.entries(graph)
        .filter(([, imports]) => imports.includes(module))
        .map(([file]) => file.split('/')[2]);
      expect([...new Set(editions)].sort(), module).toEqual(['cx', 'es']);
    }
  });

  it('the loader and the generator load no registry and no connector: the command passes in what they need', () => {
    const core = Object.keys(graph).filter((file) => /^src\/(load|generate)\//.test(file));
    expect(core.length).toBeGreaterThan(30);
    const reaching = core.filter((file) =>
      [...closure(file)].some((loaded) => loaded === 'src/registry.ts' || loaded.startsWith('connectors/')),
    );
    expect(reaching).toEqual([]);
  });

  it('the conformance entry point may load the built-ins (it checks a connector next to them)', () => {
    expect(closure('src/conformance/index.ts').has('connectors/index.ts')).toBe(true);
  });
});
