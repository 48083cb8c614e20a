import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

describe('lint', () => {
  it('is type-aware and refuses a floating promise in source, connectors and tests', async () => {
    const eslint = new ESLint({cwd: ROOT});
    const code =
      'export async function write(): Promise<void> {}\nexport function run(): void {\n  write();\n}\n';
    for (const file of ['src/commands/push.ts', 'connectors/rasa/remote.ts', 'test/remote/rasa.test.ts']) {
      const [result] = await eslint.lintText(code, {filePath: `${ROOT}${file}`});
      expect(result!.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
    }
  });
});
