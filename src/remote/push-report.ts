/** What push prints once it is done, and whether it failed; the command only writes it out. */
import {createInterface} from 'node:readline/promises';
import {SynthnluError} from '../errors.js';
import {changeLabel} from './language-plans.js';
import {formatPlan} from './plan.js';
import type {PushResult} from './push.js';

export interface PushReport {
  lines: string[];
  /** Set when an item failed: the message the command exits 1 with. */
  failure?: string;
}

export function pushReport(result: PushResult): PushReport {
  const lines: string[] = [];
  if (result.dryRun || (!result.applied && !result.trained)) lines.push(...formatPlan(result.plan));
  for (const item of result.results.filter((r) => r.status === 'failed'))
    lines.push(
      `  ! ${item.action} ${item.kind === 'intent' ? 'intent' : 'entity type'} ${changeLabel(item)} failed: ${item.error}`,
    );
  if (result.access)
    lines.push(
      `Read access: ${result.access.reason}.${result.access.suggestion ? ` ${result.access.suggestion}` : ''}`,
    );
  if (result.dryRun) return {lines};
  const ok = result.results.filter((r) => r.status === 'ok').length;
  const summary = `${result.target}: ${ok} changed, ${result.failed} failed, ${result.writeCalls} write calls${result.trained ? ', trained' : ''}${result.backup ? `; backup: ${result.backup}` : ''}`;
  if (result.failed > 0)
    return {
      lines,
      failure: `${summary}. Only the items listed as failed were not applied; run push again to retry them.`,
    };
  lines.push(result.applied || result.trained ? summary : `${result.target}: up to date, nothing written.`);
  return {lines};
}

/** Push changes a live platform: without --yes it needs a terminal to ask in. */
export function requirePushConsent(options: {dryRun: boolean; yes: boolean; interactive: boolean}): void {
  if (!options.dryRun && !options.yes && !options.interactive)
    throw new SynthnluError(
      'PUSH_NEEDS_YES',
      'push changes a live platform; confirm with --yes when not in an interactive terminal',
      {suggestion: 'Run with --dry-run to see the plan, then with --yes to apply it.'},
    );
}

/** Asks on stderr whether to apply; anything but y/yes is a no. */
export async function askToApply(target: string): Promise<boolean> {
  const prompt = createInterface({input: process.stdin, output: process.stderr});
  try {
    return /^y(es)?$/i.test((await prompt.question(`Apply these changes to ${target}? [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}
