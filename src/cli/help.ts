/**
 * oclif's help, with a "did you mean" for a mistyped command (`synthnlu help genrate`), which oclif answers
 * with only "Command genrate not found.".
 */
import {Errors, Help, toConfiguredId} from '@oclif/core';
import {closestMatch} from '../schema/suggest.js';

export default class SynthnluHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    const words = argv.filter((a) => !a.startsWith('-'));
    const known = (id: string) => Boolean(this.config.findCommand(id) ?? this.config.findTopic(id));
    if (words.length > 0 && !known(words.join(':')) && !known(words[0]!)) {
      const bin = this.config.bin;
      const ids = this.config.commands.filter((c) => !c.hidden).map((c) => c.id);
      const guess = closestMatch(words[0]!, ids);
      const hint = guess
        ? `Did you mean "${bin} help ${toConfiguredId(guess, this.config)}"?`
        : `Commands: ${[...new Set(ids)].sort().join(', ')}.`;
      Errors.error(`"${words[0]}" is not a ${bin} command. ${hint} Run "${bin} help" for the list.`, {
        exit: 2,
      });
    }
    return super.showHelp(argv);
  }
}
