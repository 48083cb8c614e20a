/**
 * A file shaped like a spec (a mapping with intents) is a spec only if no connector's detect() claims it:
 * platform markers are not hard-coded in the loader, so a connector added at run time is asked too.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {inspectFile} from '../../src/library-load.js';
import {kindOfDocumentFile} from '../../src/load/kind.js';
import {registry} from '../../src/registry.js';
import {bareConnector} from '../helpers/bare-connector.js';
import {tempDir} from '../helpers/cli.js';

/** A platform whose files are spec-shaped JSON named *.intents.json. */
const intentsFile = bareConnector('intents-file', {
  formats: [
    {
      id: 'intents-file',
      description: 'spec-shaped JSON (test only)',
      layout: 'file',
      extensions: ['.intents.json'],
      schemas: [],
      detect: async (source) => (source.list().some((f) => f.endsWith('.intents.json')) ? 0.9 : 0),
      exportDataset: async () => ({files: []}),
      importDataset: async () => {
        throw new Error('not used');
      },
    },
  ],
});

const SPEC_SHAPED = JSON.stringify({intents: [{name: 'greet', examples: ['hello there']}]});
let dir: string;

beforeAll(() => {
  dir = tempDir('synthnlu-kind-');
  registry.register(intentsFile);
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("spec or platform file: the connectors' detect() decides", () => {
  it('a spec-shaped file no connector claims is a spec', async () => {
    expect(await kindOfDocumentFile(file('spec.json', SPEC_SHAPED), registry)).toBe('spec');
  });

  it('the same content is not a spec when a connector recognises the file', async () => {
    const claimed = file('app.intents.json', SPEC_SHAPED);
    expect(await kindOfDocumentFile(claimed, registry)).toBeUndefined();
    const inspection = await inspectFile(claimed);
    expect(inspection.diagnostics).toMatchObject([
      {
        code: 'INPUT_UNKNOWN_KIND',
        message: 'a platform file (intents-file), not a synthnlu spec or dataset',
        suggestion: `Read it with \`synthnlu import ${claimed} --from intents-file --out data.json\`, then work on the dataset.`,
      },
    ]);
  });

  it('LUIS and CLU files are recognised by their own connectors, even with intents at the top', async () => {
    const luis = {luis_schema_version: '7.0.0', intents: [{name: 'greet'}], utterances: []};
    expect(await kindOfDocumentFile(file('luis.json', JSON.stringify(luis)), registry)).toBeUndefined();
    const unversioned = {intents: [{name: 'greet'}], utterances: [{text: 'hi', intent: 'greet'}]};
    expect(
      await kindOfDocumentFile(file('unversioned.json', JSON.stringify(unversioned)), registry),
    ).toBeUndefined();
    const clu = {projectFileVersion: '2023-04-01', intents: [], assets: {projectKind: 'Conversation'}};
    expect(await kindOfDocumentFile(file('clu.json', JSON.stringify(clu)), registry)).toBeUndefined();
  });
});
