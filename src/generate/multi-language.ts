/**
 * Generation of a spec in several languages: each language is generated from its own view of the spec with
 * its own language pack, and every utterance carries its `language`. A one-language spec runs once, exactly as
 * before (its utterances carry no language; the dataset's `language` says it).
 */
import type {Utterance} from '../model/dataset.js';
import {isMultiLanguage, languageViews, oneLanguageSpec} from '../spec/languages.js';
import type {Spec, SpecDocument} from '../spec/spec.js';
import {languagePackFor} from './language.js';
import {generateUtterancesSync, type GenerateOptions, type GenerationReport} from './pipeline.js';

/** One language to generate: its view of the spec, and whether utterances are tagged with it. */
export interface LanguageRun {
  language: string;
  spec: Spec;
  tagged: boolean;
}

export function languageRuns(document: Spec | SpecDocument): LanguageRun[] {
  if (!isMultiLanguage(document)) {
    const spec = oneLanguageSpec(document);
    return [{language: spec.language ?? 'en', spec, tagged: false}];
  }
  return languageViews(document as SpecDocument).map((view) => ({
    language: view.language,
    spec: view.spec,
    tagged: true,
  }));
}

/** The utterance with its language, after its intent (where people read it). */
export function withLanguage(utterance: Utterance, language: string): Utterance {
  const {text, intent, ...rest} = utterance;
  return {text, intent, language, ...rest};
}

/**
 * Runs the generator language by language, yielding every utterance (tagged with its language in a
 * multi-language spec); returns the report, one language's as it is, several merged.
 */
export async function* generateEveryLanguage(
  document: Spec | SpecDocument,
  options: GenerateOptions,
): AsyncGenerator<Utterance, GenerationReport> {
  const runs = languageRuns(document);
  const reports: GenerationReport[] = [];
  for (const run of runs) {
    const pack = runs.length === 1 && options.pack ? options.pack : await languagePackFor(run.spec);
    const iterator = generateUtterancesSync(run.spec, {...options, pack});
    let step = iterator.next();
    while (!step.done) {
      yield run.tagged ? withLanguage(step.value, run.language) : step.value;
      step = iterator.next();
    }
    reports.push(step.value);
  }
  return mergeReports(runs, reports);
}

/** Several languages' reports as one: counts summed, intents listed per language, each with its language. */
export function mergeReports(runs: LanguageRun[], reports: GenerationReport[]): GenerationReport {
  if (reports.length === 1) return reports[0]!;
  const first = reports[0]!;
  const merged: GenerationReport = {
    ...first,
    produced: 0,
    requested: 0,
    shortfall: 0,
    intents: [],
    tags: {},
    filter: reports.some((r) => r.filter),
    languages: [],
  };
  reports.forEach((report, i) => {
    const language = runs[i]!.language;
    merged.produced += report.produced;
    merged.requested += report.requested;
    merged.shortfall += report.shortfall;
    for (const intent of report.intents) merged.intents.push({...intent, language});
    for (const [tag, count] of Object.entries(report.tags))
      merged.tags[tag as keyof typeof merged.tags] =
        (merged.tags[tag as keyof typeof merged.tags] ?? 0) + (count ?? 0);
    merged.languages!.push({
      language,
      produced: report.produced,
      requested: report.requested,
      shortfall: report.shortfall,
    });
  });
  return merged;
}
