import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue, type FieldIssue } from '../../platform/errors.js';
import { isValidIdNumber } from '../check-digits.js';
import { divisions, people, type CertificateStatus, type EnforcementCategory } from '../tables.js';

/**
 * A member of staff as the use cases take it: flat, like the table and the import spreadsheet.
 * The certificate (执法证) is the four `certificate*` fields, all given or all blank.
 */
export interface PersonInput {
  name: string;
  sex?: 'male' | 'female' | null;
  /** 居民身份证号码 (GB 11643-1999), the full number; it is stored but only ever shown masked. */
  idNumber: string;
  divisionId?: string | null;
  positionTitle?: string | null;
  phone?: string | null;
  /** 法制审核人员 — counts towards the agency's reviewer ratio (L12). */
  isLegalReviewer?: boolean;
  certificateNumber?: string | null;
  certificateIssuedOn?: string | null;
  certificateExpiresOn?: string | null;
  certificateStatus?: CertificateStatus | null;
  categories?: EnforcementCategory[];
  area?: string | null;
  /** How the officer qualified: the exam, or the national legal professional qualification (exempt, O2). */
  qualification?: 'exam' | 'legal_professional_qualification' | null;
  qualificationNote?: string | null;
}

/** Every column of a person a use case writes, with blanks as null. */
export type PersonValues = Required<PersonInput>;

/** Fills in the defaults and normalises the identifiers (upper-case check character, trimmed numbers, no repeated category). */
export function personValues(input: PersonInput): PersonValues {
  const certificateNumber = input.certificateNumber?.trim() || null;
  return {
    name: input.name.trim(),
    sex: input.sex ?? null,
    idNumber: input.idNumber.trim().toUpperCase(),
    divisionId: input.divisionId ?? null,
    positionTitle: input.positionTitle ?? null,
    phone: input.phone ?? null,
    isLegalReviewer: input.isLegalReviewer ?? false,
    certificateNumber,
    certificateIssuedOn: input.certificateIssuedOn ?? null,
    certificateExpiresOn: input.certificateExpiresOn ?? null,
    certificateStatus: input.certificateStatus ?? null,
    categories: [...new Set(input.categories ?? [])],
    area: input.area ?? null,
    qualification: input.qualification ?? null,
    qualificationNote: input.qualificationNote ?? null,
  };
}

const CERTIFICATE_PARTS = ['certificateIssuedOn', 'certificateExpiresOn', 'certificateStatus'] as const;

/**
 * The rules a person must satisfy whoever registers them (the API, the spreadsheet import, the demo
 * seeder): a valid ID number; the certificate all or nothing and expiring after it is issued (O2);
 * a division of the person's own agency; an ID number new to the agency and a certificate number
 * new to the whole system. `selfId` is the person being updated, who does not clash with themself.
 *
 * @throws AppError VALIDATION_FAILED naming each field, CERTIFICATE_DATES_INVALID,
 *   DUPLICATE_ID_NUMBER or DUPLICATE_CERTIFICATE_NUMBER
 */
export async function checkPersonRules(tx: Tx, agencyId: string, person: PersonValues, selfId?: string): Promise<void> {
  const issues: FieldIssue[] = [];
  if (!isValidIdNumber(person.idNumber)) issues.push(fieldIssue('idNumber', 'id_number_check'));
  if (person.certificateNumber) {
    for (const part of CERTIFICATE_PARTS) if (!person[part]) issues.push(fieldIssue(part, 'certificate_incomplete'));
  } else if (CERTIFICATE_PARTS.some((part) => person[part])) {
    issues.push(fieldIssue('certificateNumber', 'certificate_incomplete'));
  }
  // A division of another agency answers like a missing one, so other agencies' ids cannot be probed.
  if (person.divisionId) {
    const [division] = await tx
      .select({ id: divisions.id })
      .from(divisions)
      .where(and(eq(divisions.id, person.divisionId), eq(divisions.agencyId, agencyId)));
    if (!division) issues.push(fieldIssue('divisionId', 'not_in_agency'));
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);

  // ISO dates compare correctly as strings.
  if (person.certificateNumber && person.certificateExpiresOn! <= person.certificateIssuedOn!) throw new AppError('CERTIFICATE_DATES_INVALID');

  // Checked here for a clear answer; the unique constraints still hold against concurrent writers.
  const notSelf: SQL | undefined = selfId ? ne(people.id, selfId) : undefined;
  const [sameId] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.agencyId, agencyId), eq(people.idNumber, person.idNumber), notSelf));
  if (sameId) throw new AppError('DUPLICATE_ID_NUMBER');
  if (person.certificateNumber) {
    const [sameCertificate] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.certificateNumber, person.certificateNumber), notSelf));
    if (sameCertificate) throw new AppError('DUPLICATE_CERTIFICATE_NUMBER');
  }
}
