import path from 'node:path';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Test artefacts (git-ignored): one screenshot per page visited, and the server's log. */
export const RESULTS_DIR = path.resolve('test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');
export const SERVER_LOG = path.join(RESULTS_DIR, 'browser-server.log');
