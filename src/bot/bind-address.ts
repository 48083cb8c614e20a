/**
 * Where the bot may listen. Kept apart from server.ts so commands can check it without loading botbuilder.
 */
import {ExitCode, SynthnluError} from '../errors.js';

export const MESSAGES_PATH = '/api/messages';

/** Whether a host name or address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/** Loopback needs no authentication (Bot Framework Emulator); any other address needs an app id and password. */
export function checkBindAddress(options: {host: string; appId?: string; appPassword?: string}): void {
  if (isLoopbackHost(options.host)) return;
  if (options.appId && options.appPassword) return;
  throw new SynthnluError(
    'BOT_PUBLIC_HOST_NEEDS_AUTH',
    `Refusing to serve the bot on ${options.host} without authentication: anyone who can reach that address could use it.`,
    {
      exitCode: ExitCode.badInput,
      suggestion:
        'Use --host 127.0.0.1 (the default) with Bot Framework Emulator, or give --app-id and --app-password (or MicrosoftAppId/MicrosoftAppPassword in the environment; with --sdk agents also clientId/clientSecret).',
    },
  );
}
