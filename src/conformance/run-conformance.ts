import type {Connector} from '../connector.js';
import type {Dataset} from '../model/dataset.js';

export interface ConformanceOptions {
  /**
   * A folder with one subfolder per format id holding that format's export of the sample dataset, compared
   * byte for byte; `UPDATE_GOLDEN=1` rewrites it. Without it there is no golden-file case.
   */
  goldenDir?: string;
  /** The dataset the cases start from (default: the kit's sample, which uses every `supports` feature). */
  dataset?: () => Dataset;
}

/**
 * Declares the conformance suite for one connector in the calling vitest file (`await runConformance(x)` at
 * the top level of a *.test.ts): for every format, schema-valid exports, golden files, lossless round trips,
 * detection among all built-in formats, limits, and one case per `supports` flag. Vitest and the core it
 * drives are loaded here, on call, so a connector that imports the kit at run time never loads them.
 */
export async function runConformance(connector: Connector, options: ConformanceOptions = {}): Promise<void> {
  const [vitest, {defineConformanceSuite}] = await Promise.all([import('vitest'), import('./suite.js')]);
  defineConformanceSuite(vitest, connector, options);
}
