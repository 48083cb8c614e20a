import {Args, Flags} from '@oclif/core';
import {join, resolve} from 'node:path';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag} from '../cli/flags.js';
import {STARTER_LANGUAGES} from '../init/starter-spec.js';
import {writeStarterSpec} from '../init/write-starter-spec.js';

export interface InitResult {
  file: string;
  overwritten: boolean;
}

export default class Init extends SynthnluCommand<InitResult> {
  static override summary = 'Write a commented starter spec (synthnlu.yaml).';
  static override description =
    'Creates DIR/synthnlu.yaml with a few intents, an alias and two entities, ready to validate and generate from. Refuses to overwrite an existing file unless --force is given.';
  static override examples = [
    {description: 'Start a spec in the current folder', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'Start a spec in a new folder', command: '<%= config.bin %> <%= command.id %> my-bot'},
    {description: 'Replace an existing spec', command: '<%= config.bin %> <%= command.id %> my-bot --force'},
    {
      description: 'Start a spec in Spanish',
      command: '<%= config.bin %> <%= command.id %> mi-bot --language es',
    },
  ];
  static override args = {
    dir: Args.string({description: 'Folder to write synthnlu.yaml into (created if missing).', default: '.'}),
  };
  static override flags = {
    force: forceFlag,
    language: Flags.string({
      description: 'Language of the starter spec: its examples, values and comments are written in it.',
      options: [...STARTER_LANGUAGES],
      default: 'en',
    }),
  };

  async run(): Promise<InitResult> {
    const {args, flags} = await this.parse(Init);
    const file = join(resolve(args.dir), 'synthnlu.yaml');
    const result = await writeStarterSpec(file, {force: flags.force, language: flags.language});
    this.log(`${result.overwritten ? 'Replaced' : 'Created'} ${file}`);
    this.log(`Next: synthnlu validate ${join(args.dir, 'synthnlu.yaml')}`);
    return result;
  }
}
