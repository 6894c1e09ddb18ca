import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../platform/errors.js';

// argon2id with the OWASP-recommended floor (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verifies a password against a stored argon2 hash; false for malformed hashes. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Rejects passwords an agency should not accept: at least 10 characters with letters and digits. */
export function assertStrongPassword(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw new AppError('WEAK_PASSWORD');
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the user does not exist, so timing does not reveal user names. */
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-0'));
