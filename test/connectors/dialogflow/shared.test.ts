import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  canonicalPrebuilt as cxCanonical,
  cxSystemType,
} from '../../../connectors/dialogflow/cx/system-entities.js';
import {
  canonicalPrebuilt as esCanonical,
  dialogflowSystemType,
} from '../../../connectors/dialogflow/es/system-entities.js';
import {ROOT} from '../../helpers/cli.js';

/**
 * Dialogflow ES and CX are two connectors in one folder (connectors/dialogflow/es, cx) whose common parts live
 * once, in connectors/dialogflow/shared (issue 26 item 6). The import graph test checks both editions load the
 * shared modules; this one checks no copy grows back, and that the editions' own differences stay.
 */
const FOLDER = join(ROOT, 'connectors', 'dialogflow');
const RUN = 6;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The code lines of a file, white space folded, with their line numbers: blank lines, comments, lone
 * punctuation and import statements are left out (a list of imported names is no copied logic).
 */
function codeLines(file: string): {line: number; text: string}[] {
  const out: {line: number; text: string}[] = [];
  let inImport = false;
  let inComment = false;
  for (const [index, raw] of readFileSync(file, 'utf8').split('\n').entries()) {
    const text = raw.trim().replace(/\s+/g, ' ');
    if (inComment) {
      if (text.includes('*/')) inComment = false;
      continue;
    }
    if (text.startsWith('/*')) {
      inComment = !text.includes('*/');
      continue;
    }
    if (inImport || /^(import|export) (type )?\{$/.test(text)) {
      inImport = !/^\} from '[^']+';$/.test(text);
      continue;
    }
    if (text === '' || text.startsWith('//') || text.startsWith('import ') || /^[\][(){};,]*$/.test(text))
      continue;
    out.push({line: index + 1, text});
  }
  return out;
}

/** Every window of RUN code lines of a file, as text, with the place it starts at. */
function windows(file: string): {key: string; place: string}[] {
  const lines = codeLines(file);
  return lines.slice(0, Math.max(0, lines.length - RUN + 1)).map((first, i) => ({
    key: lines
      .slice(i, i + RUN)
      .map((l) => l.text)
      .join('\n'),
    place: `${relative(FOLDER, file)}:${first.line}`,
  }));
}

/** Runs of RUN or more identical code lines that stand in a file of `a` and in a file of `b`. */
function sharedRuns(a: readonly string[], b: readonly string[]): string[] {
  const starts = new Map<string, string[]>();
  for (const {key, place} of a.flatMap(windows)) starts.set(key, [...(starts.get(key) ?? []), place]);
  return b
    .flatMap(windows)
    .flatMap(({key, place}) => (starts.get(key) ?? []).map((other) => `${other} ~ ${place}`));
}

describe('Dialogflow ES and CX share one copy of their common code', () => {
  it(`no run of ${RUN} identical code lines stands in two of es/, cx/ and shared/`, () => {
    const [es, cx, shared] = ['es', 'cx', 'shared'].map((dir) => sourceFiles(join(FOLDER, dir)));
    expect(es!.length).toBeGreaterThan(10);
    expect(cx!.length).toBeGreaterThan(10);
    expect(shared!.length).toBeGreaterThan(5);
    expect([...sharedRuns(es!, cx!), ...sharedRuns(es!, shared!), ...sharedRuns(cx!, shared!)]).toEqual([]);
  });

  it('the check finds a copied run (it reads what it should)', () => {
    const shared = join(FOLDER, 'shared', 'system-entities.ts');
    expect(sharedRuns([shared], [shared]).length).toBeGreaterThan(10);
  });

  it("keeps each edition's own system-entity mappings", () => {
    // Shared: one table for what both editions map alike.
    for (const canonical of [esCanonical, cxCanonical]) {
      expect(canonical('sys.geo-city')).toBe('location');
      expect(canonical('sys.given-name')).toBe('person');
      expect(canonical('sys.music-artist')).toBe('music-artist');
    }
    expect(dialogflowSystemType('datetime')).toBe('sys.date-time');
    expect(cxSystemType('datetime')).toBe('sys.date-time');
    // CX's own: periods are datetimes and a zip code is a location; ES keeps their own names.
    expect(cxCanonical('sys.date-period')).toBe('datetime');
    expect(cxCanonical('sys.zip-code')).toBe('location');
    expect(esCanonical('sys.date-period')).toBe('date-period');
    expect(esCanonical('sys.zip-code')).toBe('zip-code');
    // ES's own: only the system types ES has (a restore refuses others); CX writes any name.
    expect(dialogflowSystemType('no-such-type')).toBeUndefined();
    expect(cxSystemType('no-such-type')).toBe('sys.no-such-type');
  });
});
