import {runCommand} from '@oclif/test';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CoverageReport} from '../../src/coverage/types.js';
import {renderTerminalSummary} from '../../src/report/terminal.js';
import {ROOT, SHARED} from '../helpers/cli.js';

describe('coverage on data imported through a connector (in process)', () => {
  it('reads a real LUIS app and reports its cross-intent duplicates, platform limits and entity coverage', async () => {
    const file = join(SHARED, 'fixtures/luis/Calendar.json');
    const {stdout, error} = await runCommand(
      ['coverage', file, '--platform', 'luis', '--no-model', '--json'],
      {
        root: ROOT,
      },
    );
    // Its cross-intent duplicates are errors, and errors fail the run by default.
    expect(error?.oclif?.exit).toBe(1);
    const report = JSON.parse(stdout) as CoverageReport;
    expect(report).toMatchObject({platform: 'luis', dataset: {intents: 35, utterances: 1724}});
    const duplicate = report.findings.find(
      (f) => f.code === 'COVERAGE_DUPLICATE_ACROSS_INTENTS' && f.utterances.includes("what's next"),
    );
    expect(duplicate?.intents.sort()).toEqual(['ShowNext', 'ShowNextCalendar']);
    // Imported data has no file path to point at: paths are into the imported dataset, not the LUIS JSON.
    expect(duplicate?.file).toBeUndefined();
    expect(report.entityCoverage).toHaveLength(21);
    // "brother in law" and "brother-in-law" are two distinct list entries, not one synonym on two values.
    expect(report.findings.filter((f) => f.code === 'COVERAGE_SYNONYM_CONFLICT')).toEqual([]);

    // The ten-second summary: counts first, then at most three findings per code, worst first.
    const lines = renderTerminalSummary(report);
    expect(lines[1]).toBe(
      `findings: ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} notes`,
    );
    const shown = lines.filter((l) => l.startsWith('error   COVERAGE_DUPLICATE_ACROSS_INTENTS'));
    expect(shown).toHaveLength(3);
    expect(lines.find((l) => l.startsWith('... and '))).toMatch(/more COVERAGE_DUPLICATE_ACROSS_INTENTS/);
    expect(lines.at(-2)).toBe(`verdict: FAILED: ${report.counts.error} errors (--fail-on error)`);
  });
});
