import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ROLES, type Role } from './accounts/roles.js';
import { createUser } from './accounts/manage-users.js';
import { loadConfig } from './config.js';
import { registerExchangeCommands } from './exchange/cli.js';
import { systemClock } from './platform/clock.js';
import { PROJECT_ROOT } from './platform/project-root.js';
import { createDeps, createServer, loadHttpModules, openAndMigrate } from './server.js';
import { DEFAULT_APP_ROLE, DEFAULT_OWNER_ROLE, setupDatabaseRoles } from './platform/db/roles.js';
import { redactMessage } from './platform/log-redaction.js';
import { collectGarbage } from './platform/memory.js';

const program = new Command('sanxiang').description('三项制度 Sanxiang — administrative enforcement platform');

/** Builds the web app when its sources are newer than the last build (so `npm start` just works). */
function buildWebIfNeeded(): void {
  // Not platform/http/web-app.ts's WEB_DIST: importing it would load the HTTP layer before the database opens.
  const webRoot = path.join(PROJECT_ROOT, 'web');
  const built = path.join(webRoot, 'dist', 'index.html');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'dist' ? max : Math.max(max, newest(p));
      return Math.max(max, fs.statSync(p).mtimeMs);
    }, 0);
  // The web app imports src/i18n and the check digits; everything under web/ but dist counts.
  const sourcesChanged = Math.max(newest(webRoot), newest(path.resolve(webRoot, '../src/i18n')), fs.statSync(path.resolve(webRoot, '../src/organisation/check-digits.ts')).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sourcesChanged) return;
  console.log('构建前端… Building the web app…');
  const result = spawnSync(process.execPath, [path.resolve(webRoot, '../node_modules/vite/bin/vite.js'), 'build', '--config', path.join(webRoot, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('web build failed');
}

program
  .command('serve')
  .description('start the server (migrations applied; demo data loaded on first start unless SANXIANG_DEMO=0)')
  .option('--build-web', 'build the web app first if its sources changed')
  .action(async (options: { buildWeb?: boolean }) => {
    const config = loadConfig();
    // The database opens (for PGlite: the template copied, its WebAssembly compiled, its files
    // read) while the web app's check and the HTTP modules run and load (issue 8).
    const opening = openAndMigrate(config);
    opening.catch(() => undefined); // awaited below; a failed web build must not leave it unhandled
    if (options.buildWeb) buildWebIfNeeded();
    const [database] = await Promise.all([opening, loadHttpModules()]);
    const deps = await createDeps(database, config, systemClock);
    const demo = config.demo ? await (await import('./demo/seed.js')).seedDemoIfEmpty(deps) : null;
    const app = await createServer(deps, { level: config.logLevel });
    await app.listen({ port: config.port, host: config.host });
    // What start-up left behind (PGlite's initdb instance, the demo's working set) goes back now,
    // not at the first collection a busy server happens to need — just after the first requests
    // rather than before them (the collection blocks for ≈ 0.3 s).
    setTimeout(collectGarbage, 250);
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${path.join(config.dataDir, 'pgdata')})`;
    console.log(`\n三项制度 Sanxiang is running at ${config.publicUrl}/  (staff app: ${config.publicUrl}/app/, API: ${config.publicUrl}/api/openapi.json)`);
    console.log(`数据库 Database: ${where}`);
    if (demo) {
      console.log(`\n演示账号 Demo logins (password for all: ${demo.password}):`);
      for (const login of demo.logins) console.log(`  ${login.username.padEnd(22)} ${login.description}`);
    }
    const stop = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const database = await openAndMigrate(loadConfig());
    console.log('migrations applied');
    await database.close();
  });

program
  .command('db-roles')
  .description(
    'PostgreSQL: create the owner role (runs migrations) and the application role (SELECT/INSERT, UPDATE/DELETE only where no append-only trigger forbids it, no DDL); run once as a database administrator with DATABASE_URL',
  )
  .option('--owner <role>', 'the role that owns the tables', DEFAULT_OWNER_ROLE)
  .option('--app <role>', 'the role the server connects as', DEFAULT_APP_ROLE)
  .action(async (o: { owner: string; app: string }) => {
    const config = loadConfig();
    if (!config.databaseUrl) throw new Error('db-roles needs DATABASE_URL (an administrator of the PostgreSQL database)');
    const database = await openAndMigrate(config);
    try {
      // Passwords come from the environment, not the command line (which other users can see in ps).
      const result = await setupDatabaseRoles(database, {
        owner: o.owner,
        app: o.app,
        ownerPassword: process.env.OWNER_DB_PASSWORD || undefined,
        appPassword: process.env.APP_DB_PASSWORD || undefined,
      });
      console.log(`roles ready: ${o.owner} owns the tables; ${o.app} may not update or delete ${result.appendOnly.join(', ')}`);
      console.log(`next: MIGRATION_DATABASE_URL=postgres://${o.owner}@…  DATABASE_URL=postgres://${o.app}@…  DATABASE_APP_ROLE=${o.app}  npx sanxiang serve`);
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('load the demo agencies, officers and accounts into an empty database')
  .action(async () => {
    const config = loadConfig();
    const database = await openAndMigrate(config);
    const deps = await createDeps(database, config);
    const result = await (await import('./demo/seed.js')).seedDemoIfEmpty(deps);
    console.log(result ? `demo data loaded; password for all demo logins: ${result.password}` : 'database not empty: nothing loaded');
    await database.close();
  });

program
  .command('demo-logins')
  .description('print the demo logins and their password again (nothing when the database has no demo data)')
  .option('--markdown', 'as the table in README.md')
  .action(async (o: { markdown?: boolean }) => {
    const database = await openAndMigrate(loadConfig());
    try {
      const { listDemoLogins, demoLoginsMarkdown, demoLoginsText } = await import('./demo/logins.js');
      const rows = await listDemoLogins(database.db);
      if (!rows.length) {
        process.exitCode = 1;
        return;
      }
      console.log(o.markdown ? demoLoginsMarkdown(rows) : demoLoginsText(rows));
    } finally {
      await database.close();
    }
  });

program
  .command('verify')
  .description('re-derive every case record\'s hash chain, the rows derived from it (parties, officers, state, evidence, documents, access requests) and the digests of its files; devices and the audit log; exit 1 on any problem')
  .option('--case <id...>', 'only these cases')
  .option('--anchors <file>', 'chain positions saved earlier (from --write-anchors): detects a rewritten chain')
  .option('--write-anchors <file>', 'save every case\'s current chain tip, to keep somewhere else')
  .option('--no-files', 'skip re-hashing stored files')
  .option('--json', 'print the report as JSON')
  .action(async (o: { case?: string[]; anchors?: string; writeAnchors?: string; files: boolean; json?: boolean }) => {
    const config = loadConfig();
    const database = await openAndMigrate(config);
    const deps = await createDeps(database, config);
    const { verifyRecords } = await import('./recording/verify.js');
    const anchors = o.anchors ? JSON.parse(fs.readFileSync(o.anchors, 'utf8')) : undefined;
    const report = await verifyRecords(database.db, deps.store, { caseIds: o.case, anchors, files: o.files });
    if (o.writeAnchors) fs.writeFileSync(o.writeAnchors, JSON.stringify(report.anchors, null, 2));
    if (o.json) console.log(JSON.stringify({ ...report, anchors: undefined }, null, 2));
    else {
      console.log(
        `核验 Verified: ${report.cases} cases, ${report.events} events, ${report.documents} documents, ${report.files} files, ${report.devices} devices; ` +
          `audit log ${report.auditEvents} events in ${report.auditChains} chains`,
      );
      for (const p of report.problems) {
        const where = 'caseId' in p ? `case=${p.caseId}` : 'deviceId' in p ? `device=${p.deviceId}` : `audit chain=${p.chain}`;
        console.log(`  ✗ ${p.kind} ${where}${p.seq ? ` seq=${p.seq}` : ''}${p.id ? ` id=${p.id}` : ''}${p.detail ? ` (${p.detail})` : ''}`);
      }
      console.log(report.problems.length ? `发现 ${report.problems.length} 处问题 ${report.problems.length} problem(s) found` : '记录完整，未被篡改 All records intact');
    }
    await database.close();
    process.exitCode = report.problems.length ? 1 : 0;
  });

program
  .command('create-user')
  .description('create a user account')
  .requiredOption('-u, --username <name>')
  .requiredOption('-p, --password <password>')
  .option('-n, --name <display name>')
  .option('-r, --roles <roles>', `comma-separated: ${ROLES.join(', ')}`, 'system_admin')
  .option('-a, --agency <agencyId>', 'the agency the user belongs to')
  .action(async (o: { username: string; password: string; name?: string; roles: string; agency?: string }) => {
    const roles = o.roles.split(',').map((r) => r.trim()) as Role[];
    const bad = roles.filter((r) => !ROLES.includes(r));
    if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}`);
    const database = await openAndMigrate(loadConfig());
    try {
      const user = await database.db.transaction((tx) =>
        createUser(tx, { actor: null, now: new Date(), label: 'cli' }, { username: o.username, displayName: o.name ?? o.username, password: o.password, agencyId: o.agency ?? null, roles }),
      );
      console.log(`created user ${user.username} (${user.id}) with roles ${roles.join(', ')}`);
    } finally {
      await database.close();
    }
  });

registerExchangeCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // A failed query's message lists its parameters (a new user's password hash among them).
  console.error(error instanceof Error ? redactMessage(error.message) : error);
  process.exit(1);
});
