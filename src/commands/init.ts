import {Args} from '@oclif/core';
import {join, resolve} from 'node:path';
import {SynthnluCommand} from '../cli/base-command.js';
import {forceFlag} from '../cli/flags.js';
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
  ];
  static override args = {
    dir: Args.string({description: 'Folder to write synthnlu.yaml into (created if missing).', default: '.'}),
  };
  static override flags = {force: forceFlag};

  async run(): Promise<InitResult> {
    const {args, flags} = await this.parse(Init);
    const file = join(resolve(args.dir), 'synthnlu.yaml');
    const result = await writeStarterSpec(file, {force: flags.force});
    this.log(`${result.overwritten ? 'Replaced' : 'Created'} ${file}`);
    this.log(`Next: synthnlu validate ${join(args.dir, 'synthnlu.yaml')}`);
    return result;
  }
}
