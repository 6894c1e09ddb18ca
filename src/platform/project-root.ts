import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory (where migrations/ and web/dist are): the nearest directory above
 * this module that holds package.json. Found by walking up rather than by a fixed `../..` because
 * the same code runs from src/platform/ (TypeScript through tsx, tests) and bundled from
 * dist/server/ (the compiled server, see bin/build-server.mjs).
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
