import type {ConnectorFormat} from '../../src/connector.js';
import {SynthnluError} from '../../src/errors.js';

// Placeholder until the format is implemented.
export const luisFormat: ConnectorFormat = {
  id: 'luis',
  description: 'LUIS app JSON',
  layout: 'file',
  extensions: [],
  schemas: [],
  async detect() {
    return 0;
  },
  async exportDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'luis export is not implemented yet');
  },
  async importDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'luis import is not implemented yet');
  },
};

// Placeholder until the format is implemented.
export const luFormat: ConnectorFormat = {
  id: 'lu',
  description: 'Bot Framework .lu',
  layout: 'file',
  extensions: [],
  schemas: [],
  async detect() {
    return 0;
  },
  async exportDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'lu export is not implemented yet');
  },
  async importDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'lu import is not implemented yet');
  },
};

// Placeholder until the format is implemented.
export const cluFormat: ConnectorFormat = {
  id: 'clu',
  description: 'Azure CLU conversation project JSON',
  layout: 'file',
  extensions: [],
  schemas: [],
  async detect() {
    return 0;
  },
  async exportDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'clu export is not implemented yet');
  },
  async importDataset() {
    throw new SynthnluError('NOT_IMPLEMENTED', 'clu import is not implemented yet');
  },
};
