/**
 * The web app's generated API types (web/src/api/openapi.d.ts) are what the server describes now
 * (issue 8): a server schema change that was not followed by `npm run gen:api` fails here, and once
 * regenerated the web type check names every place the web app no longer fits.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../scripts/openapi-types.js';

describe('web/src/api/openapi.d.ts', () => {
  it('is the types of the current OpenAPI document (else run npm run gen:api)', async () => {
    const expected = await apiTypesSource();
    const committed = fs.existsSync(API_TYPES_FILE) ? fs.readFileSync(API_TYPES_FILE, 'utf8') : '';
    if (committed !== expected) {
      const a = committed.split('\n');
      const b = expected.split('\n');
      const line = b.findIndex((text, i) => text !== a[i]);
      expect.fail(
        `web/src/api/openapi.d.ts is out of date with the server's OpenAPI document: run npm run gen:api and commit it, ` +
          `then fix what npx tsc --noEmit -p web/tsconfig.json reports. First difference at line ${line + 1}:\n` +
          `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
      );
    }
  });
});
