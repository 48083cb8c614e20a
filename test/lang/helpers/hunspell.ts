/**
 * Debian's Hunspell as an independent speller for the language packs' tests: which words of a list a
 * dictionary (/usr/share/hunspell/<name>.dic) does not know. Tests skip without it locally and fail on CI
 * (CI=true), where .ci/run installs hunspell and the dictionaries.
 */
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export function hunspellAvailable(dictionary: string): boolean {
  if (!existsSync(`/usr/share/hunspell/${dictionary}.dic`)) return false;
  try {
    execFileSync('hunspell', ['-v'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

/** hunspellAvailable, or an error on CI: there the speller must run. */
export function requireHunspellOnCi(dictionary: string): boolean {
  const available = hunspellAvailable(dictionary);
  if (!available && process.env.CI === 'true')
    throw new Error(
      `hunspell with the ${dictionary} dictionary is missing but CI=true (apt-get install hunspell hunspell-...)`,
    );
  if (!available)
    console.warn(`skipping the ${dictionary} spelling test: hunspell or its dictionary is not installed`);
  return available;
}

/** The words (one per call element) the dictionary rejects. */
export function misspelled(dictionary: string, words: Iterable<string>): Set<string> {
  const input = [...new Set(words)].join('\n');
  const output = execFileSync('hunspell', ['-d', dictionary, '-l', '-i', 'utf-8'], {input, encoding: 'utf8'});
  return new Set(output.split('\n').filter(Boolean));
}

/** The words of a text as a speller sees them (inner apostrophes and hyphens kept: "d'annuler", "est-ce"). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
