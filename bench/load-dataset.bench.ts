/** Loading and validating a 100,000-utterance JSONL dataset. */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadDataset} from '../src/load/inspect.js';

export default async function loadDatasetBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bench-'));
  const file = join(dir, 'data.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    const id = String(100000 + i);
    const text = `please cancel order ${id} for me`;
    lines.push(
      JSON.stringify({
        text,
        intent: `intent_${i % 200}`,
        entities: [{entity: 'order_id', start: 20, end: 26}],
        source: 'generated',
        split: 'train',
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const started = performance.now();
  const {dataset} = await loadDataset(file);
  return {utterances: dataset.utterances.length, loadMs: Math.round(performance.now() - started)};
}
