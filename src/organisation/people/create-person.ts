import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { divisions, people, type CertificateStatus, type EnforcementCategory } from '../tables.js';

/** An enforcement certificate (执法证), O2. */
export interface CertificateInput {
  number: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
}

export interface PersonInput {
  name: string;
  sex?: 'male' | 'female' | null;
  /** GB 11643 number, already validated; stored, never shown in full. */
  idNumber: string;
  divisionId?: string | null;
  positionTitle?: string | null;
  phone?: string | null;
  isLegalReviewer?: boolean;
  certificate?: CertificateInput | null;
  categories?: EnforcementCategory[];
  area?: string | null;
  qualification?: 'exam' | 'legal_professional_qualification' | null;
  qualificationNote?: string | null;
}

/** Rules across fields that hold wherever a person is written (API, import, demo). */
export async function assertPersonRules(tx: Tx, agencyId: string, input: Partial<PersonInput>): Promise<void> {
  if (input.certificate && input.certificate.expiresOn <= input.certificate.issuedOn) throw new AppError('CERTIFICATE_DATES_INVALID');
  if (input.divisionId) {
    const [division] = await tx
      .select({ id: divisions.id })
      .from(divisions)
      .where(and(eq(divisions.id, input.divisionId), eq(divisions.agencyId, agencyId)));
    // A division of another agency answers like a missing one, so ids cannot be probed.
    if (!division) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'divisionId', code: 'not_in_agency', message: '内设机构不属于本机关', messageEn: 'The division does not belong to this agency' }]);
    }
  }
}

export const certificateColumns = (c: CertificateInput | null | undefined) => ({
  certificateNumber: c?.number ?? null,
  certificateIssuedOn: c?.issuedOn ?? null,
  certificateExpiresOn: c?.expiresOn ?? null,
  certificateStatus: c?.status ?? null,
});

/** Registers a member of staff; with a certificate they are an enforcement officer (O2). */
export async function createPerson(tx: Tx, ctx: AuditContext, agencyId: string, input: PersonInput, options: { isDemo?: boolean } = {}) {
  await assertPersonRules(tx, agencyId, input);
  const [row] = await tx
    .insert(people)
    .values({
      agencyId,
      name: input.name,
      sex: input.sex ?? null,
      idNumber: input.idNumber,
      divisionId: input.divisionId ?? null,
      positionTitle: input.positionTitle ?? null,
      phone: input.phone ?? null,
      isLegalReviewer: input.isLegalReviewer ?? false,
      ...certificateColumns(input.certificate),
      categories: input.categories ?? [],
      area: input.area ?? null,
      qualification: input.qualification ?? null,
      qualificationNote: input.qualificationNote ?? null,
      isDemo: options.isDemo ?? false,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'person.created',
    subjectType: 'person',
    subjectId: row!.id,
    agencyId,
    detail: { name: input.name, certificateNumber: input.certificate?.number ?? null, isLegalReviewer: row!.isLegalReviewer },
  });
  return row!;
}
