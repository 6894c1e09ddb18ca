import type { CertificateStatus } from '../tables.js';

/** 执法证状态 as staff see it: the stored status, or 'expired' once an active certificate's last day has passed. */
export type EffectiveCertificateStatus = CertificateStatus | 'expired';

export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked'] as const satisfies readonly CertificateStatus[];
export const EFFECTIVE_CERTIFICATE_STATUSES = [...CERTIFICATE_STATUSES, 'expired'] as const;

/**
 * The certificate's status on `today` (a China-time date, YYYY-MM-DD). Expiry is never stored: it
 * follows from the date, so nobody has to remember to flip it (O2). A suspension or revocation
 * outranks the date; the certificate is still active on its expiry date and expired the day after.
 */
export function effectiveCertificateStatus(status: CertificateStatus, expiresOn: string, today: string): EffectiveCertificateStatus {
  // ISO dates compare correctly as strings.
  return status === 'active' && expiresOn < today ? 'expired' : status;
}

/**
 * Whether the certificate lets its holder act as an enforcement officer on `today`: active, issued
 * and not expired (行政处罚法 Art. 42: officers hold enforcement certificates). The two-officer guard
 * (recording/cases/guards.ts) and the team picker use this one rule.
 */
export function certificateValidOn(cert: { status: CertificateStatus | null; issuedOn: string | null; expiresOn: string | null }, today: string): boolean {
  return cert.status === 'active' && !!cert.issuedOn && !!cert.expiresOn && cert.issuedOn <= today && today <= cert.expiresOn;
}
