import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { agencyScopeCondition, authorize, loadAgencyRef } from '../accounts/scope.js';
import { recordAudit } from '../audit/record.js';
import { organisationPolicy } from '../organisation/policy.js';
import { agencies } from '../organisation/tables.js';
import { chinaDate } from '../platform/clock.js';
import { actorOf, auditContext } from '../accounts/request-context.js';
import { transaction } from '../platform/db/transaction.js';
import type { App } from '../platform/http/app.js';
import type { AppDeps } from '../deps.js';
import { uploadedFilePart } from '../platform/http/multipart.js';
import { binaryResponse, errorBody } from '../platform/http/schemas.js';
import { agencyTemplate, exportAgencies, importAgencies, planAgencyImport } from './agencies.js';
import { dryRunSummary, type ImportSummary } from './import.js';
import { exportOfficers, importOfficers, officerTemplate, planOfficerImport } from './officers.js';
import { invalidSpreadsheet, MAX_FILE_BYTES, XLSX_CONTENT_TYPE } from './spreadsheet.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const summaryOut = z.object({
  kind: z.enum(['officers', 'agencies']),
  dryRun: z.boolean(),
  totalRows: z.number(),
  imported: z.number(),
  created: z.array(z.object({ row: z.number(), id: z.uuid() })),
});

const importResponses = { 200: summaryOut, 400: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 415: errorBody, 422: errorBody };

const importDescription =
  'multipart/form-data with one .xlsx file in the field "file" (at most 10 MiB). All rows or none: if any row is invalid, ' +
  'nothing is written and the answer is 422 IMPORT_REJECTED with every problem in error.details.rows ' +
  '({row, column, header, field, code, message, messageEn}). An unreadable file, a missing column or no data is 422 INVALID_SPREADSHEET; ' +
  'a file that expands beyond 50 MiB (or compresses suspiciously well) or whose sheet has more than 10,000 rows is 413 SPREADSHEET_TOO_LARGE, refused before it is parsed.';

/** The uploaded spreadsheet: exactly one file part named "file". */
async function uploadedFile(request: FastifyRequest): Promise<{ data: Buffer; name: string | null }> {
  const part = await uploadedFilePart(request, 'file', { limits: { fileSize: MAX_FILE_BYTES } });
  const data = await part.toBuffer();
  if (data.length === 0) throw invalidSpreadsheet({ reason: 'not_xlsx' });
  return { data, name: part.filename || null };
}

function sendWorkbook(reply: FastifyReply, buffer: Buffer, fileName: string) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}

/**
 * Spreadsheet import and export of officers and agencies (O1, O2, I1): templates, all-or-nothing
 * imports with a row-by-row report, and exports for reading (ID numbers masked, P8).
 */
export async function exchangeRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => chinaDate(deps.clock.now());

  app.post(
    '/api/exchange/officers',
    {
      schema: {
        tags: ['exchange'],
        summary: '导入执法人员 Import officers (.xlsx)',
        description: importDescription,
        querystring: z.object({ agencyId: z.uuid(), dryRun: flag }),
        response: importResponses,
      },
    },
    async (request): Promise<ImportSummary> => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.query.agencyId);
      authorize(organisationPolicy, actor, 'exchange.import', agency);
      const file = await uploadedFile(request);
      const dryRun = request.query.dryRun;
      const plan = await planOfficerImport(db, file.data, { agencyId: agency.id, fileName: file.name, dryRun });
      if (dryRun) return dryRunSummary(plan);
      return transaction(deps.database, (tx) => importOfficers(tx, auditContext(request, deps), plan));
    },
  );

  app.post(
    '/api/exchange/agencies',
    {
      schema: {
        tags: ['exchange'],
        summary: '导入执法主体 Import agencies (.xlsx; supervisors within their region)',
        description: importDescription,
        querystring: z.object({ dryRun: flag }),
        response: importResponses,
      },
    },
    async (request): Promise<ImportSummary> => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'exchange.import');
      // Registering agencies is the justice bureau's task (O1, P13), as for POST /api/agencies.
      authorize(organisationPolicy, actor, 'agency.create');
      const file = await uploadedFile(request);
      const dryRun = request.query.dryRun;
      const plan = await planAgencyImport(db, file.data, { actor, fileName: file.name, dryRun });
      if (dryRun) return dryRunSummary(plan);
      return transaction(deps.database, (tx) => importAgencies(tx, auditContext(request, deps), plan));
    },
  );

  app.get(
    '/api/exchange/officers.xlsx',
    {
      schema: {
        tags: ['exchange'],
        summary: '导出执法人员 Export an agency’s officers (.xlsx, ID numbers masked)',
        description: 'For reading: the ID number column is masked, so the file cannot be re-imported as it is.',
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: binaryResponse('the workbook, ID numbers masked', [XLSX_CONTENT_TYPE]), 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const agency = await loadAgencyRef(db, request.query.agencyId);
      authorize(organisationPolicy, actor, 'exchange.import', agency);
      const exported = await exportOfficers(db, agency.id, deps.clock.now());
      // Personal data leaves the system: recorded like any other read of it.
      await transaction(deps.database, (tx) =>
        recordAudit(tx, auditContext(request, deps), {
          action: 'exchange.exported',
          subjectType: 'agency',
          subjectId: agency.id,
          agencyId: agency.id,
          detail: { kind: 'officers', count: exported.ids.length, ids: exported.ids },
        }),
      );
      return sendWorkbook(reply, exported.buffer, `officers-${today()}.xlsx`);
    },
  );

  app.get(
    '/api/exchange/agencies.xlsx',
    {
      schema: {
        tags: ['exchange'],
        summary: '导出执法主体 Export the agencies in scope (.xlsx)',
        response: { 200: binaryResponse('the workbook', [XLSX_CONTENT_TYPE]), 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(organisationPolicy, actor, 'exchange.import');
      const exported = await exportAgencies(db, today(), deps.clock.now(), agencyScopeCondition(actor, agencies.id));
      await transaction(deps.database, (tx) =>
        recordAudit(tx, auditContext(request, deps), {
          action: 'exchange.exported',
          subjectType: 'agency',
          agencyId: actor.agencyId,
          detail: { kind: 'agencies', count: exported.count },
        }),
      );
      return sendWorkbook(reply, exported.buffer, `agencies-${today()}.xlsx`);
    },
  );

  for (const [kind, build] of [
    ['officers', officerTemplate],
    ['agencies', agencyTemplate],
  ] as const) {
    app.get(
      `/api/exchange/templates/${kind}.xlsx`,
      {
        schema: {
          tags: ['exchange'],
          summary: kind === 'officers' ? '执法人员导入模板 Officers import template' : '执法主体导入模板 Agencies import template',
          description: 'Headers, a hidden row of field keys, drop-downs, and a 填写说明 sheet documenting each column with an example.',
          response: { 200: binaryResponse('the template workbook', [XLSX_CONTENT_TYPE]), 403: errorBody },
        },
      },
      async (request, reply) => {
        authorize(organisationPolicy, actorOf(request), 'agency.read');
        return sendWorkbook(reply, await build(deps.clock.now()), `${kind}-template.xlsx`);
      },
    );
  }
}
