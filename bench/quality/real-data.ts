/**
 * Real-data sets for the generation quality benchmark (../shared/data): CLINC150 (150 intents written by crowd
 * workers; seeds from `train`, tune on `val`, report `test`) and Bitext customer support (27 intents, rich in
 * register and noise variation; split per intent into a seed pool and held-out val/test parts, fixed once).
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {createRng} from '../../src/generate/rng.js';

export interface LabelledText {
  text: string;
  intent: string;
}

export interface RealDataSet {
  name: string;
  /** Where seeds are drawn from. */
  pool: LabelledText[];
  /** For tuning. */
  val: LabelledText[];
  /** For the final figure only. */
  test: LabelledText[];
  /** Out-of-scope queries, where the set has them. */
  oosVal?: string[];
  oosTest?: string[];
}

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

export function loadClinc150(): RealDataSet {
  const raw = JSON.parse(readFileSync(`${SHARED}clinc150/data_full.json`, 'utf8')) as Record<
    string,
    Array<[string, string]>
  >;
  const rows = (key: string): LabelledText[] => raw[key]!.map(([text, intent]) => ({text, intent}));
  return {
    name: 'clinc150',
    pool: rows('train'),
    val: rows('val'),
    test: rows('test'),
    oosVal: raw.oos_val!.map(([text]) => text),
    oosTest: raw.oos_test!.map(([text]) => text),
  };
}

/** Minimal RFC 4180 reader (quoted fields with doubled quotes and embedded commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Every Bitext utterance with its intent, in file order. */
export function readBitextRows(): LabelledText[] {
  const [header, ...rows] = parseCsv(readFileSync(`${SHARED}bitext/train.csv`, 'utf8'));
  const textColumn = header!.indexOf('utterance');
  const intentColumn = header!.indexOf('intent');
  return rows
    .filter((row) => row.length > intentColumn)
    .map((row) => ({text: row[textColumn]!, intent: row[intentColumn]!}));
}

/** Bitext: per intent, a fixed shuffle puts half in the seed pool, a quarter in val and a quarter in test. */
export function loadBitext(): RealDataSet {
  const byIntent = new Map<string, string[]>();
  for (const {text, intent} of readBitextRows())
    byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
  const rng = createRng('bitext-held-out');
  const set: RealDataSet = {name: 'bitext', pool: [], val: [], test: []};
  for (const [intent, texts] of [...byIntent].sort(([a], [b]) => a.localeCompare(b))) {
    const shuffled = rng.shuffle([...texts]);
    const half = Math.floor(shuffled.length / 2);
    const quarter = Math.floor(shuffled.length / 4);
    shuffled.forEach((text, i) =>
      (i < half ? set.pool : i < half + quarter ? set.val : set.test).push({text, intent}),
    );
  }
  return set;
}

/** K seeds per intent, drawn with a fixed rng per draw (the same draw gives the same seeds everywhere). */
export function drawSeeds(pool: LabelledText[], perIntent: number, draw: number): Map<string, string[]> {
  const byIntent = new Map<string, string[]>();
  for (const u of pool) byIntent.set(u.intent, [...(byIntent.get(u.intent) ?? []), u.text]);
  const rng = createRng(`real-seeds-${draw}`);
  const seeds = new Map<string, string[]>();
  for (const [intent, texts] of byIntent) seeds.set(intent, rng.shuffle([...texts]).slice(0, perIntent));
  return seeds;
}
