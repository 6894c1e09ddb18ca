import type { RawSql } from './database.js';

/**
 * Database roles for production on PostgreSQL. The tables belong to an owner role that only the
 * migrations use; the server connects as an application role that holds no more than it needs:
 * SELECT and INSERT everywhere, UPDATE and DELETE only where no append-only trigger forbids them,
 * never TRUNCATE, never DDL. Because it owns nothing, it cannot switch off a trigger
 * (`ALTER TABLE … DISABLE TRIGGER` needs ownership), and `session_replication_role` needs a
 * superuser. Which tables are append-only is read from the triggers the migrations created, so a
 * new append-only table is covered without a list to keep in step.
 */

/** The application role's default name (DATABASE_APP_ROLE). */
export const DEFAULT_APP_ROLE = 'sanxiang_app';
export const DEFAULT_OWNER_ROLE = 'sanxiang_owner';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A role name as a quoted identifier; refuses anything that is not a plain lower-case name. */
export function roleIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a valid role name: "${name}" (lower-case letters, digits and _)`);
  return `"${name}"`;
}

// pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h).
const TRIGGER_DELETE = 8;
const TRIGGER_UPDATE = 16;

export async function roleExists(sql: RawSql, name: string): Promise<boolean> {
  const rows = await sql.query<{ n: number }>('select count(*)::int as n from pg_roles where rolname = $1', [name]);
  return rows[0]!.n > 0;
}

/** Creates a login role unless it exists; sets its password when one is given. */
export async function ensureLoginRole(sql: RawSql, name: string, password?: string): Promise<void> {
  const role = roleIdentifier(name);
  if (!(await roleExists(sql, name))) {
    try {
      await sql.exec(`create role ${role} login nosuperuser nocreatedb nocreaterole noinherit`);
    } catch (error) {
      // Another process created it between the check and here (roles are cluster-wide).
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  }
  if (password !== undefined) {
    const [{ statement }] = (await sql.query<{ statement: string }>('select format($1, $2::text, $3::text) as statement', [
      'alter role %I with password %L',
      name,
      password,
    ])) as [{ statement: string }];
    await sql.exec(statement);
  }
}

/** Tables of the public schema with what their triggers forbid. */
async function tableRules(sql: RawSql) {
  return sql.query<{ name: string; no_update: boolean; no_delete: boolean }>(
    `select c.relname as name,
            exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and p.proname = 'reject_change' and (t.tgtype & ${TRIGGER_UPDATE}) <> 0) as no_update,
            exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and p.proname = 'reject_change' and (t.tgtype & ${TRIGGER_DELETE}) <> 0) as no_delete
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname`,
  );
}

/**
 * Grants the application role exactly what the server needs, from scratch (earlier grants are
 * revoked first, so running it again after a migration converges). Returns the tables it may not
 * update or delete from.
 */
export async function grantApplicationPrivileges(sql: RawSql, appRole: string): Promise<{ appendOnly: string[] }> {
  const role = roleIdentifier(appRole);
  const tables = await tableRules(sql);
  const statements = [
    `revoke all on all tables in schema public from ${role}`,
    `revoke all on all sequences in schema public from ${role}`,
    `grant usage on schema public to ${role}`,
    `grant select, insert on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    // The migrations' own ledger is read (to check that none is pending), never written.
    `revoke insert on schema_migrations from ${role}`,
  ];
  for (const t of tables) {
    if (t.name === 'schema_migrations') continue;
    const may = [!t.no_update && 'update', !t.no_delete && 'delete'].filter(Boolean);
    if (may.length) statements.push(`grant ${may.join(', ')} on "${t.name}" to ${role}`);
  }
  for (const statement of statements) await sql.exec(statement);
  return { appendOnly: tables.filter((t) => t.no_update).map((t) => t.name) };
}

/**
 * `sanxiang db-roles`: run once by a database administrator. Creates the owner and application
 * roles, hands every existing table, sequence and function of the schema to the owner, lets the
 * owner create objects (later migrations), and grants the application role its privileges.
 */
export async function setupDatabaseRoles(
  sql: RawSql,
  options: { owner: string; app: string; ownerPassword?: string; appPassword?: string },
): Promise<{ appendOnly: string[] }> {
  if (options.owner === options.app) throw new Error('The owner and the application role must differ');
  await ensureLoginRole(sql, options.owner, options.ownerPassword);
  await ensureLoginRole(sql, options.app, options.appPassword);
  const owner = roleIdentifier(options.owner);
  const [{ db }] = (await sql.query<{ db: string }>('select current_database() as db')) as [{ db: string }];
  await sql.exec(`grant connect on database "${db.replaceAll('"', '""')}" to ${owner}, ${roleIdentifier(options.app)}`);
  await sql.exec(`grant usage, create on schema public to ${owner}`);
  const objects = await sql.query<{ kind: string; name: string }>(
    `select case c.relkind when 'v' then 'view' else 'table' end as kind, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')
     union all
     select 'function', p.oid::regprocedure::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'`,
  );
  // A table's identity sequences follow it to the new owner.
  for (const o of objects) {
    const target = o.kind === 'function' ? o.name : `"${o.name}"`;
    await sql.exec(`alter ${o.kind} ${target} owner to ${owner}`);
  }
  return grantApplicationPrivileges(sql, options.app);
}
