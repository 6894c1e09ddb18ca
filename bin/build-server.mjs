#!/usr/bin/env node
// Compiles the server (src/cli.ts and everything it imports) to ES modules in dist/server/ with
// esbuild: npm packages stay external (loaded from node_modules at run time), modules imported
// with a dynamic import() become their own chunks and load only when used. Then writes the stamp
// bin/sanxiang.mjs checks before running the compiled code instead of the TypeScript. Then, if the
// migrations changed, the database template a fresh embedded database starts from.
//   node bin/build-server.mjs           build
//   node bin/build-server.mjs --if-stale   build only when a source changed since the last build
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { compiledIsCurrent, DIST_DIR, fileState, ROOT, STAMP } from './compiled.mjs';

if (!process.argv.includes('--if-stale') || !compiledIsCurrent()) await build();
// A migrated, empty PGlite data directory for a fresh embedded database (src/platform/db/template.ts),
// rebuilt when a migration or PGlite changed. Without one the server runs initdb, as before: a
// failure here is only a warning.
const template = await import(pathToFileURL(path.join(DIST_DIR, 'platform', 'db', 'template.js')).href);
try {
  if (await template.ensureTemplate()) console.log(`database template written → ${path.relative(ROOT, template.TEMPLATE_DIR)}/`);
} catch (error) {
  console.warn(`database template not written (a new embedded database will run initdb): ${error instanceof Error ? error.message : error}`);
}

async function build() {
  fs.rmSync(DIST_DIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // template.ts is an entry of its own so that this script can run it (below).
    entryPoints: ['src/cli.ts', 'src/platform/db/template.ts'],
    outdir: DIST_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, fileState(file)]));
  fs.writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, out]) => sum + out.bytes, 0);
  console.log(`server compiled: ${Object.keys(inputs).length} sources → ${path.relative(ROOT, DIST_DIR)}/ (${Math.round(bytes / 1024)} KiB)`);
}
