import { z } from 'zod';
import { enforcementCategory } from '../platform/http/schemas.js';
import type { CertificateVerdict } from './certificate-verdict.js';
import type { OfficerSearchRow, PublishedAgencyRow } from './queries.js';
import type { CertificateCheck } from './verify-certificate.js';

/**
 * What leaves the building through the public portal. Every field is named here, one by one:
 * adding a column to a table publishes nothing until someone adds it to a presenter on purpose
 * (STYLE: "a forgotten field is a leak"). The HTML pages render these same objects.
 */

const verdict = z.enum(['valid', 'expired', 'revoked', 'suspended', 'not_yet_valid'] satisfies CertificateVerdict[]);
const isoDay = z.string().describe('YYYY-MM-DD');

/** P2: the facts an agency publishes about itself. */
export const publicAgencyOut = z.object({
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  headName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  supervisionPhone: z.string().nullable(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
});
export type PublicAgency = z.infer<typeof publicAgencyOut>;

export const publicAgenciesOut = z.object({
  /** Enforcement agencies confirmed by the justice bureau (P13). */
  agencies: z.array(publicAgencyOut),
  /** The justice bureaus that supervise them. */
  supervisors: z.array(publicAgencyOut),
});

export function presentPublicAgency(row: PublishedAgencyRow): PublicAgency {
  return {
    name: row.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
    headName: row.headName,
    address: row.address,
    phone: row.phone,
    supervisionPhone: row.supervisionPhone,
    categories: row.categories,
    area: row.area,
  };
}

/** P12: one line of the public officer search. */
export const publicOfficerOut = z.object({
  name: z.string(),
  agencyName: z.string(),
  divisionName: z.string().nullable(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
  certificateNumber: z.string(),
  issuedOn: isoDay,
  expiresOn: isoDay,
  status: verdict,
});
export type PublicOfficer = z.infer<typeof publicOfficerOut>;

export const publicOfficerSearchOut = z.object({
  items: z.array(publicOfficerOut),
  /** True when more officers matched than the page shows; the caller should narrow the query. */
  truncated: z.boolean(),
});

export function presentPublicOfficer(row: OfficerSearchRow, status: CertificateVerdict): PublicOfficer {
  return {
    name: row.name,
    agencyName: row.agencyName,
    divisionName: row.divisionName,
    categories: row.categories,
    area: row.area,
    certificateNumber: row.certificateNumber,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    status,
  };
}

/** P3/P12: the answer to "is this certificate valid today?" — and nothing else. */
export const certificateVerificationOut = z.object({
  certificateNumber: z.string(),
  status: verdict,
  checkedOn: isoDay.describe('The China-time date the verdict is for'),
  name: z.string(),
  photoUrl: z.string().nullable(),
  agencyName: z.string(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
  issuedOn: isoDay,
  expiresOn: isoDay,
});
export type CertificateVerification = z.infer<typeof certificateVerificationOut>;

/** The public path of a certificate's verification page; its photo is below it. */
export const verifyPath = (certificateNumber: string) => `/verify/officer/${encodeURIComponent(certificateNumber)}`;

export function presentCertificateVerification(check: Extract<CertificateCheck, { found: true }>): CertificateVerification {
  const c = check.certificate;
  return {
    certificateNumber: c.certificateNumber,
    status: check.verdict,
    checkedOn: check.checkedOn,
    name: c.name,
    photoUrl: c.hasPhoto ? `${verifyPath(c.certificateNumber)}/photo` : null,
    agencyName: c.agencyName,
    categories: c.categories,
    area: c.area,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
  };
}
