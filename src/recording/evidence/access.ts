import { eq } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { allowed, loadAgencyRef, type AgencyRef } from '../../accounts/scope.js';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { loadCaseFor, type CaseRow } from '../cases/load.js';
import { recordingPolicy, type RecordingPermission } from '../policy.js';
import { evidence, type Confidentiality } from '../tables.js';
import type { EvidenceRow } from './add-evidence.js';

/** The permission that opens each confidentiality level (R10); 'none' needs only case.read. */
export const CONFIDENTIALITY_PERMISSION: Record<Confidentiality, RecordingPermission> = {
  none: 'case.read',
  personal_privacy: 'evidence.read_privacy',
  trade_secret: 'evidence.read_trade_secret',
  state_secret: 'evidence.read_state_secret',
};

/** Whether the actor may see an item's contents and full metadata (R10). */
export const mayReadEvidence = (actor: Actor, item: Pick<EvidenceRow, 'confidentiality'>, agency: AgencyRef) =>
  allowed(recordingPolicy, actor, CONFIDENTIALITY_PERMISSION[item.confidentiality], agency);

export interface ReadableEvidence {
  item: EvidenceRow;
  kase: CaseRow;
}

/**
 * Loads an item for reading: its case must be readable by the actor (else NOT_FOUND/FORBIDDEN as
 * for the case), and its confidentiality level must be open to the actor — otherwise the refusal
 * is audited (in its own transaction, so it stays recorded) and EVIDENCE_RESTRICTED is thrown.
 */
export async function loadEvidenceForReading(db: Db, ctx: AuditContext, actor: Actor, evidenceId: string, purpose: 'view' | 'download'): Promise<ReadableEvidence> {
  const [item] = await db.select().from(evidence).where(eq(evidence.id, evidenceId));
  if (!item) throw new AppError('NOT_FOUND');
  const kase = await loadCaseFor(db, actor, item.caseId, 'case.read');
  const agency = await loadAgencyRef(db, kase.agencyId);
  if (!mayReadEvidence(actor, item, agency)) {
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'evidence.access_refused',
        subjectType: 'evidence',
        subjectId: item.id,
        agencyId: kase.agencyId,
        detail: { caseId: kase.id, confidentiality: item.confidentiality, purpose },
      }),
    );
    throw new AppError('EVIDENCE_RESTRICTED');
  }
  return { item, kase };
}
