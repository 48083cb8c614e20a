import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

/** The library's names: adding one is a decision, removing or renaming one breaks users (update on purpose). */
const PUBLIC_NAMES = [
  'ConnectorRegistry',
  'DATASET_FORMAT',
  'DEFAULT_COVERAGE_OPTIONS',
  'EntityExtractor',
  'ExitCode',
  'LocalRecognizer',
  'SynthnluAgentsRecognizer',
  'SynthnluError',
  'VARIATION_TAGS',
  'checkDataset',
  'checkSpec',
  'computePlan',
  'countBySeverity',
  'createAgentsRecognizer',
  'createRegistry',
  'createRng',
  'createSynthnluRecognizer',
  'datasetHeaderFor',
  'detectFormat',
  'emptyDataset',
  'escapeTemplateText',
  'exportToPath',
  'failOnErrors',
  'formatDiagnostic',
  'formatLocation',
  'formatPlan',
  'generateDataset',
  'generateUtterances',
  'generateUtterancesSync',
  'importFromPath',
  'inspectDatasetFile',
  'inspectDatasetText',
  'inspectFile',
  'inspectSpecFile',
  'inspectSpecText',
  'intentNames',
  'languagePackFor',
  'loadAnyAsDataset',
  'loadDataset',
  'loadIntentClassifier',
  'loadLocalRecognizer',
  'loadSpec',
  'normalizeUtteranceText',
  'openAtomicWriter',
  'openImportSource',
  'parseTemplate',
  'pullDataset',
  'pushDataset',
  'readBaseline',
  'registerSpecReader',
  'registry',
  'renderHtml',
  'renderJunit',
  'runCoverage',
  'schemaFiles',
  'schemaFor',
  'sortDiagnostics',
  'stratifiedFolds',
  'trainIntentClassifier',
  'utterancesByIntent',
  'validateAgainstSchema',
  'validatorFor',
  'writeDataset',
  'writeFileAtomic',
  'writeGeneratedJsonl',
];

/** The code blocks of one README section, in order. */
function readmeBlocks(heading: string, language: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('the public API (import from "synthnlu")', () => {
  it('exports exactly the pinned names', async () => {
    const api = await import('../../src/index.js');
    expect(Object.keys(api).sort()).toEqual([...PUBLIC_NAMES].sort());
  });

  it("runs the README's library example as written, against the built package", () => {
    const [block] = readmeBlocks('As a library', 'ts');
    expect(block).toContain("from 'synthnlu'");
    // Inside the package folder, so that 'synthnlu' resolves to this package (Node's self-reference by name).
    const dir = join(ROOT, '.synthnlu', 'readme-check');
    mkdirSync(dir, {recursive: true});
    const file = join(dir, 'library-example.ts');
    writeFileSync(file, block!);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], {cwd: ROOT, encoding: 'utf8'});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [intents, exported, imported, findings] = run.stdout.trim().split(' ').map(Number);
    expect(intents).toBe(12);
    expect(exported).toBeGreaterThan(12 * 20);
    expect(imported).toBe(exported);
    expect(Number.isInteger(findings)).toBe(true);
  });
});
