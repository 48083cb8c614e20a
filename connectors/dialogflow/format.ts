import type {ConnectorFormat} from '../../src/connector.js';
import {SynthnluError} from '../../src/errors.js';

// Placeholder until the format is implemented.
export const dialogflowAgentFormat: ConnectorFormat = {
  id: 'dialogflow',
  description: 'Dialogflow ES agent (export zip or folder)',
  layout: 'file',
  extensions: [],
  schemas: [],
  async detect() {
    return 0;
  },
  async exportDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'dialogflow export is not implemented yet');
  },
  async importDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'dialogflow import is not implemented yet');
  },
};
