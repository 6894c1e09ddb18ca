import { asc, desc, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { people, trainings } from '../tables.js';

export interface TrainingInput {
  /** 岗前培训 (pre_job) or 在岗培训 (on_job). */
  kind: 'pre_job' | 'on_job';
  title: string;
  provider?: string | null;
  hours: number;
  /** YYYY-MM-DD */
  completedOn: string;
}

/**
 * Records a training an officer completed (O2: pre-job and on-job training records). A training is
 * a fact of the past: a completion date after `today` (China time) is refused.
 */
export async function addTraining(tx: Tx, ctx: AuditContext, personId: string, input: TrainingInput, today: string) {
  const [person] = await tx.select({ agencyId: people.agencyId }).from(people).where(eq(people.id, personId));
  if (!person) throw new AppError('NOT_FOUND');
  if (input.completedOn > today) throw invalidField('completedOn', 'too_big');
  const [row] = await tx
    .insert(trainings)
    .values({ agencyId: person.agencyId, personId, ...input, provider: input.provider ?? null, createdAt: ctx.now })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'training.created',
    subjectType: 'person',
    subjectId: personId,
    agencyId: person.agencyId,
    detail: { trainingId: row!.id, kind: input.kind, title: input.title, hours: input.hours, completedOn: input.completedOn },
  });
  return row!;
}

/** A person's trainings, latest first. */
export function listTrainings(db: Db, personId: string) {
  return db.select().from(trainings).where(eq(trainings.personId, personId)).orderBy(desc(trainings.completedOn), asc(trainings.createdAt), asc(trainings.id));
}
