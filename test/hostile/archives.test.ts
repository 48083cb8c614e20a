/**
 * Hostile archives and oversized platform files (issue 17, problems 1 and 8): every guard fires on a small
 * input (a lying header, a low --max-bytes), before any connector sees the data.
 */
import {closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'vitest';
import {craftZip} from './craft-zip.js';
import {runHostileCase, type HostileCase} from './harness.js';

const AGENT = Buffer.from('{"language":"en"}');

function zipCase(
  name: string,
  zip: () => Buffer,
  expected: Omit<HostileCase, 'name' | 'setup'>,
  extraArgs: string[] = [],
): HostileCase {
  return {
    name,
    setup: (dir) => {
      writeFileSync(join(dir, 'agent.zip'), zip());
      return ['import', 'agent.zip', '--out', 'out.json', ...extraArgs];
    },
    names: 'agent.zip',
    json: true,
    ...expected,
  };
}

const cases: HostileCase[] = [
  zipCase(
    'entries that all point at one compressed stream (overlap bomb)',
    () =>
      craftZip(
        Array.from({length: 50}, (_, i) => ({name: `intents/i${i}.json`, data: Buffer.alloc(200_000, 0x61)})),
        {shareFirstStream: true},
      ),
    {exit: 2, code: 'ZIP_OVERLAPPING_ENTRIES', message: /share the same data/},
  ),
  zipCase(
    'an entry whose declared size lies (declares 10 bytes, inflates to 1 MB)',
    () => craftZip([{name: 'agent.json', data: Buffer.alloc(1024 * 1024, 0x20), declaredSize: 10}]),
    {exit: 2, code: 'ZIP_CORRUPT', message: /inflates past its declared size/},
  ),
  zipCase(
    'an archive inflating past --max-bytes (1 MB of spaces, limit 64 KB)',
    () => craftZip([{name: 'agent.json', data: Buffer.alloc(1024 * 1024, 0x20)}]),
    {exit: 2, code: 'ZIP_TOO_LARGE', message: /inflates past the 64 KB limit/},
    ['--max-bytes', '64KB'],
  ),
  zipCase(
    'an end record claiming 20000 entries (refused before parsing them)',
    () => craftZip([{name: 'agent.json', data: AGENT}], {claimEntries: 20_000}),
    {exit: 2, code: 'ZIP_TOO_MANY_ENTRIES', message: /20000 entries, over the 10000 limit/},
  ),
  zipCase(
    'an entry escaping the archive (zip-slip)',
    () => craftZip([{name: '../../evil.json', data: AGENT}]),
    {exit: 2, code: 'ZIP_UNSAFE_PATH', message: /points outside the archive/},
  ),
  zipCase(
    'a symbolic link entry',
    () => craftZip([{name: 'agent.json', data: Buffer.from('/etc/passwd'), unixMode: 0o120777, method: 0}]),
    {exit: 2, code: 'ZIP_SYMLINK', message: /is a symbolic link/},
  ),
  zipCase('an entry failing its CRC', () => craftZip([{name: 'agent.json', data: AGENT, crc: 0x1234}]), {
    exit: 2,
    code: 'ZIP_CORRUPT',
    message: /fails its CRC check/,
  }),
  zipCase('a truncated archive', () => craftZip([{name: 'agent.json', data: AGENT}]).subarray(0, 40), {
    exit: 2,
    code: 'ZIP_CORRUPT',
    message: /not a readable zip archive/,
  }),
  zipCase(
    'the same name twice',
    () =>
      craftZip([
        {name: 'agent.json', data: AGENT},
        {name: 'agent.json', data: AGENT},
      ]),
    {exit: 2, code: 'ZIP_DUPLICATE_ENTRY', message: /holds "agent.json" twice/},
  ),
  {
    name: 'a Rasa YAML file over the 8 MB limit for YAML (sparse, never parsed)',
    setup: (dir) => {
      const fd = openSync(join(dir, 'nlu.yml'), 'w');
      ftruncateSync(fd, 9 * 1024 * 1024);
      closeSync(fd);
      return ['import', 'nlu.yml', '--from', 'rasa', '--out', 'out.json'];
    },
    exit: 2,
    code: 'FILE_TOO_LARGE',
    json: true,
    names: 'nlu.yml',
    message: /over the 8 MB limit for YAML/,
  },
  {
    name: 'a platform JSON file over --max-bytes',
    setup: (dir) => {
      writeFileSync(
        join(dir, 'app.json'),
        JSON.stringify({luis_schema_version: '7.0.0', pad: 'x'.repeat(5000)}),
      );
      return ['convert', 'app.json', '--to', 'rasa', '--out', 'nlu.yml', '--max-bytes', '1KB'];
    },
    exit: 2,
    code: 'FILE_TOO_LARGE',
    names: 'app.json',
    message: /over the 1 KB limit/,
  },
  {
    name: 'a JSON spec over the 10 MB spec limit (generate)',
    setup: (dir) => {
      writeFileSync(join(dir, 'spec.json'), `{"intents": [], "pad": "${'x'.repeat(11 * 1024 * 1024)}"}`);
      return ['generate', 'spec.json', '--out', 'out.jsonl'];
    },
    exit: 2,
    code: 'FILE_TOO_LARGE',
    names: 'spec.json',
    message: /over the 10 MB limit/,
  },
  {
    name: 'a folder import with more data than --max-bytes',
    setup: (dir) => {
      const folder = join(dir, 'agent');
      mkdirSync(join(folder, 'intents'), {recursive: true});
      writeFileSync(join(folder, 'agent.json'), AGENT);
      for (let i = 0; i < 4; i++) writeFileSync(join(folder, 'intents', `i${i}.json`), 'x'.repeat(600));
      return ['import', 'agent', '--out', 'out.json', '--max-bytes', '2KB'];
    },
    exit: 2,
    code: 'SOURCE_TOO_LARGE',
    names: 'agent',
    message: /folder holds over 2 KB of data/,
  },
];

describe('hostile archives and oversized platform files', () => {
  for (const c of cases) it(c.name, () => void runHostileCase(c));
});

export const ARCHIVE_CASES = cases.length;
