import type { CertificateStatus } from '../organisation/tables.js';

/** What the public is told about a certificate on a given day (P3, P12). */
export type CertificateVerdict = 'valid' | 'expired' | 'revoked' | 'suspended' | 'not_yet_valid';

export interface CertificateFacts {
  status: CertificateStatus;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** YYYY-MM-DD, the last day on which the certificate is valid. */
  expiresOn: string;
}

/**
 * Whether a certificate is valid on `today` (a China-time date, YYYY-MM-DD). A revocation or
 * suspension outranks the dates, so a revoked certificate reads "revoked" even after it expires;
 * it is valid on its expiry date and expired from the day after.
 */
export function certificateVerdict(certificate: CertificateFacts, today: string): CertificateVerdict {
  if (certificate.status === 'revoked') return 'revoked';
  if (certificate.status === 'suspended') return 'suspended';
  // ISO dates compare correctly as strings.
  if (certificate.expiresOn < today) return 'expired';
  if (certificate.issuedOn > today) return 'not_yet_valid';
  return 'valid';
}
