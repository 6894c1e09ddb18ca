import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR } from './migrate.js';
import { ensureTemplate, openPgliteFromTemplate, templateIsCurrent, templateSignature } from './template.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-template-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrated PGlite template', () => {
  it('starts a new data directory with every migration applied, and leaves nothing beside it', async () => {
    await ensureTemplate();
    expect(templateIsCurrent()).toBe(true);
    const parent = tempDir();
    const dataDir = path.join(parent, 'pgdata');
    const database = await openPgliteFromTemplate(dataDir);
    try {
      expect(await migrate(database)).toEqual([]);
      const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
      const applied = await database.query<{ name: string }>('select name from schema_migrations order by name');
      expect(applied.map((r) => r.name)).toEqual(files);
      // A usable database, not a read-only copy: the template's tables take rows.
      await database.exec(`insert into calendar_years (year, source, loaded_at) values (2099, 'manual', now())`);
      expect(await database.query('select year from calendar_years')).toEqual([{ year: 2099 }]);
    } finally {
      await database.close();
    }
    expect(fs.readdirSync(parent).sort()).toEqual(['pgdata']);
  });

  it('does not touch a data directory that already holds a database', async () => {
    const dataDir = path.join(tempDir(), 'pgdata');
    const first = await openPgliteFromTemplate(dataDir);
    await first.exec(`insert into calendar_years (year, source, loaded_at) values (2098, 'manual', now())`);
    await first.close();
    const again = await openPgliteFromTemplate(dataDir);
    try {
      expect(await again.query('select year from calendar_years')).toEqual([{ year: 2098 }]);
    } finally {
      await again.close();
    }
  });

  it('carries the content the composition root seeds, and is stale for other content', async () => {
    const content = { signature: 'test-2097', seed: (db: Parameters<typeof migrate>[0]) => db.exec(`insert into calendar_years (year, source, loaded_at) values (2097, 'manual', now())`) };
    await ensureTemplate(content);
    expect([templateIsCurrent(content), templateIsCurrent(), templateIsCurrent({ ...content, signature: 'test-2096' })]).toEqual([true, false, false]);
    const database = await openPgliteFromTemplate(path.join(tempDir(), 'pgdata'), content);
    try {
      expect(await database.query('select year from calendar_years')).toEqual([{ year: 2097 }]);
    } finally {
      await database.close();
    }
    // Without the same content a new directory is not a copy of it (initdb, then the migrations find work).
    const plain = await openPgliteFromTemplate(path.join(tempDir(), 'pgdata'));
    try {
      expect((await migrate(plain)).length).toBeGreaterThan(0);
      expect(await plain.query('select year from calendar_years')).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('is stale once a migration is added or changed', () => {
    const dir = tempDir();
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const current = templateSignature(MIGRATIONS_DIR);
    expect(templateSignature(dir)).toBe(current);
    fs.writeFileSync(path.join(dir, '299912310001_later.sql'), 'select 1;');
    expect(templateSignature(dir)).not.toBe(current);
    fs.rmSync(path.join(dir, '299912310001_later.sql'));
    const last = fs.readdirSync(dir).sort().at(-1)!;
    fs.appendFileSync(path.join(dir, last), '\n-- edited\n');
    expect(templateSignature(dir)).not.toBe(current);
  });
});
