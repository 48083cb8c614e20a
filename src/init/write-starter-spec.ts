import {access} from 'node:fs/promises';
import {SynthnluError} from '../errors.js';
import {writeFileAtomic} from '../io/atomic-write.js';
import {starterSpec} from './starter-spec.js';

export async function writeStarterSpec(
  file: string,
  options: {force?: boolean; language?: string} = {},
): Promise<{file: string; overwritten: boolean}> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) {
    throw new SynthnluError('FILE_EXISTS', 'already exists; not overwriting it', {
      location: {file},
      suggestion: 'Pass --force to replace it, or choose another folder.',
    });
  }
  await writeFileAtomic(file, starterSpec(options.language));
  return {file, overwritten: exists};
}
