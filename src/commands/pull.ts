import {Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag, outFlag} from '../cli/flags.js';
import {SynthnluError} from '../errors.js';
import {checkOutputPath} from '../io/output-path.js';
import {writeDataset} from '../model/write-dataset.js';
import {remoteOptionsFromFlags, remotePlatformFlags} from '../remote/flags.js';
import {pullDataset} from '../remote/push.js';
import {Secrets} from '../remote/secrets.js';
import {registry} from '../registry.js';
import {redactError} from './push.js';

export interface PullResult {
  from: string;
  out: string;
  intents: number;
  entities: number;
  utterances: number;
}

export default class Pull extends SynthnluCommand<PullResult> {
  static override summary =
    'Read the training data of a live Dialogflow ES or CX agent or Azure CLU project into a dataset.';
  static override description =
    'Writes the canonical dataset (.json or .jsonl) so you can generate more data for an existing agent and push it back. Credentials as for push; they never appear in the output.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --from dialogflow --project my-gcp-project --out data/agent.json',
    '<%= config.bin %> <%= command.id %> --from dialogflow-cx --project my-gcp-project --location europe-west2 --out data/cx.json',
    '<%= config.bin %> <%= command.id %> --from clu --endpoint https://my-lang.cognitiveservices.azure.com --project support --out data/clu.jsonl',
  ];
  static override flags = {
    from: Flags.string({
      description: 'Platform to read from.',
      options: registry.remoteIds(),
      required: true,
    }),
    out: outFlag('Dataset file to write (.json or .jsonl).'),
    force: forceFlag,
    ...remotePlatformFlags,
  };

  async run(): Promise<PullResult> {
    const {flags} = await this.parse(Pull);
    const connector = registry.connectors().find((c) => c.remote?.id === flags.from)?.remote;
    if (!connector) throw new SynthnluError('UNKNOWN_REMOTE', `unknown platform "${flags.from}"`);
    // The same overwrite rule as every command (a dataset synthnlu wrote is replaced; anything else needs --force).
    await checkOutputPath(flags.out, {force: flags.force});
    const secrets = new Secrets();
    try {
      const dataset = await pullDataset(connector, remoteOptionsFromFlags(connector, flags, secrets));
      await writeDataset(flags.out, dataset);
      const result: PullResult = {
        from: connector.id,
        out: flags.out,
        intents: dataset.intents.length,
        entities: dataset.entities.length,
        utterances: dataset.utterances.length,
      };
      this.log(
        `Pulled ${result.intents} intents, ${result.entities} entities, ${result.utterances} utterances from ${connector.id} -> ${flags.out}`,
      );
      return result;
    } catch (error) {
      throw redactError(error, secrets);
    }
  }
}
