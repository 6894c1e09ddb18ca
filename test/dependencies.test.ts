import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Dependencies run one way: platform ← domain modules ← routes ← server (docs/ARCHITECTURE.md).
 * platform/ is infrastructure with no domain rules, so it imports no domain module; nothing but
 * the composition root (server.ts, cli.ts, modules.ts, and each module's command-line commands in
 * its own cli.ts) imports the composition root. Read from
 * the source's import statements, as dependency-cruiser would.
 *
 * KNOWN holds today's exceptions, each with why it is still there: a ratchet. The test fails when
 * a new edge appears, and also when a listed one disappears, so the list only shrinks.
 */

const SRC = path.resolve('src');
const ROOT_FILES = new Set(['server.ts', 'cli.ts', 'modules.ts']);

/** platform file → domain module it still imports, and why (issue 8: to be moved out). */
const KNOWN: Record<string, string> = {
  'platform/http/context.ts → accounts/roles.ts': 'AppDeps/actorOf carry the Actor type; context belongs above the domain modules',
  'platform/http/context.ts → audit/record.ts': 'auditContext() builds the AuditContext type',
  'platform/http/context.ts → calendar/service.ts': 'AppDeps holds the working-day calendar service',
  'platform/http/app.ts → accounts/authenticate.ts': 'the session/token hook should be a hook the accounts module registers',
  'platform/http/fetch-metadata.ts → accounts/authenticate.ts': 'uses the CSRF header name and comparison of the accounts module',
};

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

describe('dependencies run one way', () => {
  it('reads the import graph (the parse is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual(['server.ts', 'modules.ts']);
  });

  it('platform/ imports no domain module, but for the listed exceptions', () => {
    const found = all.filter(([from, to]) => isPlatform(from) && !isShared(to)).map(([from, to]) => `${from} → ${to}`);
    expect([...new Set(found)].sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it('nothing but the composition root imports the composition root', () => {
    const isRoot = (p: string) => ROOT_FILES.has(p) || p.endsWith('/cli.ts');
    const found = all.filter(([from, to]) => ROOT_FILES.has(to) && !isRoot(from)).map(([from, to]) => `${from} → ${to}`);
    expect(found).toEqual([]);
  });
});
