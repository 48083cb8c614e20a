/**
 * Entity extraction measured against annotated utterances of real platform files in ../shared/fixtures
 * (shared by test/recognizer and bench/recognizer.bench.ts). Gold spans are the annotations of list, regex and
 * system entities the recognizer supports; a prediction counts when entity name and span are equal (strict) or
 * when the spans overlap (lenient). LUIS's Calendar app labels its date and time mentions with machine-learned
 * entities (FromDate, ToTime, Duration…), which measure the datetime extractor the same way.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadAnyAsDataset} from '../../src/convert/load-any.js';
import type {Dataset} from '../../src/model/dataset.js';
import {EntityExtractor, systemEntityBindings} from '../../src/recognizer/local-recognizer.js';
import {SHARED} from '../helpers/cli.js';

export interface Counts {
  gold: number;
  predicted: number;
  strictHits: number;
  /** Gold spans overlapped by a prediction of the same entity. */
  lenientRecallHits: number;
  /** Predictions overlapping a gold span of the same entity. */
  lenientPrecisionHits: number;
}

export interface Scores {
  gold: number;
  predicted: number;
  strictPrecision: number;
  strictRecall: number;
  lenientPrecision: number;
  lenientRecall: number;
}

export function scores(c: Counts): Scores {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(3)));
  return {
    gold: c.gold,
    predicted: c.predicted,
    strictPrecision: ratio(c.strictHits, c.predicted),
    strictRecall: ratio(c.strictHits, c.gold),
    lenientPrecision: ratio(c.lenientPrecisionHits, c.predicted),
    lenientRecall: ratio(c.lenientRecallHits, c.gold),
  };
}

interface Span {
  entity: string;
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.entity === b.entity && a.start < b.end && b.start < a.end;

export function addCounts(counts: Counts, gold: Span[], predicted: Span[]): void {
  counts.gold += gold.length;
  counts.predicted += predicted.length;
  counts.strictHits += gold.filter((g) =>
    predicted.some((p) => p.entity === g.entity && p.start === g.start && p.end === g.end),
  ).length;
  counts.lenientRecallHits += gold.filter((g) => predicted.some((p) => overlaps(p, g))).length;
  counts.lenientPrecisionHits += predicted.filter((p) => gold.some((g) => overlaps(p, g))).length;
}

export const emptyCounts = (): Counts => ({
  gold: 0,
  predicted: 0,
  strictHits: 0,
  lenientRecallHits: 0,
  lenientPrecisionHits: 0,
});

/** Fixture files whose utterances annotate list or system entities. */
export const ANNOTATED_FIXTURES = [
  'dialogflow/dialogflow-iosched-nodejs',
  'dialogflow/fulfillment-bike-shop-nodejs',
  'dialogflow/icecream.zip',
  'clu/CLUScriptDeployed.json',
  'lu/sorted.lu',
];

/** List, regex and supported system entity annotations of imported fixtures, against the extractor's output. */
export async function evaluateDeclaredEntities(
  fixtures: readonly string[] = ANNOTATED_FIXTURES,
): Promise<{perFixture: Record<string, Scores>; byKind: Record<string, Scores>}> {
  const perFixture: Record<string, Scores> = {};
  const byKindCounts: Record<string, Counts> = {};
  for (const fixture of fixtures) {
    const {dataset} = await loadAnyAsDataset(join(SHARED, 'fixtures', fixture));
    const counts = emptyCounts();
    const kinds = supportedKinds(dataset);
    // Only declared entities: the default system types (undeclared number, url...) have no annotations to meet.
    const extractor = await EntityExtractor.create(dataset, {defaultSystemTypes: []});
    for (const utterance of dataset.utterances) {
      const gold = (utterance.entities ?? []).filter((s) => kinds.has(s.entity));
      const predicted = extractor.match(utterance.text);
      addCounts(counts, gold, predicted);
      for (const kind of new Set([...kinds.values()])) {
        const c = (byKindCounts[kind] ??= emptyCounts());
        addCounts(
          c,
          gold.filter((s) => kinds.get(s.entity) === kind),
          predicted.filter((p) => kinds.get(p.entity) === kind),
        );
      }
    }
    perFixture[fixture] = scores(counts);
  }
  return {
    perFixture,
    byKind: Object.fromEntries(Object.entries(byKindCounts).map(([kind, c]) => [kind, scores(c)])),
  };
}

function supportedKinds(dataset: Dataset): Map<string, 'list' | 'regex' | 'prebuilt'> {
  const kinds = new Map<string, 'list' | 'regex' | 'prebuilt'>();
  for (const e of dataset.entities) if (e.kind === 'list' || e.kind === 'regex') kinds.set(e.name, e.kind);
  for (const binding of systemEntityBindings(dataset).bindings) kinds.set(binding.entity, 'prebuilt');
  return kinds;
}

const CALENDAR_DATETIME_LABELS = new Set(['FromDate', 'ToDate', 'FromTime', 'ToTime', 'Duration']);

/** LUIS Calendar.json: date/time mentions (labelled FromDate, ToTime, Duration...) against the datetime extractor. */
export async function evaluateCalendarDatetimes(limit = Infinity): Promise<Scores> {
  const app = JSON.parse(readFileSync(join(SHARED, 'fixtures', 'luis', 'Calendar.json'), 'utf8')) as {
    utterances: {text: string; entities: {entity: string; startPos: number; endPos: number}[]}[];
  };
  const extractor = await EntityExtractor.create({entities: []}, {defaultSystemTypes: ['datetime']});
  const counts = emptyCounts();
  for (const utterance of app.utterances.slice(0, limit)) {
    const gold = utterance.entities
      .filter((e) => CALENDAR_DATETIME_LABELS.has(e.entity))
      // LUIS endPos is inclusive.
      .map((e) => ({entity: 'datetime', start: e.startPos, end: e.endPos + 1}));
    addCounts(counts, gold, extractor.match(utterance.text));
  }
  return scores(counts);
}
