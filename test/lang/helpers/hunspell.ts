/**
 * Debian's Hunspell binary as an independent spell checker for generated text in other languages (nspell with
 * npm's dictionaries took over 70 s to load the Portuguese one). Tests that use it are skipped without it and
 * required when CI=true (.ci/run installs hunspell and the dictionaries).
 */
import {spawnSync} from 'node:child_process';

/** Whether `hunspell -d <dictionary>` runs here. */
export function hunspellHas(dictionary: string): boolean {
  const run = spawnSync('hunspell', ['-d', dictionary, '-l'], {input: 'casa\n', encoding: 'utf8'});
  return run.status === 0 && !/Can't open affix or dictionary/i.test(run.stderr ?? '');
}

/** hunspellHas, or an error on CI: there the speller must run. */
export function requireHunspellOnCi(dictionary: string): boolean {
  const available = hunspellHas(dictionary);
  if (!available && process.env.CI === 'true')
    throw new Error(
      `hunspell with the ${dictionary} dictionary is missing but CI=true (apt-get install hunspell hunspell-...)`,
    );
  if (!available)
    console.warn(`skipping the ${dictionary} spelling test: hunspell or its dictionary is not installed`);
  return available;
}

/** The words Hunspell does not know, of those given (one call for all of them). */
export function unknownWords(dictionary: string, words: Iterable<string>): Set<string> {
  const unique = [...new Set(words)];
  const run = spawnSync('hunspell', ['-d', dictionary, '-l', '-i', 'utf-8'], {
    input: `${unique.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`hunspell -d ${dictionary} failed: ${run.stderr}`);
  const flagged = new Set(run.stdout.split('\n').filter(Boolean));
  // Hunspell may flag a part of a hyphenated word ("check" of "check-out"): the word is unknown then.
  return new Set(unique.filter((w) => flagged.has(w) || w.split(/[-'’]/).some((part) => flagged.has(part))));
}

/**
 * The words of a text as a speller sees them (inner apostrophes and hyphens kept: "d'annuler", "est-ce");
 * numbers left out.
 */
export function textWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => !/\p{N}/u.test(w));
}
