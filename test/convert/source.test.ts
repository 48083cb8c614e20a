import {mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import JSZip from 'jszip';
import {describe, expect, it} from 'vitest';
import {currentSourceLimits, openImportSource} from '../../src/convert/source.js';
import {writeExportOutput} from '../../src/convert/write-output.js';
import {SchemaSet} from '../../src/schema/validate.js';

const schemas = new SchemaSet();
import {SynthnluError} from '../../src/errors.js';
import {tempDir} from '../helpers/cli.js';

async function zipOf(
  entries: Array<{name: string; content: string | Uint8Array; unixPermissions?: number}>,
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries)
    zip.file(e.name, e.content, e.unixPermissions === undefined ? {} : {unixPermissions: e.unixPermissions});
  return zip.generateAsync({type: 'uint8array', platform: 'UNIX', compression: 'DEFLATE'});
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SynthnluError);
  return (error as SynthnluError).code;
}

describe('openImportSource', () => {
  const dir = tempDir('synthnlu-source-');

  it('reads a zip, skipping macOS junk and stripping a single top-level folder', async () => {
    const path = join(dir, 'agent.zip');
    writeFileSync(
      path,
      await zipOf([
        {name: 'my-agent/agent.json', content: '{}'},
        {name: 'my-agent/intents/hi.json', content: '{"name":"hi"}'},
        {name: 'my-agent/.DS_Store', content: 'junk'},
        {name: '__MACOSX/my-agent/._agent.json', content: 'junk'},
      ]),
    );
    const source = await openImportSource(path);
    expect(source.kind).toBe('zip');
    expect(source.list().sort()).toEqual(['agent.json', 'intents/hi.json']);
    expect(await source.readText('intents/hi.json')).toBe('{"name":"hi"}');
  });

  it('refuses zip entries that escape the archive (zip-slip)', async () => {
    const path = join(dir, 'slip.zip');
    writeFileSync(path, await zipOf([{name: '../../etc/evil.json', content: '{}'}]));
    expect(await codeOf(openImportSource(path))).toBe('ZIP_UNSAFE_PATH');
  });

  it('refuses symbolic links inside a zip', async () => {
    const path = join(dir, 'link.zip');
    writeFileSync(
      path,
      await zipOf([{name: 'agent.json', content: '/etc/passwd', unixPermissions: 0o120777}]),
    );
    expect(await codeOf(openImportSource(path))).toBe('ZIP_SYMLINK');
  });

  it('stops inflating a zip bomb at the byte budget', async () => {
    const path = join(dir, 'bomb.zip');
    writeFileSync(path, await zipOf([{name: 'a.json', content: new Uint8Array(4 * 1024 * 1024)}]));
    expect(
      await codeOf(openImportSource(path, {...currentSourceLimits(), maxUncompressedBytes: 1024 * 1024})),
    ).toBe('ZIP_TOO_LARGE');
  });

  it('refuses symbolic links inside a folder', async () => {
    const folder = join(dir, 'agent');
    mkdirSync(folder);
    writeFileSync(join(folder, 'agent.json'), '{}');
    symlinkSync('/etc/hostname', join(folder, 'package.json'));
    expect(await codeOf(openImportSource(folder))).toBe('SOURCE_SYMLINK');
  });

  it('names the file inside an archive when its text is not UTF-8', async () => {
    const path = join(dir, 'latin1.zip');
    writeFileSync(path, await zipOf([{name: 'x.json', content: new Uint8Array([0x7b, 0xe9, 0x7d])}]));
    const source = await openImportSource(path);
    const error = (await source.readText('x.json').catch((e: unknown) => e)) as SynthnluError;
    expect(error.code).toBe('FILE_NOT_UTF8');
    expect(error.location.file).toBe(`${path}!/x.json`);
  });
});

describe('writeExportOutput', () => {
  it('writes nothing when a file does not match its schema', async () => {
    const dir = tempDir('synthnlu-out-');
    const out = join(dir, 'data.json');
    const code = await codeOf(
      writeExportOutput(
        [{path: 'data.json', content: '{}', schema: 'dataset.schema.json', json: {format: 'nope'}}],
        out,
        'file',
        {schemas},
      ),
    );
    expect(code).toBe('EXPORT_SCHEMA_INVALID');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('builds a folder beside the target, replaces its own, and a changed one only with force', async () => {
    const dir = tempDir('synthnlu-out-');
    const out = join(dir, 'agent');
    await writeExportOutput(
      [
        {path: 'agent.json', content: '{}'},
        {path: 'intents/a.json', content: '{}'},
      ],
      out,
      'archive',
      {schemas},
    );
    expect(readdirSync(out).sort()).toEqual(['agent.json', 'intents']);
    // synthnlu's own folder (its fingerprint recorded beside it) is replaced without force.
    await writeExportOutput([{path: 'agent.json', content: '{}'}], out, 'archive', {schemas});
    expect(readdirSync(out)).toEqual(['agent.json']);
    // Changed by hand since: no longer synthnlu's own.
    writeFileSync(join(out, 'agent.json'), '{"edited": true}');
    expect(
      await codeOf(writeExportOutput([{path: 'agent.json', content: '{}'}], out, 'archive', {schemas})),
    ).toBe('OUTPUT_EXISTS');
    await writeExportOutput([{path: 'agent.json', content: '{"x":1}'}], out, 'archive', {
      schemas,
      force: true,
    });
    expect(readdirSync(out)).toEqual(['agent.json']);
    expect(readdirSync(dir).sort()).toEqual(['.synthnlu-outputs.json', 'agent']);
  });

  it('writes byte-identical zips for the same files', async () => {
    const dir = tempDir('synthnlu-out-');
    const files = [
      {path: 'b.json', content: '{}'},
      {path: 'a.json', content: '[]'},
    ];
    await writeExportOutput(files, join(dir, 'one.zip'), 'archive', {schemas});
    await writeExportOutput(files, join(dir, 'two.zip'), 'archive', {schemas});
    const {readFileSync} = await import('node:fs');
    expect(readFileSync(join(dir, 'one.zip')).equals(readFileSync(join(dir, 'two.zip')))).toBe(true);
  });
});
