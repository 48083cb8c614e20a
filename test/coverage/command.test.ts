import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CoverageReport} from '../../src/coverage/types.js';
import {ROOT, SHARED, runCli, tempDir} from '../helpers/cli.js';

const fixture = (name: string) => join(ROOT, 'test/fixtures/coverage', `${name}.json`);

describe('synthnlu coverage (child process)', () => {
  it('clean data: exit 0, terminal summary, --json report with the model estimate', () => {
    const run = runCli(['coverage', fixture('clean'), '--fail-on', 'error']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('findings: 0 errors, 0 warnings');
    expect(run.stdout).toMatch(/model \(5-fold cross-validation, 36 test utterances\): accuracy/);
    const json = runCli(['coverage', fixture('clean'), '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as CoverageReport;
    expect(report.format).toBe('synthnlu-coverage/1');
    expect(report.model!.labels).toEqual(['greet', 'book_flight', 'check_weather']);
    expect(report.model!.perIntent.map((m) => m.support)).toEqual([12, 12, 12]);
  });

  it('--fail-on error exits 1 with the report still on stdout under --json; findings name the file and path', () => {
    const run = runCli(['coverage', fixture('conflicts'), '--fail-on', 'error', '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as CoverageReport;
    expect(report.passed).toBe(false);
    expect(report.gates.find((g) => g.gate === 'fail-on')).toMatchObject({passed: false});
    const duplicate = report.findings.find((f) => f.code === 'COVERAGE_DUPLICATE_ACROSS_INTENTS')!;
    expect(duplicate.file).toBe(fixture('conflicts'));
    expect(duplicate.path).toMatch(/^utterances\[\d+\]$/);
    const warnings = runCli(['coverage', fixture('clean'), '--fail-on', 'warning', '--no-model']);
    expect(warnings.status).toBe(0);
  });

  it('errors fail by default, --fail-on none only reports, and the verdict says what was checked', () => {
    const run = runCli(['coverage', fixture('conflicts'), '--no-model']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^verdict: FAILED: 1 error \(--fail-on error\)$/m);
    expect(run.stdout).toMatch(
      /^ {2}checked: structure, entities, conflicts; not gated: \d+ warnings \(--fail-on warning\)$/m,
    );
    const report = JSON.parse(
      runCli(['coverage', fixture('conflicts'), '--no-model', '--json']).stdout,
    ) as CoverageReport;
    expect(report).toMatchObject({passed: false, failOn: 'error'});
    const reportOnly = runCli(['coverage', fixture('conflicts'), '--no-model', '--fail-on', 'none']);
    expect(reportOnly.status).toBe(0);
    expect(reportOnly.stdout).toContain('verdict: not gated (--fail-on none)');
    expect(reportOnly.stdout).toContain('not gated: findings (--fail-on error)');
    const clean = runCli(['coverage', fixture('clean')]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('verdict: passed: 0 errors (--fail-on error)');
    expect(clean.stdout).toContain(
      'checked: structure, entities, conflicts, model estimate (5-fold cross-validation); not gated: per-intent F1 (--min-f1 0.8)',
    );
  });

  it('a folder in no known format (SNIPS) says which formats synthnlu reads', () => {
    const run = runCli(['coverage', join(SHARED, 'data/snips')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot tell which platform format this is');
    expect(run.stderr).toMatch(
      /synthnlu reads a synthnlu dataset \(\.json, \.jsonl\), a spec .*dialogflow \(Dialogflow ES agent.*luis \(.*lu \(.*clu \(.*rasa \(/,
    );
  });

  it('--min-f1 and --min-examples gates fail with exit 1; bad values are exit 2', () => {
    const f1 = runCli(['coverage', fixture('clean'), '--min-f1', '0.999']);
    expect(f1.status).toBe(1);
    expect(f1.stdout).toContain('FAIL --min-f1');
    expect(f1.stderr).toContain('coverage gate failed: --min-f1');
    const examples = runCli(['coverage', fixture('structure'), '--min-examples', '5', '--no-model']);
    expect(examples.status).toBe(1);
    expect(examples.stdout).toMatch(
      /FAIL --min-examples: 2 intents with fewer than 5 examples: thanks \(3\), goodbye \(0\)/,
    );
    expect(runCli(['coverage', fixture('clean'), '--min-f1', '1.5']).status).toBe(2);
    expect(runCli(['coverage', fixture('clean'), '--platform', 'no-such-platform']).status).toBe(2);
    expect(runCli(['coverage', join(ROOT, 'no-such-file.json')]).status).toBe(2);
  });

  it('--baseline flags intents whose F1 dropped by more than --max-f1-drop', () => {
    const dir = tempDir();
    const baseline = JSON.parse(runCli(['coverage', fixture('clean'), '--json']).stdout) as CoverageReport;
    // Pretend every intent used to be perfect: any intent now below 1 - 0.05 has regressed.
    for (const m of baseline.model!.perIntent) m.f1 = 1;
    writeFileSync(join(dir, 'previous.json'), JSON.stringify(baseline));
    const run = runCli(['coverage', fixture('clean'), '--baseline', join(dir, 'previous.json'), '--json']);
    const report = JSON.parse(run.stdout) as CoverageReport;
    const expected = report.model!.perIntent.filter((m) => 1 - m.f1 > 0.05).map((m) => m.intent);
    expect(expected.length).toBeGreaterThan(0);
    expect(report.baseline!.regressions.sort()).toEqual(expected.sort());
    expect(
      report.findings
        .filter((f) => f.code === 'COVERAGE_F1_REGRESSION')
        .map((f) => f.intents[0])
        .sort(),
    ).toEqual(expected.sort());
    expect(run.status).toBe(1);
    // A generous threshold lets the same run pass.
    expect(
      runCli(['coverage', fixture('clean'), '--baseline', join(dir, 'previous.json'), '--max-f1-drop', '1'])
        .status,
    ).toBe(0);
    writeFileSync(join(dir, 'junk.json'), '{"not": "a report"}');
    const bad = runCli(['coverage', fixture('clean'), '--baseline', join(dir, 'junk.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('synthnlu coverage --json');
  });

  it('--test-set scores a model trained on the dataset against another file', () => {
    const dir = tempDir();
    const test = JSON.parse(readFileSync(fixture('clean'), 'utf8'));
    test.utterances = [
      {text: 'hello friend', intent: 'greet'},
      {text: 'book me a flight to paris', intent: 'book_flight'},
      {text: 'is it raining in london', intent: 'check_weather'},
    ];
    test.entities = [];
    writeFileSync(join(dir, 'real.json'), JSON.stringify(test));
    const report = JSON.parse(
      runCli(['coverage', fixture('clean'), '--test-set', join(dir, 'real.json'), '--json']).stdout,
    ) as CoverageReport;
    expect(report.model).toMatchObject({method: 'test-set', trainSize: 36, testSize: 3});
  });

  it('--junit writes JUnit XML with one failure per error finding and gate', () => {
    const dir = tempDir();
    const file = join(dir, 'coverage.xml');
    const run = runCli([
      'coverage',
      fixture('entities'),
      '--junit',
      file,
      '--fail-on',
      'error',
      '--no-model',
    ]);
    expect(run.status).toBe(1);
    expect(existsSync(file)).toBe(true);
    const xml = readFileSync(file, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const failures = [...xml.matchAll(/<failure type="([A-Z_]+)"/g)].map((m) => m[1]).sort();
    expect(failures).toEqual(['COVERAGE_SPAN_MISMATCH', 'COVERAGE_SYNONYM_CONFLICT', 'GATE']);
    expect(xml).toContain('<testsuite name="coverage.entities"');
    // Quotes in messages are escaped.
    expect(xml).toContain('&quot;little&quot;');
  });

  it('--junit under --fail-on none reports the error finding without a <failure>, matching exit 0', () => {
    const dir = tempDir();
    const file = join(dir, 'coverage.xml');
    const run = runCli([
      'coverage',
      fixture('conflicts'),
      '--junit',
      file,
      '--fail-on',
      'none',
      '--no-model',
    ]);
    expect(run.status).toBe(0);
    const xml = readFileSync(file, 'utf8');
    // Jenkins marks the build unstable and GitLab lists a failed test on any <failure>, whatever the exit code.
    expect(xml).not.toContain('<failure');
    expect(xml).toMatch(/<testsuites name="synthnlu coverage" tests="3" failures="0" errors="0">/);
    // The error is still in the report, as output of a passing case.
    expect(xml).toMatch(
      /<testcase name="COVERAGE_DUPLICATE_ACROSS_INTENTS \[refund, cancel_order\]"[^>]*>\n\s*<system-out>error: /,
    );
  });
});
