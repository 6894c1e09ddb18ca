import { defineConfig } from 'vitest/config';

// Server and domain tests. Each test file opens its own database cloned from a
// migrated template (PGlite data-dir tarball, or a PostgreSQL TEMPLATE database
// when DATABASE_URL is set), built once in test/global-setup.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
