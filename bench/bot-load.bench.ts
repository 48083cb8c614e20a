/**
 * `synthnlu bot` under load (issue 32): the built CLI serves the bundled example on 127.0.0.1 and 50 concurrent
 * connections send it mixed messages for 30 s: short ones, long ones (a pasted paragraph) and hostile ones (the
 * date-like strings that made Recognizers-Text run for minutes). Each activity asks for its replies in the
 * response (deliveryMode expectReplies), so a request's latency is the whole turn. Reports requests, error
 * responses (anything but 200 with a reply), p50/p99 latency for all messages and for the short ones, and the
 * bot process's peak memory (VmHWM). BOT_LOAD_SECONDS and BOT_LOAD_CONNECTIONS override the defaults.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {request as httpRequest, Agent} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/customer-support.yaml', import.meta.url));
const SECONDS = Number(process.env.BOT_LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BOT_LOAD_CONNECTIONS ?? 50);

const SHORT = [
  'where is my parcel',
  'cancel my order 123456',
  'I want to pay with paypal',
  'change my delivery address please',
  'can you deliver it on the 12th of may',
  'hi',
];
const LONG = [
  `${'I ordered a pair of shoes last week and they still have not arrived, the tracking page says nothing. '.repeat(20)}Please deliver on friday at 3pm.`,
];
/** Date-like strings with numbers that vary from message to message, so no answer comes from memory. */
const HOSTILE = [
  (n: number) => Array.from({length: 1500}, (_, i) => String((i * 7919 + n) % 97)).join(' '),
  (n: number) => Array.from({length: 700}, (_, i) => `${((i + n) % 12) + 1}/${((i * n) % 28) + 1}/`).join(''),
  (n: number) => Array.from({length: 300}, (_, i) => `${((i + n) % 28) + 1}th of may, `).join(''),
  (n: number) => Array.from({length: 700}, (_, i) => `${(i + n) % 10}.${(i * 3 + n) % 10}.`).join(''),
];

/** 80 % short, 15 % long, 5 % hostile, in a fixed order. */
function messageFor(n: number): {text: string; kind: 'short' | 'long' | 'hostile'} {
  const slot = n % 20;
  if (slot === 19) return {text: HOSTILE[n % HOSTILE.length]!(n), kind: 'hostile'};
  if (slot >= 16) return {text: `${LONG[n % LONG.length]!} (ticket ${n})`, kind: 'long'};
  return {text: SHORT[n % SHORT.length]!, kind: 'short'};
}

function post(url: URL, agent: Agent, body: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({status: res.statusCode ?? 0, body: text}));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 10) / 10;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export default async function botLoadBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'synthnlu-bot-load-'));
  const bot = spawn(
    process.execPath,
    [BIN, 'bot', EXAMPLE, '--port', '0', '--cache-dir', join(dir, 'cache')],
    {
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let output = '';
      bot.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /listening on (http:\/\/\S+)/.exec(output);
        if (found) resolve(new URL(found[1]!));
      });
      bot.on('exit', (code) => reject(new Error(`bot exited with ${code}: ${output}`)));
    });
    const agent = new Agent({keepAlive: true, maxSockets: CONNECTIONS});
    const latencies: Record<'short' | 'long' | 'hostile', number[]> = {short: [], long: [], hostile: []};
    let errors = 0;
    let sent = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const worker = async (id: number) => {
      while (performance.now() < deadline) {
        const n = sent++;
        const {text, kind} = messageFor(n);
        const activity = {
          type: 'message',
          id: `m${n}`,
          text,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9',
          deliveryMode: 'expectReplies',
          from: {id: `user${id}`},
          recipient: {id: 'bot'},
          conversation: {id: `conversation${id}`},
        };
        const started = performance.now();
        try {
          const response = await post(url, agent, JSON.stringify(activity));
          const replies = (JSON.parse(response.body || '{}') as {activities?: {text?: string}[]}).activities;
          if (response.status !== 200 || !replies?.[0]?.text) errors++;
        } catch {
          errors++;
        }
        latencies[kind].push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({length: CONNECTIONS}, (_, id) => worker(id)));
    agent.destroy();
    const all = [...latencies.short, ...latencies.long, ...latencies.hostile].sort((a, b) => a - b);
    const short = [...latencies.short].sort((a, b) => a - b);
    const hostile = [...latencies.hostile].sort((a, b) => a - b);
    return {
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: all.length,
      perSecond: Math.round((all.length / SECONDS) * 10) / 10,
      errors,
      p50Ms: percentile(all, 50),
      p99Ms: percentile(all, 99),
      shortP50Ms: percentile(short, 50),
      shortP99Ms: percentile(short, 99),
      hostileP50Ms: percentile(hostile, 50),
      hostileMaxMs: percentile(hostile, 100),
      botPeakRssMb: peakRssMb(bot.pid!),
    };
  } finally {
    bot.kill('SIGTERM');
    rmSync(dir, {recursive: true, force: true});
  }
}
