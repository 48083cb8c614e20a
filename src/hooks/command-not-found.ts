import {toConfiguredId, type Hook} from '@oclif/core';
import {closestMatch} from '../schema/suggest.js';

/**
 * "Did you mean" for mistyped commands, also when not in a terminal (oclif's plugin only asks interactively,
 * so in CI logs it would say nothing useful). Exits 2: a usage error.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const ids = options.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases]);
  const guess = closestMatch(options.id, ids);
  const typed = toConfiguredId(options.id, options.config);
  const hint = guess ? ` Did you mean "${toConfiguredId(guess, options.config)}"?` : '';
  this.error(
    `"${typed}" is not a ${options.config.bin} command.${hint} Run "${options.config.bin} help" for the list.`,
    {
      exit: 2,
    },
  );
};

export default hook;
