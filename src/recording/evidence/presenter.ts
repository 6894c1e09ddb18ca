import { z } from 'zod';
import type { EvidenceRow, EvidenceWarning } from './add-evidence.js';
import { CONFIDENTIALITY_LEVELS, EVIDENCE_KINDS } from './metadata.js';

export const evidenceOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(EVIDENCE_KINDS),
  step: z.string(),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  capturedAt: z.string(),
  uploadedAt: z.string(),
  late: z.boolean().describe('uploaded more than 3 working days after capture (R7)'),
  supplementary: z.boolean(),
  restricted: z.boolean().describe('true: confidential and not open to you (R10); descriptive fields are null and the content is refused'),
  title: z.string().nullable(),
  sha256: z.string().nullable(),
  sm3: z.string().nullable().describe('SM3 (GB/T 32905-2016) of the bytes'),
  size: z.number().nullable(),
  contentType: z.string().nullable(),
  originalName: z.string().nullable(),
  capturedBy: z.uuid().nullable(),
  deviceId: z.uuid().nullable(),
  location: z.string().nullable(),
  uploadedBy: z.uuid().nullable(),
  lateReason: z.string().nullable(),
});

export type EvidenceOut = z.infer<typeof evidenceOut>;

/**
 * An item as the API shows it. Restricted items keep only what the case record already shows
 * everybody on the case (kind, step, dates, level, late): no title, place, names or digests.
 */
export function presentEvidence(row: EvidenceRow, restricted: boolean): EvidenceOut {
  const always = {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    step: row.step,
    confidentiality: row.confidentiality,
    capturedAt: row.capturedAt.toISOString(),
    uploadedAt: row.uploadedAt.toISOString(),
    late: row.late,
    supplementary: row.supplementary,
    restricted,
  };
  if (restricted) {
    return { ...always, title: null, sha256: null, sm3: null, size: null, contentType: null, originalName: null, capturedBy: null, deviceId: null, location: null, uploadedBy: null, lateReason: null };
  }
  return {
    ...always,
    title: row.title,
    sha256: row.sha256,
    sm3: row.sm3,
    size: row.size,
    contentType: row.contentType,
    originalName: row.originalName,
    capturedBy: row.capturedBy,
    deviceId: row.deviceId,
    location: row.location,
    uploadedBy: row.uploadedBy,
    lateReason: row.lateReason,
  };
}

export const addedEvidenceOut = z.object({
  evidence: evidenceOut,
  warnings: z.array(z.enum(['device_not_on_loan_to_officer'])),
  dueOn: z.string().describe('last China date on which the upload was in time'),
});

export const presentAdded = (added: { evidence: EvidenceRow; warnings: EvidenceWarning[]; dueOn: string }) => ({
  evidence: presentEvidence(added.evidence, false),
  warnings: added.warnings,
  dueOn: added.dueOn,
});
