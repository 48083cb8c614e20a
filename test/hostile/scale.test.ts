/**
 * Large inputs that broke on the way (issue 32, item 8): a dataset where every utterance appears twice gives
 * 200,000 duplicate findings, which overflowed the stack ("nested too deeply") when they were appended.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/cli.js';
import {assertHostileOutcome, runIn, snapshot} from './harness.js';

function writeTwiceDataset(dir: string, distinct: number): string {
  const header = {
    $dataset: {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [{name: 'a'}, {name: 'b'}],
      entities: [],
    },
  };
  const lines = [JSON.stringify(header)];
  for (let i = 0; i < distinct; i++) {
    const line = JSON.stringify({text: `u ${i}`, intent: i % 2 ? 'a' : 'b'});
    lines.push(line, line);
  }
  writeFileSync(join(dir, 'twice.jsonl'), `${lines.join('\n')}\n`);
  return 'twice.jsonl';
}

describe('200,000 duplicate findings', () => {
  const commands: [string, (file: string) => string[], RegExp][] = [
    ['validate', (file) => ['validate', file], /valid dataset .*400,000 utterances.*200,?000 notes/],
  ];
  for (const [name, args, summary] of commands)
    it(`${name} reports them instead of overflowing the stack`, () => {
      const dir = tempDir('synthnlu-hostile-');
      const file = writeTwiceDataset(dir, 200_000);
      const before = snapshot(dir);
      const run = runIn(dir, args(file));
      assertHostileOutcome(run, {exit: 0, message: /[\s\S]*/});
      expect(`${run.stdout}${run.stderr}`).toMatch(summary);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/nested too deeply/);
      const after = snapshot(dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    });
});

export const SCALE_CASES = 1;
