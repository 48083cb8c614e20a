/**
 * JUnit XML for CI systems: one test suite per check group, one test case per finding (errors and warnings are
 * failures when they fail the run, otherwise reported as passing cases with the message in system-out), plus one
 * test case per gate and per intent's F1 so dashboards can track them over time.
 *
 * A <failure> is a verdict, not a severity: Jenkins' junit step marks the build UNSTABLE on any failure and GitLab's
 * merge request widget lists it as a failed test, whatever the job's exit code. So the failures are exactly the
 * gates that failed the run (and the findings that made --fail-on fail): under --fail-on none an error finding is
 * reported, never failed, and the XML agrees with the exit code.
 */
import type {CoverageReport, FailOn, Finding} from '../coverage/types.js';

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // XML 1.0 forbids most control characters even when escaped: drop them.
      .replace(/[^\t\n\r\u0020-\ud7ff\ud800-\udfff\ue000-\ufffd]/g, '')
  );
}

interface Case {
  name: string;
  classname: string;
  failure?: {type: string; message: string; body: string};
  out?: string;
}

function findingCase(f: Finding, failOn: FailOn): Case {
  const isFailure =
    (failOn !== 'none' && f.severity === 'error') || (failOn === 'warning' && f.severity === 'warning');
  const body = [
    f.message,
    ...(f.intents.length ? [`intents: ${f.intents.join(', ')}`] : []),
    ...f.utterances.map((u) => `utterance: ${u}`),
    ...(f.path ? [`path: ${f.path}`] : []),
    ...(f.suggestion ? [`fix: ${f.suggestion}`] : []),
  ].join('\n');
  return {
    name: `${f.code}${f.intents.length ? ` [${f.intents.join(', ')}]` : f.path ? ` [${f.path}]` : ''}`,
    classname: `synthnlu.coverage.${f.group}`,
    ...(isFailure ? {failure: {type: f.code, message: f.message, body}} : {out: `${f.severity}: ${body}`}),
  };
}

/** `options.failOn` defaults to the gate the report was checked with (`report.failOn`). */
export function renderJunit(report: CoverageReport, options: {failOn?: FailOn} = {}): string {
  const failOn = options.failOn ?? report.failOn;
  const suites = new Map<string, Case[]>();
  const add = (suite: string, c: Case) => {
    let list = suites.get(suite);
    if (!list) suites.set(suite, (list = []));
    list.push(c);
  };
  for (const group of ['structure', 'entities', 'conflicts', 'model', 'baseline'] as const)
    suites.set(group, []);
  for (const f of report.findings) add(f.group, findingCase(f, failOn));
  for (const m of report.model?.perIntent ?? []) {
    if (m.support === 0) continue;
    add('model', {
      name: `f1 [${m.intent}]`,
      classname: 'synthnlu.coverage.model',
      out: `precision ${m.precision} recall ${m.recall} f1 ${m.f1} support ${m.support}`,
    });
  }
  for (const g of report.gates) {
    add('gates', {
      name: `--${g.gate}`,
      classname: 'synthnlu.coverage.gates',
      ...(g.passed ? {out: g.message} : {failure: {type: 'GATE', message: g.message, body: g.message}}),
    });
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = [...suites.values()].flat();
  const totalFailures = all.filter((c) => c.failure).length;
  lines.push(
    `<testsuites name="synthnlu coverage" tests="${all.length}" failures="${totalFailures}" errors="0">`,
  );
  for (const [suite, cases] of suites) {
    const failures = cases.filter((c) => c.failure).length;
    lines.push(
      `  <testsuite name="${escapeXml(`coverage.${suite}`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    );
    for (const c of cases) {
      lines.push(`    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}">`);
      if (c.failure)
        lines.push(
          `      <failure type="${escapeXml(c.failure.type)}" message="${escapeXml(c.failure.message)}">${escapeXml(c.failure.body)}</failure>`,
        );
      if (c.out) lines.push(`      <system-out>${escapeXml(c.out)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
