// The compiled server (dist/server/, written by bin/build-server.mjs) and the check that it was
// built from the sources as they are now. Plain JavaScript so that bin/sanxiang.mjs can run it
// before any TypeScript loader is registered.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = path.join(ROOT, 'dist', 'server');
export const ENTRY = path.join(DIST_DIR, 'cli.js');
/** Every source file the bundle was built from, with its modification time and size at the time. */
export const STAMP = path.join(DIST_DIR, 'build.json');
/**
 * What stands for the npm packages bundled in: npm rewrites node_modules/.package-lock.json at
 * every install, update or removal — one stat instead of one per bundled package file (≈ 800).
 */
export const PACKAGES_MARKERS = ['package-lock.json', 'node_modules/.package-lock.json'];

/** Whether `file` is part of an npm package (the marker files above stand for those). */
export const inPackage = (file) => file.split(/[\\/]/).includes('node_modules');

/** The file's state as the stamp records it: [mtime in ms, size in bytes], or null if it is gone. */
export function fileState(file) {
  try {
    const s = fs.statSync(path.join(ROOT, file));
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/**
 * Whether dist/server/ holds a build of the current sources: every file the bundle was made of
 * (esbuild's list, so a file added later must be imported by one that changed) and the package
 * markers still have the modification time and size they had then. A source that changed or
 * moved, or an npm install since, means a stale build. One stat per source file, a few milliseconds.
 */
export function compiledIsCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(ENTRY) || !stamp.inputs) return false;
  return Object.entries(stamp.inputs).every(([file, state]) => {
    const now = fileState(file);
    // A marker that was missing at build time must still be missing.
    if (state === null || now === null) return state === now;
    return now[0] === state[0] && now[1] === state[1];
  });
}
