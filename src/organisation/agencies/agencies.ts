import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { agencies, regions, type EnforcementCategory, type RegionLevel } from '../tables.js';
import { agencyConfirmation, confirmationState } from './confirmation.js';

export interface AgencyInput {
  kind: 'enforcement' | 'justice_bureau';
  name: string;
  shortName?: string | null;
  creditCode: string;
  regionCode: string;
  level: RegionLevel;
  headName?: string | null;
  address?: string | null;
  phone?: string | null;
  supervisionPhone?: string | null;
  categories: EnforcementCategory[];
  area?: string | null;
  docAbbreviation?: string | null;
}

/** Registers an agency (O1). It is not published until the justice bureau confirms it (P13). */
export async function createAgency(tx: Tx, ctx: AuditContext, input: AgencyInput, options: { isDemo?: boolean } = {}) {
  const [row] = await tx
    .insert(agencies)
    .values({ ...input, isDemo: options.isDemo ?? false, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, { action: 'agency.created', subjectType: 'agency', subjectId: row!.id, agencyId: row!.id, detail: { name: input.name } });
  return row!;
}

/**
 * The facts that identify an agency as a legal subject: the justice bureau's confirmation (P13)
 * was given for them, so changing one withdraws it until the bureau confirms again. Re-confirming
 * rather than publishing the change at once: otherwise an agency administrator could publish any
 * name under the bureau's earlier confirmation, and the portal shows only confirmed agencies.
 */
export const CONFIRMED_IDENTITY_FIELDS = ['name', 'creditCode', 'regionCode'] as const;

type AgencyPatch = Partial<Omit<AgencyInput, 'kind' | 'regionCode'>>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Updates the fields the patch names, and only those (a field left out stays as it is). The audit
 * records each changed field's old and new value; a change of name or credit code withdraws the
 * justice bureau's confirmation (P13), recorded in the same audit row.
 */
export async function updateAgency(tx: Tx, ctx: AuditContext, id: string, patch: AgencyPatch) {
  const [current] = await tx.select().from(agencies).where(eq(agencies.id, id)).for('update');
  if (!current) throw new AppError('NOT_FOUND');
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch) as [keyof AgencyPatch, unknown][]) {
    if (value === undefined || sameValue(current[field], value)) continue;
    changes[field] = { old: current[field] ?? null, new: value ?? null };
    set[field] = value;
  }
  if (Object.keys(changes).length === 0) return current;
  const reconfirm = CONFIRMED_IDENTITY_FIELDS.some((field) => field in changes) && agencyConfirmation.can(confirmationState(current), 'changeIdentity');
  const [row] = await tx
    .update(agencies)
    .set({ ...set, ...(reconfirm ? { confirmedAt: null, confirmedBy: null, confirmationNote: null } : {}), updatedAt: ctx.now })
    .where(eq(agencies.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: 'agency.updated',
    subjectType: 'agency',
    subjectId: id,
    agencyId: id,
    detail: { changes, ...(reconfirm ? { confirmationWithdrawn: { confirmedAt: current.confirmedAt!.toISOString(), confirmedBy: current.confirmedBy } } : {}) },
  });
  return row!;
}

/** The justice bureau confirms (or withdraws confirmation of) an agency's status as an enforcement body (O1, P13). */
export async function setAgencyConfirmation(tx: Tx, ctx: AuditContext, id: string, confirmed: boolean, note: string | null) {
  const [current] = await tx.select().from(agencies).where(eq(agencies.id, id));
  if (!current) throw new AppError('NOT_FOUND');
  agencyConfirmation.assertTransition(confirmationState(current), confirmed ? 'confirm' : 'withdraw');
  const [row] = await tx
    .update(agencies)
    .set(
      confirmed
        ? { confirmedAt: ctx.now, confirmedBy: ctx.actor?.userId ?? null, confirmationNote: note, updatedAt: ctx.now }
        : { confirmedAt: null, confirmedBy: null, confirmationNote: note, updatedAt: ctx.now },
    )
    .where(eq(agencies.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: confirmed ? 'agency.confirmed' : 'agency.confirmation_withdrawn',
    subjectType: 'agency',
    subjectId: id,
    agencyId: id,
    detail: { note },
  });
  return row!;
}

/** L12: legal reviewers per active officer; flagged below 5 % or with no reviewer at all. */
export interface ReviewerRatio {
  reviewers: number;
  activeOfficers: number;
  ratio: number | null;
  flag: 'ok' | 'below_minimum' | 'no_reviewer';
}

export const REVIEWER_MINIMUM_RATIO = 0.05;

export function reviewerRatio(reviewers: number, activeOfficers: number): ReviewerRatio {
  const ratio = activeOfficers > 0 ? reviewers / activeOfficers : null;
  const flag = reviewers === 0 ? 'no_reviewer' : ratio !== null && ratio < REVIEWER_MINIMUM_RATIO ? 'below_minimum' : 'ok';
  return { reviewers, activeOfficers, ratio, flag };
}

/** Agencies with their region name, confirmer and reviewer counts, filtered by a scope condition. */
export async function queryAgencies(
  db: Db,
  today: string,
  filter: { scope?: SQL; id?: string; q?: string; regionCode?: string; kind?: string; limit?: number; offset?: number },
) {
  const reviewers = sql<number>`(select count(*)::int from people p where p.agency_id = agencies.id and p.is_legal_reviewer)`;
  const activeOfficers = sql<number>`(select count(*)::int from people p where p.agency_id = agencies.id
      and p.certificate_status = 'active' and p.certificate_expires_on >= ${today}::date)`;
  const confirmedByName = sql<string | null>`(select u.display_name from users u where u.id = agencies.confirmed_by)`;
  const where = and(
    filter.scope,
    filter.id ? eq(agencies.id, filter.id) : undefined,
    filter.q ? or(ilike(agencies.name, `%${filter.q}%`), eq(agencies.creditCode, filter.q)) : undefined,
    filter.regionCode ? sql`${regions.path} like ${'%' + filter.regionCode + '/%'}` : undefined,
    filter.kind ? eq(agencies.kind, filter.kind as 'enforcement') : undefined,
  );
  const rows = await db
    .select({ agency: agencies, regionName: regions.name, regionPath: regions.path, reviewers, activeOfficers, confirmedByName })
    .from(agencies)
    .innerJoin(regions, eq(regions.code, agencies.regionCode))
    .where(where)
    .orderBy(regions.path, agencies.name)
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(agencies)
    .innerJoin(regions, eq(regions.code, agencies.regionCode))
    .where(where)) as [{ total: number }];
  return { rows, total };
}

export type AgencyRow = Awaited<ReturnType<typeof queryAgencies>>['rows'][number];
