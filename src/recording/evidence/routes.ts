import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { loadAgencyRef } from '../../accounts/scope.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { binaryResponse, errorBody, idParams } from '../../platform/http/schemas.js';
import type { ByteRange } from '../../platform/storage/blob-store.js';
import { appendCaseEvent } from '../chain.js';
import { loadCaseFor } from '../cases/load.js';
import { evidence } from '../tables.js';
import { loadEvidenceForReading, mayReadEvidence } from './access.js';
import { evidenceOut, presentEvidence } from './presenter.js';

const readErrors = { 403: errorBody, 404: errorBody };

/** One satisfiable byte range of `size` bytes, null for none or several (then the whole is sent), 'unsatisfiable' past the end. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (end < start) return m[2] === '' || start >= size ? 'unsatisfiable' : null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** RFC 6266 Content-Disposition with a UTF-8 file name (Chinese names survive). */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Reading evidence (R3, R10, R11): the list of a case's items (confidential ones reduced to a
 * restricted stub for actors without the level's permission), an item's metadata and its bytes.
 * Every view and download is appended to the case record (chain of custody); a refusal is audited.
 * There is no delete: evidence is append-only, in the database as here.
 */
export async function evidenceRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/cases/:id/evidence',
    {
      schema: {
        tags: ['recording'],
        summary: '案件证据 Evidence items of a case, oldest first (confidential items you may not open show restricted: true)',
        params: idParams,
        response: { 200: z.object({ items: z.array(evidenceOut) }), ...readErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const kase = await loadCaseFor(db, actor, request.params.id, 'case.read');
      const agency = await loadAgencyRef(db, kase.agencyId);
      const rows = await db.select().from(evidence).where(eq(evidence.caseId, kase.id)).orderBy(asc(evidence.uploadedAt), asc(evidence.id));
      return { items: rows.map((row) => presentEvidence(row, !mayReadEvidence(actor, row, agency))) };
    },
  );

  app.get(
    '/api/evidence/:id',
    {
      schema: {
        tags: ['recording'],
        summary: '证据信息 An evidence item (recorded in the case record as evidence.viewed; 403 EVIDENCE_RESTRICTED without the confidentiality permission)',
        params: idParams,
        response: { 200: evidenceOut, ...readErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ctx = auditContext(request, deps);
      const { item, kase } = await loadEvidenceForReading(db, ctx, actor, request.params.id, 'view');
      await transaction(deps.database, (tx) => appendCaseEvent(tx, ctx, kase.id, { type: 'evidence.viewed', payload: { evidenceId: item.id } }));
      return presentEvidence(item, false);
    },
  );

  app.get(
    '/api/evidence/:id/content',
    {
      schema: {
        tags: ['recording'],
        summary: '证据文件 The bytes of an evidence item (Range supported; every request recorded as evidence.downloaded)',
        description: 'The body is the file, in the content type recorded for it. 403 EVIDENCE_RESTRICTED, 404 NOT_FOUND, 416 RANGE_NOT_SATISFIABLE.',
        params: idParams,
        response: {
          200: binaryResponse('the whole file', ['*/*']),
          206: binaryResponse('the requested byte range (Content-Range)', ['*/*']),
          ...readErrors,
          416: errorBody,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ctx = auditContext(request, deps);
      const { item, kase } = await loadEvidenceForReading(db, ctx, actor, request.params.id, 'download');
      const range = parseRange(request.headers.range, item.size);
      if (range === 'unsatisfiable') {
        reply.header('content-range', `bytes */${item.size}`);
        throw new AppError('RANGE_NOT_SATISFIABLE');
      }
      // Recorded before the first byte leaves: a download that fails half-way was still attempted.
      await transaction(deps.database, (tx) =>
        appendCaseEvent(tx, ctx, kase.id, {
          type: 'evidence.downloaded',
          payload: { evidenceId: item.id, sha256: item.sha256, ...(range ? { range: `${range.start}-${range.end}` } : {}) },
        }),
      );
      const body = await deps.store.get(item.storageKey, range ?? undefined);
      reply
        .type(item.contentType)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', disposition(item.originalName ?? `${item.id}`));
      if (range) {
        reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${item.size}`).header('content-length', range.end - range.start + 1);
      } else reply.header('content-length', item.size);
      return reply.send(body);
    },
  );
}
