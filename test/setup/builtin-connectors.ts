/**
 * Registers the built-in connectors, and so their schemas, as the CLI does at start-up: tests that call a
 * format directly (luisFormat.importDataset...) validate against schemas their connector hands over.
 */
import '../../src/registry.js';
