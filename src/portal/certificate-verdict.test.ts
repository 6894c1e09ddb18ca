import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateVerdict, type CertificateFacts } from './certificate-verdict.js';

const cert = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  status: 'active',
  issuedOn: '2024-01-01',
  expiresOn: '2026-11-22',
  ...overrides,
});

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('certificateVerdict', () => {
  it('is valid through the expiry date and expired from the next day', () => {
    expect(certificateVerdict(cert(), '2026-11-22')).toBe('valid');
    expect(certificateVerdict(cert(), '2026-11-23')).toBe('expired');
    expect(certificateVerdict(cert(), '2027-01-01')).toBe('expired');
  });

  it('is not yet valid before the issue date and valid on it', () => {
    expect(certificateVerdict(cert({ issuedOn: '2026-12-01', expiresOn: '2030-01-01' }), '2026-11-30')).toBe('not_yet_valid');
    expect(certificateVerdict(cert({ issuedOn: '2026-12-01', expiresOn: '2030-01-01' }), '2026-12-01')).toBe('valid');
  });

  it('puts revocation and suspension above the dates', () => {
    expect(certificateVerdict(cert({ status: 'revoked' }), '2030-01-01')).toBe('revoked');
    expect(certificateVerdict(cert({ status: 'suspended' }), '2030-01-01')).toBe('suspended');
    expect(certificateVerdict(cert({ status: 'suspended' }), '2025-01-01')).toBe('suspended');
  });

  it('says valid exactly when active and issuedOn ≤ today ≤ expiresOn (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('active', 'suspended', 'revoked' as const), day, day, day, (status, a, b, today) => {
        const [issuedOn, expiresOn] = a <= b ? [a, b] : [b, a];
        const verdict = certificateVerdict({ status, issuedOn, expiresOn }, today);
        expect(verdict === 'valid').toBe(status === 'active' && issuedOn <= today && today <= expiresOn);
        if (status !== 'active') expect(verdict).toBe(status);
      }),
    );
  });
});
