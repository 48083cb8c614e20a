/**
 * Temporary files and folders that exist only while a write is in progress. If the process is interrupted
 * (Ctrl-C, SIGTERM, process.exit after an error) they are removed synchronously before it ends, so an
 * interrupted command leaves nothing behind.
 */
import {rmSync} from 'node:fs';

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll(): void {
  for (const path of live) rmSync(path, {recursive: true, force: true});
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  detach();
  // Die as the signal would have made us die, unless the command handles the signal itself (bot does).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function attach(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeAll);
}

function detach(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeAll);
}

export function trackTemporary(path: string): void {
  if (live.size === 0) attach();
  live.add(path);
}

/** The path was renamed into place or removed: nothing to clean any more. */
export function untrackTemporary(path: string): void {
  if (!live.delete(path)) return;
  if (live.size === 0) detach();
}
