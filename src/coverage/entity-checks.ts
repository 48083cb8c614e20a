/**
 * Entity checks: entities never annotated, list values and synonyms no utterance uses (synonyms: no utterance
 * the user wrote, when the rest was generated from the declared values), regex patterns that match no utterance,
 * phrase lists / lookup tables none of whose phrases appears, entities annotated in some utterances but left bare
 * in others where the same text appears, spans that do not match their text, and one synonym mapped to two
 * values. Also builds the entity coverage table.
 */
import {appendAll} from '../model/append.js';
import type {Dataset, Entity, EntitySpan} from '../model/dataset.js';
import {compileUserRegex, userRegexProblem} from '../model/user-regex.js';
import {isSynthetic} from './evaluate.js';
import {isWordChar, quoteList, wordTokens} from './text.js';
import type {EntityCoverageRow, Finding} from './types.js';

/** Examples kept per finding: enough to find the problem, few enough to read. */
const EXAMPLES = 3;

function flatten(spans: readonly EntitySpan[] | undefined): EntitySpan[] {
  if (!spans) return [];
  return spans.flatMap((s) => [s, ...flatten(s.children)]);
}

/** A phrase as its normalised word tokens joined by one space, so matching ignores case and punctuation. */
function phraseKey(text: string): string {
  return wordTokens(text)
    .map((t) => t.text)
    .join(' ');
}

export function checkEntities(dataset: Dataset): {findings: Finding[]; coverage: EntityCoverageRow[]} {
  const findings: Finding[] = [];
  const entities = new Map(dataset.entities.map((e) => [e.name, e]));
  const annotationCount = new Map<string, number>();
  const annotatedIntents = new Map<string, Set<string>>();
  /** entity -> normalised annotated phrase -> count. */
  const annotatedPhrases = new Map<string, Map<string, number>>();
  /** List values and synonyms (as phrase keys) grouped by first token, and those some utterance mentions. */
  const listTerms = new Map<string, string[][]>();
  for (const entity of dataset.entities) {
    for (const value of entity.kind === 'list' ? (entity.values ?? []) : []) {
      for (const term of [value.value, ...(value.synonyms ?? [])]) {
        const tokens = phraseKey(term).split(' ');
        if (!tokens[0]) continue;
        let list = listTerms.get(tokens[0]);
        if (!list) listTerms.set(tokens[0], (list = []));
        list.push(tokens);
      }
    }
  }
  const mentionedPhrases = new Set<string>();
  // A generator writes every declared synonym into its output: that a synonym appears there says nothing about
  // whether anyone uses it (a typo such as "clening" would pass). Synonyms count as used in text a person wrote.
  const hasWritten = dataset.utterances.some((u) => !isSynthetic(u));
  const writtenPhrases = new Set<string>();

  dataset.utterances.forEach((u, index) => {
    const tokens = wordTokens(u.text).map((t) => t.text);
    const written = !isSynthetic(u);
    for (let i = 0; i < tokens.length; i++) {
      for (const term of listTerms.get(tokens[i]!) ?? []) {
        if (term.every((t, k) => tokens[i + k] === t)) {
          mentionedPhrases.add(term.join(' '));
          if (written) writtenPhrases.add(term.join(' '));
        }
      }
    }
    flatten(u.entities).forEach((span, spanIndex) => {
      annotationCount.set(span.entity, (annotationCount.get(span.entity) ?? 0) + 1);
      let intents = annotatedIntents.get(span.entity);
      if (!intents) annotatedIntents.set(span.entity, (intents = new Set()));
      intents.add(u.intent);
      const spanFinding = checkSpan(u.text, u.intent, span, entities.get(span.entity));
      if (spanFinding) {
        findings.push({...spanFinding, path: `utterances[${index}].entities[${spanIndex}]`});
        return;
      }
      const key = phraseKey(u.text.slice(span.start, span.end));
      if (!key) return;
      let phrases = annotatedPhrases.get(span.entity);
      if (!phrases) annotatedPhrases.set(span.entity, (phrases = new Map()));
      phrases.set(key, (phrases.get(key) ?? 0) + 1);
    });
  });

  dataset.entities.forEach((entity, index) => {
    if (!annotationCount.get(entity.name)) {
      findings.push({
        group: 'entities',
        severity: 'warning',
        code: 'COVERAGE_ENTITY_UNUSED',
        intents: [],
        utterances: [],
        path: `entities[${index}]`,
        message: `entity "${entity.name}" is defined but never annotated in any utterance`,
        suggestion: `Annotate "${entity.name}" in the utterances that mention it, or remove the entity.`,
      });
    }
    if (entity.kind === 'list')
      appendAll(
        findings,
        checkListValues(entity, index, mentionedPhrases, hasWritten ? writtenPhrases : undefined),
      );
    if (entity.kind === 'regex') appendAll(findings, checkRegexPatterns(entity, index, dataset));
  });
  findings.push(...checkPhraseLists(dataset));

  appendAll(findings, checkUnannotatedMentions(dataset, annotatedPhrases));

  const coverage: EntityCoverageRow[] = dataset.entities.map((entity) => {
    const row: EntityCoverageRow = {
      entity: entity.name,
      kind: entity.kind,
      annotations: annotationCount.get(entity.name) ?? 0,
      intents: annotatedIntents.get(entity.name)?.size ?? 0,
    };
    if (entity.kind === 'list' && entity.values) {
      row.valuesTotal = entity.values.length;
      row.valuesCovered = entity.values.filter((v) =>
        [v.value, ...(v.synonyms ?? [])].some((term) => mentionedPhrases.has(phraseKey(term))),
      ).length;
    }
    return row;
  });
  return {findings, coverage};
}

function checkSpan(
  text: string,
  intent: string,
  span: EntitySpan,
  entity: Entity | undefined,
): Omit<Finding, 'path'> | undefined {
  const base = {group: 'entities' as const, intents: [intent], utterances: [text]};
  if (!entity) {
    return {
      ...base,
      severity: 'error',
      code: 'COVERAGE_UNDEFINED_ENTITY',
      message: `span annotates entity "${span.entity}", which is not defined`,
      suggestion: `Define "${span.entity}" in the dataset's entities, or fix the span's entity name.`,
    };
  }
  if (
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end > text.length ||
    span.start >= span.end
  ) {
    return {
      ...base,
      severity: 'error',
      code: 'COVERAGE_SPAN_MISMATCH',
      message: `span ${span.start}-${span.end} of "${span.entity}" is outside the utterance (${text.length} characters)`,
      suggestion: 'Fix the offsets: start and end are UTF-16 indices with end exclusive, within the text.',
    };
  }
  const covered = text.slice(span.start, span.end);
  if (covered.trim() !== covered || isWordChar(text, span.start - 1) || isWordChar(text, span.end)) {
    return {
      ...base,
      severity: 'error',
      code: 'COVERAGE_SPAN_MISMATCH',
      message: `span of "${span.entity}" covers "${covered}", which ${covered.trim() !== covered ? 'has surrounding spaces' : 'cuts a word in two'}`,
      suggestion: `Move the span to whole words: "${text}".slice(start, end) should be exactly the entity's text.`,
    };
  }
  if (entity.kind === 'list' && entity.values && entity.values.length > 0) {
    const known = knownTerms(entity);
    const valueKnown = span.value === undefined || entity.values.some((v) => v.value === span.value);
    if (!known.has(phraseKey(covered)) && (!valueKnown || span.value === undefined)) {
      return {
        ...base,
        severity: 'warning',
        code: 'COVERAGE_SPAN_MISMATCH',
        message: `span text "${covered}" is not a value or synonym of list entity "${entity.name}"${span.value === undefined ? '' : ` (value "${span.value}")`}`,
        suggestion: `Add "${covered}" as a synonym of the right value of "${entity.name}", or fix the span.`,
      };
    }
  }
  return undefined;
}

const knownTermsCache = new WeakMap<Entity, Set<string>>();

/** A list entity's values and synonyms as phrase keys, computed once per entity rather than once per span. */
function knownTerms(entity: Entity): Set<string> {
  let known = knownTermsCache.get(entity);
  if (!known) {
    known = new Set(
      (entity.values ?? []).flatMap((v) => [v.value, ...(v.synonyms ?? [])]).map((t) => phraseKey(t)),
    );
    knownTermsCache.set(entity, known);
  }
  return known;
}

/**
 * `written`: the phrases of utterances a person wrote, when the dataset also holds generated ones; a synonym
 * only generated text uses is reported as unused there.
 */
function checkListValues(
  entity: Entity,
  index: number,
  mentioned: Set<string>,
  written: Set<string> | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const owner = new Map<string, string>();
  (entity.values ?? []).forEach((value, valueIndex) => {
    const terms = [value.value, ...(value.synonyms ?? [])];
    const missing = terms.filter((term) => !mentioned.has(phraseKey(term)));
    // The canonical value need not be typed by anyone (synonyms map to it); a synonym nobody types is dead weight.
    const unusedSynonyms = missing.filter((term) => term !== value.value);
    const generatedOnly = written
      ? (value.synonyms ?? []).filter(
          (term) => mentioned.has(phraseKey(term)) && !written.has(phraseKey(term)),
        )
      : [];
    if (generatedOnly.length > 0 && missing.length < terms.length)
      findings.push({
        group: 'entities',
        severity: 'info',
        code: 'COVERAGE_SYNONYM_UNUSED',
        intents: [],
        utterances: [],
        path: `entities[${index}].values[${valueIndex}].synonyms`,
        message: `synonym${generatedOnly.length === 1 ? '' : 's'} ${quoteList(generatedOnly)} of "${entity.name}" value "${value.value}" appear${generatedOnly.length === 1 ? 's' : ''} in no utterance you wrote, only in generated ones (which use every declared synonym)`,
        suggestion: `Check the spelling of ${quoteList(generatedOnly)}; keep a synonym users really type (add an example with it), or remove it from "${entity.name}".`,
      });
    if (missing.length === terms.length) {
      findings.push({
        group: 'entities',
        severity: 'warning',
        code: 'COVERAGE_LIST_VALUE_UNUSED',
        intents: [],
        utterances: [],
        path: `entities[${index}].values[${valueIndex}]`,
        message: `value "${value.value}" of "${entity.name}" (and its synonyms) appears in no utterance`,
        suggestion: `Add utterances that mention "${value.value}" so the model learns it in context.`,
      });
    } else if (unusedSynonyms.length > 0) {
      findings.push({
        group: 'entities',
        severity: 'info',
        code: 'COVERAGE_SYNONYM_UNUSED',
        intents: [],
        utterances: [],
        path: `entities[${index}].values[${valueIndex}].synonyms`,
        message: `synonym${unusedSynonyms.length === 1 ? '' : 's'} ${quoteList(unusedSynonyms)} of "${entity.name}" value "${value.value}" appear${unusedSynonyms.length === 1 ? 's' : ''} in no utterance`,
        suggestion: `Check the spelling of ${quoteList(unusedSynonyms)}; add an utterance using each synonym, or remove the ones nobody types from "${entity.name}".`,
      });
    }
    for (const term of terms) {
      // Platforms match list entries case-insensitively but otherwise exactly: "in-law" and "in law" differ.
      const key = term.toLowerCase().replace(/\s+/g, ' ').trim();
      const previous = owner.get(key);
      if (previous !== undefined && previous !== value.value) {
        findings.push({
          group: 'entities',
          severity: 'error',
          code: 'COVERAGE_SYNONYM_CONFLICT',
          intents: [],
          utterances: [],
          path: `entities[${index}].values[${valueIndex}]`,
          message: `"${term}" of entity "${entity.name}" maps to two values: "${previous}" and "${value.value}"`,
          suggestion: `Keep "${term}" under one value only; the platform cannot tell which value to return.`,
        });
      } else owner.set(key, value.value);
    }
  });
  return findings;
}

/**
 * Utterances where a phrase annotated as an entity elsewhere appears with no span over it. Phrases are looked up
 * by their first token, so the cost is linear in the number of tokens, not utterances × phrases.
 */
function checkUnannotatedMentions(dataset: Dataset, annotated: Map<string, Map<string, number>>): Finding[] {
  const byFirstToken = new Map<string, {entity: string; tokens: string[]}[]>();
  for (const [entity, phrases] of annotated) {
    for (const phrase of phrases.keys()) {
      const tokens = phrase.split(' ');
      // Single very short tokens ("a", "1") match everywhere and are mostly coincidence.
      if (tokens.length === 1 && tokens[0]!.length < 3) continue;
      let list = byFirstToken.get(tokens[0]!);
      if (!list) byFirstToken.set(tokens[0]!, (list = []));
      list.push({entity, tokens});
    }
  }
  const misses = new Map<
    string,
    {phrases: Set<string>; utterances: string[]; intents: Set<string>; count: number}
  >();
  for (const u of dataset.utterances) {
    const tokens = wordTokens(u.text);
    const spans = flatten(u.entities);
    for (let i = 0; i < tokens.length; i++) {
      for (const candidate of byFirstToken.get(tokens[i]!.text) ?? []) {
        const n = candidate.tokens.length;
        if (i + n > tokens.length) continue;
        if (!candidate.tokens.every((t, k) => tokens[i + k]!.text === t)) continue;
        const start = tokens[i]!.start;
        const end = tokens[i + n - 1]!.end;
        // Any span overlapping the mention counts as annotated (possibly as another entity, on purpose).
        if (spans.some((s) => s.start < end && s.end > start)) continue;
        let miss = misses.get(candidate.entity);
        if (!miss)
          misses.set(
            candidate.entity,
            (miss = {phrases: new Set(), utterances: [], intents: new Set(), count: 0}),
          );
        miss.count++;
        miss.phrases.add(candidate.tokens.join(' '));
        miss.intents.add(u.intent);
        if (miss.utterances.length < EXAMPLES && !miss.utterances.includes(u.text))
          miss.utterances.push(u.text);
      }
    }
  }
  return [...misses].map(([entity, miss]) => ({
    group: 'entities' as const,
    severity: 'warning' as const,
    code: 'COVERAGE_ENTITY_UNANNOTATED',
    intents: [...miss.intents],
    utterances: miss.utterances,
    score: miss.count,
    message: `${miss.count} mention${miss.count === 1 ? '' : 's'} of ${quoteList([...miss.phrases])} ${miss.count === 1 ? 'is' : 'are'} not annotated as "${entity}", though annotated elsewhere`,
    suggestion: `Annotate "${entity}" consistently: the model learns from both the spans and their absence.`,
  }));
}

/** Utterances scanned for a regex pattern before it counts as matching nothing (the first match ends the scan). */
const MAX_REGEX_SCAN = 100_000;

/** Regex entity patterns that match no utterance (and no annotated span): declared, never used. */
function checkRegexPatterns(entity: Entity, index: number, dataset: Dataset): Finding[] {
  const findings: Finding[] = [];
  (entity.patterns ?? []).forEach((pattern, p) => {
    // A pattern that cannot be compiled is validate's error, not a coverage finding.
    if (userRegexProblem(pattern)) return;
    const regex = compileUserRegex(pattern);
    const utterances = dataset.utterances;
    const limit = Math.min(utterances.length, MAX_REGEX_SCAN);
    for (let i = 0; i < limit; i++) if (regex.matcher(utterances[i]!.text).find()) return;
    findings.push({
      group: 'entities',
      severity: 'warning',
      code: 'COVERAGE_REGEX_UNUSED',
      intents: [],
      utterances: [],
      path: `entities[${index}].patterns[${p}]`,
      message: `pattern /${pattern}/ of regex entity "${entity.name}" matches no utterance${utterances.length > limit ? ` (of the first ${limit.toLocaleString('en-US')})` : ''}`,
      suggestion: `Check the pattern against a real message (e.g. with synthnlu predict); add examples that contain a "${entity.name}", or remove the pattern.`,
    });
  });
  return findings;
}

/** Phrase lists (Rasa lookup tables not tied to an entity, LUIS phrase lists) none of whose phrases appears. */
function checkPhraseLists(dataset: Dataset): Finding[] {
  const lists = dataset.phraseLists ?? [];
  if (lists.length === 0) return [];
  const byFirst = new Map<string, {list: number; tokens: string[]}[]>();
  lists.forEach((list, i) => {
    for (const phrase of list.phrases) {
      const tokens = phraseKey(phrase).split(' ');
      if (!tokens[0]) continue;
      let entries = byFirst.get(tokens[0]);
      if (!entries) byFirst.set(tokens[0], (entries = []));
      entries.push({list: i, tokens});
    }
  });
  const used = new Uint8Array(lists.length);
  for (const u of dataset.utterances) {
    const tokens = wordTokens(u.text).map((t) => t.text);
    for (let i = 0; i < tokens.length; i++)
      for (const entry of byFirst.get(tokens[i]!) ?? [])
        if (!used[entry.list] && entry.tokens.every((t, k) => tokens[i + k] === t)) used[entry.list] = 1;
  }
  return lists.flatMap((list, i) =>
    used[i]
      ? []
      : [
          {
            group: 'entities' as const,
            severity: 'warning' as const,
            code: 'COVERAGE_PHRASE_LIST_UNUSED',
            intents: [],
            utterances: [],
            path: `phraseLists[${i}]`,
            message: `lookup table / phrase list "${list.name}" (${quoteList(list.phrases)}) matches no utterance`,
            suggestion: `Add examples that use the phrases of "${list.name}", check their spelling, or remove the table.`,
          },
        ],
  );
}
