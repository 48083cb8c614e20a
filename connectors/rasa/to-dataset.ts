import {
  type ConnectorContext,
  emptyDataset,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
} from '../../src/connector-kit.js';
import type {RasaTrainingData} from './training-data.js';

/**
 * Rasa → canonical. Annotated entities are free-form (Rasa learns them) unless a regex block or a lookup table
 * of the same name defines them: then they are regex or list entities. A list entity's values are the lookup
 * elements that are not synonyms of another element, with synonyms from the synonym blocks. Lookup tables no
 * annotation uses are phrase lists; synonym blocks that belong to no list entity are kept in metadata.rasa.
 */
export function trainingDataToDataset(
  data: RasaTrainingData,
  name: string | undefined,
  context: ConnectorContext,
  file: string,
): Dataset {
  const dataset = emptyDataset('en', name);
  for (const intent of data.intents) {
    const metadata = data.intentMetadata.get(intent);
    dataset.intents.push(
      metadata === undefined ? {name: intent} : {name: intent, metadata: {rasa: {metadata}}},
    );
  }
  const annotated: string[] = [];
  for (const example of data.examples)
    for (const e of example.entities) if (!annotated.includes(e.entity)) annotated.push(e.entity);

  const regexes = new Map<string, string[]>();
  for (const r of data.regexes) regexes.set(r.name, [...(regexes.get(r.name) ?? []), ...r.patterns]);
  const lookups = new Map<string, string[]>();
  for (const l of data.lookups) lookups.set(l.name, [...(lookups.get(l.name) ?? []), ...l.elements]);
  const synonymsOf = new Map<string, string[]>();
  for (const s of data.synonyms) synonymsOf.set(s.value, [...(synonymsOf.get(s.value) ?? []), ...s.synonyms]);
  const usedSynonymBlocks = new Set<string>();

  const listEntity = (entityName: string, elements: string[]): Entity => {
    const set = new Set(elements);
    const valueOf = new Map<string, string>();
    for (const element of elements) {
      if (synonymsOf.has(element))
        for (const s of synonymsOf.get(element)!)
          if (s !== element && !valueOf.has(s)) valueOf.set(s, element);
    }
    const values: NonNullable<Entity['values']> = [];
    const seen = new Set<string>();
    for (const element of elements) {
      const owner = valueOf.get(element);
      if ((owner !== undefined && set.has(owner) && !synonymsOf.has(element)) || seen.has(element)) continue;
      seen.add(element);
      const synonyms = [...new Set((synonymsOf.get(element) ?? []).filter((s) => s !== element))];
      if (synonymsOf.has(element)) usedSynonymBlocks.add(element);
      values.push(synonyms.length > 0 ? {value: element, synonyms} : {value: element});
    }
    return {name: entityName, kind: 'list', values};
  };

  for (const entityName of annotated) {
    if (regexes.has(entityName))
      dataset.entities.push({name: entityName, kind: 'regex', patterns: regexes.get(entityName)!});
    else if (lookups.has(entityName)) dataset.entities.push(listEntity(entityName, lookups.get(entityName)!));
    else dataset.entities.push({name: entityName, kind: 'ml'});
  }
  for (const [regexName, patterns] of regexes) {
    if (!annotated.includes(regexName)) dataset.entities.push({name: regexName, kind: 'regex', patterns});
  }
  for (const [lookupName, elements] of lookups) {
    if (!annotated.includes(lookupName))
      (dataset.phraseLists ??= []).push({name: lookupName, phrases: elements});
  }
  const looseSynonyms = data.synonyms.filter((s) => !usedSynonymBlocks.has(s.value));
  const rasaMeta: Record<string, unknown> = {};
  if (looseSynonyms.length > 0) rasaMeta.synonyms = looseSynonyms;
  if (data.lookupFiles.length > 0) {
    rasaMeta.lookupFiles = data.lookupFiles;
    context.warn({
      code: 'RASA_LOOKUP_FILE',
      message: `lookup table${data.lookupFiles.length === 1 ? '' : 's'} ${data.lookupFiles.map((l) => `"${l.name}" (${l.path})`).join(', ')} point to files that were not read`,
      file,
      suggestion: 'List the elements in the training data (Rasa 2+ lookup blocks) to import them.',
    });
  }
  if (Object.keys(rasaMeta).length > 0) dataset.metadata = {rasa: rasaMeta};

  for (const example of data.examples) {
    const utterance: Utterance = {text: example.text, intent: example.intent, source: 'imported'};
    if (example.entities.length > 0) {
      utterance.entities = example.entities.map((e) => {
        const span: EntitySpan = {entity: e.entity, start: e.start, end: e.end};
        if (e.value !== undefined && e.value !== example.text.slice(e.start, e.end)) span.value = e.value;
        if (e.role !== undefined) span.role = e.role;
        if (e.group !== undefined) span.group = e.group;
        return span;
      });
    }
    if (example.metadata !== undefined) utterance.metadata = {rasa: {metadata: example.metadata}};
    dataset.utterances.push(utterance);
  }
  return dataset;
}
