/** The LUIS app JSON format (--to/--from luis). */
import type {ConnectorFormat} from '../../../src/connector-kit.js';
import {luisLimits} from '../limits.js';
import {jsonFile, peekJson, pickFile, readJson, requireValid, safeBaseName} from '../json-file.js';
import {datasetToLuisApp} from './from-dataset.js';
import {luisAppToDataset} from './to-dataset.js';
import {LUIS_SCHEMA_FILE, type LuisApp} from './types.js';

export const luisFormat: ConnectorFormat = {
  id: 'luis',
  description: 'LUIS app JSON (writes schema 7.0.0; reads 3.x-7.0.0)',
  layout: 'file',
  supports: {roles: true, nestedEntities: true, patterns: true, phraseLists: true, split: false},
  limits: luisLimits,
  extensions: ['.json'],
  schemas: [LUIS_SCHEMA_FILE],
  async detect(source) {
    const json = await peekJson(source);
    if (!json) return 0;
    if (typeof json['luis_schema_version'] === 'string') return 0.95;
    const utterances = json['utterances'];
    if (Array.isArray(json['intents']) && Array.isArray(utterances) && !('assets' in json)) {
      const first = utterances[0] as Record<string, unknown> | undefined;
      return first && Array.isArray(first['entities']) ? 0.6 : 0.3;
    }
    return 0;
  },
  async exportDataset(dataset, context, options) {
    const app = datasetToLuisApp(dataset, context, options);
    return {
      files: [jsonFile(`${safeBaseName(app.name, 'luis-app')}.json`, app, LUIS_SCHEMA_FILE)],
      intents: app.intents.map((i) => i.name),
    };
  },
  async importDataset(source, context) {
    const file = pickFile(source, '.json', 'LUIS app JSON');
    const json = await readJson(source, file, 'LUIS');
    requireValid(context, LUIS_SCHEMA_FILE, json, file, 'LUIS', 'LUIS app');
    return {dataset: luisAppToDataset(json as LuisApp, file)};
  },
};
