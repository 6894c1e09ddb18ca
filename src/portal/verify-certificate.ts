import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Tx } from '../platform/db/database.js';
import { certificateVerdict, type CertificateVerdict } from './certificate-verdict.js';
import { findCertificate, type CertificateRow } from './queries.js';

export type CertificateCheck =
  | { found: true; certificate: CertificateRow; verdict: CertificateVerdict; checkedOn: string }
  | { found: false; certificateNumber: string; checkedOn: string };

/** The longest certificate number we look up or record; longer input cannot match. */
export const CERTIFICATE_NUMBER_MAX = 64;

/** PostgreSQL text cannot hold NUL, and no certificate number has control characters. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Replaces control characters and lone surrogates (which jsonb refuses) with U+FFFD. */
const storable = (text: string) =>
  text.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * 执法证件核验 — a member of the public checks whether a certificate is valid on `today` (P3, P12).
 * Every check, found or not, is recorded with the number asked and the caller's IP, so probing
 * for certificate numbers shows up in the audit log.
 */
export async function verifyCertificate(tx: Tx, ctx: AuditContext, certificateNumber: string, today: string, channel: 'page' | 'api'): Promise<CertificateCheck> {
  const trimmed = certificateNumber.trim();
  // Only a plausible number is looked up; whatever was asked is still recorded, made storable.
  const lookup = trimmed !== '' && trimmed.length <= CERTIFICATE_NUMBER_MAX && !CONTROL_CHARACTER.test(trimmed);
  const asked = storable(trimmed.slice(0, CERTIFICATE_NUMBER_MAX));
  const certificate = lookup ? await findCertificate(tx, trimmed) : null;
  const verdict = certificate ? certificateVerdict(certificate, today) : null;
  await recordAudit(tx, ctx, {
    action: 'public.certificate_verified',
    subjectType: 'certificate',
    subjectId: certificate?.personId ?? null,
    agencyId: certificate?.agencyId ?? null,
    detail: { certificateNumber: asked, found: certificate !== null, verdict, channel, checkedOn: today },
  });
  return certificate && verdict
    ? { found: true, certificate, verdict, checkedOn: today }
    : { found: false, certificateNumber: asked, checkedOn: today };
}
