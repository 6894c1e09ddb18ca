import { z } from 'zod';
import { allowed } from '../../accounts/scope.js';
import type { Actor } from '../../accounts/roles.js';
import { enforcementCategory } from '../../platform/http/schemas.js';
import { maskIdNumber } from '../check-digits.js';
import { organisationPolicy } from '../policy.js';
import type { trainings } from '../tables.js';
import { CERTIFICATE_STATUSES, certificateValidOn, EFFECTIVE_CERTIFICATE_STATUSES, effectiveCertificateStatus } from './certificate.js';
import type { PersonRow } from './queries.js';

/** What the actor may do with a person next, so the UI never re-derives permissions. */
export const PERSON_ACTIONS = ['update', 'setPhoto', 'addTraining'] as const;

export const certificateOut = z.object({
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  effectiveStatus: z.enum(EFFECTIVE_CERTIFICATE_STATUSES),
  validToday: z.boolean().describe('whether the holder may act as an enforcement officer today (active, issued, not expired)'),
});

export const personOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  divisionId: z.uuid().nullable(),
  divisionName: z.string().nullable(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  idNumberMasked: z.string().describe('身份证号码（脱敏）; the full number is never returned'),
  hasPhoto: z.boolean(),
  positionTitle: z.string().nullable(),
  phone: z.string().nullable(),
  isLegalReviewer: z.boolean(),
  certificate: certificateOut.nullable(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
  qualification: z.enum(['exam', 'legal_professional_qualification']).nullable(),
  qualificationNote: z.string().nullable(),
  isDemo: z.boolean(),
  allowedActions: z.array(z.enum(PERSON_ACTIONS)),
});
export type PersonOut = z.infer<typeof personOut>;

/**
 * Staff view of a person. Allow-listed: the ID number leaves only masked (first six and last
 * four characters) and the photo only as a flag; its bytes come from GET /api/people/:id/photo.
 */
export function presentPerson(row: PersonRow, today: string, actor: Actor): PersonOut {
  const p = row.person;
  const canManage = allowed(organisationPolicy, actor, 'person.manage', row.agencyRef);
  return {
    id: p.id,
    agencyId: p.agencyId,
    agencyName: row.agencyName,
    divisionId: p.divisionId,
    divisionName: row.divisionName,
    name: p.name,
    sex: p.sex,
    idNumberMasked: maskIdNumber(p.idNumber),
    hasPhoto: p.photoSha256 !== null,
    positionTitle: p.positionTitle,
    phone: p.phone,
    isLegalReviewer: p.isLegalReviewer,
    certificate:
      p.certificateNumber && p.certificateIssuedOn && p.certificateExpiresOn && p.certificateStatus
        ? {
            number: p.certificateNumber,
            issuedOn: p.certificateIssuedOn,
            expiresOn: p.certificateExpiresOn,
            status: p.certificateStatus,
            effectiveStatus: effectiveCertificateStatus(p.certificateStatus, p.certificateExpiresOn, today),
            validToday: certificateValidOn({ status: p.certificateStatus, issuedOn: p.certificateIssuedOn, expiresOn: p.certificateExpiresOn }, today),
          }
        : null,
    categories: p.categories,
    area: p.area,
    qualification: p.qualification,
    qualificationNote: p.qualificationNote,
    isDemo: p.isDemo,
    allowedActions: canManage ? [...PERSON_ACTIONS] : [],
  };
}

export const trainingOut = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(['pre_job', 'on_job']),
  title: z.string(),
  provider: z.string().nullable(),
  hours: z.number(),
  completedOn: z.string(),
});

export function presentTraining(t: typeof trainings.$inferSelect): z.infer<typeof trainingOut> {
  return { id: t.id, personId: t.personId, kind: t.kind, title: t.title, provider: t.provider, hours: Number(t.hours), completedOn: t.completedOn };
}
