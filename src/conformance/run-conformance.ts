import type {Connector} from '../connector.js';
export interface ConformanceOptions {
  x?: number;
}
export async function runConformance(
  _connector: Connector,
  _options: ConformanceOptions = {},
): Promise<void> {}
