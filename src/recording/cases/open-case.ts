import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { authorize, loadAgencyRef } from '../../accounts/scope.js';
import type { AuditContext } from '../../audit/record.js';
import { chinaDate } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { creditCode, idNumber } from '../../organisation/identity-schemas.js';
import { appendCaseEvent, GENESIS_HASH, sha256Hex } from '../chain.js';
import { recordingPolicy } from '../policy.js';
import { caseParties, cases, documentCounters, powerItems } from '../tables.js';
import { PROCEDURE_IDS, procedureOf } from '../workflows/procedures/index.js';

const party = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('natural_person'),
      name: z.string().trim().min(1).max(100),
      idNumber: idNumber(),
      address: z.string().trim().max(200).optional(),
      phone: z.string().trim().max(30).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.enum(['legal_person', 'other_organisation']),
      name: z.string().trim().min(1).max(200),
      creditCode: creditCode(),
      legalRepresentative: z.string().trim().min(1).max(50),
      address: z.string().trim().max(200).optional(),
      phone: z.string().trim().max(30).optional(),
    })
    .strict(),
]);

export const openCaseBody = z
  .object({
    agencyId: z.uuid().optional(),
    procedure: z.enum(PROCEDURE_IDS),
    powerItemId: z.uuid(),
    title: z.string().trim().min(1).max(200),
    source: z.enum(['plan', 'complaint', 'referral', 'assignment', 'random_draw', 'application', 'on_site']),
    /** R4: time, source type, provider and content of the case source. */
    sourceDetail: z
      .object({ provider: z.string().trim().max(100).optional(), content: z.string().trim().min(1).max(4000), receivedOn: z.iso.date().optional() })
      .strict(),
    parties: z.array(party).max(20).default([]),
  })
  .strict();

export type OpenCaseInput = z.infer<typeof openCaseBody>;

export type PartyRow = typeof caseParties.$inferSelect;

/**
 * SHA-256 over a party's salt and identity fields in canonical JSON: `case.opened` carries it, so
 * that `sanxiang verify` notices a changed name, ID number or address while the record (which is
 * displayed) holds neither the ID number nor anything from which it could be guessed.
 */
export function partyIdentityHash(p: Omit<PartyRow, 'id' | 'caseId'>): string {
  const { identitySalt, kind, name, idNumber, creditCode, legalRepresentative, address, phone } = p;
  return sha256Hex(canonicalize({ salt: identitySalt, kind, name, idNumber, creditCode, legalRepresentative, address, phone }) ?? '');
}

/** Register numbers: one sequence per agency and year (e.g. 2026-0007), gap-free like document numbers. */
async function nextRegisterNumber(tx: Tx, agencyId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ agencyId, docType: 'case_register', year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.docType, documentCounters.year],
      set: { lastSerial: sql`document_counters.last_serial + 1` },
    })
    .returning({ serial: documentCounters.lastSerial });
  return `${year}-${String(row!.serial).padStart(4, '0')}`;
}

/**
 * Opens a case: registers its source (R4's first record), parties and power item, and starts its
 * record with `case.opened`. The case starts in its procedure's initial state.
 */
export async function openCase(tx: Tx, ctx: AuditContext, actor: Actor, input: OpenCaseInput, options: { isDemo?: boolean; parentCaseId?: string } = {}) {
  const agencyId = input.agencyId ?? actor.agencyId;
  if (!agencyId) throw invalidField('agencyId', 'required');
  const agency = await loadAgencyRef(tx, agencyId);
  authorize(recordingPolicy, actor, 'case.work', agency);
  const procedure = procedureOf(input.procedure);
  const [item] = await tx.select().from(powerItems).where(and(eq(powerItems.id, input.powerItemId), eq(powerItems.agencyId, agencyId)));
  if (!item) throw invalidField('powerItemId', 'not_in_agency');
  if (item.category !== procedure.category) throw new AppError('POWER_ITEM_CATEGORY_MISMATCH', [], { expected: procedure.category, actual: item.category });
  if (procedure.partyRequired && input.parties.length === 0) throw invalidField('parties', 'required');
  // 行政许可法第三十二条: the 5 working days count from the day the materials were received, which
  // may be before the day they are entered; an application needs it, and no source arrives tomorrow.
  const receivedOn = input.sourceDetail.receivedOn;
  if (procedure.id === 'licensing' && !receivedOn) throw invalidField('sourceDetail.receivedOn', 'required');
  if (procedure.id === 'licensing' && receivedOn && receivedOn > chinaDate(ctx.now)) throw invalidField('sourceDetail.receivedOn', 'in_future');

  const registerNumber = await nextRegisterNumber(tx, agencyId, Number(chinaDate(ctx.now).slice(0, 4)));
  const [kase] = await tx
    .insert(cases)
    .values({
      agencyId,
      registerNumber,
      category: procedure.category,
      procedure: procedure.id,
      powerItemId: item.id,
      title: input.title,
      sourceType: input.source,
      sourceDetail: input.sourceDetail,
      parentCaseId: options.parentCaseId ?? null,
      step: procedure.initial,
      status: 'open',
      openedAt: ctx.now,
      createdBy: actor.userId,
      headSeq: 0,
      headHash: GENESIS_HASH,
      isDemo: options.isDemo ?? false,
    })
    .returning();
  const partyRows = input.parties.length
    ? await tx
        .insert(caseParties)
        .values(
          input.parties.map((p) => ({
            caseId: kase!.id,
            kind: p.kind,
            name: p.name,
            idNumber: p.kind === 'natural_person' ? p.idNumber : null,
            creditCode: p.kind === 'natural_person' ? null : p.creditCode,
            legalRepresentative: p.kind === 'natural_person' ? null : p.legalRepresentative,
            address: p.address ?? null,
            phone: p.phone ?? null,
            identitySalt: crypto.randomBytes(16).toString('hex'),
          })),
        )
        .returning()
    : [];
  // The record holds who the parties are but not their ID numbers (masked in the case page only).
  const recordedParties = partyRows.map((p) => ({ id: p.id, kind: p.kind, name: p.name, creditCode: p.creditCode, identityHash: partyIdentityHash(p) }));
  const head = await appendCaseEvent(tx, ctx, kase!.id, {
    type: 'case.opened',
    payload: {
      agencyId,
      registerNumber,
      procedure: procedure.id,
      powerItem: { id: item.id, code: item.code, name: item.name, legalBasis: item.legalBasis },
      title: input.title,
      source: input.source,
      sourceDetail: input.sourceDetail,
      parties: recordedParties,
      parentCaseId: options.parentCaseId ?? null,
      state: procedure.initial,
    },
  });
  // The row as it now stands: its chain head moved with the first event (issue 8: "共 0 条").
  return { ...kase!, headSeq: head.seq, headHash: head.hash };
}
