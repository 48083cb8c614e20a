/** Human-readable lines for a provider run and a dry run (the command prints them; --json returns the data). */
import type {ProviderReport} from './augment.js';
import type {ProviderDryRun} from './dry-run.js';
import {DROP_REASONS} from './filters.js';

export function providerSummaryLines(report: ProviderReport): string[] {
  const lines: string[] = [];
  const r = report.requests;
  lines.push(
    `model ${report.model} at ${report.endpoint}: ${r.planned} prompts, ${r.fromCache} from the cache, ${r.sent} requests sent (${r.retries} retries)`,
  );
  lines.push(
    `tokens this run: ${report.tokens.prompt} prompt + ${report.tokens.completion} completion = ${report.tokens.total}` +
      (r.fromCache
        ? ` (cached answers had cost ${report.cachedTokens.prompt + report.cachedTokens.completion})`
        : ''),
  );
  const width = Math.max(6, ...report.intents.map((i) => i.intent.length));
  lines.push(`${'intent'.padEnd(width)}  wanted  recv  kept  surplus  dropped`);
  for (const i of report.intents) {
    const dropped = DROP_REASONS.filter((reason) => i.dropped[reason] > 0)
      .map((reason) => `${reason}:${i.dropped[reason]}`)
      .join(' ');
    lines.push(
      `${i.intent.padEnd(width)}  ${String(i.wanted).padStart(6)}  ${String(i.received).padStart(4)}  ${String(i.kept).padStart(4)}  ${String(i.surplus).padStart(7)}  ${dropped || '-'}`,
    );
  }
  return lines;
}

export function dryRunLines(dryRun: ProviderDryRun): string[] {
  const lines: string[] = [];
  for (const [n, request] of dryRun.requests.entries()) {
    lines.push(
      `--- prompt ${n + 1}/${dryRun.requests.length}: ${request.intent}, ${request.count} utterances (${request.styles.map((st) => `${st.tag}:${st.count}`).join(' ')}), seed ${request.seed}${request.cached ? ' (cached)' : ''}`,
    );
    for (const message of request.messages) lines.push(`[${message.role}]`, message.content);
  }
  const e = dryRun.estimate;
  lines.push(
    `--- ${e.requests} requests to ${dryRun.model} at ${dryRun.endpoint} (${e.cachedRequests} already cached), about ${e.promptTokens} prompt + ${e.completionTokens} completion tokens; nothing was sent or written`,
  );
  return lines;
}
