import { defineConfig } from 'vitest/config';

// Browser tests: Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the real
// server started as a child process by test/browser/global-setup.ts — built web app, fresh
// database (PGlite, or a new PostgreSQL database when DATABASE_URL is set). `npm test` runs them
// after the server tests; a missing Chromium fails the run with the command that installs it.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    // One server for all files; the files run one at a time so their screenshots and timings stay readable.
    fileParallelism: false,
    testTimeout: 90_000,
    // A loaded CI machine can take seconds to close a dropdown or re-render a page; polls wait for it.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
