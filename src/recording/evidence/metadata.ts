import { z } from 'zod';
import { AppError, fieldIssueOf } from '../../platform/errors.js';
import { safeString } from '../../platform/http/schemas.js';
import type { Confidentiality, EvidenceKind } from '../tables.js';

export const EVIDENCE_KINDS = ['photo', 'audio', 'video', 'scan', 'other'] as const satisfies readonly EvidenceKind[];
export const CONFIDENTIALITY_LEVELS = ['none', 'personal_privacy', 'trade_secret', 'state_secret'] as const satisfies readonly Confidentiality[];

/** Content types are kept as declared (they only label the download); anything odd becomes octet-stream. */
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

/**
 * Text that can be stored and hashed: the shared rule (no NUL, no unpaired surrogate), checked on
 * the decoded Upload-Metadata, which the HTTP layer only sees base64-encoded.
 */
const safeText = (max: number, min = 0) => safeString().pipe(z.string().trim().min(min).max(max));

const optional = (max: number) =>
  safeText(max)
    .nullish()
    .transform((s) => (s ? s : null));

/** The earliest capture time accepted: before digital body cameras, and before any agency kept A/V records. */
export const EARLIEST_CAPTURE = new Date('1990-01-01T00:00:00Z');

/** Characters never kept in a file name: controls, bidirectional overrides (they disguise extensions), unpaired surrogates. */
const NAME_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const FILE_NAME_MAX = 120;

/**
 * The uploader's file name reduced to something safe to show and to offer in Content-Disposition:
 * the last path segment only (no / or \\), no control characters or NUL, no Windows-reserved
 * punctuation, no leading dots (hidden files, "..") and at most 120 characters with the extension
 * kept. It is display metadata only: stored bytes are named by their SHA-256. Null when nothing is left.
 */
export function safeFileName(raw: string): string | null {
  const base = raw.replace(NAME_UNSAFE, '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[:*?"<>|]/g, '_').replace(/^[\s.]+/, '').trim();
  if (!cleaned) return null;
  const chars = Array.from(cleaned);
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return Array.from(cleaned.slice(0, cleaned.length - extension.length)).slice(0, FILE_NAME_MAX - extension.length).join('') + extension;
}

/**
 * What the uploader says about an evidence item. Over tus these arrive as Upload-Metadata
 * (base64 values); `addEvidenceFromFile` takes the same fields.
 */
export const evidenceMetaSchema = z.object({
  caseId: z.uuid(),
  step: safeText(64, 1).describe('the workflow step the recording belongs to'),
  kind: z.enum(EVIDENCE_KINDS),
  title: safeText(200, 1),
  capturedAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() >= EARLIEST_CAPTURE.getTime(), { params: { code: 'too_early' } })
    .describe('ISO 8601 with offset or Z, not before 1990 (nor in the future)'),
  deviceId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullish()).transform((v) => v ?? null),
  location: optional(200),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('none'),
  /** Sanitised, not refused: a hostile name becomes a harmless one (see safeFileName). */
  filename: z
    .string()
    .max(1000)
    .nullish()
    .transform((s) => (s ? safeFileName(s) : null)),
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
      const mapped = fieldIssueOf(issue, input);
      return mapped.field ? mapped : { ...mapped, field: 'metadata' };
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
