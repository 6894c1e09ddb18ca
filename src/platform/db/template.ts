import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { openDatabase, type Database } from './database.js';
import { migrate, MIGRATIONS_DIR } from './migrate.js';

/**
 * A migrated, empty PGlite data directory, written by `npm run build` (never committed): a fresh
 * embedded database starts as a copy of it instead of running initdb and the migrations — initdb
 * alone was about a third of the CPU a first start with the demo took (issue 8). A plain copy, not
 * PGlite's `loadDataDir` tarball: unpacking that through PGlite's file system left ≈ 70 MiB of
 * freed native memory the process kept, and took twice the CPU. The template is used only when
 * its signature — the PGlite version and the name and contents of every migration — matches the
 * installation's; otherwise, or when the copy fails, the data directory is made as before.
 * `migrate` still runs afterwards and finds nothing to do.
 */
export const TEMPLATE_DIR = path.join(PROJECT_ROOT, 'dist', 'pglite-template');
const TEMPLATE_PGDATA = path.join(TEMPLATE_DIR, 'pgdata');
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

/**
 * What the composition root puts into the template besides the migrations: reference data every
 * installation loads at its first start (the holiday calendar, the shipped law texts), so that a
 * first start neither spends the time nor grows PGlite's WebAssembly memory for it (issue 8). The
 * signature names that data (a digest of the texts); start-up still runs the same idempotent loads
 * and finds nothing to do.
 */
export interface TemplateContent {
  signature: string;
  seed(database: Database): Promise<void>;
}

const signatureWith = (content?: TemplateContent) => (content ? `${templateSignature()}+${content.signature}` : templateSignature());

/** Whether dist/pglite-template/ holds a template of the current migrations (and content). */
export function templateIsCurrent(content?: TemplateContent): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { signature?: string };
    return manifest.signature === signatureWith(content) && fs.existsSync(path.join(TEMPLATE_PGDATA, 'PG_VERSION'));
  } catch {
    return false;
  }
}

/** Builds the template unless it is current: initdb, the migrations and the content in a directory of its own. */
export async function ensureTemplate(content?: TemplateContent): Promise<boolean> {
  if (templateIsCurrent(content)) return false;
  const signature = signatureWith(content);
  const building = `${TEMPLATE_PGDATA}.building`;
  fs.rmSync(MANIFEST, { force: true });
  fs.rmSync(building, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: building });
  try {
    await migrate(database);
    await content?.seed(database);
  } finally {
    await database.close();
  }
  // The manifest last: a reader sees a whole template or none.
  fs.rmSync(TEMPLATE_PGDATA, { recursive: true, force: true });
  fs.renameSync(building, TEMPLATE_PGDATA);
  fs.writeFileSync(`${MANIFEST}.tmp`, `${JSON.stringify({ builtAt: new Date().toISOString(), signature }, null, 1)}\n`);
  fs.renameSync(`${MANIFEST}.tmp`, MANIFEST);
  return true;
}

/**
 * Opens the PGlite database in `dataDir`; a directory that does not exist yet (or is empty) starts
 * as a copy of the template when a current one is there. The copy is made beside it and renamed
 * into place, so that a process opening the same directory meanwhile never sees half of it.
 */
export async function openPgliteFromTemplate(dataDir: string, content?: TemplateContent): Promise<Database> {
  const fresh = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  if (fresh && templateIsCurrent(content)) {
    const copy = `${dataDir}.template-${process.pid}`;
    try {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      // Asynchronous: the ≈ 1,100 files are copied by libuv's threads while `serve` loads its modules.
      await fs.promises.cp(TEMPLATE_PGDATA, copy, { recursive: true });
      if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir); // fails unless still empty
      fs.renameSync(copy, dataDir);
    } catch {
      // Without the template (no space, or the directory appeared meanwhile): as before.
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
  return openDatabase({ dataDir });
}
