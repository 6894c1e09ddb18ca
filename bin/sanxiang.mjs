#!/usr/bin/env node
// The `sanxiang` command. Runs the compiled server (dist/server/, `npm run build:server`) when it
// was built from the current sources, otherwise the TypeScript sources through tsx's loader —
// never compiled code older than the sources. The compiled code starts faster and uses less
// memory (no TypeScript loader); tsx needs no build step.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { compiledIsCurrent, ENTRY } from './compiled.mjs';

// Node ≥ 22.1 keeps compiled module code on disk between starts (a no-op where it does not exist, as on Node 20).
module.enableCompileCache?.();

if (process.env.SANXIANG_SOURCES !== '1' && compiledIsCurrent()) {
  await import(pathToFileURL(ENTRY).href);
} else {
  if (process.env.NODE_ENV === 'production' && process.env.SANXIANG_SOURCES !== '1') {
    console.error('sanxiang: dist/server/ is missing or older than src/ — running the TypeScript sources (npm run build:server compiles them)');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
