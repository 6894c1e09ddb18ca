/**
 * 审计日志 — reading the audit log: the filters, the order (newest first) and the presenter that
 * turns stored ids into what a person reads (names, numbers) and what the app can link to.
 */
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../audit/tables.js';
import { agencies, counsel, divisions, leadingGroups, people, positions, regions } from '../organisation/tables.js';
import type { Db } from '../platform/db/database.js';
import { pageQuery } from '../platform/http/schemas.js';
import { cases, devices, evidence, powerItems } from '../recording/tables.js';
import type { Actor } from './roles.js';
import { agencyScopeCondition } from './scope.js';
import { apiTokens, users } from './tables.js';

/** A calendar date, read as a whole day in China Standard Time (UTC+8). */
const chinaDay = z.iso.date();

export const auditQuery = z.object({
  agencyId: z.uuid().optional(),
  /** The person who acted (their user id). */
  actorUserId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(64).optional(),
  /** First day shown (inclusive) and last day shown (inclusive), China time. */
  from: chinaDay.optional(),
  to: chinaDay.optional(),
  ...pageQuery,
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** The pages of the staff app an audit subject can be opened on. */
const LINK_TYPES = ['user', 'agency', 'person', 'case', 'device', 'region'] as const;

const auditRow = z.object({
  id: z.number(),
  at: z.date(),
  actor: z.object({
    /** The user who acted; null for the public, the command line, a login attempt. */
    userId: z.uuid().nullable(),
    /** As recorded: "name (username)", or 'public' / 'cli'. */
    label: z.string(),
  }),
  agency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  subject: z.object({
    type: z.string(),
    id: z.string().nullable(),
    /** Its name or number as it reads today; null when unknown (removed, or not a named thing). */
    name: z.string().nullable(),
    /** Where the app shows it: a page kind and the id to open. */
    link: z.object({ type: z.enum(LINK_TYPES), id: z.string() }).nullable(),
  }),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).describe('what the action recorded; its shape depends on the action'),
});
export const auditPage = z.object({ items: z.array(auditRow), total: z.number() });
type AuditRow = z.infer<typeof auditRow>;
type Link = AuditRow['subject']['link'];

/** The start of a China-time day as an instant. */
const startOfChinaDay = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

function conditions(actor: Actor, q: AuditQuery): SQL | undefined {
  return and(
    agencyScopeCondition(actor, auditEvents.agencyId),
    q.agencyId ? eq(auditEvents.agencyId, q.agencyId) : undefined,
    q.actorUserId ? eq(auditEvents.actorUserId, q.actorUserId) : undefined,
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.subjectType ? eq(auditEvents.subjectType, q.subjectType) : undefined,
    q.subjectId ? eq(auditEvents.subjectId, q.subjectId) : undefined,
    q.from ? gte(auditEvents.at, startOfChinaDay(q.from)) : undefined,
    q.to ? lt(auditEvents.at, startOfChinaDay(q.to, 1)) : undefined,
  );
}

/** One page of the audit log in the actor's scope, newest first, with a total for paging. */
export async function listAuditEvents(db: Db, actor: Actor, q: AuditQuery): Promise<z.infer<typeof auditPage>> {
  const where = conditions(actor, q);
  const [rows, [counted]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  const [names, agencyOf] = await Promise.all([resolveSubjects(db, rows), agencyNames(db, rows.map((r) => r.agencyId))]);
  return {
    total: counted?.n ?? 0,
    items: rows.map((r) => {
      const resolved = r.subjectId ? names.get(`${r.subjectType}:${r.subjectId}`) : undefined;
      return {
        id: r.id,
        at: r.at,
        actor: { userId: r.actorUserId, label: r.actorLabel },
        agency: r.agencyId ? { id: r.agencyId, name: agencyOf.get(r.agencyId) ?? r.agencyId } : null,
        action: r.action,
        subject: { type: r.subjectType, id: r.subjectId, name: resolved?.name ?? null, link: resolved?.link ?? null },
        ip: r.ip,
        detail: r.detail,
      };
    }),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuids = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id && UUID.test(id)))];

/** `id → name` of agencies, in one query. */
async function agencyNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = uuids(ids);
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface Resolved {
  name: string;
  link: Link;
}

/**
 * Names every subject of `rows`: one query per subject type present on the page (never one per
 * row). Confidential evidence is named by its case's number only, never by its title (R10).
 */
async function resolveSubjects(db: Db, rows: { subjectType: string; subjectId: string | null }[]): Promise<Map<string, Resolved>> {
  const idsOf = (...types: string[]) => uuids(rows.filter((r) => types.includes(r.subjectType)).map((r) => r.subjectId));
  const out = new Map<string, Resolved>();
  const put = (type: string, id: string, name: string, link: Link) => out.set(`${type}:${id}`, { name, link });
  const lookups: Promise<void>[] = [];
  const when = (ids: string[], load: (ids: string[]) => Promise<void>) => {
    if (ids.length) lookups.push(load(ids));
  };

  when(idsOf('user'), async (ids) => {
    const found = await db.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.id, ids));
    for (const u of found) put('user', u.id, `${u.name} (${u.username})`, { type: 'user', id: u.id });
  });
  when(idsOf('agency'), async (ids) => {
    for (const [id, name] of await agencyNames(db, ids)) put('agency', id, name, { type: 'agency', id });
  });
  // A certificate lookup records the certificate holder's person id.
  when(idsOf('person', 'certificate'), async (ids) => {
    const found = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids));
    for (const p of found) {
      put('person', p.id, p.name, { type: 'person', id: p.id });
      put('certificate', p.id, p.name, { type: 'person', id: p.id });
    }
  });
  when(idsOf('division'), async (ids) => {
    const found = await db.select({ id: divisions.id, name: divisions.name, agencyId: divisions.agencyId }).from(divisions).where(inArray(divisions.id, ids));
    for (const d of found) put('division', d.id, d.name, { type: 'agency', id: d.agencyId });
  });
  when(idsOf('counsel'), async (ids) => {
    const found = await db.select({ id: counsel.id, name: counsel.name, agencyId: counsel.agencyId }).from(counsel).where(inArray(counsel.id, ids));
    for (const c of found) put('counsel', c.id, c.name, { type: 'agency', id: c.agencyId });
  });
  when(idsOf('leading_group'), async (ids) => {
    const found = await db.select({ id: leadingGroups.id, name: leadingGroups.name, agencyId: leadingGroups.agencyId }).from(leadingGroups).where(inArray(leadingGroups.id, ids));
    for (const g of found) put('leading_group', g.id, g.name, { type: 'agency', id: g.agencyId });
  });
  when(idsOf('position'), async (ids) => {
    const found = await db.select({ id: positions.id, name: positions.title, agencyId: positions.agencyId }).from(positions).where(inArray(positions.id, ids));
    for (const p of found) put('position', p.id, p.name, { type: 'agency', id: p.agencyId });
  });
  when(idsOf('power_item'), async (ids) => {
    const found = await db.select({ id: powerItems.id, code: powerItems.code, name: powerItems.name, agencyId: powerItems.agencyId }).from(powerItems).where(inArray(powerItems.id, ids));
    for (const p of found) put('power_item', p.id, `${p.code} ${p.name}`, { type: 'agency', id: p.agencyId });
  });
  when(idsOf('device'), async (ids) => {
    const found = await db.select({ id: devices.id, model: devices.model, serial: devices.serialNumber }).from(devices).where(inArray(devices.id, ids));
    for (const d of found) put('device', d.id, `${d.model} ${d.serial}`, { type: 'device', id: d.id });
  });
  when(idsOf('evidence'), async (ids) => {
    const found = await db
      .select({ id: evidence.id, caseId: cases.id, number: cases.registerNumber })
      .from(evidence)
      .innerJoin(cases, eq(cases.id, evidence.caseId))
      .where(inArray(evidence.id, ids));
    for (const e of found) put('evidence', e.id, e.number, { type: 'case', id: e.caseId });
  });
  when(idsOf('case'), async (ids) => {
    const found = await db.select({ id: cases.id, number: cases.registerNumber, title: cases.title }).from(cases).where(inArray(cases.id, ids));
    for (const c of found) put('case', c.id, `${c.number} ${c.title}`, { type: 'case', id: c.id });
  });
  when(idsOf('api_token'), async (ids) => {
    const found = await db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, ids));
    for (const t of found) put('api_token', t.id, t.name, null);
  });
  // Regions are recorded by their code (GB/T 2260), not a uuid.
  const regionCodes = [...new Set(rows.filter((r) => r.subjectType === 'region' && r.subjectId).map((r) => r.subjectId!))];
  if (regionCodes.length) {
    lookups.push(
      db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, regionCodes))
        .then((found) => {
          for (const r of found) put('region', r.code, `${r.name}（${r.code}）`, { type: 'region', id: r.code });
        }),
    );
  }
  await Promise.all(lookups);
  return out;
}
