import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Dependencies run one way: platform ← domain modules ← routes ← server (docs/ARCHITECTURE.md).
 * platform/ is infrastructure with no domain rules, so it imports no domain module. Use cases
 * (a module's files other than its routes) declare the narrow dependencies they need and import
 * nothing from the HTTP layer: not the app builder, not AppDeps (src/deps.ts), not a routes file,
 * not the request adapters of the accounts module. Routes files are registered by the composition
 * root (server.ts, cli.ts, modules.ts, and each module's command-line commands in its own cli.ts)
 * and imported by nothing else; nothing but the composition root imports the composition root.
 * Read from the source's import statements, as dependency-cruiser would.
 */

const SRC = path.resolve('src');
const ROOT_FILES = new Set(['server.ts', 'cli.ts', 'modules.ts']);
/** What request handlers may use (database, clock, config, store, calendar): routes and the composition root only. */
const APP_DEPS = 'deps.ts';
/** Pieces of platform/http/ that are plain data shapes and checks, which use cases and presenters may share. */
const PURE_HTTP = new Set(['platform/http/schemas.ts', 'platform/http/storable-input.ts']);
/** The accounts module's side of the HTTP layer: the auth hook and what it leaves on the request. */
const REQUEST_ADAPTERS = new Set(['accounts/auth-hook.ts', 'accounts/request-context.ts', 'accounts/fetch-metadata.ts']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every edge file → file inside src/, as paths relative to src/. */
function edges(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      if (!target.startsWith(SRC)) continue;
      out.push([path.relative(SRC, file), path.relative(SRC, target)]);
    }
  }
  return out;
}

const all = edges();
const isPlatform = (p: string) => p.startsWith('platform/');
const isShared = (p: string) => isPlatform(p) || p.startsWith('i18n/') || p === 'config.ts';
const isRoot = (p: string) => ROOT_FILES.has(p) || p.endsWith('/cli.ts');
const isRoutes = (p: string) => path.basename(p) === 'routes.ts' || p.endsWith('-routes.ts');
const moduleOf = (p: string) => p.split('/')[0]!;
/** A domain module's file that is not its HTTP side: a use case, query, presenter, table or rule. */
const isUseCase = (p: string) => !isShared(p) && !isRoot(p) && p !== APP_DEPS && !isRoutes(p) && !REQUEST_ADAPTERS.has(p);
const isHttpLayer = (p: string) =>
  (p.startsWith('platform/http/') && !PURE_HTTP.has(p)) || p === APP_DEPS || isRoutes(p) || REQUEST_ADAPTERS.has(p);
const violations = (rule: (from: string, to: string) => boolean) =>
  [...new Set(all.filter(([from, to]) => rule(from, to)).map(([from, to]) => `${from} → ${to}`))].sort();

describe('dependencies run one way', () => {
  it('reads the import graph (the parse is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual(['server.ts', 'modules.ts']);
    expect(all).toContainEqual(['recording/cases/routes.ts', 'deps.ts']);
    expect(all.filter(([from]) => isUseCase(from)).length).toBeGreaterThan(200);
  });

  it('platform/ imports no domain module', () => {
    expect(violations((from, to) => isPlatform(from) && !isShared(to))).toEqual([]);
  });

  it('use cases import nothing from the HTTP layer (app builder, AppDeps, routes, request adapters)', () => {
    expect(violations((from, to) => isUseCase(from) && isHttpLayer(to))).toEqual([]);
  });

  it('only the composition root imports routes files (no module imports another module’s routes)', () => {
    expect(violations((from, to) => isRoutes(to) && !isRoot(from))).toEqual([]);
  });

  it('only routes files and the composition root import AppDeps', () => {
    expect(violations((from, to) => to === APP_DEPS && !isRoutes(from) && !isRoot(from))).toEqual([]);
  });

  it('accounts/ imports no other module’s policy (the composition root assembles the capabilities)', () => {
    expect(violations((from, to) => moduleOf(from) === 'accounts' && path.basename(to) === 'policy.ts' && moduleOf(to) !== 'accounts')).toEqual([]);
  });

  it('nothing but the composition root imports the composition root', () => {
    expect(violations((from, to) => ROOT_FILES.has(to) && !isRoot(from))).toEqual([]);
  });
});
