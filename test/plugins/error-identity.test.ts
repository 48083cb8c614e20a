/**
 * A plugin installed with its own copy of synthnlu throws that copy's SynthnluError; the CLI must still see a
 * SynthnluError (code, exit code, suggestion) rather than an unknown error.
 */
import {pathToFileURL} from 'node:url';
import {expect, it} from 'vitest';
import {SynthnluError} from '../../src/errors.js';
import {ROOT} from '../helpers/cli.js';

it("an error from another copy of synthnlu's errors module is a SynthnluError; other errors are not", async () => {
  const url = `${pathToFileURL(`${ROOT}src/errors.ts`).href}?second-copy`;
  const copy = (await import(url)) as typeof import('../../src/errors.js');
  expect(copy.SynthnluError).not.toBe(SynthnluError);
  const error = new copy.SynthnluError('PLUGIN_FAILED', 'failed', {suggestion: 'Fix it.'});
  expect(error).toBeInstanceOf(SynthnluError);
  expect(new Error('plain')).not.toBeInstanceOf(SynthnluError);
  expect({code: 'LOOKS_LIKE_IT'}).not.toBeInstanceOf(SynthnluError);
  // Subclasses keep ordinary instanceof.
  class Narrow extends SynthnluError {}
  expect(new SynthnluError('X', 'x')).not.toBeInstanceOf(Narrow);
  expect(new Narrow('X', 'x')).toBeInstanceOf(Narrow);
});
