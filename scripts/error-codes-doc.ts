/**
 * Writes docs/error-codes.md from the catalog in src/error-codes.ts (`npm run docs:errors`);
 * test/errors/catalog.test.ts fails while the page differs from what this writes.
 */
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {ERROR_CODE_FAMILIES, ERROR_CODES, type ErrorCodeEntry} from '../src/error-codes.js';

const cell = (text: string): string => text.replaceAll('|', '\\|');

function kindCell(entry: ErrorCodeEntry): string {
  if (entry.kind === 'error') return `error, exit ${entry.exit ?? 2}`;
  return entry.severity ? `finding (${entry.severity})` : 'finding';
}

export function renderErrorCodes(): string {
  const lines = [
    '# Error and finding codes',
    '',
    'Every code synthnlu reports, with what it means. An **error** stops the command with its exit code (1: a',
    'check ran and failed; 2: the input, a flag or the environment cannot be used). A **finding** is a line in a',
    'report or a warning; `--fail-on` decides which severities fail a command. `--json` output carries the same',
    'codes. This page is written from `src/error-codes.ts` by `npm run docs:errors`.',
    '',
    '## Codes built from a prefix',
    '',
    'A schema check names the problem after what it checked: `SPEC_`, `DATASET_`, `IMPORT_`, `EXPORT_`,',
    "`SCHEMA_`, or a platform schema's name in capitals (`LUIS_APP_`, `DIALOGFLOW_INTENT_`...). The Google",
    'clients report `DIALOGFLOW_…` and `DIALOGFLOW_CX_…`.',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
    ...Object.entries(ERROR_CODE_FAMILIES).map(([code, meaning]) => `| \`${code}\` | ${cell(meaning)} |`),
    '',
    '## Codes',
    '',
    '| Code | Kind | Meaning |',
    '| --- | --- | --- |',
    ...Object.entries(ERROR_CODES).map(
      ([code, entry]: [string, ErrorCodeEntry]) =>
        `| \`${code}\` | ${kindCell(entry)} | ${cell(entry.meaning)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/error-codes.md', import.meta.url), renderErrorCodes());
}
