import { z } from 'zod';
import { AppError, fieldIssue } from '../../platform/errors.js';
import type { FieldIssueCode } from '../../i18n/errors.js';
import type { Confidentiality, EvidenceKind } from '../tables.js';

export const EVIDENCE_KINDS = ['photo', 'audio', 'video', 'scan', 'other'] as const satisfies readonly EvidenceKind[];
export const CONFIDENTIALITY_LEVELS = ['none', 'personal_privacy', 'trade_secret', 'state_secret'] as const satisfies readonly Confidentiality[];

/** Content types are kept as declared (they only label the download); anything odd becomes octet-stream. */
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

/**
 * What the uploader says about an evidence item. Over tus these arrive as Upload-Metadata
 * (base64 values); `addEvidenceFromFile` takes the same fields.
 */
export const evidenceMetaSchema = z.object({
  caseId: z.uuid(),
  step: z.string().trim().min(1).max(64).describe('the workflow step the recording belongs to'),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string().trim().min(1).max(200),
  capturedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).describe('ISO 8601 with offset or Z'),
  deviceId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullish()).transform((v) => v ?? null),
  location: optional(200),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('none'),
  filename: optional(255),
  filetype: optional(130).transform((t) => (t && CONTENT_TYPE.test(t) ? t.toLowerCase() : null)),
  /** Why the item comes in after 3 working days (R7); accepted, not required. */
  lateReason: optional(500),
});

export type EvidenceMetaInput = z.input<typeof evidenceMetaSchema>;
export type EvidenceMeta = z.output<typeof evidenceMetaSchema>;

/** Parses the metadata, or VALIDATION_FAILED naming each bad field. */
export function parseEvidenceMeta(input: Record<string, unknown>): EvidenceMeta {
  const parsed = evidenceMetaSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'VALIDATION_FAILED',
    parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.') || 'metadata';
      const missing = input[field] === undefined || input[field] === null;
      const code: FieldIssueCode = missing ? 'required' : issue.code === 'invalid_value' ? 'invalid_value' : issue.code === 'too_big' ? 'too_big' : issue.code === 'too_small' ? 'too_small' : 'invalid_format';
      return fieldIssue(field, code);
    }),
  );
}

/** The stored tus metadata (strings) of a validated upload: what is read back when it finishes. */
export function metaToTus(meta: EvidenceMeta): Record<string, string> {
  const out: Record<string, string> = {
    caseId: meta.caseId,
    step: meta.step,
    kind: meta.kind,
    title: meta.title,
    capturedAt: meta.capturedAt.toISOString(),
    confidentiality: meta.confidentiality,
  };
  for (const key of ['deviceId', 'location', 'filename', 'filetype', 'lateReason'] as const) {
    const value = meta[key];
    if (value) out[key] = value;
  }
  return out;
}
