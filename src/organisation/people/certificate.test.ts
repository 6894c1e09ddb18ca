import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_STATUSES, effectiveCertificateStatus } from './certificate.js';

const isoDay = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('effectiveCertificateStatus', () => {
  it('is active through the expiry date and expired from the next day', () => {
    expect(effectiveCertificateStatus('active', '2026-12-31', '2026-12-30')).toBe('active');
    expect(effectiveCertificateStatus('active', '2026-12-31', '2026-12-31')).toBe('active');
    expect(effectiveCertificateStatus('active', '2026-12-31', '2027-01-01')).toBe('expired');
    expect(effectiveCertificateStatus('active', '2024-02-29', '2024-03-01')).toBe('expired');
  });

  it('lets a suspension or revocation outrank the date', () => {
    expect(effectiveCertificateStatus('suspended', '2020-01-01', '2026-11-22')).toBe('suspended');
    expect(effectiveCertificateStatus('revoked', '2020-01-01', '2026-11-22')).toBe('revoked');
  });

  it('only ever turns an active certificate into expired, exactly when today is after the expiry date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CERTIFICATE_STATUSES), isoDay, isoDay, (status, expiresOn, today) => {
        const effective = effectiveCertificateStatus(status, expiresOn, today);
        const pastExpiry = Date.parse(today) > Date.parse(expiresOn);
        expect(effective).toBe(status === 'active' && pastExpiry ? 'expired' : status);
      }),
    );
  });

  it('once expired stays expired on every later day', () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.integer({ min: 1, max: 4000 }), (expiresOn, today, days) => {
        fc.pre(effectiveCertificateStatus('active', expiresOn, today) === 'expired');
        const later = new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
        expect(effectiveCertificateStatus('active', expiresOn, later)).toBe('expired');
      }),
    );
  });
});
