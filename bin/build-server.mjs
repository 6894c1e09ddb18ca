#!/usr/bin/env node
// Compiles the server (src/cli.ts and everything it imports) to ES modules in dist/server/ with
// esbuild, the npm packages it needs at start-up bundled in (one file to load instead of ≈ 200 from
// node_modules, each resolved and read by Node's module loader: issue 8); modules imported with a
// dynamic import() become their own chunks and load only when used. Then writes the stamp
// bin/sanxiang.mjs checks before running the compiled code instead of the TypeScript. Then, if the
// migrations changed, the database template a fresh embedded database starts from.
//   node bin/build-server.mjs           build
//   node bin/build-server.mjs --if-stale   build only when a source changed since the last build
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { compiledIsCurrent, DIST_DIR, fileState, inPackage, PACKAGES_MARKERS, ROOT, STAMP } from './compiled.mjs';

/**
 * npm packages left out of the bundle. PGlite reads its WebAssembly and data files beside its own
 * module (by `import.meta.url`); argon2 is a native addon; pg-native is pg's optional native
 * driver, never installed; esbuild, tsx and vite are build tools. @fastify/cookie loads `cookie`
 * (CommonJS) with import() and calls its named exports, which a bundled CommonJS chunk does not
 * have (only `default`). The rest are loaded only through a dynamic import(), when a document,
 * spreadsheet, S3 store or file-type check is first needed.
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  '@node-rs/jieba',
  'pg-native',
  'esbuild',
  'tsx',
  'vite',
  '@fastify/cookie',
  'exceljs',
  'docx',
  'pdfmake',
  'file-type',
  '@aws-sdk/*',
  '@tus/s3-store',
];

if (!process.argv.includes('--if-stale') || !compiledIsCurrent()) await build();
// A migrated PGlite data directory with the reference data (src/template-content.ts, src/platform/db/template.ts)
// rebuilt when a migration or PGlite changed. Without one the server runs initdb, as before: a
// failure here is only a warning.
const template = await import(pathToFileURL(path.join(DIST_DIR, 'template-content.js')).href);
try {
  if (await template.ensureTemplateWithContent()) console.log(`database template written → ${path.relative(ROOT, template.TEMPLATE_DIR)}/`);
} catch (error) {
  console.warn(`database template not written (a new embedded database will run initdb): ${error instanceof Error ? error.message : error}`);
}

async function build() {
  fs.rmSync(DIST_DIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // template-content.ts is an entry of its own so that this script can run it (below).
    entryPoints: ['src/cli.ts', 'src/template-content.ts'],
    outdir: DIST_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Kept in node_modules: what loads files beside itself at run time or is native code, and the
    // large packages only a dynamic import() loads (nothing to gain at start-up; see EXTERNAL).
    external: EXTERNAL,
    // CommonJS packages bundled into ES modules still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(result.metafile.inputs);
  const sources = files.filter((file) => !inPackage(file));
  const inputs = Object.fromEntries([...sources, ...PACKAGES_MARKERS].map((file) => [file, fileState(file)]));
  fs.writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, out]) => sum + out.bytes, 0);
  console.log(`server compiled: ${sources.length} sources and ${files.length - sources.length} package files → ${path.relative(ROOT, DIST_DIR)}/ (${Math.round(bytes / 1024)} KiB)`);
}
