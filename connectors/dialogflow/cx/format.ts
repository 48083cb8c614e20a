import type {ConnectorFormat} from '../../../src/connector-kit.js';
import {isCxBlobExport} from './blob.js';
import {exportCxAgent} from './export.js';
import {importCxAgent} from './import.js';
import {findCxLayout} from './layout.js';
import {writtenIntents} from '../shared/format.js';

export const DIALOGFLOW_CX_SCHEMAS = [
  'dialogflow-cx-agent.schema.json',
  'dialogflow-cx-intent.schema.json',
  'dialogflow-cx-training-phrases.schema.json',
  'dialogflow-cx-entity-type.schema.json',
  'dialogflow-cx-entities.schema.json',
  'dialogflow-cx-excluded-phrases.schema.json',
];

/** Dialogflow CX (Conversational Agents) agent: the JSON package export (zip or folder). */
export const dialogflowCxAgentFormat: ConnectorFormat = {
  id: 'dialogflow-cx',
  description: 'Dialogflow CX / Conversational Agents agent (JSON package export: zip or folder)',
  layout: 'archive',
  extensions: ['.zip'],
  // One agent: defaultLanguageCode and supportedLanguageCodes in agent.json, one trainingPhrases/<lang>.json
  // per intent and one entities/<lang>.json per entity type for each language.
  multiLanguage: true,
  schemas: DIALOGFLOW_CX_SCHEMAS,
  async detect(source) {
    // A BLOB export is claimed (and refused by name on import) rather than reported as an unknown format.
    if (await isCxBlobExport(source)) return 0.9;
    const layout = findCxLayout(source);
    if (!layout) return 0;
    if (layout.intents.length > 0 || layout.entityTypes.length > 0) return 0.95;
    return 0;
  },
  async exportDataset(dataset, context, options) {
    const files = exportCxAgent(dataset, context, options);
    return {files, intents: writtenIntents(files, 'dialogflow-cx-intent.schema.json', 'displayName')};
  },
  async importDataset(source, context) {
    return {dataset: await importCxAgent(source, context)};
  },
};
