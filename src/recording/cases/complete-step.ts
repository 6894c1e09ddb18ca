import { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../accounts/roles.js';
import { allowed, loadAgencyRef } from '../../accounts/scope.js';
import type { AuditContext } from '../../audit/record.js';
import type { WorkingDayCalendarService } from '../../calendar/service.js';
import type { Config } from '../../config.js';
import { chinaDate } from '../../platform/clock.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue, type FieldIssue } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { storeContent } from '../../platform/storage/content-store.js';
import { appendCaseEvent, sha256Hex } from '../chain.js';
import { docTypeOf, parseDocumentFields } from '../documents/library.js';
import { issueDocumentNumber } from '../documents/numbering.js';
import { recordingPolicy } from '../policy.js';
import { avRequiredSteps, caseOfficers, caseParties, cases, documents, evidence } from '../tables.js';
import { procedureOf } from '../workflows/procedures/index.js';
import { CLOSED, type Procedure, type StepDef } from '../workflows/types.js';
import { factsOf, stepFact, withStep } from './facts.js';
import { openCase } from './open-case.js';

const stepFactData = (kase: CaseRow, id: string) => stepFact(kase, id)?.data;
import { checkGuards, conditionHolds, type ProvisionalDate } from './guards.js';
import { overridesOfCase } from './clock-overrides.js';
import { loadCaseFor, type CaseRow } from './load.js';
import { selfApprovalRefusal } from './separation.js';
import canonicalize from 'canonicalize';
import { recordBlob } from '../../platform/storage/blobs.js';

/** Party signature as a PNG/JPEG data URL, or the reason the party refused to sign (R4). */
const signature = z.union([
  z.object({ imageDataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/).max(700_000) }).strict(),
  z.object({ refusalReason: z.string().trim().min(2).max(500) }).strict(),
]);

export const stepBody = z
  .object({
    step: z.string().min(1).max(60),
    data: z.record(z.string(), z.unknown()).default({}),
    documents: z
      .array(z.object({ docType: z.string().min(1).max(60), fields: z.record(z.string(), z.unknown()).default({}), signature: signature.optional() }).strict())
      .max(10)
      .default([]),
    /** Why a required document or recording could not be made, keyed by doc type or 'av' (R3). */
    waivers: z.record(z.string(), z.string().trim().min(4).max(1000)).default({}),
  })
  .strict();

export type StepInput = z.infer<typeof stepBody>;

const AV_KINDS = ['video', 'audio'] as const;

/** Whether the agency requires A/V recording at this step (its own list overrides the default, R3). */
export async function avRequired(tx: Tx, agencyId: string, procedure: Procedure, step: StepDef): Promise<boolean> {
  const [row] = await tx
    .select({ required: avRequiredSteps.required })
    .from(avRequiredSteps)
    .where(and(eq(avRequiredSteps.agencyId, agencyId), eq(avRequiredSteps.procedure, procedure.id), eq(avRequiredSteps.step, step.id)));
  return row ? row.required : step.av;
}

/** The step a user may complete from the case's state, or STEP_NOT_ALLOWED. */
export function stepOf(procedure: Procedure, kase: CaseRow, stepId: string): StepDef {
  const step = procedure.steps.find((s) => s.id === stepId);
  if (!step) throw new AppError('STEP_NOT_ALLOWED', [fieldIssue('step', 'invalid_value')], { reason: 'unknown_step' });
  if (!step.from.includes(kase.step)) throw new AppError('STEP_NOT_ALLOWED', [], { reason: 'wrong_state', state: kase.step, allowedFrom: step.from });
  return step;
}

/**
 * Completes one step of a case's procedure (R1–R4): checks the transitions table, role, that an
 * approver did not make the proposal (issue 7), guards and required documents/recordings, issues
 * the step's numbered documents, applies its effects and appends `document.issued` and
 * `step.completed` events — all in the caller's transaction.
 */
export async function completeStep(tx: Tx, deps: { calendar: WorkingDayCalendarService; store: BlobStore; config: Config }, ctx: AuditContext, actor: Actor, caseId: string, input: StepInput) {
  const kase = await loadCaseFor(tx, actor, caseId, 'case.read', { lock: true });
  if (kase.status !== 'open') throw new AppError('CASE_NOT_OPEN');
  const procedure = procedureOf(kase.procedure);
  const step = stepOf(procedure, kase, input.step);
  const agency = await loadAgencyRef(tx, kase.agencyId);
  if (!allowed(recordingPolicy, actor, step.permission ?? 'case.work', agency)) throw new AppError('FORBIDDEN');
  const ownProposal = await selfApprovalRefusal(tx, actor, kase, step);
  if (ownProposal) throw ownProposal;

  const parsed = step.data.safeParse(input.data);
  if (!parsed.success)
    throw new AppError(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ ...fieldIssue(['data', ...i.path.map(String)].join('.'), 'invalid_value'), message: i.message, messageEn: i.message })),
    );
  const data = parsed.data;
  const calendar = deps.calendar.current;
  const provisional: ProvisionalDate[] = [];
  const clockOverrides = await overridesOfCase(tx, kase);
  const guardInput = { tx, kase, step, data, now: ctx.now, calendar, provisional, clockOverrides };
  const failure = await checkGuards(guardInput, { withData: true });
  if (failure) throw failure;

  // Requirements: documents (incl. conditional ones) and A/V recordings, or a recorded reason why not.
  const requiredDocs = [...step.documents];
  for (const c of step.conditionalDocuments ?? []) if (await conditionHolds(c.when, guardInput)) requiredDocs.push(c.docType);
  const allowedDocs = new Set([...step.documents, ...(step.conditionalDocuments ?? []).map((c) => c.docType)]);
  const issues: FieldIssue[] = [];
  input.documents.forEach((d, i) => {
    if (!allowedDocs.has(d.docType)) issues.push(fieldIssue(`documents.${i}.docType`, 'invalid_value'));
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
  const missing: string[] = requiredDocs.filter((d) => !input.documents.some((x) => x.docType === d) && !input.waivers[d]);
  const avIds = (
    await tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.caseId, kase.id), eq(evidence.step, step.id), inArray(evidence.kind, [...AV_KINDS]), sql`not exists (
        select 1 from case_events e where e.case_id = ${kase.id} and e.type = 'step.completed' and e.payload -> 'evidence' ? ${evidence.id}::text)`))
  ).map((r) => r.id);
  const needsAv = await avRequired(tx, kase.agencyId, procedure, step);
  if (needsAv && avIds.length === 0 && !input.waivers.av) missing.push('av');
  if (missing.length) throw new AppError('STEP_REQUIREMENTS_MISSING', [], { missing });

  // Documents: validated, numbered and recorded.
  const issued: { id: string; docType: string; number: string | null }[] = [];
  for (const [i, d] of input.documents.entries()) issued.push(await issueDocument(tx, deps, ctx, kase, step.id, d, `documents.${i}`));

  // Effects.
  if (step.effect === 'set_officers') {
    const officers = data.officers as { personId: string; role: 'leader' | 'member' }[];
    await tx.delete(caseOfficers).where(eq(caseOfficers.caseId, kase.id));
    await tx.insert(caseOfficers).values(officers.map((o) => ({ caseId: kase.id, personId: o.personId, role: o.role })));
  }
  let referredCaseId: string | null = null;
  if (step.effect === 'refer_penalty') {
    const parties = await tx.select().from(caseParties).where(eq(caseParties.caseId, kase.id));
    const referred = await openCase(tx, ctx, actor, {
      agencyId: kase.agencyId,
      procedure: 'penalty_general',
      powerItemId: data.powerItemId as string,
      title: data.title as string,
      source: 'referral',
      sourceDetail: { provider: `检查案件 ${kase.registerNumber}`, content: String(stepFactData(kase, 'propose_outcome')?.opinion ?? kase.title) },
      parties: parties.map((p) =>
        p.kind === 'natural_person'
          ? { kind: p.kind, name: p.name, idNumber: p.idNumber!, ...(p.address ? { address: p.address } : {}), ...(p.phone ? { phone: p.phone } : {}) }
          : { kind: p.kind, name: p.name, creditCode: p.creditCode!, legalRepresentative: p.legalRepresentative ?? '—', ...(p.address ? { address: p.address } : {}), ...(p.phone ? { phone: p.phone } : {}) },
      ),
    }, { parentCaseId: kase.id, isDemo: kase.isDemo });
    referredCaseId = referred.id;
    data.referredCaseId = referred.id;
  }
  // A guard that passed on a date counted without next year's holiday notice: recorded with the step (issue 9).
  if (provisional.length) data.calendarProvisional = provisional;
  const facts = withStep(factsOf(kase), step.id, ctx.now, data, step.roundsKept === true);
  const closing = step.to === CLOSED;
  await appendCaseEvent(tx, ctx, kase.id, {
    type: 'step.completed',
    payload: { step: step.id, from: kase.step, to: step.to, data, documents: issued, evidence: avIds, waivers: input.waivers },
  });
  const [updated] = await tx
    .update(cases)
    .set({ step: step.to, facts, ...(closing ? { status: 'closed' as const, closedAt: ctx.now } : {}) })
    .where(eq(cases.id, kase.id))
    .returning();
  return { case: updated!, documents: issued, step, referredCaseId, provisionalDates: provisional };
}

/** Issues one document of a step: validates its fields, stores the signature, takes its number. */
async function issueDocument(
  tx: Tx,
  deps: { store: BlobStore; config: Config },
  ctx: AuditContext,
  kase: CaseRow,
  stepId: string,
  input: StepInput['documents'][number],
  path: string,
) {
  const def = docTypeOf(input.docType, `${path}.docType`);
  const fields = parseDocumentFields(def.id, input.fields, `${path}.fields`);
  if (def.needsSignature && !input.signature) throw new AppError('SIGNATURE_OR_REFUSAL_REQUIRED', [], { docType: def.id });
  if (def.partyStatement && !(input.signature && 'imageDataUrl' in input.signature)) throw new AppError('PARTY_SIGNATURE_REQUIRED', [], { docType: def.id });
  let signatureSha256: string | null = null;
  if (input.signature && 'imageDataUrl' in input.signature) {
    const [meta, b64] = input.signature.imageDataUrl.split(',', 2) as [string, string];
    const contentType = meta.slice(5, meta.indexOf(';'));
    const stored = await storeContent(deps.store, Readable.from([Buffer.from(b64, 'base64')]), { contentType, maxBytes: 512 * 1024 });
    await recordBlob(tx, { ...stored, contentType }, ctx.now);
    signatureSha256 = stored.sha256;
  }
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const numbered = def.numbered ? await issueDocumentNumber(tx, { agencyId: kase.agencyId, docType: def.id, year }) : null;
  const [row] = await tx
    .insert(documents)
    .values({
      caseId: kase.id,
      agencyId: kase.agencyId,
      docType: def.id,
      year: numbered ? year : null,
      serial: numbered?.serial ?? null,
      number: numbered?.number ?? null,
      step: stepId,
      fields,
      signatureSha256,
      refusalReason: input.signature && 'refusalReason' in input.signature ? input.signature.refusalReason : null,
      issuedAt: ctx.now,
      issuedBy: ctx.actor?.userId ?? null,
    })
    .returning();
  await appendCaseEvent(tx, ctx, kase.id, {
    type: 'document.issued',
    payload: {
      documentId: row!.id,
      docType: def.id,
      title: def.zh,
      number: row!.number,
      year: row!.year,
      serial: row!.serial,
      step: stepId,
      fieldsHash: documentFieldsHash(fields),
      signatureSha256,
      refusalReason: row!.refusalReason,
    },
  });
  return { id: row!.id, docType: def.id, number: row!.number };
}

/** SHA-256 of a document's fields in canonical JSON: `sanxiang verify` compares it with the row. */
export const documentFieldsHash = (fields: Record<string, unknown>) => sha256Hex(canonicalize(JSON.parse(JSON.stringify(fields))) ?? '');
