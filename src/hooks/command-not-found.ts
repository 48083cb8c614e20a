import {toConfiguredId, type Hook} from '@oclif/core';
import {closestMatch} from '../schema/suggest.js';

/**
 * "Did you mean" for mistyped commands, also when not in a terminal (oclif's plugin-not-found only asks
 * interactively, so in CI logs it would say nothing useful). Exits 2: a usage error.
 *
 * oclif hands over the typo joined with what followed it ("valdate:x.yaml" for `valdate x.yaml`), so the
 * command is looked for in the leading words only, and the rest is kept as arguments in the suggestion.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const ids = options.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases]);
  const words = options.id.split(':');
  let guess: {id: string; rest: string[]; typed: string} | undefined;
  // The longest leading run of words that is close to a command ("pull" beats "pul x.json").
  for (let n = words.length; n >= 1 && !guess; n--) {
    const typed = words.slice(0, n).join(':');
    const id = closestMatch(typed, ids);
    if (id) guess = {id, rest: [...words.slice(n), ...(options.argv ?? [])], typed};
  }
  const bin = options.config.bin;
  const typed = toConfiguredId(guess?.typed ?? words[0]!, options.config);
  // Nothing close: a far-fetched guess ("foo" -> "bot") misleads more than the plain list of commands does.
  const hint = guess
    ? `Did you mean "${[bin, toConfiguredId(guess.id, options.config), ...guess.rest].join(' ')}"? Run "${bin} --help" for the list.`
    : `Commands: ${[...new Set(ids.map((id) => toConfiguredId(id.split(':')[0]!, options.config)))].sort().join(', ')}. Run "${bin} --help" for what each does.`;
  this.error(`"${typed}" is not a ${bin} command. ${hint}`, {exit: 2});
};

export default hook;
