import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

describe('lint', () => {
  // Type-aware lint builds a program of the whole project first: about 20 s alone, more on a busy machine.
  it('is type-aware and refuses a floating promise in source, connectors and tests', async () => {
    const eslint = new ESLint({cwd: ROOT});
    const code =
      'export async function write(): Promise<void> {}\nexport function run(): void {\n  write();\n}\n';
    for (const file of ['src/commands/push.ts', 'connectors/rasa/remote.ts', 'test/remote/rasa.test.ts']) {
      const [result] = await eslint.lintText(code, {filePath: `${ROOT}${file}`});
      expect(result!.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
    }
  }, 180_000);

  it("lets a connector's tests import synthnlu/conformance and refuses it in the connector's run-time code", async () => {
    const eslint = new ESLint({cwd: ROOT});
    const code = "import {runConformance} from 'synthnlu/conformance';\nexport const run = runConformance;\n";
    const rules = async (file: string) =>
      (await eslint.lintText(code, {filePath: `${ROOT}${file}`}))[0]!.messages.map((m) => m.ruleId);
    expect(await rules('test/fixtures/connector-plugin/test/conformance.test.ts')).not.toContain(
      'synthnlu/connector-boundaries',
    );
    expect(await rules('test/fixtures/connector-plugin/simple-nlu.js')).toContain(
      'synthnlu/connector-boundaries',
    );
  });
});
