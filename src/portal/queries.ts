import { and, asc, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { agencies, divisions, people, regions, type CertificateStatus } from '../organisation/tables.js';
import type { Db, Tx } from '../platform/db/database.js';

/**
 * Reads behind the public portal. Each query selects only the columns a public page may show
 * (plus the ids an audit record needs), so personal data such as ID numbers and private phones is
 * never even loaded; the presenters then allow-list again.
 */

/** P13: an agency and its officers are published only once the justice bureau has confirmed it. */
const agencyIsPublished = isNotNull(agencies.confirmedAt);

/** A contains-pattern for ILIKE; backslash (PostgreSQL's default LIKE escape) neutralises % and _ typed by the public. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const publicAgencyColumns = {
  name: agencies.name,
  regionCode: agencies.regionCode,
  regionName: regions.name,
  headName: agencies.headName,
  address: agencies.address,
  phone: agencies.phone,
  supervisionPhone: agencies.supervisionPhone,
  categories: agencies.categories,
  area: agencies.area,
};

/**
 * The agencies the public may see (P2, P13): confirmed enforcement agencies, and the justice
 * bureaus that supervise them, each in region order (province → county) and then by name.
 */
export async function publishedAgencies(db: Db) {
  const select = (condition: SQL | undefined) =>
    db
      .select(publicAgencyColumns)
      .from(agencies)
      .innerJoin(regions, eq(regions.code, agencies.regionCode))
      .where(condition)
      .orderBy(asc(regions.path), asc(agencies.name));
  const enforcement = await select(and(eq(agencies.kind, 'enforcement'), agencyIsPublished));
  // Justice bureaus are the confirmers, not the confirmed: they are always listed as supervisors.
  const supervisors = await select(eq(agencies.kind, 'justice_bureau'));
  return { agencies: enforcement, supervisors };
}

export type PublishedAgencyRow = Awaited<ReturnType<typeof publishedAgencies>>['agencies'][number];

const certificateColumns = {
  personId: people.id,
  agencyId: people.agencyId,
  name: people.name,
  agencyName: agencies.name,
  categories: people.categories,
  area: people.area,
  certificateNumber: people.certificateNumber,
  issuedOn: people.certificateIssuedOn,
  expiresOn: people.certificateExpiresOn,
  status: people.certificateStatus,
};

/** The database's check constraint guarantees the certificate's dates and status once it has a number. */
function withCertificate<T extends { certificateNumber: string | null; issuedOn: string | null; expiresOn: string | null; status: CertificateStatus | null }>(row: T) {
  return { ...row, certificateNumber: row.certificateNumber!, issuedOn: row.issuedOn!, expiresOn: row.expiresOn!, status: row.status! };
}

export const OFFICER_SEARCH_LIMIT = 50;

/**
 * P12: officers of published agencies whose name or certificate number contains `q`; an exact
 * certificate number comes first. Fetches one row more than the limit to tell the caller the
 * list was cut.
 */
export async function searchOfficers(db: Db, q: string, limit = OFFICER_SEARCH_LIMIT) {
  const pattern = likePattern(q);
  const rows = await db
    .select({ ...certificateColumns, divisionName: divisions.name })
    .from(people)
    .innerJoin(agencies, and(eq(agencies.id, people.agencyId), agencyIsPublished))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(and(isNotNull(people.certificateNumber), or(ilike(people.name, pattern), ilike(people.certificateNumber, pattern))))
    .orderBy(sql`${people.certificateNumber} = ${q} desc`, asc(people.name), asc(people.certificateNumber))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit).map(withCertificate), truncated: rows.length > limit };
}

export type OfficerSearchRow = Awaited<ReturnType<typeof searchOfficers>>['rows'][number];

/** The certificate with exactly this number, if its agency is published (P3, P12). */
export async function findCertificate(db: Db | Tx, certificateNumber: string) {
  const [row] = await db
    .select({ ...certificateColumns, hasPhoto: sql<boolean>`${people.photoSha256} is not null` })
    .from(people)
    .innerJoin(agencies, and(eq(agencies.id, people.agencyId), agencyIsPublished))
    .where(eq(people.certificateNumber, certificateNumber));
  return row ? withCertificate(row) : null;
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** The stored photo of a published certificate's holder (any certificate status), or null. */
export async function findCertificatePhoto(db: Db, certificateNumber: string) {
  const [row] = await db
    .select({
      sha256: people.photoSha256,
      contentType: sql<string | null>`(select b.content_type from blobs b where b.sha256 = ${people.photoSha256})`,
      size: sql<string | null>`(select b.size::text from blobs b where b.sha256 = ${people.photoSha256})`,
    })
    .from(people)
    .innerJoin(agencies, and(eq(agencies.id, people.agencyId), agencyIsPublished))
    .where(eq(people.certificateNumber, certificateNumber));
  if (!row?.sha256) return null;
  return { sha256: row.sha256, contentType: row.contentType ?? 'application/octet-stream', size: row.size === null ? null : Number(row.size) };
}
