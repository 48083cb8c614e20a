import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | undefined;

/**
 * The synthnlu package folder. Code runs from src/ (tsx, vitest) and from dist/src/ (built), at different
 * depths, so the root is found by walking up to our package.json rather than by a fixed relative path.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {name?: string};
      if (pkg.name === 'synthnlu') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('synthnlu: cannot find the package root (package.json)');
    dir = parent;
  }
}

export function schemasDir(): string {
  return join(packageRoot(), 'schemas');
}
