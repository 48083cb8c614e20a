import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {inspectSpecFile, loadSpec} from '../../src/library-load.js';
import {parseChatitoText} from '../../src/spec/chatito/parse.js';
import {ROOT, tempDir} from '../helpers/cli.js';

const BOOKING = join(ROOT, 'examples/date-booking.chatito');

describe('Chatito parser', () => {
  it('reads definitions, arguments, references, optional marks, probabilities and comments', () => {
    const {definitions, imports} = parseChatitoText(
      [
        '// a comment',
        'import ./common.chatito',
        '%[greet](\'training\': \'3\', "testing": "1")',
        '    *[70%] ~[hi] @[name#formal?]',
        '    *[2] hey there',
        '# another comment',
        '@[name#formal]',
        '    Mr ~[surname]',
      ].join('\n'),
      'a.chatito',
    );
    expect(imports).toEqual([{path: './common.chatito', line: 2}]);
    expect(definitions[0]).toMatchObject({
      kind: 'intent',
      name: 'greet',
      args: {training: '3', testing: '1'},
      line: 3,
    });
    expect(definitions[0]!.sentences[0]).toMatchObject({
      percent: 70,
      tokens: [
        {kind: 'alias', name: 'hi', optional: false},
        {kind: 'text', text: ' '},
        {kind: 'slot', name: 'name', variation: 'formal', optional: true},
      ],
    });
    expect(definitions[0]!.sentences[1]).toMatchObject({
      weight: 2,
      tokens: [{kind: 'text', text: 'hey there'}],
    });
    expect(definitions[1]).toMatchObject({kind: 'slot', name: 'name', variation: 'formal'});
  });

  it.each([
    ['%[greet]\n\thello\n', 2, /tabs/],
    ['    hello\n', 1, /outside any definition/],
    ["%[greet]('training' '3')\n    hi\n", 1, /entity arguments/],
    ['%[greet]\n', 1, /no sentences/],
  ])('names the file and line of a syntax error in %j', (text, line, message) => {
    expect(() => parseChatitoText(text, 'bad.chatito')).toThrowError(message);
    try {
      parseChatitoText(text, 'bad.chatito');
    } catch (error) {
      expect((error as {location: unknown}).location).toEqual({file: 'bad.chatito', line});
    }
  });
});

describe('Chatito specs', () => {
  it('generates exactly the training and testing counts the file asks for, with imports resolved', async () => {
    const {spec} = await loadSpec(BOOKING);
    const {dataset, report} = await generateDataset(spec, {seed: 1});
    expect(report.intents.map((i) => [i.intent, i.train, i.test, i.shortfall])).toEqual([
      ['bookTable', 60, 15, 0],
      ['cancelBooking', 20, 5, 0],
    ]);
    // Slot variations and aliases from the imported file are expanded; slots are annotated by slot name.
    expect(dataset.entities.map((e) => e.name)).toEqual(['guests', 'restaurant', 'bookDate', 'bookTime']);
    for (const u of dataset.utterances) {
      expect(u.text).not.toMatch(/[~@%]\[|\s\s/);
      for (const span of u.entities ?? [])
        expect(u.text.slice(span.start, span.end)).toBe(u.text.slice(span.start, span.end).trim());
    }
    expect(dataset.utterances.some((u) => /\b(Monday|Friday|Saturday|Sunday)\b/.test(u.text))).toBe(true);
  });

  it('follows probability operators, undefined aliases and exhaustive intents without counts', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.chatito');
    writeFileSync(
      file,
      ['%[ask]', '    *[90%] ~[hello] @[who]', '    bye @[who]', '', '@[who]', '    Ann', '    Bob', ''].join(
        '\n',
      ),
    );
    const {spec} = await loadSpec(file);
    expect(spec.intents[0].count).toBe(4);
    const {dataset} = await generateDataset(spec, {seed: 1});
    expect(dataset.utterances.map((u) => u.text).sort()).toEqual([
      'bye Ann',
      'bye Bob',
      'hello Ann',
      'hello Bob',
    ]);
    const weighted = await generateDataset({...spec, intents: [{...spec.intents[0], count: 1}]}, {seed: 1});
    expect(weighted.dataset.utterances).toHaveLength(1);
    // 90% of single draws start with "hello": check over many seeds.
    let hello = 0;
    for (let seed = 0; seed < 200; seed++) {
      const one = await generateDataset({...spec, intents: [{...spec.intents[0], count: 1}]}, {seed});
      if (one.dataset.utterances[0]!.text.startsWith('hello')) hello += 1;
    }
    expect(hello).toBeGreaterThan(160);
  });

  it("annotates an alias alone in a slot sentence as a synonym of the alias name when it says ('synonym': 'true')", async () => {
    const file = join(tempDir(), 's.chatito');
    writeFileSync(
      file,
      [
        '%[go]',
        '    fly to @[city]',
        '',
        '@[city]',
        '    ~[nyc]',
        '    Paris',
        '',
        "~[nyc]('synonym': 'true')",
        '    new york',
        '    big apple',
        '',
      ].join('\n'),
    );
    const {spec} = await loadSpec(file);
    const {dataset} = await generateDataset(spec, {seed: 1});
    const spans = dataset.utterances.map((u) => ({
      text: u.text.slice(u.entities![0]!.start, u.entities![0]!.end),
      value: u.entities![0]!.value,
    }));
    expect(spans.sort((a, b) => a.text.localeCompare(b.text))).toEqual([
      {text: 'big apple', value: 'nyc'},
      {text: 'new york', value: 'nyc'},
      {text: 'Paris', value: undefined},
    ]);
  });

  it("keeps an alias's own text as the slot value without ('synonym': 'true'), as Chatito does", async () => {
    const file = join(tempDir(), 's.chatito');
    writeFileSync(
      file,
      ['%[go]', '    fly to @[city]', '', '@[city]', '    ~[nyc]', '', '~[nyc]', '    new york', ''].join(
        '\n',
      ),
    );
    const {spec} = await loadSpec(file);
    const {dataset} = await generateDataset(spec, {seed: 1});
    expect(dataset.utterances.map((u) => u.entities![0]!.value)).toEqual([undefined]);
  });

  it("lets an intent's sentence name a slot of several variations without one: any variation's value", async () => {
    const file = join(tempDir(), 'v.chatito');
    writeFileSync(
      file,
      [
        '%[go]',
        '    fly to @[city]',
        '',
        '@[city#north]',
        '    Oslo',
        '',
        '@[city#south]',
        '    Rome',
        '',
      ].join('\n'),
    );
    const {spec} = await loadSpec(file);
    const {dataset} = await generateDataset(spec, {seed: 1});
    expect(dataset.utterances.map((u) => u.text).sort()).toEqual(['fly to Oslo', 'fly to Rome']);
    expect(dataset.utterances.map((u) => u.entities![0]!.entity)).toEqual(['city', 'city']);
  });

  it('reports an unknown slot and an unreadable import with file and line', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.chatito'), '%[x]\n    hi @[nobody]\n');
    const a = await inspectSpecFile(join(dir, 'a.chatito'));
    expect(a.diagnostics[0]).toMatchObject({
      code: 'CHATITO_UNKNOWN_SLOT',
      file: join(dir, 'a.chatito'),
      line: 2,
    });
    writeFileSync(join(dir, 'b.chatito'), '%[x]\n    hi\nimport ./sub/missing.chatito\n');
    const b = await inspectSpecFile(join(dir, 'b.chatito'));
    expect(b.diagnostics[0]).toMatchObject({code: 'CHATITO_SYNTAX', line: 3});
    expect(b.diagnostics[0]!.message).toContain('missing.chatito');
  });
});
