/** The watsonx Assistant skill format (--to watson / --from watson): a dialog or actions skill JSON export. */
import type {ConnectorFormat} from '../../src/connector-kit.js';
import {exportWatson} from './export.js';
import {importWatson} from './import.js';
import {WATSON_SCHEMA} from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A workspace: intents given as {intent, examples}, or dialog nodes beside its intents. */
function looksLikeWorkspace(json: unknown): boolean {
  if (!isRecord(json) || !Array.isArray(json['intents'])) return false;
  const [first] = json['intents'] as unknown[];
  if (isRecord(first)) return typeof first['intent'] === 'string';
  return Array.isArray(json['dialog_nodes']) || Array.isArray(json['counterexamples']);
}

export const watsonFormat: ConnectorFormat = {
  id: 'watson',
  description: 'IBM watsonx Assistant skill JSON (dialog skill workspace, or actions skill export)',
  layout: 'file',
  extensions: ['.json'],
  schemas: [WATSON_SCHEMA],
  exportExamples: ['out/data.jsonl --to watson --out skill.json'],
  async detect(source) {
    const files = source.list().filter((f) => f.toLowerCase().endsWith('.json'));
    if (files.length !== 1) return 0;
    try {
      const json = JSON.parse(await source.readText(files[0]!)) as unknown;
      if (isRecord(json) && looksLikeWorkspace(json['workspace'])) return 0.95;
      return looksLikeWorkspace(json) ? 0.95 : 0;
    } catch {
      return 0;
    }
  },
  async exportDataset(dataset, context, options) {
    return {files: [exportWatson(dataset, context, options)]};
  },
  async importDataset(source, context) {
    return {dataset: await importWatson(source, context)};
  },
};
