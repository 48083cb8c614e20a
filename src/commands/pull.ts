import {countOf} from '../report/count.js';
import {Flags} from '@oclif/core';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag, languageFlag, outFlag} from '../cli/flags.js';
import {checkOutputPath} from '../io/output-path.js';
import {datasetLanguages} from '../model/languages.js';
import {writeDataset} from '../model/write-dataset.js';
import {remoteCommandFlags, remoteOptionsFromFlags} from '../remote/flags.js';
import {pullHelp} from '../cli/platform-help.js';
import {pullDataset} from '../remote/push.js';
import {Secrets, withSecretsRedacted} from '../remote/secrets.js';
import {registry as builtins} from '../registry.js';

export interface PullResult {
  from: string;
  out: string;
  /** The languages pulled, the remote's default first. */
  languages: string[];
  intents: number;
  entities: number;
  utterances: number;
}

const help = pullHelp(builtins);

export default class Pull extends SynthnluCommand<PullResult> {
  static override summary = help.summary;
  static override description = help.description;
  static override examples = help.examples;
  static override flags = {
    from: Flags.string({
      description: 'Platform to read from.',
      options: builtins.remoteIds(),
      required: true,
    }),
    out: outFlag('Dataset file to write (.json or .jsonl).'),
    force: forceFlag,
    language: languageFlag,
    ...remoteCommandFlags(builtins, 'pull'),
  };

  async run(): Promise<PullResult> {
    const {flags} = await this.parse(Pull);
    const registry = await this.registry();
    const remote = registry.remote(flags.from);
    // The same overwrite rule as every command (a dataset synthnlu wrote is replaced; anything else needs --force).
    await checkOutputPath(flags.out, {force: flags.force});
    const secrets = new Secrets();
    const result = await withSecretsRedacted(secrets, async (): Promise<PullResult> => {
      // Every language the remote holds, or those --language names.
      const dataset = await pullDataset(
        remote,
        remoteOptionsFromFlags(registry, remote, 'pull', flags, secrets),
        flags.language,
      );
      await writeDataset(flags.out, dataset);
      const {intents, entities, utterances} = dataset;
      return {
        from: remote.id,
        out: flags.out,
        languages: datasetLanguages(dataset),
        intents: intents.length,
        entities: entities.length,
        utterances: utterances.length,
      };
    });
    this.log(
      `Pulled ${countOf(result.intents, 'intent')}, ${countOf(result.entities, 'entity', 'entities')}, ${countOf(result.utterances, 'utterance')} ${result.languages.length > 1 ? ` in ${result.languages.join(', ')}` : ''} from ${remote.id} -> ${flags.out}`,
    );
    return result;
  }
}
