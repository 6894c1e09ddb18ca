import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { maskIdNumber } from '../../organisation/check-digits.js';
import { agencies, people } from '../../organisation/tables.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, auditContext } from '../../accounts/request-context.js';
import { transaction } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/app.js';
import type { AppDeps } from '../../deps.js';
import { binaryResponse, errorBody } from '../../platform/http/schemas.js';
import { contentKey } from '../../platform/storage/content-store.js';
import { appendCaseEvent } from '../chain.js';
import { loadCaseFor } from '../cases/load.js';
import { caseOfficers, caseParties, documents } from '../tables.js';
import { DOC_TYPES } from './library.js';
import { documentTypeOut, presentDocumentType } from './presenter.js';
import { renderDocx, renderPdf } from './render.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The uniform document library (R2, R6): its types with their field schemas, and each issued
 * document as .docx or PDF, rendered from what was recorded. Every rendering is a case event.
 */
export async function documentRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/document-types',
    { schema: { tags: ['recording'], summary: '执法文书目录 The document types, their numbering and field schemas', response: { 200: z.object({ items: z.array(documentTypeOut) }) } } },
    async () => ({ items: Object.values(DOC_TYPES).map(presentDocumentType) }),
  );

  app.get(
    '/api/documents/:id/:format',
    {
      schema: {
        tags: ['recording'],
        summary: '下载文书 An issued document as .docx or PDF (the download is recorded in the case)',
        params: z.object({ id: z.uuid(), format: z.enum(['docx', 'pdf']) }),
        response: { 200: binaryResponse('the document, rendered from what was recorded', [PDF, DOCX]), 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const [doc] = await db.select().from(documents).where(eq(documents.id, request.params.id));
      if (!doc) throw new AppError('NOT_FOUND');
      const kase = await loadCaseFor(db, actor, doc.caseId, 'case.read');
      const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, kase.agencyId));
      const parties = await db.select().from(caseParties).where(eq(caseParties.caseId, kase.id)).orderBy(asc(caseParties.name));
      const officers = await db
        .select({ name: people.name, certificateNumber: people.certificateNumber })
        .from(caseOfficers)
        .innerJoin(people, eq(people.id, caseOfficers.personId))
        .where(eq(caseOfficers.caseId, kase.id))
        .orderBy(asc(caseOfficers.role), asc(people.name));
      const signature = doc.signatureSha256
        ? { image: await readAll(await deps.store.get(contentKey(doc.signatureSha256))) }
        : doc.refusalReason
          ? { refusalReason: doc.refusalReason }
          : null;
      const input = {
        docType: doc.docType,
        number: doc.number,
        agency: { name: agency?.name ?? '' },
        caseInfo: { registerNumber: kase.registerNumber, title: kase.title },
        parties: parties.map((p) => ({ kind: p.kind, name: p.name, idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null, creditCode: p.creditCode, legalRepresentative: p.legalRepresentative, address: p.address })),
        officers,
        fields: doc.fields,
        issuedAt: doc.issuedAt,
        signature,
      };
      const { format } = request.params;
      const bytes = format === 'pdf' ? await renderPdf(input) : await renderDocx(input);
      await transaction(deps.database, (tx) => appendCaseEvent(tx, auditContext(request, deps), kase.id, { type: 'document.viewed', payload: { documentId: doc.id, format } }));
      const name = `${doc.number ?? DOC_TYPES[doc.docType as keyof typeof DOC_TYPES]?.zh ?? doc.docType}.${format}`;
      return reply
        .header('content-type', format === 'pdf' ? PDF : DOCX)
        .header('content-disposition', `attachment; filename="document.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
