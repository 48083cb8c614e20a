import type {ConnectorFormat} from '../../../src/connector-kit.js';
import {exportDialogflowAgent} from './export.js';
import {importDialogflowAgent} from './import.js';
import {findAgentLayout} from './layout.js';
import {writtenIntents} from '../shared/format.js';

export const DIALOGFLOW_SCHEMAS = [
  'dialogflow-agent.schema.json',
  'dialogflow-package.schema.json',
  'dialogflow-intent.schema.json',
  'dialogflow-usersays.schema.json',
  'dialogflow-entity.schema.json',
  'dialogflow-entries.schema.json',
];

/** Dialogflow ES agent: the console's export/restore zip, or the same files in a folder. */
export const dialogflowAgentFormat: ConnectorFormat = {
  id: 'dialogflow',
  exportExamples: ['examples/customer-support.yaml --to dialogflow --out out/agent.zip'],
  description: 'Dialogflow ES agent (export/restore zip or folder)',
  layout: 'archive',
  extensions: ['.zip'],
  // One agent: the default language in agent.json, the others in supportedLanguages, each with its own
  // intents/<name>_usersays_<lang>.json and entities/<name>_entries_<lang>.json.
  multiLanguage: true,
  schemas: DIALOGFLOW_SCHEMAS,
  async detect(source) {
    const layout = findAgentLayout(source);
    if (!layout) return 0;
    if (layout.userSays.size > 0 || layout.entries.size > 0) return 0.95;
    if (layout.agentFile && (layout.intentFiles.length > 0 || layout.entityFiles.length > 0)) return 0.9;
    return layout.intentFiles.length > 0 || layout.entityFiles.length > 0 ? 0.6 : 0.3;
  },
  async exportDataset(dataset, context, options) {
    const files = exportDialogflowAgent(dataset, context, options);
    return {files, intents: writtenIntents(files, 'dialogflow-intent.schema.json', 'name')};
  },
  async importDataset(source, context) {
    return {dataset: await importDialogflowAgent(source, context)};
  },
};
