import { eq, sql } from 'drizzle-orm';
import { agencies } from '../../organisation/tables.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { documentCounters } from '../tables.js';
import { docTypeOf } from './library.js';

export interface IssuedNumber {
  serial: number;
  /** e.g. 楚工信罚〔2026〕3号 */
  number: string;
}

/** The printed number of a document: `${abbreviation}${code}〔${year}〕${serial}号` (R6). */
export const formatDocumentNumber = (abbreviation: string, code: string, year: number, serial: number) =>
  `${abbreviation}${code}〔${year}〕${serial}号`;

/**
 * Takes the next number of a numbered document type for an agency and year (R6), inside the
 * issuing transaction.
 *
 * One upsert both creates the counter and increments it, and returns the new value. PostgreSQL
 * row-locks the counter until the transaction ends, so a concurrent issuer waits and then sees the
 * committed value (distinct, sequential serials); a transaction that rolls back undoes its increment,
 * so its number is issued again to the next document and the sequence has no gaps.
 */
export async function issueDocumentNumber(tx: Tx, input: { agencyId: string; docType: string; year: number }): Promise<IssuedNumber> {
  const type = docTypeOf(input.docType);
  if (!type.numbered || !type.code) throw new Error(`document type ${type.id} is not numbered`);
  const [agency] = await tx.select({ abbreviation: agencies.docAbbreviation }).from(agencies).where(eq(agencies.id, input.agencyId));
  if (!agency) throw notFound();
  const abbreviation = agency.abbreviation?.trim();
  if (!abbreviation) throw new AppError('AGENCY_ABBREVIATION_MISSING', [], { agencyId: input.agencyId });
  // insert … on conflict (agency_id, doc_type, year) do update set last_serial = last_serial + 1 returning last_serial
  const [row] = await tx
    .insert(documentCounters)
    .values({ agencyId: input.agencyId, docType: type.id, year: input.year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.docType, documentCounters.year],
      set: { lastSerial: sql`${documentCounters.lastSerial} + 1` },
    })
    .returning({ lastSerial: documentCounters.lastSerial });
  const serial = row!.lastSerial;
  return { serial, number: formatDocumentNumber(abbreviation, type.code, input.year, serial) };
}
