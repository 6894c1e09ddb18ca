import type { Database, Tx } from './database.js';

/** SQLSTATEs after which the whole transaction may simply run again: deadlock_detected, serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs a use case in one transaction: all of its writes and its audit record commit together or
 * not at all. Two transactions that lock the same chain heads (a case, an agency's audit chain) in
 * opposite orders can deadlock; PostgreSQL then aborts one, which is run again from the start.
 */
export async function transaction<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction(fn);
    } catch (error) {
      if (attempt >= 3 || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
    }
  }
}
