/**
 * Form rules that mirror the server's validation (src/platform/http/schemas.ts and the route
 * schemas), so most mistakes are caught before the round trip. The server stays the authority.
 */
import type { FormRule } from 'antd';
import { isValidCreditCode, isValidIdNumber } from '../../../src/organisation/check-digits.ts';
import { ui } from '../../../src/i18n/ui.ts';

const check =
  (ok: (value: string) => boolean, message: string): FormRule =>
  () => ({
    validator: (_rule, value: unknown) =>
      value === undefined || value === null || value === '' || ok(String(value).trim()) ? Promise.resolve() : Promise.reject(new Error(message)),
  });

export const rules = {
  required: (label: string): FormRule => ({ required: true, whitespace: true, message: ui.common.required(label) }),
  chosen: (label: string): FormRule => ({ required: true, message: ui.common.choose(label) }),
  max: (max: number): FormRule => ({ max, message: ui.common.maxLength(max) }),
  min: (min: number): FormRule => ({ min, message: ui.common.minLength(min) }),
  /** GB 32100-2015, with both check characters. */
  creditCode: check((v) => isValidCreditCode(v.toUpperCase()), ui.validation.creditCode),
  /** GB 11643-1999, with the check digit and a real birth date. */
  idNumber: check((v) => isValidIdNumber(v.toUpperCase()), ui.validation.idNumber),
  regionCode: check((v) => /^\d{6}(\d{3})?$/.test(v), ui.validation.regionCode),
  phone: check((v) => /^[0-9+()\- ]{5,20}$/.test(v), ui.validation.phone),
  /** src/accounts/passwords.ts: at least 10 characters with letters and digits. */
  password: check((v) => v.length >= 10 && /[A-Za-z]/.test(v) && /[0-9]/.test(v), ui.validation.password),
  /** src/organisation/people/routes.ts: 6–32 letters, digits or hyphens. */
  certificateNumber: check((v) => /^[0-9A-Za-z-]{6,32}$/.test(v), ui.validation.certificateNumber),
  username: check((v) => /^[A-Za-z0-9_.-]{3,64}$/.test(v), ui.validation.username),
};

/** Upper-cases what a user types into a code field (credit codes, ID numbers end in X). */
export const upperCase = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);

/** Empty strings become null, so optional fields are cleared rather than sent blank. */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = typeof value === 'string' && value.trim() === '' ? null : value;
  return out as T;
}
