import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Actor } from '../../accounts/roles.js';
import { users } from '../../accounts/tables.js';
import { recordAudit, type AuditContext } from '../../audit/record.js';
import type { WorkingDayCalendarService } from '../../calendar/service.js';
import type { Config } from '../../config.js';
import type { Database, Db, Tx } from '../../platform/db/database.js';
import { AppError, fieldIssue } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { DualDigest, type Digests } from '../../platform/storage/dual-digest.js';
import { appendCaseEvent } from '../chain.js';
import { asCaseRow, loadCaseFor, type CaseRow } from '../cases/load.js';
import { cases, deviceLoans, devices, evidence } from '../tables.js';
import { isProcedure, procedureOf } from '../workflows/procedures/index.js';
import { contentTypeFor, sniffFile, sniffStream } from './file-kind.js';
import { lateness } from './late.js';
import { parseEvidenceMeta, type EvidenceMeta, type EvidenceMetaInput } from './metadata.js';
import { recordBlob } from '../../platform/storage/blobs.js';

export type EvidenceRow = typeof evidence.$inferSelect;

/** A capture time this far ahead of the server's clock is still accepted (camera clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Warnings about an accepted item, kept in its `evidence.added` event: the device named was not on
 * loan to the uploading officer when the item was captured (R14) — worth a look, not a refusal.
 */
export type EvidenceWarning = 'device_not_on_loan_to_officer';

export interface EvidenceDeps {
  database: Database;
  store: BlobStore;
  calendar: WorkingDayCalendarService;
  config: Config;
}

/** Where uploads wait until they are complete: beside the file store, so that finishing is a rename. */
export const stagingDirectory = (deps: { config: Config }) => path.join(deps.config.dataDir, 'uploads');

interface EvidenceCheck {
  kase: CaseRow;
  capturedBy: string | null;
  warnings: EvidenceWarning[];
}

/**
 * Checks that an item may be added to its case: the case is in the actor's scope with case.work
 * and open, the step is one of its procedure, the capture time is not in the future, and a device
 * named belongs to the case's agency and was not retired when the item was captured. A null actor
 * is the system itself (demo seeding, the command line). Used when an upload is created, before
 * the bytes are moved and again inside the transaction that records the item.
 */
export async function checkEvidence(db: Db | Tx, actor: Actor | null, meta: EvidenceMeta, now: Date, options: { lock?: boolean } = {}): Promise<EvidenceCheck> {
  let kase: CaseRow | undefined;
  if (actor) kase = await loadCaseFor(db, actor, meta.caseId, 'case.work', options);
  else {
    const [row] = await db.select().from(cases).where(eq(cases.id, meta.caseId));
    kase = row && asCaseRow(row);
  }
  if (!kase) throw new AppError('NOT_FOUND');
  if (kase.status !== 'open') throw new AppError('CASE_NOT_OPEN');

  const issues = [];
  if (meta.capturedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) issues.push(fieldIssue('capturedAt', 'in_future'));
  if (isProcedure(kase.procedure) && !procedureOf(kase.procedure).steps.some((s) => s.id === meta.step)) issues.push(fieldIssue('step', 'invalid_value'));
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);

  let capturedBy: string | null = null;
  if (actor) {
    const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
    capturedBy = user?.personId ?? null;
  }

  const warnings: EvidenceWarning[] = [];
  if (meta.deviceId) {
    const [device] = await db.select().from(devices).where(eq(devices.id, meta.deviceId));
    if (!device || device.agencyId !== kase.agencyId) throw new AppError('VALIDATION_FAILED', [fieldIssue('deviceId', 'not_in_agency')]);
    if (device.retiredAt && device.retiredAt <= meta.capturedAt) throw new AppError('DEVICE_RETIRED');
    const [loan] = capturedBy
      ? await db
          .select({ id: deviceLoans.id })
          .from(deviceLoans)
          .where(
            and(
              eq(deviceLoans.deviceId, device.id),
              eq(deviceLoans.personId, capturedBy),
              lte(deviceLoans.lentAt, meta.capturedAt),
              or(isNull(deviceLoans.returnedAt), gt(deviceLoans.returnedAt, meta.capturedAt)),
            ),
          )
          .limit(1)
      : [];
    if (!loan) warnings.push('device_not_on_loan_to_officer');
  }
  return { kase, capturedBy, warnings };
}

/** Bytes already in the content store, with both digests. */
export interface StoredEvidenceContent extends Digests {
  key: string;
  contentType: string;
}

export interface AddedEvidence {
  evidence: EvidenceRow;
  warnings: EvidenceWarning[];
  /** The last day on which the upload was in time (R7). */
  dueOn: string;
}

/**
 * Records an item whose bytes are already in the content store, in the caller's transaction: the
 * blob row, the evidence row, the `evidence.added` case event and the audit record (R3, R7, R11).
 */
export async function recordEvidence(
  tx: Tx,
  deps: { calendar: WorkingDayCalendarService },
  ctx: AuditContext,
  actor: Actor | null,
  meta: EvidenceMeta,
  content: StoredEvidenceContent,
  extra: { uploadId?: string } = {},
): Promise<AddedEvidence> {
  const { kase, capturedBy, warnings } = await checkEvidence(tx, actor, meta, ctx.now, { lock: true });
  const due = lateness(deps.calendar.current, meta.capturedAt, ctx.now);
  await recordBlob(tx, content, ctx.now);
  const [row] = await tx
    .insert(evidence)
    .values({
      caseId: kase.id,
      agencyId: kase.agencyId,
      kind: meta.kind,
      title: meta.title,
      sha256: content.sha256,
      sm3: content.sm3,
      size: content.size,
      contentType: content.contentType,
      storageKey: content.key,
      originalName: meta.filename,
      step: meta.step,
      capturedAt: meta.capturedAt,
      capturedBy,
      deviceId: meta.deviceId,
      location: meta.location,
      confidentiality: meta.confidentiality,
      uploadedAt: ctx.now,
      uploadedBy: actor?.userId ?? null,
      late: due.late,
      lateReason: meta.lateReason,
    })
    .returning();
  const item = row!;
  await appendCaseEvent(tx, ctx, kase.id, {
    type: 'evidence.added',
    payload: {
      evidenceId: item.id,
      sha256: item.sha256,
      sm3: item.sm3,
      size: item.size,
      contentType: item.contentType,
      kind: item.kind,
      title: item.title,
      step: item.step,
      capturedAt: item.capturedAt.toISOString(),
      capturedBy: item.capturedBy,
      deviceId: item.deviceId,
      location: item.location,
      originalName: item.originalName,
      uploadedBy: item.uploadedBy,
      supplementary: item.supplementary,
      confidentiality: item.confidentiality,
      late: item.late,
      lateReason: item.lateReason,
      dueOn: due.dueOn,
      lateRule: due.rule,
      warnings,
      uploadId: extra.uploadId,
    },
  });
  await recordAudit(tx, ctx, {
    action: 'evidence.added',
    subjectType: 'evidence',
    subjectId: item.id,
    agencyId: kase.agencyId,
    detail: { caseId: kase.id, sha256: item.sha256, size: item.size, late: item.late, warnings },
  });
  return { evidence: item, warnings, dueOn: due.dueOn };
}

/** Enough of a file's head for `file-type` to recognise every format it knows. */
const SNIFF_BYTES = 4100;

/**
 * Adds an item from a complete staged file (which is consumed: renamed into the file store, or
 * uploaded to object storage and removed): checks first (including the real type of the bytes
 * against the declared kind: FILE_TYPE_MISMATCH), moves the bytes to their content address,
 * then records the item in one transaction. Should the transaction fail, the bytes stay in the
 * content store unreferenced — harmless, and a retry of the same bytes finds them there.
 */
export async function addEvidence(
  deps: EvidenceDeps,
  ctx: AuditContext,
  actor: Actor | null,
  staged: { path: string; digests: Digests },
  meta: EvidenceMeta,
  extra: { uploadId?: string } = {},
): Promise<AddedEvidence> {
  await checkEvidence(deps.database.db, actor, meta, ctx.now);
  const key = contentKey(staged.digests.sha256);
  // The real type, from the bytes (a retry after the bytes were moved reads them from the store).
  const stagedThere = await fsp.stat(staged.path).then(() => true, () => false);
  const sniffed = stagedThere ? await sniffFile(staged.path) : await sniffStream(await deps.store.get(key, { start: 0, end: SNIFF_BYTES - 1 }));
  const contentType = contentTypeFor(meta.kind, sniffed, meta.filetype);
  if (await deps.store.exists(key)) await fsp.rm(staged.path, { force: true });
  else await deps.store.putFile(key, staged.path, contentType);
  return deps.database.db.transaction((tx) => recordEvidence(tx, deps, ctx, actor, meta, { ...staged.digests, key, contentType }, extra));
}

/**
 * Adds a file on disk as evidence of a case (demo seeding, tests, imports). The file is copied to
 * the staging area while both digests are computed, so the original is left in place.
 */
export async function addEvidenceFromFile(
  deps: EvidenceDeps,
  ctx: AuditContext,
  actor: Actor | null,
  caseId: string,
  filePath: string,
  meta: Omit<EvidenceMetaInput, 'caseId'>,
): Promise<AddedEvidence> {
  const parsed = parseEvidenceMeta({ filename: path.basename(filePath), ...meta, caseId });
  const dir = stagingDirectory(deps);
  await fsp.mkdir(dir, { recursive: true });
  const stagedPath = path.join(dir, `file-${crypto.randomUUID()}`);
  const digest = new DualDigest();
  try {
    await pipeline(fs.createReadStream(filePath), digest.transform(), fs.createWriteStream(stagedPath));
    return await addEvidence(deps, ctx, actor, { path: stagedPath, digests: digest.digest() }, parsed);
  } finally {
    await fsp.rm(stagedPath, { force: true });
  }
}
