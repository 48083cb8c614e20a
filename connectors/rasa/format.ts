import type {ConnectorFormat} from '../../src/connector.js';
import {SynthnluError} from '../../src/errors.js';

// Placeholder until the format is implemented.
export const rasaNluFormat: ConnectorFormat = {
  id: 'rasa',
  description: 'Rasa NLU training data (YAML)',
  layout: 'file',
  extensions: [],
  schemas: [],
  async detect() {
    return 0;
  },
  async exportDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'rasa export is not implemented yet');
  },
  async importDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'rasa import is not implemented yet');
  },
};
