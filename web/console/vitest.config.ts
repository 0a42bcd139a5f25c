import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs only the console's pure-logic tests: `npx vitest run --config web/console/vitest.config.ts`.
// The repository's own vitest.config.ts should include 'web/console/src/**/*.test.ts' as well.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/console', import.meta.url)),
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
