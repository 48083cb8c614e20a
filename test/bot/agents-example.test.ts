/** examples/agents-sdk/agent.mjs runs as its README says, and answers with the recognised intent. */
import {spawn} from 'node:child_process';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';
import {postJson} from './channel.js';

describe('examples/agents-sdk', () => {
  const child = spawn(process.execPath, [join(ROOT, 'examples', 'agents-sdk', 'agent.mjs')], {
    cwd: ROOT,
    env: {...process.env, PORT: '0', XDG_CACHE_HOME: tempDir(), clientId: '', clientSecret: ''},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  afterAll(() => void child.kill('SIGTERM'));

  it('serves the agent, prints a curl command, and answers that command with the intent and entities', async () => {
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    const printed = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (/^Try: curl .*\n/m.test(output)) resolve(output);
      });
      child.on('exit', (code) => reject(new Error(`the example exited with ${code}: ${errors}`)));
    });
    const url = /Agent listening on (http:\/\/127\.0\.0\.1:\d+\/api\/messages)/.exec(printed)![1]!;
    const body = /-d '([^']+)'/.exec(printed)![1]!;
    const response = await postJson(url, body);
    expect(response.status).toBe(200);
    const {activities} = (await response.json()) as {activities: Array<{text: string}>};
    expect(activities.map((a) => a.text)).toEqual([
      expect.stringMatching(/^Intent track_order \(\d+%\), order_id="123456"$/),
    ]);
    expect(errors).toBe('');
  });
});
