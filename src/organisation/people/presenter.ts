import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { allowed, type AgencyRef } from '../../accounts/scope.js';
import { enforcementCategory } from '../../platform/http/schemas.js';
import { maskIdNumber } from '../check-digits.js';
import { organisationPolicy } from '../policy.js';
import type { people } from '../tables.js';

export const EFFECTIVE_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

/** "Expired" is derived, never stored: an active certificate past its expiry date (O2, P3). */
export function effectiveStatus(stored: 'active' | 'suspended' | 'revoked', expiresOn: string, today: string): EffectiveStatus {
  return stored === 'active' && expiresOn < today ? 'expired' : stored;
}

export const personOut = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  divisionId: z.uuid().nullable(),
  divisionName: z.string().nullable(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  idNumberMasked: z.string(),
  hasPhoto: z.boolean(),
  positionTitle: z.string().nullable(),
  phone: z.string().nullable(),
  isLegalReviewer: z.boolean(),
  certificate: z
    .object({
      number: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string(),
      status: z.enum(['active', 'suspended', 'revoked']),
      effectiveStatus: z.enum(EFFECTIVE_STATUSES),
    })
    .nullable(),
  categories: z.array(enforcementCategory),
  area: z.string().nullable(),
  qualification: z.enum(['exam', 'legal_professional_qualification']).nullable(),
  qualificationNote: z.string().nullable(),
  isDemo: z.boolean(),
  allowedActions: z.array(z.enum(['update', 'setPhoto', 'addTraining'])),
});

export interface PersonRow {
  person: typeof people.$inferSelect;
  agencyName: string;
  divisionName: string | null;
}

/** Staff view of a person: the ID number only masked, never in full. */
export function presentPerson(row: PersonRow, today: string, actor: Actor, agency: AgencyRef): z.infer<typeof personOut> {
  const p = row.person;
  const canManage = allowed(organisationPolicy, actor, 'person.manage', agency);
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
      p.certificateNumber && p.certificateStatus
        ? {
            number: p.certificateNumber,
            issuedOn: p.certificateIssuedOn!,
            expiresOn: p.certificateExpiresOn!,
            status: p.certificateStatus,
            effectiveStatus: effectiveStatus(p.certificateStatus, p.certificateExpiresOn!, today),
          }
        : null,
    categories: p.categories,
    area: p.area,
    qualification: p.qualification,
    qualificationNote: p.qualificationNote,
    isDemo: p.isDemo,
    allowedActions: canManage ? ['update', 'setPhoto', 'addTraining'] : [],
  };
}
