import {SynthnluError} from '../errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Checks an --endpoint URL: keys travel with every request, so anything but a loopback address must use
 * https://. Returns the URL without a trailing slash.
 */
export function checkEndpoint(endpoint: string, flag = '--endpoint'): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new SynthnluError('REMOTE_BAD_ENDPOINT', `${flag} "${endpoint}" is not a URL`, {
      suggestion: 'Give a full URL such as https://my-resource.cognitiveservices.azure.com.',
    });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new SynthnluError(
      'REMOTE_INSECURE_ENDPOINT',
      `${flag} must use https:// (got ${url.protocol}//${url.host})`,
      {
        suggestion: 'Keys would travel in clear text; use https://, or http:// only for localhost/127.0.0.1.',
      },
    );
  if (url.username || url.password)
    throw new SynthnluError('REMOTE_BAD_ENDPOINT', `${flag} must not carry credentials in the URL`, {
      suggestion: 'Pass the key through its environment variable instead (--key-env / --token-env).',
    });
  return url.toString().replace(/\/+$/, '');
}
