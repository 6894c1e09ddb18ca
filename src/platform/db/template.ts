import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { DataDirInUseError } from './data-dir-lock.js';
import { openDatabase, type Database, type OpenOptions } from './database.js';
import { migrate, MIGRATIONS_DIR } from './migrate.js';

/**
 * A migrated, empty PGlite data directory as a tarball, written by `npm run build` (never
 * committed): a fresh embedded database starts from it instead of running initdb and the
 * migrations — initdb alone was ≈ 40 % of the CPU a first start with the demo took (issue 8).
 * It is used only when its signature — the PGlite version and the name and contents of every
 * migration — matches the installation's; otherwise, or when loading it fails, the data
 * directory is made as before. `migrate` still runs afterwards and finds nothing to do.
 */
export const TEMPLATE_DIR = path.join(PROJECT_ROOT, 'dist', 'pglite-template');
const TARBALL = path.join(TEMPLATE_DIR, 'pgdata.tar.gz');
const MANIFEST = path.join(TEMPLATE_DIR, 'manifest.json');

/** What a template must have been built from: PGlite's version and every migration file. */
export function templateSignature(migrationsDir: string = MIGRATIONS_DIR): string {
  const hash = crypto.createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const file of fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(migrationsDir, file))).update('\n');
  }
  return hash.digest('hex');
}

function pgliteVersion(): string {
  // The package does not export its package.json: find it above the resolved entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Whether dist/pglite-template/ holds a template of the current migrations. */
export function templateIsCurrent(): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { signature?: string };
    return manifest.signature === templateSignature() && fs.existsSync(TARBALL);
  } catch {
    return false;
  }
}

/** Builds the template unless it is current (in memory: initdb and the migrations, then a dump). */
export async function ensureTemplate(): Promise<boolean> {
  if (templateIsCurrent()) return false;
  const signature = templateSignature();
  const database = await openDatabase({});
  try {
    await migrate(database);
    const dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
    fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
    // The manifest last, each file renamed into place: a reader sees a whole template or none.
    fs.rmSync(MANIFEST, { force: true });
    fs.writeFileSync(`${TARBALL}.tmp`, dump);
    fs.renameSync(`${TARBALL}.tmp`, TARBALL);
    fs.writeFileSync(`${MANIFEST}.tmp`, `${JSON.stringify({ builtAt: new Date().toISOString(), signature }, null, 1)}\n`);
    fs.renameSync(`${MANIFEST}.tmp`, MANIFEST);
  } finally {
    await database.close();
  }
  return true;
}

/**
 * Opens the PGlite database in `dataDir`, starting a directory that does not exist yet (or is
 * empty) from the template when a current one is there. Should loading it fail, the half-written
 * directory is removed and the database made by initdb, as without a template.
 */
export async function openPgliteFromTemplate(dataDir: string): Promise<Database> {
  const fresh = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  const loadDataDir = fresh && templateIsCurrent() ? new Blob([fs.readFileSync(TARBALL)]) : undefined;
  const options: OpenOptions = { dataDir };
  if (!loadDataDir) return openDatabase(options);
  try {
    return await openDatabase({ ...options, loadDataDir });
  } catch (error) {
    // Another process holds the directory: not ours to remove. Otherwise openDatabase released
    // the lock (`<dataDir>.lock`, beside the directory) and what is in the directory came from us.
    if (error instanceof DataDirInUseError) throw error;
    fs.rmSync(dataDir, { recursive: true, force: true });
    return openDatabase(options);
  }
}
