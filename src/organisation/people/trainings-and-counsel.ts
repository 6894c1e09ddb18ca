import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Tx } from '../../platform/db/database.js';
import { counsel, trainings } from '../tables.js';

export interface TrainingInput {
  kind: 'pre_job' | 'on_job';
  title: string;
  provider?: string | null;
  hours: number;
  completedOn: string;
}

/** Records a pre-job or on-the-job training (O2). */
export async function addTraining(tx: Tx, ctx: AuditContext, person: { id: string; agencyId: string }, input: TrainingInput) {
  const [row] = await tx
    .insert(trainings)
    .values({ agencyId: person.agencyId, personId: person.id, ...input, provider: input.provider ?? null })
    .returning();
  await recordAudit(tx, ctx, { action: 'training.created', subjectType: 'training', subjectId: row!.id, agencyId: person.agencyId, detail: { personId: person.id, title: input.title } });
  return row!;
}

export interface CounselInput {
  name: string;
  kind: 'legal_adviser' | 'public_sector_lawyer' | 'outside_lawyer';
  organisation?: string | null;
  phone?: string | null;
  specialties?: string | null;
}

/** Adds legal counsel or a public-sector lawyer to the agency's pool for hard cases (L15). */
export async function addCounsel(tx: Tx, ctx: AuditContext, agencyId: string, input: CounselInput, options: { isDemo?: boolean } = {}) {
  const [row] = await tx
    .insert(counsel)
    .values({ agencyId, ...input, organisation: input.organisation ?? null, phone: input.phone ?? null, specialties: input.specialties ?? null, isDemo: options.isDemo ?? false })
    .returning();
  await recordAudit(tx, ctx, { action: 'counsel.created', subjectType: 'counsel', subjectId: row!.id, agencyId, detail: { name: input.name, kind: input.kind } });
  return row!;
}
