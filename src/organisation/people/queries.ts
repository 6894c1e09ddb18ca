import { and, asc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { agencies, divisions, people, regions } from '../tables.js';
import type { EffectiveCertificateStatus } from './certificate.js';

/** 'none' is staff without a certificate. */
export type StatusFilter = EffectiveCertificateStatus | 'none';

export interface PeopleFilter {
  /** The actor's scope (agencyScopeCondition); undefined for no restriction. */
  scope?: SQL;
  id?: string;
  agencyId?: string;
  /** Part of the name or of the certificate number. */
  q?: string;
  status?: StatusFilter;
  reviewer?: boolean;
  limit?: number;
  offset?: number;
}

/** LIKE pattern matching `text` anywhere, with the wildcards in `text` taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** The effective status as a condition; expiry is derived from `today`, as in certificate.ts. */
function statusCondition(status: StatusFilter | undefined, today: string): SQL | undefined {
  switch (status) {
    case undefined:
      return undefined;
    case 'none':
      return isNull(people.certificateNumber);
    case 'active':
      return and(eq(people.certificateStatus, 'active'), gte(people.certificateExpiresOn, today));
    case 'expired':
      return and(eq(people.certificateStatus, 'active'), lt(people.certificateExpiresOn, today));
    default:
      return eq(people.certificateStatus, status);
  }
}

/** People with their agency, division and the agency's region (for scope checks), in agency then name order. */
export async function queryPeople(db: Db, today: string, filter: PeopleFilter) {
  const where = and(
    filter.scope,
    filter.id ? eq(people.id, filter.id) : undefined,
    filter.agencyId ? eq(people.agencyId, filter.agencyId) : undefined,
    filter.q ? or(ilike(people.name, containing(filter.q)), ilike(people.certificateNumber, containing(filter.q))) : undefined,
    statusCondition(filter.status, today),
    filter.reviewer === undefined ? undefined : eq(people.isLegalReviewer, filter.reviewer),
  );
  const rows = await db
    .select({
      person: people,
      agencyName: agencies.name,
      divisionName: divisions.name,
      agencyRef: { id: agencies.id, regionCode: agencies.regionCode, regionPath: regions.path },
    })
    .from(people)
    .innerJoin(agencies, eq(agencies.id, people.agencyId))
    .innerJoin(regions, eq(regions.code, agencies.regionCode))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(where)
    .orderBy(asc(regions.path), asc(agencies.name), asc(people.name), asc(people.id))
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0);
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(people)
    .where(where)) as [{ total: number }];
  return { rows, total };
}

export type PersonRow = Awaited<ReturnType<typeof queryPeople>>['rows'][number];

/** One person with everything the presenter needs; undefined when there is none. */
export async function findPersonRow(db: Db, today: string, id: string): Promise<PersonRow | undefined> {
  return (await queryPeople(db, today, { id })).rows[0];
}

/** A person's agency, for the scope check before anything else is loaded. */
export async function findPersonAgency(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ agencyId: people.agencyId }).from(people).where(eq(people.id, id));
  return row?.agencyId;
}

/** The person's photo as stored (digest, size, verified type); undefined without one. */
export async function findPersonPhoto(db: Db, id: string): Promise<{ sha256: string; size: string; contentType: string } | undefined> {
  const [row] = await db
    .select({
      sha256: people.photoSha256,
      size: sql<string>`(select b.size::text from blobs b where b.sha256 = ${people.photoSha256})`,
      contentType: sql<string>`(select b.content_type from blobs b where b.sha256 = ${people.photoSha256})`,
    })
    .from(people)
    .where(eq(people.id, id));
  return row?.sha256 ? { sha256: row.sha256, size: row.size, contentType: row.contentType } : undefined;
}
