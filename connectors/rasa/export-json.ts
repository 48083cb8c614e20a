/**
 * Rasa's JSON training data (`rasa_nlu_data`), which Rasa 3 still reads
 * (https://rasa.com/docs/rasa/training-data-format/ and rasa/shared/nlu/training_data/formats/rasa.py):
 * plain texts with entity offsets, so no markup can be misread. Offsets are Python string indices
 * (code points), the canonical model's are UTF-16 units.
 */
import type {ConnectorContext, OutputFile, Dataset} from '../../src/connector-kit.js';
import {lookupTables, synonymBlocks, warnRasaLosses} from './export.js';
import type {RasaLegacyJson} from './generated/rasa-legacy-json.js';

function codePointIndex(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

export function exportRasaJson(dataset: Dataset, context: ConnectorContext, fileName: string): OutputFile {
  warnRasaLosses(dataset, context);
  const {synonyms, loose} = synonymBlocks(dataset);
  if (dataset.utterances.some((u) => u.entities?.some((s) => (s.children?.length ?? 0) > 0))) {
    context.warn({
      code: 'RASA_NESTED_DROPPED',
      message: 'rasa cannot carry nested entity labels; children are left out',
    });
  }
  const json: RasaLegacyJson = {
    rasa_nlu_data: {
      common_examples: dataset.utterances.map((u) => ({
        text: u.text,
        intent: u.intent,
        entities: (u.entities ?? []).map((s) => ({
          start: codePointIndex(u.text, s.start),
          end: codePointIndex(u.text, s.end),
          value: s.value ?? u.text.slice(s.start, s.end),
          entity: s.entity,
          ...(s.role === undefined ? {} : {role: s.role}),
          ...(s.group === undefined ? {} : {group: s.group}),
        })),
      })),
      regex_features: dataset.entities.flatMap((e) =>
        e.kind === 'regex' ? (e.patterns ?? []).map((pattern) => ({name: e.name, pattern})) : [],
      ),
      lookup_tables: lookupTables(dataset),
      entity_synonyms: [
        ...[...synonyms].map(([value, list]) => ({value, synonyms: list})),
        ...loose.map((s) => ({value: s.value, synonyms: s.synonyms})),
      ],
    },
  };
  return {
    path: fileName,
    content: `${JSON.stringify(json, null, 2)}\n`,
    schema: 'rasa-legacy-json.schema.json',
    json,
  };
}
