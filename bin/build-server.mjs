#!/usr/bin/env node
// Compiles the server (src/cli.ts and everything it imports) to ES modules in dist/server/ with
// esbuild: npm packages stay external (loaded from node_modules at run time), modules imported
// with a dynamic import() become their own chunks and load only when used. Then writes the stamp
// bin/sanxiang.mjs checks before running the compiled code instead of the TypeScript.
//   node bin/build-server.mjs           build
//   node bin/build-server.mjs --if-stale   build only when a source changed since the last build
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { compiledIsCurrent, DIST_DIR, fileState, ROOT, STAMP } from './compiled.mjs';

if (process.argv.includes('--if-stale') && compiledIsCurrent()) process.exit(0);

fs.rmSync(DIST_DIR, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['src/cli.ts'],
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
