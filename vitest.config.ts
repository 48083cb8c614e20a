import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
  // A plugin package (test/fixtures/connector-plugin) imports the public kit by name; tests run it on sources.
  resolve: {
    alias: {
      'synthnlu/connector-kit': fileURLToPath(new URL('src/connector-kit.ts', import.meta.url)),
      'synthnlu/conformance': fileURLToPath(new URL('src/conformance/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/builtin-connectors.ts'],
    // Tests that run the built CLI must run the sources on disk: rebuild when dist/ is stale (see the file).
    globalSetup: ['test/setup/fresh-build.ts'],
    // oclif writes through process.stdout; vitest must not swallow it or in-process command tests see nothing.
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only thrash.
    maxWorkers: 2,
  },
});
